import { describe, expect, it } from 'vitest';
import {
  capacity,
  lowerBound,
  minimumRuns,
  minimumRunsWithoutViolation,
  pccFromRuns,
  segmentBound,
} from './bounds.ts';
import { evaluate } from './evaluate.ts';
import { type Instance, withPrevious } from './model.ts';
import { createRandom } from './random.ts';
import { randomInstance } from './testing.ts';

const permutations = (items: number[]): number[][] => {
  if (items.length <= 1) return [items];
  const out: number[][] = [];
  items.forEach((x, i) => {
    for (const rest of permutations([...items.slice(0, i), ...items.slice(i + 1)])) out.push([x, ...rest]);
  });
  return out;
};

/** Exact minima by enumerating every day-D order (tiny instances only). */
const bruteForce = (instance: Instance, pccMin: number) => {
  let score = Number.POSITIVE_INFINITY;
  const min = {
    hprc: Number.POSITIVE_INFINITY,
    pcc: Number.POSITIVE_INFINITY,
    lprc: Number.POSITIVE_INFINITY,
  };
  let pccWithoutHprc = Number.POSITIVE_INFINITY;
  const atMin = { hprc: Number.POSITIVE_INFINITY, lprc: Number.POSITIVE_INFINITY };
  for (const order of permutations(Array.from(instance.givenOrder))) {
    const e = evaluate(instance, withPrevious(instance, order));
    if (!e.feasible) continue;
    score = Math.min(score, e.score);
    min.hprc = Math.min(min.hprc, e.hprc);
    min.pcc = Math.min(min.pcc, e.pcc);
    min.lprc = Math.min(min.lprc, e.lprc);
    if (e.hprc === 0) pccWithoutHprc = Math.min(pccWithoutHprc, e.pcc);
    if (e.pcc === pccMin) {
      atMin.hprc = Math.min(atMin.hprc, e.hprc);
      atMin.lprc = Math.min(atMin.lprc, e.lprc);
    }
  }
  return { score, min, pccWithoutHprc, atMin };
};

/** A hand-built instance: colours and option bits per car, D-1 cars first. */
const handInstance = (opts: {
  prev: number;
  colours: number[];
  options: number[][];
  ratios: { n: number; p: number; priority: 'high' | 'low' }[];
  limit?: number;
  objectives?: Instance['objectives'];
}): Instance => {
  const total = opts.colours.length;
  const colourCount = Math.max(...opts.colours) + 1;
  return {
    name: 'hand',
    ids: opts.colours.map((_, i) => `v${i}`),
    colours: Int32Array.from(opts.colours),
    colourNames: Array.from({ length: colourCount }, (_, c) => `c${c}`),
    options: opts.options.map((bits) => Uint8Array.from(bits)),
    ratios: opts.ratios.map((r, k) => ({ id: `R${k}`, ...r })),
    prevCount: opts.prev,
    paintBatchLimit: opts.limit ?? Number.POSITIVE_INFINITY,
    objectives: opts.objectives ?? ['hprc', 'pcc', 'lprc'],
    endWindows: true,
    givenOrder: Int32Array.from({ length: total - opts.prev }, (_, i) => opts.prev + i),
  };
};

describe('counting pieces', () => {
  it('capacity: N per full block of P plus min(N, remainder)', () => {
    expect(capacity(1, 3, 7)).toBe(3); // x..x..x
    expect(capacity(2, 3, 5)).toBe(4); // xx.xx
    expect(capacity(1, 2, 1)).toBe(1);
    expect(capacity(10, 15, 14)).toBe(10);
  });

  it('minimum runs from the batch limit', () => {
    expect(minimumRuns(0, 5)).toBe(0);
    expect(minimumRuns(10, 5)).toBe(2);
    expect(minimumRuns(11, 5)).toBe(3);
    expect(minimumRuns(11, Number.POSITIVE_INFINITY)).toBe(1);
  });

  it('minimum runs without violation: a 1/2 option on every car forces runs of one car', () => {
    expect(minimumRunsWithoutViolation(5, 5, 1, 2, Number.POSITIVE_INFINITY)).toBe(5);
    // 3 of 5 cars with 1/2: x.x.x fits in one run of 5.
    expect(minimumRunsWithoutViolation(5, 3, 1, 2, Number.POSITIVE_INFINITY)).toBe(1);
    // 4 of 5 with 1/2: one run of 5 holds 3; two runs hold at most 3 (1+4: 1+2, 2+3: 1+2);
    // three runs 1+1+3 hold 1+1+2 = 4.
    expect(minimumRunsWithoutViolation(5, 4, 1, 2, Number.POSITIVE_INFINITY)).toBe(3);
    // Never fewer than the batch limit needs.
    expect(minimumRunsWithoutViolation(6, 0, 1, 2, 2)).toBe(3);
  });

  it('segment bound on a whole day: 3 of 4 cars with 1/2 and no D-1 cars give 1 violation', () => {
    // Best orders (x.xx, xx.x, ...) all have exactly one window with two option cars.
    expect(segmentBound(1, 2, 0, 0, 0, 4, [0], 3)).toBe(1);
    // All 4: windows [0,2) [1,3) [2,4) hold 2 each, the truncated [3] holds 1: 3 violations.
    expect(segmentBound(1, 2, 0, 0, 0, 4, [0], 4)).toBe(3);
  });

  it('PCC from runs: c0 continues into day D or costs one change', () => {
    const inst = handInstance({
      prev: 1,
      colours: [0, 0, 1, 1],
      options: [[0, 0, 0, 0]],
      ratios: [{ n: 1, p: 2, priority: 'high' }],
    });
    expect(pccFromRuns(inst, [1, 1])).toBe(1);
    expect(pccFromRuns(inst, [0, 1])).toBe(1); // c0 absent from day D: the first car changes colour
    expect(pccFromRuns(inst, [1, 3])).toBe(4); // 3 runs of colour 1 need separators: 5 runs
  });
});

