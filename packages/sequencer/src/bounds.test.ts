import { describe, expect, it } from 'vitest';
import {
  capacity,
  lowerBound,
  minimumRuns,
  minimumRunsWithoutViolation,
  pccFromRuns,
  segmentBound,
  segmentJointMinimum,
} from './bounds.ts';
import { evaluate } from './evaluate.ts';
import { type Instance, objectiveWeights, withPrevious } from './model.ts';
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
const bruteForce = (instance: Instance, pccMin: number, hprcMin = 0) => {
  let score = Number.POSITIVE_INFINITY;
  const min = {
    hprc: Number.POSITIVE_INFINITY,
    pcc: Number.POSITIVE_INFINITY,
    lprc: Number.POSITIVE_INFINITY,
  };
  let pccWithoutHprc = Number.POSITIVE_INFINITY;
  let pccAtMinimumHprc = Number.POSITIVE_INFINITY;
  const atMin = {
    hprc: Number.POSITIVE_INFINITY,
    lprc: Number.POSITIVE_INFINITY,
    weighted: Number.POSITIVE_INFINITY,
  };
  for (const order of permutations(Array.from(instance.givenOrder))) {
    const e = evaluate(instance, withPrevious(instance, order));
    if (!e.feasible) continue;
    score = Math.min(score, e.score);
    min.hprc = Math.min(min.hprc, e.hprc);
    min.pcc = Math.min(min.pcc, e.pcc);
    min.lprc = Math.min(min.lprc, e.lprc);
    if (e.hprc === 0) pccWithoutHprc = Math.min(pccWithoutHprc, e.pcc);
    if (e.hprc === hprcMin) pccAtMinimumHprc = Math.min(pccAtMinimumHprc, e.pcc);
    if (e.pcc === pccMin) {
      atMin.hprc = Math.min(atMin.hprc, e.hprc);
      atMin.lprc = Math.min(atMin.lprc, e.lprc);
      atMin.weighted = Math.min(atMin.weighted, e.score - e.pcc * objectiveWeights(instance.objectives).pcc);
    }
  }
  return { score, min, pccWithoutHprc, pccAtMinimumHprc, atMin };
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

  it('segment bound keeps the excess of a window that D-1 cars already overfill', () => {
    // D-1 = [x, x], 1/3, then 4 day-D cars without the option: window 0 = (x, x, day car) holds
    // 2 whatever the order. Summed over its shift (windows 0 and 3) the cars would fit (2 <= 2N).
    expect(segmentBound(1, 3, 0, 2, 0, 6, [0, 1, 2], 0)).toBe(1);
    // One day-D option car more adds at least nothing on its own (it can sit in window 3).
    expect(segmentBound(1, 3, 0, 2, 0, 6, [0, 1, 2], 1)).toBe(1);
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

/** Weighted violations of one isolated segment, every window intersecting it, by recounting. */
const isolatedCost = (order: number[][], ratios: { n: number; p: number; weight: number }[]): number => {
  let total = 0;
  ratios.forEach((r, k) => {
    for (let s = -(r.p - 1); s < order.length; s++) {
      let count = 0;
      for (let t = Math.max(0, s); t < Math.min(order.length, s + r.p); t++) count += order[t]![k]!;
      total += Math.max(0, count - r.n) * r.weight;
    }
  });
  return total;
};

describe('segmentJointMinimum', () => {
  it('two 1/2 constraints that no order of A, B, AB satisfies together', () => {
    // Option 0 on cars 0 and 2, option 1 on cars 1 and 2: option 0 wants car 1 in the middle,
    // option 1 wants car 0 there. Alone each fits (capacity of 3 positions for 1/2 is 2).
    const cars = [
      [1, 0],
      [0, 1],
      [1, 1],
    ];
    expect(
      segmentJointMinimum(cars, [
        { n: 1, p: 2, weight: 1000 },
        { n: 1, p: 2, weight: 1 },
      ]),
    ).toBe(1);
    expect(segmentBound(1, 2, 0, 10, 10, 3, [0], 2)).toBe(0);
  });

  it('equals the minimum over every order of small random segments', () => {
    const rnd = createRandom(7);
    let joint = 0;
    for (let trial = 0; trial < 300; trial++) {
      const len = 1 + rnd.int(7);
      const ratios = Array.from({ length: 1 + rnd.int(3) }, () => {
        const p = 1 + rnd.int(5);
        return { n: 1 + rnd.int(p), p, weight: rnd.int(2) === 0 ? 1000 : 1 };
      });
      const cars = Array.from({ length: len }, () => ratios.map(() => (rnd.int(2) === 0 ? 1 : 0)));
      let exact = Number.POSITIVE_INFINITY;
      for (const order of permutations(cars.map((_, i) => i)))
        exact = Math.min(
          exact,
          isolatedCost(
            order.map((i) => cars[i]!),
            ratios,
          ),
        );
      expect(segmentJointMinimum(cars, ratios)).toBe(exact);
      let alone = 0;
      ratios.forEach((r, k) => {
        const ones = cars.reduce((a, car) => a + car[k]!, 0);
        alone += r.weight * segmentBound(r.n, r.p, 0, 10, 10, len, [0], ones);
      });
      expect(alone).toBeLessThanOrEqual(exact);
      if (exact > alone) joint++;
    }
    // Not vacuous: on some segments the constraints together cost more than each alone.
    expect(joint).toBeGreaterThan(5);
  });

  it('gives up (undefined) rather than enumerate too many states', () => {
    const cars = Array.from({ length: 40 }, (_, i) => [i % 2, (i >> 1) % 2, (i >> 2) % 2]);
    expect(segmentJointMinimum(cars, [{ n: 10, p: 15, weight: 1 }], 1000)).toBeUndefined();
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
    let tightHprc = 0;
    const rnd = createRandom(99);
    for (let seed = 1; seed <= 120; seed++) {
      const limit = rnd.int(3) === 0 ? Number.POSITIVE_INFINITY : 1 + rnd.int(3);
      const inst = randomInstance(seed, { cars: 4 + rnd.int(4), prev: rnd.int(5), limit });
      const bound = lowerBound(inst);
      const exact = bruteForce(inst, bound.components.pcc, bound.components.hprc);
      if (!Number.isFinite(exact.score)) continue; // no feasible order
      expect(bound.score).toBeLessThanOrEqual(exact.score);
      expect(bound.components.hprc).toBeLessThanOrEqual(exact.min.hprc);
      expect(bound.components.pcc).toBeLessThanOrEqual(exact.min.pcc);
      expect(bound.components.lprc).toBeLessThanOrEqual(exact.min.lprc);
      if (Number.isFinite(exact.pccWithoutHprc))
        expect(bound.pccWithoutHprc).toBeLessThanOrEqual(exact.pccWithoutHprc);
      if (Number.isFinite(exact.pccAtMinimumHprc)) {
        expect(bound.pccAtMinimumHprc).toBeLessThanOrEqual(exact.pccAtMinimumHprc);
        if (bound.components.hprc > 0) tightHprc++;
      }
      if (Number.isFinite(exact.atMin.hprc)) {
        expect(bound.ratiosAtMinimumPcc.hprc).toBeLessThanOrEqual(exact.atMin.hprc);
        expect(bound.ratiosAtMinimumPcc.lprc).toBeLessThanOrEqual(exact.atMin.lprc);
        expect(bound.weightedRatiosAtMinimumPcc).toBeLessThanOrEqual(exact.atMin.weighted);
      }
      if (bound.score > 0) positive++;
      if (bound.score === exact.score) exactCount++;
    }
    // The bounds are not vacuous: most are positive, and many are exact on these tiny cases.
    expect(positive).toBeGreaterThan(60);
    expect(exactCount).toBeGreaterThan(20);
    // The PCC bound at HPRC = a positive bound was checked on some of them.
    expect(tightHprc).toBeGreaterThan(5);
  });

  it('at the HPRC bound, constraints bounded at 0 have no violation and need more runs', () => {
    // D-1 = two cars of colour 0 with option A (1/3, high): window 0 holds both, HPRC >= 1 in
    // every order. Day D: three colour-1 cars with option B (1/2, high), two plain colour-2 cars.
    // With HPRC = 1 option B has no violation, so colour 1 is 3 runs: B x B x B, PCC 5 (colour 0
    // is absent from day D); PCC 2 would cost a B violation (HPRC 2). HPRC first.
    const inst = handInstance({
      prev: 2,
      colours: [0, 0, 1, 1, 1, 2, 2],
      options: [
        [1, 1, 0, 0, 0, 0, 0],
        [0, 0, 1, 1, 1, 0, 0],
      ],
      ratios: [
        { n: 1, p: 3, priority: 'high' },
        { n: 1, p: 2, priority: 'high' },
      ],
    });
    const bound = lowerBound(inst);
    expect(bound.components).toEqual({ hprc: 1, pcc: 2, lprc: 0 });
    expect(bound.pccAtMinimumHprc).toBe(5);
    expect(bound.score).toBe(1_005_000);
    expect(bound.score).toBe(bruteForce(inst, bound.components.pcc, 1).score);
  });

  it('a D-1 tail that fills the first window keeps a c0 car with the option from starting day D', () => {
    // D-1 = two colour-0 cars with option A (2/3, high): window 0 already holds 2, so position 2
    // cannot hold an A car without a violation. Day D: one colour-0 car with A, two plain colour-1
    // cars. HPRC 0 therefore starts day D with colour 1: PCC 2 (0 -> 1 -> 0), not 1. HPRC first.
    const inst = handInstance({
      prev: 2,
      colours: [0, 0, 0, 1, 1],
      options: [[1, 1, 1, 0, 0]],
      ratios: [{ n: 2, p: 3, priority: 'high' }],
    });
    const bound = lowerBound(inst);
    expect(bound.components.pcc).toBe(1);
    expect(bound.pccWithoutHprc).toBe(2);
    expect(bound.score).toBe(2_000);
    expect(bound.score).toBe(bruteForce(inst, bound.components.pcc).score);
  });

  it('counts the constraints of one segment together at minimal PCC (hand case)', () => {
    // D-1: one car of colour 0 (absent from day D, so PCC >= 1 and one run of colour 1 gives 1).
    // Day D: colour 1 = cars A (high), B (low), AB (both), constraints 1/2. Each constraint alone
    // fits in 3 positions, together they cannot: HPRC + LPRC >= 1 and the cheaper is LPRC.
    const inst = handInstance({
      prev: 1,
      colours: [0, 1, 1, 1],
      options: [
        [0, 1, 0, 1],
        [0, 0, 1, 1],
      ],
      ratios: [
        { n: 1, p: 2, priority: 'high' },
        { n: 1, p: 2, priority: 'low' },
      ],
      objectives: ['pcc', 'hprc', 'lprc'],
    });
    const bound = lowerBound(inst);
    expect(bound.ratiosAtMinimumPcc).toEqual({ hprc: 0, lprc: 0 });
    expect(bound.weightedRatiosAtMinimumPcc).toBe(1);
    expect(bound.score).toBe(1_000_001);
    expect(bound.score).toBe(bruteForce(inst, bound.components.pcc).score);
  });

  it('with one-run colours after a long D-1 tail, the joint bound never exceeds the optimum', () => {
    // D-1: 4 cars of colour 0, absent from day D, so every day-D colour is a floating segment
    // (one colour in half of the trials, two in the others); the D-1 cars have no option, so
    // the whole-day bound does not hide the segments'; two or three constraints with P <= 4
    // and dense options, so they often get in each other's way.
    const rnd = createRandom(11);
    let stronger = 0;
    for (let trial = 0; trial < 200; trial++) {
      const dayCars = 5 + rnd.int(3);
      const split = trial % 2;
      const colours = [0, 0, 0, 0, ...Array.from({ length: dayCars }, () => 1 + split * rnd.int(2))];
      const ratios = Array.from({ length: 2 + rnd.int(2) }, () => {
        const p = 2 + rnd.int(3);
        return {
          n: 1 + rnd.int(p - 1),
          p,
          priority: rnd.int(2) === 0 ? ('high' as const) : ('low' as const),
        };
      });
      const inst = handInstance({
        prev: 4,
        colours,
        options: ratios.map(() => colours.map((c) => (c > 0 && rnd.int(2) === 0 ? 1 : 0))),
        ratios,
        objectives: rnd.int(2) === 0 ? ['pcc', 'hprc', 'lprc'] : ['pcc', 'lprc', 'hprc'],
      });
      const bound = lowerBound(inst);
      const exact = bruteForce(inst, bound.components.pcc);
      expect(bound.score).toBeLessThanOrEqual(exact.score);
      expect(bound.weightedRatiosAtMinimumPcc).toBeLessThanOrEqual(exact.atMin.weighted);
      const w = objectiveWeights(inst.objectives);
      const alone = w.hprc * bound.ratiosAtMinimumPcc.hprc + w.lprc * bound.ratiosAtMinimumPcc.lprc;
      if (bound.weightedRatiosAtMinimumPcc > alone) stronger++;
    }
    // Not vacuous: on some instances the joint bound is above the per-constraint one.
    expect(stronger).toBeGreaterThan(5);
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
