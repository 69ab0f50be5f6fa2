/**
 * Dedicated search for CSPLib prob001 (pure N/P ratio constraints, satisfaction, full windows
 * only, no paint, no D-1 cars), after the local search of Gottlieb, Puchta and Solnon (2003), "A
 * study of greedy, local search and ACO approaches for car sequencing problems", with window
 * weights (breakout) added:
 *
 * - The objective is the classic violation count: the sum over options and full windows of
 *   max(0, count - N) (the `hprc` of `evaluate`; 0 = satisfied).
 * - Cars of one class (same options) are interchangeable, so the search works on the class at
 *   each position and maps classes back to car indices at the end.
 * - Start: the DSU greedy (position by position, the class adding the fewest violations for
 *   the windows ending there; ties to the highest dynamic sum of utilisation rates, then at
 *   random).
 * - Moves: swaps and insertions (one car moved, the cars between shift by one). The first car is
 *   mostly a car of the option of a violated window inside that window (sampled in O(1) from the
 *   set of violated windows), the partner a random position (near it half of the time) whose
 *   class lacks that option. Both moves are evaluated in O(P) per option from per-window counts:
 *   a swap changes only the windows holding exactly one of the two positions, by ±1; an
 *   insertion shifts the windows inside its range by one place and changes the ones crossing its
 *   ends by one car.
 * - Acceptance: a move is taken when it does not increase the weighted violation (every window
 *   has a weight; plateau moves are taken). When the weighted violation has not improved for a
 *   while, every violated window gets heavier: the search then prefers moving the violation
 *   elsewhere, which leaves the plateaus plain descent stays on (measured: without weights the
 *   search stalled at 1-4 violations on 16/81 and the pb_* instances).
 *
 * Deterministic for a seed when stopped by `maxIterations`; the clock only decides when to stop.
 */
import { evaluate } from './evaluate.ts';
import { type Instance, SequencerError } from './model.ts';
import { createRandom, type Random } from './random.ts';
import type { SolveOptions, SolveResult } from './solve.ts';

/** Whether `solveCsplib` applies: no D-1 cars, no end windows, no paint to care about. */
export const isPureRatioInstance = (instance: Instance): boolean =>
  instance.prevCount === 0 &&
  !instance.endWindows &&
  instance.objectives.length === 1 &&
  instance.objectives[0] === 'hprc' &&
  instance.ratios.every((r) => r.priority === 'high');

export type Classes = {
  /** Class of each car. */
  classOf: Int32Array;
  /** bits[c * K + k] = 1 when class c needs option k. */
  bits: Uint8Array;
  count: Int32Array;
  /** Cars of each class, in index order. */
  cars: number[][];
};

export const classesOf = (instance: Instance): Classes => {
  const total = instance.ids.length;
  const K = instance.ratios.length;
  const keyOf = new Map<string, number>();
  const cars: number[][] = [];
  const classOf = new Int32Array(total);
  const rows: number[][] = [];
  for (let car = 0; car < total; car++) {
    const row = instance.options.map((opt) => opt[car]!);
    const key = row.join('');
    let c = keyOf.get(key);
    if (c === undefined) {
      c = cars.length;
      keyOf.set(key, c);
      cars.push([]);
      rows.push(row);
    }
    cars[c]!.push(car);
    classOf[car] = c;
  }
  const bits = new Uint8Array(cars.length * K);
  rows.forEach((row, c) => {
    for (let k = 0; k < K; k++) bits[c * K + k] = row[k]!;
  });
  return { classOf, bits, count: Int32Array.from(cars, (list) => list.length), cars };
};

/**
 * DSU greedy: at each position the class adding the fewest violations for the windows ending
 * there; ties to the highest dynamic sum of utilisation rates (remaining demand of each of its
 * options over the capacity of the remaining slots), then at random.
 */
