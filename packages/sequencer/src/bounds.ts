/**
 * Lower bounds on the objective that hold for every feasible sequence (rules R1-R4 of
 * `evaluate.ts`). When the search reaches one, the sequence is optimal and the search can stop.
 *
 * Every step is a counting argument; the comments give it. Notation: m = number of D-1 cars,
 * total = all cars, day D = positions m..total-1, B = paint batch limit, n_c = day-D cars of
 * colour c, c0 = colour of the last D-1 car. A window of constraint N/P is "counted" when it
 * starts at s with lo = max(0, m-P+1) <= s <= total-1 (R3 + R4; truncated end windows keep N).
 *
 * The ratio parts rely on R4 (every window starting in day D is counted); for instances without
 * end windows (CSPLib) they are 0, which is trivially valid.
 */
import type { Components, Instance } from './model.ts';
import { objectiveWeights } from './model.ts';

export type LowerBound = {
  /** Lower bound on the weighted score. */
  score: number;
  /** Per-objective lower bounds, each valid for every feasible sequence. */
  components: Components;
  /** Lower bound on PCC among feasible sequences with HPRC = 0. */
  pccWithoutHprc: number;
  /** Lower bound on PCC among feasible sequences whose HPRC equals `components.hprc`. */
  pccAtMinimumHprc: number;
  /** Lower bounds on HPRC and LPRC among feasible sequences whose PCC equals `components.pcc`. */
  ratiosAtMinimumPcc: { hprc: number; lprc: number };
  /**
   * Lower bound on w_hprc HPRC + w_lprc LPRC among feasible sequences whose PCC equals
   * `components.pcc` (with the joint per-segment minimum, see `segmentJointMinimum`).
   */
  weightedRatiosAtMinimumPcc: number;
};

/**
 * PCC from a lower bound on the number of runs of each colour in day D.
 *
 * - Two runs of one colour are never adjacent (adjacent cars of one colour are one run), so the
 *   r_max runs of the colour with the most need r_max - 1 runs of other colours between them:
 *   runs >= max(sum r_c, 2 r_max - 1).
 * - R1: PCC = (runs in D - 1) + [m > 0 and the first D car's colour != c0]; the bracket is 1 when
 *   c0 does not occur in day D at all, or when the caller knows that no c0 car can be first
 *   (`c0Blocked`).
 */
export const pccFromRuns = (instance: Instance, runs: ArrayLike<number>, c0Blocked = false): number => {
  let sum = 0;
  let max = 0;
  for (let c = 0; c < runs.length; c++) {
    sum += runs[c]!;
    max = Math.max(max, runs[c]!);
  }
  if (sum === 0) return 0;
  const runCount = Math.max(sum, 2 * max - 1);
  const m = instance.prevCount;
  const c0 = m > 0 ? instance.colours[m - 1]! : -1;
  const c0Missing = m > 0 && (c0 >= runs.length || runs[c0] === 0);
  return runCount - 1 + (c0Missing || (m > 0 && c0Blocked) ? 1 : 0);
};

/** Day-D cars per colour. */
export const dayColourCounts = (instance: Instance): Int32Array => {
  const counts = new Int32Array(instance.colourNames.length);
  for (let car = instance.prevCount; car < instance.ids.length; car++) counts[instance.colours[car]!]!++;
  return counts;
};

/** R2: a colour with n_c cars needs at least ceil(n_c / B) runs (B = Infinity: one run). */
export const minimumRuns = (count: number, limit: number): number =>
  count === 0 ? 0 : Number.isFinite(limit) ? Math.ceil(count / limit) : 1;

/**
 * Most cars with an N/P option that `len` consecutive day-D positions can hold without any
 * violation of that constraint: N * floor(len / P) + min(N, len mod P). Cut the positions into
 * floor(len / P) blocks of P and a remainder; the window starting at the first position of each
 * piece is counted (it starts in day D; R4 counts it when truncated) and contains the piece, so
 * each piece holds at most N (and the remainder at most its length).
 */
