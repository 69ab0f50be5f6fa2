/**
 * The capacity calendar of a line and working-day arithmetic, pure.
 *
 * A line's capacity on a date is its weekly pattern (shifts x cars per shift per weekday) unless
 * a dated exception says otherwise: a holiday (no production), a make-up working day (调休上班,
 * a weekend day worked because a holiday was moved), an overtime day, or a reduced day. A date
 * with capacity 0 is not a working day. Dates are plant-local ISO dates ('YYYY-MM-DD'); all
 * arithmetic is on calendar dates in UTC so no time zone or DST can shift a day.
 */
import type { Bilingual } from './types.ts';

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True for a real calendar date written as YYYY-MM-DD (2026-02-30 is refused). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

function toUtc(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new Error(`not an ISO date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

const fromUtc = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10);

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** Calendar days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function weekdayOf(date: IsoDate): number {
  const d = new Date(toUtc(date)).getUTCDay();
  return d === 0 ? 7 : d;
}

export const minDate = (a: IsoDate, b: IsoDate): IsoDate => (a <= b ? a : b);
export const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (a >= b ? a : b);

/** The plant-local date of an instant. */
export function localDate(at: Date, timeZone: string): IsoDate {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** The instant of a plant-local wall-clock time on a date (offset looked up for that time zone). */
export function zonedDateTime(date: IsoDate, hour: number, minute: number, timeZone: string): Date {
  const guess = toUtc(date) + (hour * 60 + minute) * 60_000;
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(guess));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asLocal = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  // asLocal - guess is the zone's offset at that instant; the wanted instant is guess - offset.
  return new Date(guess - (asLocal - guess));
}

export type DayPattern = { shifts: number; carsPerShift: number };

export const EXCEPTION_KINDS = ['holiday', 'makeup_workday', 'overtime', 'reduced'] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];

export type CalendarException = {
  date: IsoDate;
  kind: ExceptionKind;
  /** Ignored for holidays (no production). */
  shifts: number;
  carsPerShift: number;
  reason: Bilingual;
};

export type CapacityCalendar = {
  /** Monday first: index 0 = Monday ... 6 = Sunday. */
  weekly: readonly DayPattern[];
  exceptions: ReadonlyMap<IsoDate, CalendarException>;
};

export function capacityOn(calendar: CapacityCalendar, date: IsoDate): number {
  const exception = calendar.exceptions.get(date);
  if (exception) return exception.kind === 'holiday' ? 0 : exception.shifts * exception.carsPerShift;
  const day = calendar.weekly[weekdayOf(date) - 1];
  return day ? day.shifts * day.carsPerShift : 0;
}

export function isWorkingDay(calendar: CapacityCalendar, date: IsoDate): boolean {
  return capacityOn(calendar, date) > 0;
}

// A calendar without any working day for this long is a configuration error, not a loop.
const SEARCH_LIMIT_DAYS = 400;

/**
 * The |n|-th working day after (n > 0) or before (n < 0) `date`, not counting `date` itself;
 * `date` unchanged for n = 0. Undefined when the calendar has no such day within a year or so.
 */
export function addWorkingDays(calendar: CapacityCalendar, date: IsoDate, n: number): IsoDate | undefined {
  if (n === 0) return date;
  const step = n > 0 ? 1 : -1;
  let left = Math.abs(n);
  let d = date;
  for (let i = 0; i < SEARCH_LIMIT_DAYS * Math.max(1, left); i++) {
    d = addDays(d, step);
    if (isWorkingDay(calendar, d) && --left === 0) return d;
  }
  return undefined;
}

/** The first working day on or after `date`. */
export function nextWorkingDay(calendar: CapacityCalendar, date: IsoDate): IsoDate | undefined {
  return isWorkingDay(calendar, date) ? date : addWorkingDays(calendar, date, 1);
}

/**
 * The last day of the frozen horizon: the `frozenDays`-th working day after today. Today is
 * always inside it (the line is running today's sequence); days after it are open to planning.
 */
export function frozenUntil(calendar: CapacityCalendar, today: IsoDate, frozenDays: number): IsoDate {
  return addWorkingDays(calendar, today, frozenDays) ?? addDays(today, frozenDays);
}