export const dsuGreedy = (instance: Instance, classes: Classes, rnd: Random): Int32Array => {
  const n = instance.ids.length;
  const K = instance.ratios.length;
  const { bits } = classes;
  const classCount = classes.count.length;
  const remaining = Int32Array.from(classes.count);
  const demand = new Float64Array(K);
  for (let c = 0; c < classCount; c++)
    for (let k = 0; k < K; k++) demand[k]! += bits[c * K + k]! * remaining[c]!;
  const seq = new Int32Array(n);
  // recent[k] = option-k cars among the last p_k - 1 placed positions.
  const recent = new Int32Array(K);
  const rate = new Float64Array(K);
  for (let t = 0; t < n; t++) {
    const slots = n - t;
    for (let k = 0; k < K; k++) {
      const r = instance.ratios[k]!;
      rate[k] = demand[k]! / Math.max(1e-9, (slots * r.n) / r.p);
    }
    let best = -1;
    let bestCost = Number.POSITIVE_INFINITY;
    let bestRate = Number.NEGATIVE_INFINITY;
    let ties = 0;
    for (let c = 0; c < classCount; c++) {
      if (remaining[c] === 0) continue;
      let cost = 0;
      let sum = 0;
      for (let k = 0; k < K; k++) {
        if (!bits[c * K + k]) continue;
        sum += rate[k]!;
        // Only full windows count: the window ending at t exists when t >= p - 1.
        if (t >= instance.ratios[k]!.p - 1 && recent[k]! + 1 > instance.ratios[k]!.n) cost++;
      }
      if (cost < bestCost || (cost === bestCost && sum > bestRate + 1e-12)) {
        best = c;
        bestCost = cost;
        bestRate = sum;
        ties = 1;
      } else if (cost === bestCost && Math.abs(sum - bestRate) <= 1e-12) {
        ties++;
        if (rnd.int(ties) === 0) best = c;
      }
    }
    seq[t] = best;
    remaining[best]!--;
    for (let k = 0; k < K; k++) {
      const p = instance.ratios[k]!.p;
      demand[k]! -= bits[best * K + k]!;
      recent[k]! += bits[best * K + k]!;
      // Keep the last p - 1 positions: drop position t - p + 1.
      const out = t - p + 1;
      if (out >= 0) recent[k]! -= bits[seq[out]! * K + k]!;
    }
  }
  return seq;
};

/**
 * Tuning, measured on 16/81, pb_200_01, pb_300_01, pb_300_07 and pb_400_05 (5 seeds each, mean
 * iterations to a solution): the first car comes from a violated window 80% of the time (20%
 * random, for plateau drift); 30% of the moves are insertions, 70% swaps; half of the partners lie
 * within `NEAR_RADIUS` positions; a partner is re-drawn up to 4 times while it holds the option of
 * the violated window. Weights grow by 30% of their start value when the weighted violation has not improved for 4 000
 * moves (2 000 and 3 000 were about equal; decaying the weights, counting violated windows instead
 * of the excess, a random walk and the best of several sampled partners were all worse).
 */
const CONFLICT_SHARE = 80;
const INSERT_SHARE = 30;
const NEAR_SHARE = 50;
const NEAR_RADIUS = 10;
const PARTNER_TRIES = 4;
const STALL_MOVES = 4000;
/** Weights start at 10 and grow by 3 (integers, so weighted sums stay exact). */
const WEIGHT_START = 10;
const WEIGHT_STEP = 3;

/**
 * Per-window counts of one sequence of classes, with the moves the search uses: exact O(P)
 * deltas of the weighted violation for swaps and insertions, and their commits. Exported for the
 * property tests; `solveCsplib` is the entry.
 */
