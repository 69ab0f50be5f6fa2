/**
 * Opening hours in the subset of OpenStreetMap's `opening_hours` syntax the directory uses:
 * rules separated by `;`, each `<days> <HH:MM-HH:MM>[,<HH:MM-HH:MM>]` with days as `Mo-Fr`,
 * `Sa,Su` or `Mo`; a later rule replaces an earlier one for its days (OSM semantics); `off`
 * closes them. Pure. Anything it cannot read is `undefined`: the caller treats the dealer as
 * open every day rather than refusing every hand-over.
 */
export const WEEKDAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Minutes from midnight: [open, close). */
export type Interval = { from: number; to: number };
export type WeeklyHours = Record<Weekday, Interval[]>;

const TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;

export function parseOpeningHours(text: string | null | undefined): WeeklyHours | undefined {
  if (!text?.trim()) return undefined;
  const week = Object.fromEntries(WEEKDAYS.map((d) => [d, [] as Interval[]])) as WeeklyHours;
  for (const raw of text.split(';')) {
    const rule = raw.trim();
    if (!rule) continue;
    const [daysPart, timesPart, ...rest] = rule.split(/\s+/);
    if (!daysPart || !timesPart || rest.length > 0) return undefined;
    const days = parseDays(daysPart);
    if (!days) return undefined;
    const intervals: Interval[] = [];
    if (timesPart !== 'off') {
      for (const range of timesPart.split(',')) {
        const [a, b] = range.split('-');
        const from = minutes(a);
        const to = minutes(b);
        if (from === undefined || to === undefined || to <= from) return undefined;
        intervals.push({ from, to });
      }
    }
    for (const d of days) week[d] = intervals;
  }
  return week;
}

function parseDays(text: string): Weekday[] | undefined {
  const days: Weekday[] = [];
  for (const part of text.split(',')) {
    const [a, b] = part.split('-');
    const i = WEEKDAYS.indexOf(a as Weekday);
    const j = b === undefined ? i : WEEKDAYS.indexOf(b as Weekday);
    if (i < 0 || j < 0) return undefined;
    // Wraps over the week end (Sa-Mo).
    for (let k = i; ; k = (k + 1) % 7) {
      days.push(WEEKDAYS[k] as Weekday);
      if (k === j) break;
    }
  }
  return days;
}

function minutes(text: string | undefined): number | undefined {
  const m = TIME.exec(text ?? '');
  if (!m) return undefined;
  const value = Number(m[1]) * 60 + Number(m[2]);
  return value <= 24 * 60 ? value : undefined;
}

/** The weekday of a calendar date (YYYY-MM-DD), Monday first. */
export function weekdayOf(date: string): Weekday {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return WEEKDAYS[(day + 6) % 7] as Weekday;
}

/** Whether the dealer is open at all on that date (unknown hours: open). */
export function isOpenOn(hours: WeeklyHours | undefined, date: string): boolean {
  return hours === undefined || hours[weekdayOf(date)].length > 0;
}

export const formatMinutes = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/**
 * Whether a slot of `lengthMinutes` starting at `start` (HH:MM) lies inside the opening hours
 * of that date. Unknown hours accept 08:00-20:00.
 */
export function slotWithinHours(
  hours: WeeklyHours | undefined,
  date: string,
  start: string,
  lengthMinutes: number,
): boolean {
  const from = minutes(start);
  if (from === undefined) return false;
  const to = from + lengthMinutes;
  const intervals = hours === undefined ? [{ from: 8 * 60, to: 20 * 60 }] : hours[weekdayOf(date)];
  return intervals.some((i) => from >= i.from && to <= i.to);
}

/** Every slot start (on the half hour) of that date that fits inside the opening hours. */
export function slotStarts(hours: WeeklyHours | undefined, date: string, lengthMinutes: number): string[] {
  const intervals = hours === undefined ? [{ from: 8 * 60, to: 20 * 60 }] : hours[weekdayOf(date)];
  const starts: string[] = [];
  for (const i of intervals) {
    for (let m = Math.ceil(i.from / 30) * 30; m + lengthMinutes <= i.to; m += 30)
      starts.push(formatMinutes(m));
  }
  return starts;
}
