// Why a production day cannot take a car (or a date cannot be promised), in words: the server
// sends a reason code with its figures; the texts are production.reason.<code>.
import type { ResponseOf } from '../api/types.ts';
import type { Locale } from '../i18n/locales.ts';
import { pickLocalized } from '../i18n/locales.ts';
import type { Translate } from '../i18n/translate.ts';
import { problemMember } from './api-problem.ts';
import { formatIsoDate } from './iso-date.ts';

export type Reason = ResponseOf<'/store/delivery-calendar', 'get'>['days'][number]['reasons'][number];

const REASON_CODES = [
  'past',
  'no_production_day',
  'frozen_horizon',
  'day_frozen',
  'part_lead_time',
  'line_full',
  'option_limit',
  'dealer_full',
] as const;

function isReason(value: unknown): value is Reason {
  return (
    typeof value === 'object' &&
    value !== null &&
    (REASON_CODES as readonly string[]).includes(String((value as { code?: unknown }).code))
  );
}

/** The reasons of a 409 `production.day_unavailable` (move a car), when the problem has them. */
export function reasonsOf(error: unknown): Reason[] {
  const reasons = problemMember(error, 'reasons');
  return Array.isArray(reasons) ? reasons.filter(isReason) : [];
}

export function reasonText(t: Translate, locale: Locale, reason: Reason): string {
  const date = (d: string) => formatIsoDate(locale, d, { weekday: true });
  switch (reason.code) {
    case 'past':
      return t('production.reason.past');
    case 'no_production_day':
      return t('production.reason.no_production_day', { shipDate: date(reason.shipDate) });
    case 'frozen_horizon':
      return t('production.reason.frozen_horizon', { frozenUntil: date(reason.frozenUntil) });
    case 'day_frozen':
      return t('production.reason.day_frozen', { productionDay: date(reason.productionDay) });
    case 'part_lead_time':
      return t('production.reason.part_lead_time', {
        leadTimeDays: reason.leadTimeDays,
        partsReadyOn: date(reason.partsReadyOn),
      });
    case 'line_full':
      return t('production.reason.line_full', {
        productionDay: date(reason.productionDay),
        reserved: reason.reserved,
        capacity: reason.capacity,
      });
    case 'option_limit':
      return t('production.reason.option_limit', {
        productionDay: date(reason.productionDay),
        rule: pickLocalized(reason.rule.name, locale) ?? reason.rule.code,
        reserved: reason.reserved,
        limit: reason.limit,
      });
    case 'dealer_full':
      return t('production.reason.dealer_full');
  }
}
