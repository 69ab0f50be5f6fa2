// The delivery calendar (日历订车) as the customer sees it, pure: the server's dates in whole
// weeks (Monday first) for the picker, whether a chosen date can still be promised, and what a
// refusal says when a date was taken meanwhile (its reasons and the next available date).

import { ApiError } from '../../api/api-error.ts';
import type { ResponseOf } from '../../api/types.ts';
import { problemMember } from '../../factory/api-problem.ts';
import { addDays, type IsoDate, isIsoDate, mondayOf } from '../../factory/iso-date.ts';
import type { Reason } from '../../factory/reason-text.ts';
import { reasonsOf } from '../../factory/reason-text.ts';

export type DeliveryCalendar = ResponseOf<'/store/delivery-calendar', 'get'>;
export type PromisedDate = DeliveryCalendar['days'][number];

/** How many weeks the checkout offers (the server's default). */
export const CALENDAR_WEEKS = 8;

/** Problem codes meaning "this date cannot be promised (any more)": pick another one. */
export const DATE_GONE_CODES = ['production.date_unavailable', 'production.day_frozen'] as const;

export type CalendarCell = { date: IsoDate; day: PromisedDate | null };

/**
 * Whole weeks from the Monday of the first date to the Sunday of the last; a date the answer
 * does not hold (before tomorrow, after the last week) has `day: null`.
 */
export function deliveryWeeks(days: readonly PromisedDate[]): CalendarCell[][] {
  const first = days[0];
  const last = days[days.length - 1];
  if (!first || !last) return [];
  const byDate = new Map(days.map((d) => [d.date, d]));
  const weeks: CalendarCell[][] = [];
  for (let monday = mondayOf(first.date); monday <= last.date; monday = addDays(monday, 7)) {
    weeks.push(
      Array.from({ length: 7 }, (_, i) => {
        const date = addDays(monday, i);
        return { date, day: byDate.get(date) ?? null };
      }),
    );
  }
  return weeks;
}

/** A date the customer may pick: in the answer and available. */
export function isChoosable(days: readonly PromisedDate[], date: string | null): boolean {
  return date !== null && days.some((d) => d.date === date && d.available);
}

export type DateGone = { code: string; reasons: Reason[]; nextAvailable: IsoDate | null };

/**
 * A refusal because the date cannot be promised (taken meanwhile, or its day frozen), with the
 * reasons and the next available date when the problem has them; undefined for any other error.
 */
export function dateGoneOf(error: unknown): DateGone | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (!(DATE_GONE_CODES as readonly string[]).includes(error.code)) return undefined;
  const next = problemMember(error, 'nextAvailable');
  return {
    code: error.code,
    reasons: reasonsOf(error),
    nextAvailable: typeof next === 'string' && isIsoDate(next) ? next : null,
  };
}
