import { describe, expect, it } from 'vitest';
import { isId, newId, timeOfId } from './ids.ts';

describe('newId', () => {
  it('is prefixed, 26 Crockford base32 characters, and carries its time', () => {
    const id = newId('ord', Date.UTC(2026, 0, 2, 3, 4, 5, 6));
    expect(id).toMatch(/^ord_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(isId(id, 'ord')).toBe(true);
    expect(isId(id, 'cfg')).toBe(false);
    expect(timeOfId(id).toISOString()).toBe('2026-01-02T03:04:05.006Z');
  });

  it('sorts by creation, also within one millisecond and when the clock steps back', () => {
    const ids = [
      ...Array.from({ length: 1000 }, () => newId('veh', 1_800_000_000_000)),
      newId('veh', 1_799_999_999_000),
      newId('veh', 1_800_000_000_001),
    ];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('refuses a bad prefix', () => {
    expect(() => newId('Order')).toThrow();
    expect(() => newId('o')).toThrow();
  });
});
