/**
 * Vehicle ids: `C2B-<year>-<number>`, the number zero-padded to 6 digits (wider past 999,999),
 * e.g. `C2B-2026-000123`. Human-readable (said over the phone, printed on papers), given when
 * the order is placed, years before the VIN exists. The year is the Beijing-time year of placing;
 * the number comes from a per-year counter in the database.
 */
export const VEHICLE_ID_PATTERN = /^C2B-(\d{4})-(\d{6,})$/;

export function formatVehicleId(year: number, n: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 2999) throw new RangeError(`bad year ${year}`);
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`bad vehicle number ${n}`);
  return `C2B-${year}-${String(n).padStart(6, '0')}`;
}

export function parseVehicleId(value: string): { year: number; n: number } | undefined {
  const m = VEHICLE_ID_PATTERN.exec(value.trim().toUpperCase());
  if (!m?.[1] || !m[2]) return undefined;
  return { year: Number(m[1]), n: Number(m[2]) };
}

const BEIJING_YEAR = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric' });

/** The calendar year in Beijing time (the brand's orders are counted per Chinese year). */
export function vehicleIdYear(at: Date): number {
  return Number(BEIJING_YEAR.format(at));
}
