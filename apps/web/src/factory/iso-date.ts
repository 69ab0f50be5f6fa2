// Plant dates are plain `YYYY-MM-DD` strings in the plant's time zone (as the API has them);
// arithmetic on them runs in UTC so no browser time zone or daylight saving shifts a day.

export type IsoDate = string;

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): value is IsoDate {
  if (!ISO_DATE.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}

const toUtc = (date: IsoDate) => Date.parse(`${date}T00:00:00Z`);
const fromUtc = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10);

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}

/** ISO weekday: 1 = Monday ... 7 = Sunday (as the API's `weekday`). */
export function weekdayOf(date: IsoDate): number {
  return new Date(toUtc(date)).getUTCDay() || 7;
}

export function mondayOf(date: IsoDate): IsoDate {
  return addDays(date, 1 - weekdayOf(date));
}

/** The date an instant falls on in a time zone (the plant's "today"). */
export function dateIn(timeZone: string, at: Date): IsoDate {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** A date for people: "12月9日 周三" / "Wed, Dec 9", with the year when asked. */
export function formatIsoDate(
  locale: string,
  date: IsoDate,
  options: { weekday?: boolean; year?: boolean } = {},
): string {
  if (!isIsoDate(date)) return date;
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    month: 'short',
    day: 'numeric',
    ...(options.year ? { year: 'numeric' } : {}),
    ...(options.weekday ? { weekday: 'short' } : {}),
  }).format(new Date(toUtc(date)));
}
