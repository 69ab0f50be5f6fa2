import { describe, expect, it } from 'vitest';
import { backoffCeilingMs, backoffWithJitterMs } from './retry.ts';

const backoff = { baseMs: 1000, maxMs: 60_000 };

// A seeded generator (mulberry32) so the spread check is the same on every run.
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('backoff with full jitter', () => {
  it('doubles the ceiling with every attempt up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffCeilingMs(backoff, n))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000,
    ]);
    expect(backoffCeilingMs(backoff, 5000)).toBe(60_000);
    expect(backoffCeilingMs(backoff, 0)).toBe(1000);
  });

  it('stays within [0, ceiling) and reaches both ends of the range', () => {
    expect(backoffWithJitterMs(backoff, 3, () => 0)).toBe(0);
    expect(backoffWithJitterMs(backoff, 3, () => 0.999_999)).toBe(3999);
    const random = seeded(7);
    for (let attempts = 1; attempts <= 12; attempts++) {
      const ceiling = backoffCeilingMs(backoff, attempts);
      const delays = Array.from({ length: 500 }, () => backoffWithJitterMs(backoff, attempts, random));
      expect(Math.min(...delays)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...delays)).toBeLessThan(ceiling);
      // Spread over the whole range, not bunched at one end.
      expect(Math.min(...delays)).toBeLessThan(ceiling * 0.1);
      expect(Math.max(...delays)).toBeGreaterThan(ceiling * 0.9);
      expect(delays.every(Number.isInteger)).toBe(true);
    }
  });
});
