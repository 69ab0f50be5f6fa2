import { describe, expect, it } from 'vitest';
import { codesOf, conditionHolds, optionDayLimit, rulesUsedBy } from './limit-options.ts';

/**
 * Brute force: the most 1s a 0/1 sequence of length c can hold with at most n in any p
 * consecutive, windows at the end of the day truncated (the sequencer's rule R4).
 */
function bruteLimit(c: number, n: number, p: number): number {
  let best = 0;
  for (let mask = 0; mask < 1 << c; mask++) {
    let ok = true;
    for (let s = 0; s < c && ok; s++) {
      let count = 0;
      for (let t = s; t < Math.min(s + p, c); t++) count += (mask >> t) & 1;
      if (count > n) ok = false;
    }
    if (ok) {
      let ones = 0;
      for (let t = 0; t < c; t++) ones += (mask >> t) & 1;
      best = Math.max(best, ones);
    }
  }
  return best;
}

describe('option day limit', () => {
  it.each([
    // capacity, n, p, limit
    [0, 1, 3, 0],
    [1, 1, 3, 1],
    [3, 1, 3, 1],
    [4, 1, 3, 2],
    [48, 1, 3, 16],
    [50, 1, 3, 17], // 16 full blocks and one partial block of 2 with 1
    [50, 2, 5, 20],
    [52, 2, 5, 22], // 10 blocks + min(2, 2)
    [51, 2, 5, 21], // 10 blocks + min(2, 1)
    [20, 3, 4, 15],
  ])('capacity %i under %i/%i allows %i cars', (capacity, n, p, limit) => {
    expect(optionDayLimit(capacity, n, p)).toBe(limit);
  });

  it('is exactly the most a day can hold, checked against every sequence up to 14 cars', () => {
    for (let p = 2; p <= 5; p++) {
      for (let n = 1; n < p; n++) {
        for (let c = 0; c <= 14; c++) {
          expect(optionDayLimit(c, n, p), `${c} cars, ${n}/${p}`).toBe(bruteLimit(c, n, p));
        }
      }
    }
  });
});

describe('rule conditions', () => {
  const car = { trim: 'trim-luxury', sunroof: 'sunroof-panoramic', paint: 'paint-polar-white' };

  it('evaluates option codes, all, any and not on a complete selection', () => {
    expect(conditionHolds('sunroof-panoramic', car)).toBe(true);
    expect(conditionHolds('eng-phev', car)).toBe(false);
    expect(conditionHolds({ any: ['eng-phev', 'sunroof-panoramic'] }, car)).toBe(true);
    expect(conditionHolds({ all: ['eng-phev', 'sunroof-panoramic'] }, car)).toBe(false);
    expect(conditionHolds({ not: 'eng-phev' }, car)).toBe(true);
    expect(conditionHolds({ all: ['trim-luxury', { not: { any: ['paint-obsidian-black'] } }] }, car)).toBe(
      true,
    );
  });

  it('treats <family>:none as "the optional family is not chosen"', () => {
    expect(conditionHolds('roofbox:none', car)).toBe(true);
    expect(conditionHolds('roofbox:none', { ...car, roofbox: 'roofbox:none' })).toBe(true);
    expect(conditionHolds('roofbox:none', { ...car, roofbox: 'roofbox-450' })).toBe(false);
    expect(conditionHolds('sunroof:none', car)).toBe(false);
  });

  it('lists the codes a condition names', () => {
    expect(codesOf({ all: ['a', { any: ['b', { not: 'c' }] }] })).toEqual(['a', 'b', 'c']);
  });

  it('picks the active rules a car counts towards', () => {
    const rules = [
      { id: 'r1', condition: 'sunroof-panoramic', active: true },
      { id: 'r2', condition: 'eng-phev', active: true },
      { id: 'r3', condition: 'trim-luxury', active: false },
    ];
    expect(rulesUsedBy(rules, car).map((r) => r.id)).toEqual(['r1']);
  });
});
