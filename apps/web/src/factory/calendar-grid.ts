// The capacity calendar as the planner sees it: whole weeks (Monday first) x days, each day
// with what it is (holiday, closed, frozen, inside the horizon, full, open) and how full.
import type { ResponseOf } from '../api/types.ts';
import { addDays, daysBetween, type IsoDate, mondayOf } from './iso-date.ts';

export type LineCalendar = ResponseOf<'/factory/lines/{lineId}/calendar', 'get'>;
export type CalendarDay = LineCalendar['days'][number];

export const DEFAULT_WEEKS = 6;
/** The API answers at most 120 days at once. */
export const MAX_WEEKS = 17;

export type CalendarRange = { from: IsoDate; to: IsoDate; weeks: number };

/** Whole weeks from the Monday of the week holding `anchor`. */
export function calendarRange(anchor: IsoDate, weeks: number = DEFAULT_WEEKS): CalendarRange {
  const n = Math.min(MAX_WEEKS, Math.max(1, Math.round(weeks)));
  const from = mondayOf(anchor);
  return { from, to: addDays(from, n * 7 - 1), weeks: n };
}

/** The range moved by `pages` screens (negative: back). */
export function shiftRange(range: CalendarRange, pages: number): CalendarRange {
  return calendarRange(addDays(range.from, pages * range.weeks * 7), range.weeks);
}

export const DAY_KINDS = ['holiday', 'closed', 'frozen', 'horizon', 'full', 'open'] as const;
export type DayKind = (typeof DAY_KINDS)[number];

/**
 * What a day is for planning, most important first: a holiday (with its reason) or a day the
 * line does not work; a frozen day; a day inside the frozen horizon (can no longer change);
 * full; or open with room left.
 */
export function dayKind(
  day: Pick<CalendarDay, 'working' | 'capacity' | 'reserved' | 'exception' | 'frozen' | 'insideHorizon'>,
): DayKind {
  if (!day.working || day.capacity === 0) return day.exception?.kind === 'holiday' ? 'holiday' : 'closed';
  if (day.frozen) return 'frozen';
  if (day.insideHorizon) return 'horizon';
  if (day.reserved >= day.capacity) return 'full';
  return 'open';
}

/** Share of the capacity that is reserved, 0..1 (null on a day without capacity). */
export function loadShare(day: Pick<CalendarDay, 'capacity' | 'reserved'>): number | null {
  if (day.capacity <= 0) return null;
  return Math.min(1, day.reserved / day.capacity);
}

/** Option limits of a day that are used up (reserved = max). */
export function fullOptionLimits(day: Pick<CalendarDay, 'optionLoads'>): CalendarDay['optionLoads'] {
  return day.optionLoads.filter((l) => l.maxCars > 0 && l.reserved >= l.maxCars);
}

export type GridCell = { date: IsoDate; day: CalendarDay | null; isToday: boolean; firstOfMonth: boolean };

/** Weeks x 7 cells for the range; a date the answer does not hold has `day: null`. */
export function calendarWeeks(
  range: CalendarRange,
  days: readonly CalendarDay[],
  today: IsoDate,
): GridCell[][] {
  const byDate = new Map(days.map((d) => [d.date, d]));
  const total = daysBetween(range.from, range.to) + 1;
  const weeks: GridCell[][] = [];
  for (let i = 0; i < total; i++) {
    const date = addDays(range.from, i);
    if (i % 7 === 0) weeks.push([]);
    weeks[weeks.length - 1]?.push({
      date,
      day: byDate.get(date) ?? null,
      isToday: date === today,
      firstOfMonth: date.endsWith('-01'),
    });
  }
  return weeks;
}

/** Days that hold cars and are not frozen yet, soonest first: what the planner still has to do. */
export function daysToPlan(days: readonly CalendarDay[]): CalendarDay[] {
  return days.filter((d) => d.reserved > 0 && !d.frozen).sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** Totals of a range: working days, capacity, reserved cars. */
export function rangeTotals(days: readonly CalendarDay[]): {
  workingDays: number;
  capacity: number;
  reserved: number;
} {
  return days.reduce(
    (sum, d) => ({
      workingDays: sum.workingDays + (d.working && d.capacity > 0 ? 1 : 0),
      capacity: sum.capacity + d.capacity,
      reserved: sum.reserved + d.reserved,
    }),
    { workingDays: 0, capacity: 0, reserved: 0 },
  );
}