export const createWindowState = (instance: Instance, classes: Classes, start: Int32Array, rnd: Random) => {
  const n = instance.ids.length;
  const K = instance.ratios.length;
  const { bits } = classes;
  const N = Int32Array.from(instance.ratios, (r) => r.n);
  const P = Int32Array.from(instance.ratios, (r) => r.p);
  // Windows of option k start at 0..W[k] (W[k] < 0: no full window).
  const W = Int32Array.from(instance.ratios, (r) => n - r.p);
  const cnt = instance.ratios.map((r) => new Int32Array(Math.max(0, n - r.p + 1)));
  // Window weights (breakout): the search minimises the weighted violation; a window that stays
  // violated through a stall gets heavier, which reshapes the plateau the search is stuck on.
  const wt = instance.ratios.map((r) => new Float64Array(Math.max(0, n - r.p + 1)).fill(WEIGHT_START));

  const seq = Int32Array.from(start);
  /** Unweighted violation (the objective) and weighted violation (what moves are judged by). */
  let violation = 0;
  let weighted = 0;
  // The violated windows as a set (id = offset[k] + start) for O(1) sampling.
  const offset = new Int32Array(K + 1);
  for (let k = 0; k < K; k++) offset[k + 1] = offset[k]! + cnt[k]!.length;
  const windowCount = offset[K]!;
  const optionOf = new Int32Array(windowCount);
  for (let k = 0; k < K; k++) optionOf.fill(k, offset[k]!, offset[k + 1]!);
  const vlist = new Int32Array(windowCount);
  const vpos = new Int32Array(windowCount).fill(-1);
  let vlen = 0;
  const markViolated = (id: number): void => {
    vpos[id] = vlen;
    vlist[vlen++] = id;
  };
  const unmarkViolated = (id: number): void => {
    const at = vpos[id]!;
    const last = vlist[--vlen]!;
    vlist[at] = last;
    vpos[last] = at;
    vpos[id] = -1;
  };
  const f = (c: number, cap: number): number => (c > cap ? c - cap : 0);
  const load = (from: Int32Array): void => {
    seq.set(from);
    vlen = 0;
    vpos.fill(-1);
    violation = 0;
    weighted = 0;
    for (let k = 0; k < K; k++) {
      const c = cnt[k]!;
      const w = wt[k]!;
      const p = P[k]!;
      let sum = 0;
      for (let t = 0; t < n; t++) {
        sum += bits[seq[t]! * K + k]!;
        if (t >= p) sum -= bits[seq[t - p]! * K + k]!;
        if (t >= p - 1) {
          c[t - p + 1] = sum;
          if (sum > N[k]!) {
            violation += sum - N[k]!;
            weighted += w[t - p + 1]! * f(sum, N[k]!);
            markViolated(offset[k]! + t - p + 1);
          }
        }
      }
    }
  };
  load(start);

  /** Change of the weighted violation when positions i and j swap their classes. */
  const deltaSwap = (i: number, j: number): number => {
    const a = seq[i]! * K;
    const b = seq[j]! * K;
    const lo = Math.min(i, j);
    const hi = Math.max(i, j);
    const bl = lo === i ? b : a; // class arriving at lo
    const al = lo === i ? a : b; // class leaving lo
    let d = 0;
    for (let k = 0; k < K; k++) {
      const gain = bits[bl + k]! - bits[al + k]!; // lo gains `gain`, hi loses it
      if (gain === 0) continue;
      const c = cnt[k]!;
      const w = wt[k]!;
      const p = P[k]!;
      const cap = N[k]!;
      // Windows holding lo but not hi: start in [lo - p + 1, lo] and before hi - p + 1.
      let s0 = lo - p + 1;
      if (s0 < 0) s0 = 0;
      let s1 = hi - p;
      if (s1 > lo) s1 = lo;
      if (s1 > W[k]!) s1 = W[k]!;
      // Windows holding hi but not lo: start in [max(lo + 1, hi - p + 1), min(hi, W)].
      let t0 = hi - p + 1;
      if (t0 <= lo) t0 = lo + 1;
      let t1 = hi;
      if (t1 > W[k]!) t1 = W[k]!;
      if (gain > 0) {
        for (let s = s0; s <= s1; s++) if (c[s]! >= cap) d += w[s]!;
        for (let s = t0; s <= t1; s++) if (c[s]! > cap) d -= w[s]!;
      } else {
        for (let s = s0; s <= s1; s++) if (c[s]! > cap) d -= w[s]!;
        for (let s = t0; s <= t1; s++) if (c[s]! >= cap) d += w[s]!;
      }
    }
    return d;
  };

  const setCount = (k: number, s: number, after: number): void => {
    const c = cnt[k]!;
    const cap = N[k]!;
    const before = c[s]!;
    if (before === after) return;
    c[s] = after;
    violation += f(after, cap) - f(before, cap);
    weighted += wt[k]![s]! * (f(after, cap) - f(before, cap));
    if (before > cap && after <= cap) unmarkViolated(offset[k]! + s);
    else if (before <= cap && after > cap) markViolated(offset[k]! + s);
  };

  const swap = (i: number, j: number): void => {
    const lo = Math.min(i, j);
    const hi = Math.max(i, j);
    const al = seq[lo]! * K;
    const bl = seq[hi]! * K;
    for (let k = 0; k < K; k++) {
      const g = bits[bl + k]! - bits[al + k]!;
      if (g === 0) continue;
      const c = cnt[k]!;
      const p = P[k]!;
      const s0 = Math.max(0, lo - p + 1);
      const s1 = Math.min(lo, hi - p, W[k]!);
      for (let s = s0; s <= s1; s++) setCount(k, s, c[s]! + g);
      const t0 = Math.max(lo + 1, hi - p + 1);
      const t1 = Math.min(hi, W[k]!);
      for (let s = t0; s <= t1; s++) setCount(k, s, c[s]! - g);
    }
    const x = seq[lo]!;
    seq[lo] = seq[hi]!;
    seq[hi] = x;
  };

  /**
   * Change of the weighted violation when the car at position i moves to position j (the cars
   * between shift by one). A window inside the shifted range takes the count of its neighbour;
   * a window crossing one end loses one car and gains another.
   */
  const deltaInsert = (i: number, j: number): number => {
    const ci = seq[i]! * K;
    let d = 0;
    for (let k = 0; k < K; k++) {
      const c = cnt[k]!;
      const w = wt[k]!;
      const p = P[k]!;
      const cap = N[k]!;
      const last = W[k]!;
      if (last < 0) continue;
      const bi = bits[ci + k]!;
      if (i < j) {
        // Windows inside [i, j - 1] take the count of the next window.
        for (let s = i; s <= j - p; s++) d += w[s]! * (f(c[s + 1]!, cap) - f(c[s]!, cap));
        // Windows crossing the left end: lose old[i], gain old[s + p] unless they hold all of [i, j].
        const l1 = Math.min(i - 1, last);
        for (let s = Math.max(0, i - p + 1); s <= l1; s++) {
          if (s + p - 1 >= j) continue;
          const v = c[s]!;
          d += w[s]! * (f(v - bi + bits[seq[s + p]! * K + k]!, cap) - f(v, cap));
        }
        // Windows holding j and starting at i or later: lose old[s], gain old[i].
        const r1 = Math.min(j, last);
        for (let s = Math.max(i, j - p + 1); s <= r1; s++) {
          const v = c[s]!;
          d += w[s]! * (f(v - bits[seq[s]! * K + k]! + bi, cap) - f(v, cap));
        }
      } else {
        // Windows inside [j + 1, i] take the count of the previous window.
        for (let s = j + 1; s <= i - p + 1; s++) d += w[s]! * (f(c[s - 1]!, cap) - f(c[s]!, cap));
        // Windows holding j (starting at j or before): lose old[s + p - 1], gain old[i], unless
        // they hold all of [j, i].
        const l1 = Math.min(j, last);
        for (let s = Math.max(0, j - p + 1); s <= l1; s++) {
          if (s + p - 1 >= i) continue;
          const v = c[s]!;
          d += w[s]! * (f(v - bits[seq[s + p - 1]! * K + k]! + bi, cap) - f(v, cap));
        }
        // Windows crossing the right end (holding i, starting after j): lose old[i], gain old[s - 1].
        const r1 = Math.min(i, last);
        for (let s = Math.max(j + 1, i - p + 2); s <= r1; s++) {
          const v = c[s]!;
          d += w[s]! * (f(v - bi + bits[seq[s - 1]! * K + k]!, cap) - f(v, cap));
        }
      }
    }
    return d;
  };

  /** Moves the car at position i to position j and recounts the windows over the range. */
  const insert = (i: number, j: number): void => {
    const x = seq[i]!;
    if (i < j) seq.copyWithin(i, i + 1, j + 1);
    else seq.copyWithin(j + 1, j, i);
    seq[j] = x;
    const lo = Math.min(i, j);
    const hi = Math.max(i, j);
    for (let k = 0; k < K; k++) {
      const p = P[k]!;
      const s0 = Math.max(0, lo - p + 1);
      const s1 = Math.min(hi, W[k]!);
      if (s1 < s0) continue;
      let sum = 0;
      for (let t = s0; t < s0 + p; t++) sum += bits[seq[t]! * K + k]!;
      for (let s = s0; ; s++) {
        setCount(k, s, sum);
        if (s === s1) break;
        sum += bits[seq[s + p]! * K + k]! - bits[seq[s]! * K + k]!;
      }
    }
  };

  let conflictOption = -1;
  /** A position in a violated window holding that window's option (uniform over windows). */
  const conflictPosition = (): number => {
    const id = vlist[rnd.int(vlen)]!;
    const k = optionOf[id]!;
    conflictOption = k;
    const s = id - offset[k]!;
    const p = P[k]!;
    let pick = -1;
    let seen = 0;
    for (let t = s; t < s + p; t++) {
      if (bits[seq[t]! * K + k]) {
        seen++;
        if (rnd.int(seen) === 0) pick = t;
      }
    }
    return pick;
  };

  /** Stalled: every violated window gets heavier. */
  const raiseWeights = (): void => {
    for (let v = 0; v < vlen; v++) {
      const id = vlist[v]!;
      const k = optionOf[id]!;
      const at = id - offset[k]!;
      wt[k]![at]! += WEIGHT_STEP;
      weighted += WEIGHT_STEP * f(cnt[k]![at]!, N[k]!);
    }
  };

  return {
    seq,
    violation: (): number => violation,
    weighted: (): number => weighted,
    weight: (k: number, s: number): number => wt[k]![s]!,
    /** Option of the violated window the last `conflictPosition` drew from. */
    conflictOption: (): number => conflictOption,
    conflictPosition,
    deltaSwap,
    swap,
    deltaInsert,
    insert,
    raiseWeights,
    load,
  };
};

