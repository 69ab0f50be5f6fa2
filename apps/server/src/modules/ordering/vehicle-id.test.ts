import { describe, expect, it } from 'vitest';
import { formatVehicleId, parseVehicleId, vehicleIdYear } from './vehicle-id.ts';

describe('vehicle ids', () => {
  it('formats C2B-<year>-<6 digits> and widens past 999,999', () => {
    expect(formatVehicleId(2026, 123)).toBe('C2B-2026-000123');
    expect(formatVehicleId(2026, 999_999)).toBe('C2B-2026-999999');
    expect(formatVehicleId(2027, 1_000_000)).toBe('C2B-2027-1000000');
    expect(() => formatVehicleId(2026, 0)).toThrow(RangeError);
    expect(() => formatVehicleId(1999, 1)).toThrow(RangeError);
  });

  it('parses what it formats, in any case, and nothing else', () => {
    expect(parseVehicleId('C2B-2026-000123')).toEqual({ year: 2026, n: 123 });
    expect(parseVehicleId(' c2b-2026-000123 ')).toEqual({ year: 2026, n: 123 });
    for (const bad of ['C2B-2026-123', 'C2B-26-000123', 'ord_01J', 'C2B-2026-00012A', '']) {
      expect(parseVehicleId(bad)).toBeUndefined();
    }
  });

  it('counts years in Beijing time', () => {
    expect(vehicleIdYear(new Date('2026-12-31T15:59:59Z'))).toBe(2026);
    expect(vehicleIdYear(new Date('2026-12-31T16:00:00Z'))).toBe(2027);
  });
});