export const capacity = (n: number, p: number, len: number): number =>
  n * Math.floor(len / p) + Math.min(n, len % p);

/**
 * Fewest runs colour c can have when none of its runs violates an N/P constraint, given that
 * n_c of its cars are to be placed, k_c of them with the option, and runs are 1..B long: the
 * smallest r >= ceil(n_c / B) such that some split n_c = L_1 + ... + L_r (1 <= L_i <= B) has
 * sum capacity(L_i) >= k_c (each run holds at most capacity(L_i) option cars; see `capacity`).
 * Found by a dynamic programme over (runs, cars placed) maximising the capacity sum.
 */
export const minimumRunsWithoutViolation = (
  count: number,
  withOption: number,
  n: number,
  p: number,
  limit: number,
): number => {
  const start = minimumRuns(count, limit);
  if (count === 0 || withOption === 0 || n >= p) return start;
  const maxLen = Math.min(count, Number.isFinite(limit) ? limit : count);
  const cap = Int32Array.from({ length: maxLen + 1 }, (_, len) => capacity(n, p, len));
  // best[s] = largest capacity sum over r runs totalling s cars (-1 = impossible).
  let best = new Int32Array(count + 1).fill(-1);
  best[0] = 0;
  for (let r = 1; r <= count; r++) {
    const next = new Int32Array(count + 1).fill(-1);
    for (let s = 1; s <= count; s++) {
      let v = -1;
      for (let len = 1; len <= Math.min(maxLen, s); len++) {
        const prev = best[s - len]!;
        if (prev >= 0 && prev + cap[len]! > v) v = prev + cap[len]!;
      }
      next[s] = v;
    }
    best = next;
    if (r >= start && best[count]! >= withOption) return r;
  }
  return count;
};

/**
 * Lower bound on sum over counted windows W of max(0, |W ∩ S ∩ option| - N) for one segment
 * S = [a, a + len) of positions: the option cars at its D-1 positions a..m-1 are known
 * (`knownPrefix[t]` = option cars among S's first t positions, for t <= max(0, m - a)), and the
 * `dayOnes` option cars of S's day-D part sit anywhere in it.
 *
 * For each shift j in 0..P-1 the windows starting at a - j, a - j + P, a - j + 2P, ... up to
 * a + len - 1 tile S; they are pairwise disjoint, and different shifts give different windows
 * (different start residues mod P). Drop the windows that are not counted (start < lo; they come
 * first): the rest, q windows, cover S from some position u on, so their day-D positions hold
 * at least Dc = max(0, dayOnes - day positions before u) option cars. Window w holds k_w known
 * option cars and d_w day-D ones (sum d_w >= Dc); with s_w = max(0, N - k_w) its violation is
 * max(0, k_w + d_w - N) = max(0, k_w - N) + max(0, d_w - s_w) (check k_w >= N and k_w < N), so
 * the shift's violations are at least sum_w max(0, k_w - N) + max(0, Dc - sum_w s_w). (This is
 * at least max(0, sum_w k_w + Dc - qN), as sum_w max(0, k_w - N) - sum_w s_w = sum_w k_w - qN,
 * and it also keeps a D-1 window's own excess.) Sum over the shifts.
 */
