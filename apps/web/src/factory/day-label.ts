// Plant dates for people: the ISO date planners and suppliers exchange, with the weekday.
import type { MessageKey } from '../i18n/catalogue.ts';
import type { Translate } from '../i18n/translate.ts';
import { type IsoDate, weekdayOf } from './iso-date.ts';

export const WEEKDAY_KEYS = [
  'factory.weekday.1',
  'factory.weekday.2',
  'factory.weekday.3',
  'factory.weekday.4',
  'factory.weekday.5',
  'factory.weekday.6',
  'factory.weekday.7',
] as const satisfies readonly MessageKey[];

export function weekdayKey(date: IsoDate): MessageKey {
  return WEEKDAY_KEYS[weekdayOf(date) - 1] ?? 'factory.weekday.1';
}

/** "2026-12-09 周三" / "2026-12-09 Wed". */
export function dayLabel(t: Translate, date: IsoDate): string {
  return `${date} ${t(weekdayKey(date))}`;
}