/** Classes back to cars: the k-th occurrence of a class takes its k-th car. */
export const carOrder = (classes: Classes, classSeq: Int32Array): Int32Array => {
  const next = new Int32Array(classes.count.length);
  const order = new Int32Array(classSeq.length);
  for (let t = 0; t < classSeq.length; t++) {
    const c = classSeq[t]!;
    order[t] = classes.cars[c]![next[c]!++]!;
  }
  return order;
};

export const solveCsplib = (instance: Instance, options: SolveOptions = {}): SolveResult => {
  if (!isPureRatioInstance(instance)) {
    throw new SequencerError(
      'sequencer.not_pure_ratio',
      'solveCsplib needs a pure ratio instance (no D-1 cars, no end windows, high constraints only)',
    );
  }
  const now = options.now ?? (() => 0);
  const started = now();
  const deadline = options.deadline ?? Number.POSITIVE_INFINITY;
  const maxIterations = options.maxIterations ?? Number.POSITIVE_INFINITY;
  const progressEvery = options.progressEveryMs ?? 1000;
  const target = Math.max(0, options.target ?? 0);
  const rnd = createRandom(options.seed ?? 1);
  const n = instance.ids.length;
  const K = instance.ratios.length;
  const classes = classesOf(instance);
  const { bits } = classes;
  const state = createWindowState(instance, classes, dsuGreedy(instance, classes, rnd), rnd);
  const { seq, deltaSwap, swap, deltaInsert, insert, conflictPosition } = state;
  const initialScore = state.violation();

  const best = Int32Array.from(seq);
  let bestScore = state.violation();
  let iterations = 0;
  let lastProgress = started;
  let sinceImproved = 0;
  let plateauBest = state.weighted();
  const report = (): void => {
    options.onProgress?.({
      iterations,
      seconds: (now() - started) / 1000,
      score: bestScore,
      components: { hprc: bestScore, pcc: 0, lprc: 0 },
    });
  };

  if (n >= 2 && classes.count.length >= 2) {
    while (state.violation() > target && iterations < maxIterations) {
      if ((iterations & 255) === 0) {
        const t = now();
        if (t >= deadline) break;
        if (options.onProgress && t - lastProgress >= progressEvery) {
          lastProgress = t;
          report();
        }
      }
      iterations++;
      sinceImproved++;
      if (sinceImproved >= STALL_MOVES) {
        state.raiseWeights();
        sinceImproved = 0;
        plateauBest = state.weighted();
      }
      const fromConflict = rnd.int(100) < CONFLICT_SHARE;
      const i = fromConflict ? conflictPosition() : rnd.int(n);
      const conflictOption = fromConflict ? state.conflictOption() : -1;
      const ci = seq[i]!;
      const nearMove = rnd.int(100) < NEAR_SHARE;
      let q = 0;
      for (let tries = 0; tries < PARTNER_TRIES; tries++) {
        q = nearMove ? i - NEAR_RADIUS + rnd.int(2 * NEAR_RADIUS + 1) : rnd.int(n);
        if (q < 0) q = 0;
        if (q >= n) q = n - 1;
        if (conflictOption < 0 || !bits[seq[q]! * K + conflictOption]) break;
      }
      if (seq[q] === ci) continue;
      if (rnd.int(100) < INSERT_SHARE) {
        if (deltaInsert(i, q) > 0) continue;
        insert(i, q);
      } else {
        if (deltaSwap(i, q) > 0) continue;
        swap(i, q);
      }
      if (state.weighted() < plateauBest) {
        plateauBest = state.weighted();
        sinceImproved = 0;
      }
      if (state.violation() < bestScore) {
        bestScore = state.violation();
        best.set(seq);
      }
    }
  }
  report();
  const order = carOrder(classes, best);
  const final = evaluate(instance, order);
  return {
    order,
    components: { hprc: final.hprc, pcc: final.pcc, lprc: final.lprc },
    score: final.score,
    feasible: final.feasible,
    initialScore,
    givenScore: evaluate(instance, instance.givenOrder).score,
    start: 'greedy',
    iterations,
    // No restarts: the weights do that job.
    rounds: 1,
    seconds: (now() - started) / 1000,
  };
};