export const segmentBound = (
  n: number,
  p: number,
  lo: number,
  m: number,
  a: number,
  len: number,
  knownPrefix: ArrayLike<number>,
  dayOnes: number,
): number => {
  const knownLen = Math.max(0, Math.min(m, a + len) - a);
  const end = a + len;
  let total = 0;
  for (let j = 0; j < p; j++) {
    // First counted window start in this family.
    let s = a - j;
    if (s < lo) s += Math.ceil((lo - s) / p) * p;
    if (s >= end) continue;
    const q = Math.floor((end - 1 - s) / p) + 1;
    const u = Math.max(a, s);
    const dayBefore = Math.max(0, u - Math.max(a, m));
    const dayCovered = Math.max(0, dayOnes - dayBefore);
    // known(x) = known option cars of S at positions a..x-1 (x clamped to the known part).
    const known = (x: number): number => {
      const t = Math.min(Math.max(x, a), a + knownLen) - a;
      return t > 0 ? knownPrefix[t]! : 0;
    };
    let excess = 0;
    let slack = 0;
    let windows = 0;
    // Windows that reach known positions (start below a + knownLen); the rest hold none.
    for (let start = s; start < end && start < a + knownLen; start += p) {
      const k = known(start + p) - known(start);
      excess += Math.max(0, k - n);
      slack += Math.max(0, n - k);
      windows++;
    }
    slack += (q - windows) * n;
    total += excess + Math.max(0, dayCovered - slack);
  }
  return total;
};

/** segmentBound for a day-D segment whose start is unknown (any a >= m): the minimum over a. */
const floatingSegmentBound = (
  n: number,
  p: number,
  lo: number,
  m: number,
  len: number,
  ones: number,
): number => {
  // For a >= lo + P - 1 no window of any shift starts before lo, so the bound no longer changes.
  let min = Number.POSITIVE_INFINITY;
  const last = Math.max(m, lo + p - 1);
  for (let a = m; a <= last; a++) min = Math.min(min, segmentBound(n, p, lo, m, a, len, [0], ones));
  return min;
};

/**
 * Exact minimum, over every order of one segment's cars, of sum_k weight_k * (violations of
 * constraint k counted on the segment's cars only), over every window of P_k positions that
 * intersects the segment: windows starting at -(P_k - 1) .. len - 1 relative to the segment,
 * truncated to it at both ends. `cars[i][k]` = 1 when car i of the segment has option k.
 *
 * A dynamic programme over (cars left of each option pattern, patterns of the last
 * max P_k - 1 cars placed): the window ending at the car just placed (its start may be before
 * the segment) depends only on those, and at the end the windows that start in the last
 * P_k - 1 positions do too. Every order is one path, and each window is charged exactly once
 * (when its last segment position is placed), so the minimum is exact. Returns undefined when
 * the state space exceeds `maxStates` (the caller then does without it).
 */
export const segmentJointMinimum = (
  cars: readonly (readonly number[])[],
  ratios: readonly { n: number; p: number; weight: number }[],
  maxStates = 200_000,
): number | undefined => {
  const len = cars.length;
  if (len === 0 || ratios.length === 0) return 0;
  const patternOf = new Map<string, number>();
  const patterns: number[][] = [];
  const counts: number[] = [];
  for (const car of cars) {
    const key = car.join('');
    let t = patternOf.get(key);
    if (t === undefined) {
      t = patterns.length;
      patternOf.set(key, t);
      patterns.push([...car]);
      counts.push(0);
    }
    counts[t]!++;
  }
  const types = patterns.length;
  const h = Math.max(...ratios.map((r) => r.p)) - 1;
  // History digits: 0 = before the segment (no car), t + 1 = pattern t; newest digit lowest.
  const base = types + 1;
  let histStates = 1;
  for (let i = 0; i < h; i++) histStates *= base;
  let countStates = 1;
  for (const c of counts) countStates *= c + 1;
  if (countStates * histStates > maxStates) return undefined;
  const radix: number[] = [];
  let r = 1;
  for (const c of counts) {
    radix.push(r);
    r *= c + 1;
  }
  const memo = new Map<number, number>();
  const left = [...counts];
  // Option cars of constraint k among the newest `width` cars of `hist`.
  const windowCount = (hist: number, width: number, k: number): number => {
    let sum = 0;
    let x = hist;
    for (let i = 0; i < width; i++) {
      const d = x % base;
      if (d > 0) sum += patterns[d - 1]![k]!;
      x = Math.floor(x / base);
    }
    return sum;
  };
  const cost = (count: number, k: number): number => Math.max(0, count - ratios[k]!.n) * ratios[k]!.weight;
  const endCost = (hist: number): number => {
    // Windows starting at len - j (j = 1 .. P_k - 1) hold the last j cars (fewer if len < j).
    let total = 0;
    ratios.forEach((rt, k) => {
      for (let j = 1; j < rt.p; j++) total += cost(windowCount(hist, Math.min(j, h), k), k);
    });
    return total;
  };
  const solve = (placed: number, countKey: number, hist: number): number => {
    if (placed === len) return endCost(hist);
    const key = countKey * histStates + hist;
    const seen = memo.get(key);
    if (seen !== undefined) return seen;
    let best = Number.POSITIVE_INFINITY;
    for (let t = 0; t < types; t++) {
      if (left[t] === 0) continue;
      // Window ending at this car: it and the newest P_k - 1 cars before it.
      let c = 0;
      ratios.forEach((rt, k) => {
        c += cost(patterns[t]![k]! + windowCount(hist, rt.p - 1, k), k);
      });
      if (c >= best) continue;
      const next = h === 0 ? 0 : (hist * base + t + 1) % histStates;
      left[t]!--;
      const v = c + solve(placed + 1, countKey - radix[t]!, next);
      left[t]!++;
      if (v < best) best = v;
    }
    memo.set(key, best);
    return best;
  };
  let startKey = 0;
  counts.forEach((c, t) => {
    startKey += c * radix[t]!;
  });
  return solve(0, startKey, 0);
};