describe('lowerBound', () => {
  it('is exact on a hand case where minimal paint forces a ratio violation', () => {
    // Day D: colour 0 = two cars both with the 1/3 option, colour 1 = two plain cars; paint first.
    // One run per colour (PCC 1) puts the two option cars next to each other, and some window of
    // 3 holds both: HPRC >= 1 (exactly 1 with the pair first, as no window starts before it).
    const inst = handInstance({
      prev: 0,
      colours: [0, 0, 1, 1],
      options: [[1, 1, 0, 0]],
      ratios: [{ n: 1, p: 3, priority: 'high' }],
      objectives: ['pcc', 'hprc', 'lprc'],
    });
    const bound = lowerBound(inst);
    const exact = bruteForce(inst, bound.components.pcc);
    expect(bound.components.pcc).toBe(1);
    expect(bound.ratiosAtMinimumPcc.hprc).toBe(exact.atMin.hprc);
    expect(bound.score).toBe(exact.score);
    expect(bound.score).toBe(1_000_000 + 1_000);
  });

  it('is exact on a hand case where HPRC = 0 forces more paint runs', () => {
    // Colour 0: three cars with a 1/2 high option; colour 1: three plain cars. HPRC first.
    // HPRC 0 needs the option cars apart, so colour 0 is 3 runs: 0 1 0 1 0 1 -> at least 4 changes.
    const inst = handInstance({
      prev: 0,
      colours: [0, 0, 0, 1, 1, 1],
      options: [[1, 1, 1, 0, 0, 0]],
      ratios: [{ n: 1, p: 2, priority: 'high' }],
    });
    const bound = lowerBound(inst);
    expect(bound.pccWithoutHprc).toBe(4);
    expect(bound.score).toBe(bruteForce(inst, bound.components.pcc).score);
    expect(bound.score).toBe(4_000);
  });

  it('never exceeds the exact optimum (brute force over every order of small random instances)', () => {
    let positive = 0;
    let exactCount = 0;
    const rnd = createRandom(99);
    for (let seed = 1; seed <= 120; seed++) {
      const limit = rnd.int(3) === 0 ? Number.POSITIVE_INFINITY : 1 + rnd.int(3);
      const inst = randomInstance(seed, { cars: 4 + rnd.int(4), prev: rnd.int(5), limit });
      const bound = lowerBound(inst);
      const exact = bruteForce(inst, bound.components.pcc);
      if (!Number.isFinite(exact.score)) continue; // no feasible order
      expect(bound.score).toBeLessThanOrEqual(exact.score);
      expect(bound.components.hprc).toBeLessThanOrEqual(exact.min.hprc);
      expect(bound.components.pcc).toBeLessThanOrEqual(exact.min.pcc);
      expect(bound.components.lprc).toBeLessThanOrEqual(exact.min.lprc);
      if (Number.isFinite(exact.pccWithoutHprc))
        expect(bound.pccWithoutHprc).toBeLessThanOrEqual(exact.pccWithoutHprc);
      if (Number.isFinite(exact.atMin.hprc)) {
        expect(bound.ratiosAtMinimumPcc.hprc).toBeLessThanOrEqual(exact.atMin.hprc);
        expect(bound.ratiosAtMinimumPcc.lprc).toBeLessThanOrEqual(exact.atMin.lprc);
      }
      if (bound.score > 0) positive++;
      if (bound.score === exact.score) exactCount++;
    }
    // The bounds are not vacuous: most are positive, and many are exact on these tiny cases.
    expect(positive).toBeGreaterThan(60);
    expect(exactCount).toBeGreaterThan(20);
  });

  it('without end windows (CSPLib) the ratio parts are 0 and the score bound still holds', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const inst = randomInstance(seed, { cars: 6, colours: 1, prev: 0, endWindows: false });
      const bound = lowerBound(inst);
      expect(bound.components.hprc).toBe(0);
      expect(bound.score).toBeLessThanOrEqual(bruteForce(inst, bound.components.pcc).score);
    }
  });
});