export const lowerBound = (instance: Instance): LowerBound => {
  const m = instance.prevCount;
  const total = instance.ids.length;
  const colourCount = instance.colourNames.length;
  const w = objectiveWeights(instance.objectives);
  const counts = dayColourCounts(instance);
  const limit = instance.paintBatchLimit;
  const runs = Int32Array.from(counts, (count) => minimumRuns(count, limit));
  const pccMin = pccFromRuns(instance, runs);
  const ratioOn = instance.endWindows && total > m;

  // Option cars per colour in day D, per constraint.
  const perColour = instance.ratios.map((_, k) => {
    const c = new Int32Array(colourCount);
    for (let car = m; car < total; car++) c[instance.colours[car]!]! += instance.options[k]![car]!;
    return c;
  });

  // Whole day (with the D-1 tail): one segment [lo, total).
  const whole = instance.ratios.map((r, k) => {
    if (!ratioOn) return 0;
    const lo = Math.max(0, m - r.p + 1);
    const known = [0];
    for (let t = lo; t < m; t++) known.push(known[known.length - 1]! + instance.options[k]![t]!);
    let day = 0;
    for (let car = m; car < total; car++) day += instance.options[k]![car]!;
    return segmentBound(r.n, r.p, lo, m, lo, total - lo, known, day);
  });

  // PCC = pccMin forces runs = the run bound (see pccFromRuns: runs >= bound and the c0 bracket
  // cannot be below its value), so when the bound is sum r_c every colour has exactly r_c runs,
  // and when c0 occurs in day D the first run is c0's. A colour with r_c = 1 is then one segment
  // of n_c consecutive positions (c0's right after the D-1 tail). Segments are disjoint, and
  // max(0, x + y - N) >= max(0, x - N) + max(0, y - N) for x, y >= 0, so per-segment bounds
  // (counting only the segment's cars in each window) add up.
  let runSum = 0;
  let runMax = 0;
  for (const r of runs) {
    runSum += r;
    runMax = Math.max(runMax, r);
  }
  const forced = ratioOn && runSum >= 2 * runMax - 1;
  const c0 = m > 0 ? instance.colours[m - 1]! : -1;
  const c0First = forced && c0 >= 0 && counts[c0]! > 0;
  // seg[k][c] = the bound of constraint k on colour c's segment (0 when c has more runs).
  const seg = instance.ratios.map((r, k) => {
    const out = new Array<number>(colourCount).fill(0);
    if (!forced) return out;
    const lo = Math.max(0, m - r.p + 1);
    for (let c = 0; c < colourCount; c++) {
      if (runs[c] !== 1) continue;
      const ones = perColour[k]![c]!;
      if (c === c0 && c0First) {
        const known = [0];
        for (let t = lo; t < m; t++) known.push(known[known.length - 1]! + instance.options[k]![t]!);
        out[c] = segmentBound(r.n, r.p, lo, m, lo, m - lo + counts[c]!, known, ones);
      } else {
        out[c] = floatingSegmentBound(r.n, r.p, lo, m, counts[c]!, ones);
      }
    }
    return out;
  });
  const atMin = instance.ratios.map((_, k) =>
    Math.max(
      whole[k]!,
      seg[k]!.reduce((a, b) => a + b, 0),
    ),
  );

  // Joint bound at minimal PCC: the bounds above take one constraint at a time, but the
  // constraints share the cars of a segment. For a one-run colour c whose segment floats (it is
  // not c0's first run) and when m >= P_k - 1, every window of constraint k that intersects the
  // segment is counted (it starts at a - P_k + 1 >= m - P_k + 1 = lo, a >= m being the segment
  // start), so the weighted violations counted on the segment's cars alone are at least the
  // exact minimum of `segmentJointMinimum` over any set of constraints, plus seg[k][c] for the
  // others (tried: the constraints with option cars in the segment, then those with a positive
  // seg[k][c]; a set whose state space is too large is skipped). By the same superadditivity as
  // above these add up over the segments (colours with several runs contribute 0), which bounds
  // w_hprc HPRC + w_lprc LPRC from below for every sequence with PCC = pccMin.
  const weightOf = (k: number): number => (instance.ratios[k]!.priority === 'high' ? w.hprc : w.lprc);
  let jointRatios = 0;
  if (forced) {
    for (let c = 0; c < colourCount; c++) {
      if (runs[c] !== 1) continue;
      let alone = 0;
      instance.ratios.forEach((_, k) => {
        alone += weightOf(k) * seg[k]![c]!;
      });
      let best = alone;
      if (!(c === c0 && c0First)) {
        const eligible = instance.ratios
          .map((_, k) => k)
          .filter((k) => {
            const r = instance.ratios[k]!;
            return r.n < r.p && m >= r.p - 1 && perColour[k]![c]! > 0 && weightOf(k) > 0;
          });
        const cars: number[][] = [];
        for (let car = m; car < total; car++) {
          if (instance.colours[car] === c) cars.push(eligible.map((k) => instance.options[k]![car]!));
        }
        const attempt = (set: number[]): void => {
          if (set.length === 0) return;
          const columns = set.map((k) => eligible.indexOf(k));
          const joint = segmentJointMinimum(
            cars.map((bits) => columns.map((i) => bits[i]!)),
            set.map((k) => ({ n: instance.ratios[k]!.n, p: instance.ratios[k]!.p, weight: weightOf(k) })),
          );
          if (joint === undefined) return;
          let rest = 0;
          instance.ratios.forEach((_, k) => {
            if (!set.includes(k)) rest += weightOf(k) * seg[k]![c]!;
          });
          best = Math.max(best, joint + rest);
        };
        const before = best;
        attempt(eligible);
        if (best === before) attempt(eligible.filter((k) => seg[k]![c]! > 0));
      }
      jointRatios += best;
    }
  }

  // A set of high constraints without any violation: every run of colour c respects each of
  // them, so colour c needs at least minimumRunsWithoutViolation runs for each (and
  // ceil(n_c / B)).
  // Also, if such a constraint has option cars on every day-D car of colour c0, and some counted
  // window containing position m (start s with max(lo, m - P + 1) <= s < m) already holds N
  // option cars among the D-1 cars s..m-1, then position m cannot hold an option car, so the
  // first day-D car is not of colour c0 and R1 charges the change from the D-1 tail.
  const c0Col = m > 0 ? instance.colours[m - 1]! : -1;
  const startFull = instance.ratios.map((r, k) => {
    if (!ratioOn || m === 0) return false;
    const lo = Math.max(0, m - r.p + 1);
    let ones = 0;
    for (let t = lo; t < m; t++) ones += instance.options[k]![t]!;
    // Windows s = lo, lo + 1, ..., m - 1 hold the D-1 cars s..m-1: the first one holds the most.
    return lo < m && ones >= r.n;
  });
  const pccWithout = (free: (k: number) => boolean): number => {
    const need = Int32Array.from(runs);
    let c0Blocked = false;
    if (ratioOn) {
      instance.ratios.forEach((r, k) => {
        if (r.priority !== 'high' || !free(k)) return;
        for (let c = 0; c < colourCount; c++) {
          const v = minimumRunsWithoutViolation(counts[c]!, perColour[k]![c]!, r.n, r.p, limit);
          if (v > need[c]!) need[c] = v;
        }
        if (startFull[k] && c0Col >= 0 && counts[c0Col]! > 0 && perColour[k]![c0Col] === counts[c0Col])
          c0Blocked = true;
      });
    }
    return pccFromRuns(instance, need, c0Blocked);
  };
  // HPRC = 0: no high constraint is violated.
  const pccNoHigh = pccWithout(() => true);

  const sumBy = (values: number[], priority: 'high' | 'low'): number =>
    values.reduce((acc, v, k) => acc + (instance.ratios[k]!.priority === priority ? v : 0), 0);
  const hprcMin = sumBy(whole, 'high');
  const lprcMin = sumBy(whole, 'low');
  const hprcAtMin = sumBy(atMin, 'high');
  const lprcAtMin = sumBy(atMin, 'low');
  // HPRC = hprcMin: each high constraint k has at least whole[k] violations and they add up to
  // hprcMin = sum whole[k], so each has exactly whole[k]; those with whole[k] = 0 have none.
  // (With hprcMin = 0 this is pccNoHigh.)
  const pccTight = pccWithout((k) => whole[k] === 0);

  // Split every feasible sequence by (PCC = pccMin or more) x (HPRC = hprcMin or more): the
  // cases cover all of them (PCC >= pccMin and HPRC >= hprcMin always); each has componentwise
  // bounds, and the score (weights are non-negative) is at least the smallest case's. At
  // PCC = pccMin the ratio part is also at least jointRatios, whatever HPRC is; a case whose
  // bounds contradict each other (HPRC = hprcMin below hprcAtMin, or PCC = pccMin below
  // pccTight) holds no sequence and is left out.
  const cases: number[] = [];
  const add = (pcc: number, hprc: number, lprc: number, ratioFloor = 0): void => {
    cases.push(w.pcc * pcc + Math.max(w.hprc * hprc + w.lprc * lprc, ratioFloor));
  };
  if (hprcAtMin <= hprcMin && pccTight <= pccMin) add(pccMin, hprcMin, lprcAtMin, jointRatios);
  add(pccMin, Math.max(hprcMin + 1, hprcAtMin), lprcAtMin, jointRatios);
  add(Math.max(pccMin + 1, pccTight), hprcMin, lprcMin);
  add(pccMin + 1, hprcMin + 1, lprcMin);
  return {
    score: Math.min(...cases),
    components: { hprc: hprcMin, pcc: pccMin, lprc: lprcMin },
    pccWithoutHprc: pccNoHigh,
    pccAtMinimumHprc: Math.max(pccMin, pccTight),
    ratiosAtMinimumPcc: { hprc: hprcAtMin, lprc: lprcAtMin },
    weightedRatiosAtMinimumPcc: Math.max(w.hprc * hprcAtMin + w.lprc * lprcAtMin, jointRatios),
  };
};
