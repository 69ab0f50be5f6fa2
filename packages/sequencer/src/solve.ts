/**
 * Local search for the day-D order, on the challenge's weighted lexicographic objective.
 *
 * Start: the better of Renault's given order and a greedy constructor (both must respect the
 * paint batch limit). Then many small random moves (swap, insertion, block reversal, colour-run
 * moves), each evaluated incrementally and accepted when not worse; the winning ROADEF 2005
 * approach showed that the speed of that loop matters more than anything clever. Moves that break
 * the paint batch limit are never accepted, so every visited sequence is feasible.
 *
 * Deterministic for a seed when stopped by `maxIterations`; the wall clock (`now`, `deadline`)
 * only decides when to stop.
 */
import { evaluate } from './evaluate.ts';
import { createIncremental } from './incremental.ts';
import { type Components, type Instance, objectiveWeights, withPrevious } from './model.ts';
import { createRandom } from './random.ts';

/** Best so far. */
export type Progress = {
  iterations: number;
  seconds: number;
  score: number;
  components: Components;
};

export type SolveOptions = {
  seed?: number;
  /** Milliseconds clock (e.g. `Date.now` or `performance.now`); needed with `deadline`. */
  now?: () => number;
  /** Stop when `now()` reaches this value. */
  deadline?: number;
  /** Stop after this many move evaluations (for reproducible runs). */
  maxIterations?: number;
  /** Called about once per `progressEveryMs` with the best so far. */
  onProgress?: (progress: Progress) => void;
  progressEveryMs?: number;
  /** Stop as soon as the score reaches this value (e.g. a proven lower bound). */
  target?: number;
  /**
   * Late-acceptance history length: after a first 40% of the budget (time or iterations) of plain
   * descent, a worse move is accepted when the result is no worse than the score this many
   * iterations ago. 0 = plain descent throughout (accept when not worse).
   * Default: `defaultHistory(instance)`.
   */
  history?: number;
  /**
   * Restarts (ROADEF, with late acceptance): when the current round's best has not improved for
   * this share of the budget (time or iterations), and the budget left is at least what the round
   * took to reach its best, start a new round from the start sequence with the random stream as
   * it is, keeping the overall best. 0 = never. Default 1/6.
   */
  restartStall?: number;
};

export type SolveResult = {
  /** Day-D car indices in line order. */
  order: Int32Array;
  components: Components;
  score: number;
  feasible: boolean;
  initialScore: number;
  /** Score of the given order (ROADEF SeqRank). */
  givenScore: number;
  start: 'given' | 'greedy';
  iterations: number;
  /** Rounds of the search (1 + restarts; see `restartStall`). */
  rounds: number;
  seconds: number;
};

/**
 * Greedy constructor: fills the day position by position with the class of cars (same colour
 * and options) that adds the least weighted cost for the windows ending there, never exceeding
 * the paint batch limit when another colour is left. Ties go to the class whose options are
 * the most in demand relative to their capacity, so hard cars are not left for the end.
 */
export const greedyOrder = (instance: Instance): Int32Array => {
  const m = instance.prevCount;
  const total = instance.ids.length;
  const ratioCount = instance.ratios.length;
  const w = objectiveWeights(instance.objectives);
  const classKey = new Map<string, number>();
  const classCars: number[][] = [];
  for (let car = m; car < total; car++) {
    let key = `${instance.colours[car]}`;
    for (let k = 0; k < ratioCount; k++) key += instance.options[k]![car] ? '1' : '0';
    let c = classKey.get(key);
    if (c === undefined) {
      c = classCars.length;
      classKey.set(key, c);
      classCars.push([]);
    }
    classCars[c]!.push(car);
  }
  const classCount = classCars.length;
  const classColour = Int32Array.from(classCars, (cars) => instance.colours[cars[0]!]!);
  const classBits = classCars.map((cars) =>
    Uint8Array.from(instance.ratios, (_, k) => instance.options[k]![cars[0]!]!),
  );
  const remaining = Int32Array.from(classCars, (cars) => cars.length);
  const next = new Int32Array(classCount);
  // Remaining cars needing each option: the dynamic "sum of utilisation rates" tie-break.
  const optionLeft = Float64Array.from(instance.ratios, (_, k) => {
    let count = 0;
    for (let car = m; car < total; car++) count += instance.options[k]![car]!;
    return count;
  });
  const rate = new Float64Array(ratioCount);
  const seq = new Int32Array(total);
  for (let i = 0; i < m; i++) seq[i] = i;
  const pre = instance.ratios.map(() => new Int32Array(total + 1));
  for (let k = 0; k < ratioCount; k++) {
    for (let t = 0; t < m; t++) pre[k]![t + 1] = pre[k]![t]! + instance.options[k]![t]!;
  }
  let run = 0;
  for (let t = m; t < total; t++) {
    const prevColour = t > 0 ? instance.colours[seq[t - 1]!]! : -1;
    const slotsLeft = total - t;
    for (let k = 0; k < ratioCount; k++) {
      const r = instance.ratios[k]!;
      rate[k] = optionLeft[k]! / Math.max(1e-9, (slotsLeft * r.n) / r.p);
    }
    let best = -1;
    let bestCost = Number.POSITIVE_INFINITY;
    let bestDifficulty = -1;
    for (let c = 0; c < classCount; c++) {
      if (remaining[c] === 0) continue;
      const same = classColour[c] === prevColour && t > m;
      let cost = 0;
      if (same && run >= instance.paintBatchLimit) cost += 1e15;
      if (classColour[c] !== prevColour && t > 0) cost += w.pcc;
      const bits = classBits[c]!;
      for (let k = 0; k < ratioCount; k++) {
        if (!bits[k]) continue;
        const r = instance.ratios[k]!;
        const from = Math.max(0, t - r.p + 1);
        const count = pre[k]![t]! - pre[k]![from]! + 1;
        if (count > r.n) cost += r.priority === 'high' ? w.hprc : w.lprc;
      }
      let difficulty = 0;
      for (let k = 0; k < ratioCount; k++) if (bits[k]) difficulty += rate[k]!;
      if (cost < bestCost || (cost === bestCost && difficulty > bestDifficulty)) {
        best = c;
        bestCost = cost;
        bestDifficulty = difficulty;
      }
    }
    const car = classCars[best]![next[best]!]!;
    next[best]!++;
    remaining[best]!--;
    seq[t] = car;
    run = classColour[best] === prevColour && t > m ? run + 1 : 1;
    for (let k = 0; k < ratioCount; k++) {
      const bit = instance.options[k]![car]!;
      pre[k]![t + 1] = pre[k]![t]! + bit;
      optionLeft[k]! -= bit;
    }
  }
  return seq.slice(m);
};

/** Share of the budget spent in plain descent before late acceptance starts. */
const LATE_PHASE_AT = 0.4;

/**
 * Late acceptance pays off when paint and ratio objectives compete (ROADEF: measured better on
 * 034_VP, 029 and 028_CH1, about equal on 023, once a first descent has converged); on pure ratio
 * problems (CSPLib) plain descent with plateau moves found solutions faster.
 */
export const defaultHistory = (instance: Instance): number =>
  instance.colourNames.length > 1 && Number.isFinite(instance.paintBatchLimit) ? 1000 : 0;

export const solve = (instance: Instance, options: SolveOptions = {}): SolveResult => {
  const now = options.now ?? (() => 0);
  const started = now();
  const deadline = options.deadline ?? Number.POSITIVE_INFINITY;
  const maxIterations = options.maxIterations ?? Number.POSITIVE_INFINITY;
  const progressEvery = options.progressEveryMs ?? 1000;
  const target = options.target ?? Number.NEGATIVE_INFINITY;
  const rnd = createRandom(options.seed ?? 1);
  const m = instance.prevCount;
  const total = instance.ids.length;
  const n = total - m;

  const givenSeq = withPrevious(instance, instance.givenOrder);
  const given = evaluate(instance, givenSeq);
  const greedySeq = withPrevious(instance, greedyOrder(instance));
  const greedy = evaluate(instance, greedySeq);
  const useGiven = given.feasible && (!greedy.feasible || given.score <= greedy.score);
  const inc = createIncremental(instance, useGiven ? givenSeq : greedySeq);
  const initialScore = inc.score();
  const seq = inc.seq;
  const col = inc.col;

  // Cars that are interchangeable (same colour and options): swapping them is a no-op.
  const classOf = new Int32Array(total);
  const classKey = new Map<string, number>();
  for (let car = 0; car < total; car++) {
    let key = `${instance.colours[car]}`;
    for (const opt of instance.options) key += opt[car] ? '1' : '0';
    let c = classKey.get(key);
    if (c === undefined) {
      c = classKey.size;
      classKey.set(key, c);
    }
    classOf[car] = c;
  }
  const maxP = instance.ratios.reduce((a, r) => Math.max(a, r.p), 2);
  const near = Math.max(4, Math.min(n, 2 * Math.min(maxP, 30)));
  const paintMatters = inc.weights.pcc > 0 && instance.colourNames.length > 1;
  const paintFirst = paintMatters && instance.objectives[0] === 'pcc';
  // Colour-run moves are long and costly; when paint ranks last they get fewer turns.
  const paintLast = paintMatters && instance.objectives.indexOf('pcc') === instance.objectives.length - 1;
  // When paint ranks before a ratio level, once the first descent has converged most swaps and
  // insertions across colours add colour changes that the lower level cannot repay: in the late
  // phase half of them look for a partner of i's colour (measured: better on 039_CH3 and 034_VP;
  // from the start it slowed the PCC descent on 024 and 029).
  const sameColourLate = paintMatters && !paintLast;
  let sameColourMoves = paintFirst;

  let iterations = 0;
  let lastProgress = started;
  let current = inc.score();
  let bestScore = current;
  const best = Int32Array.from(seq);
  let bestComponents = inc.components();
  const history = options.history ?? defaultHistory(instance);
  const historyLength = Math.max(1, history);
  const lateScores = new Float64Array(historyLength).fill(Number.NEGATIVE_INFINITY);
  // Plain descent first (fast convergence from a poor start), late acceptance for the rest.
  let lateActive = false;
  const lateFromTime = started + LATE_PHASE_AT * (deadline - started);
  const lateFromIteration = LATE_PHASE_AT * maxIterations;
  const startLate = (): void => {
    lateActive = true;
    sameColourMoves = sameColourMoves || sameColourLate;
    lateScores.fill(current);
  };
  const report = (): void => {
    options.onProgress?.({
      iterations,
      seconds: (now() - started) / 1000,
      score: bestScore,
      components: bestComponents,
    });
  };

  const pickPartner = (i: number): number => {
    if (rnd.int(2) === 0) return m + rnd.int(n);
    const j = i - near + rnd.int(2 * near + 1);
    return j < m ? m : j >= total ? total - 1 : j;
  };

  // Restarts: small days often settle in a few seconds in a basin that late acceptance cannot
  // leave; another round from the start sequence with a fresh stretch of the random stream uses
  // the rest of the budget better (measured on 034_VU: 20 s runs of other seeds beat one 60 s run).
  const startSeq = Int32Array.from(seq);
  const restartStall = history > 0 ? (options.restartStall ?? 1 / 6) : 0;
  const budgetFraction = (t: number): number =>
    Math.max(
      Number.isFinite(deadline) ? (t - started) / Math.max(1, deadline - started) : 0,
      Number.isFinite(maxIterations) ? iterations / Math.max(1, maxIterations) : 0,
    );
  let fraction = 0;
  let rounds = 1;
  let roundStart = 0;
  let roundBest = current;
  let roundBestAt = 0;
  const restart = (): void => {
    inc.reset(startSeq);
    current = inc.score();
    lateScores.fill(current);
    rounds++;
    roundStart = fraction;
    roundBest = current;
    roundBestAt = fraction;
  };

  if (n >= 2 && inc.score() > target) {
    while (iterations < maxIterations) {
      if ((iterations & 255) === 0) {
        const t = now();
        if (t >= deadline) break;
        fraction = budgetFraction(t);
        if (!lateActive && history > 0 && (t >= lateFromTime || iterations >= lateFromIteration)) {
          startLate();
          // The first round's stall counts from here: late acceptance gets its turn first.
          roundBestAt = fraction;
        }
        if (
          lateActive &&
          restartStall > 0 &&
          fraction - roundBestAt >= restartStall &&
          1 - fraction >= roundBestAt - roundStart
        ) {
          restart();
        }
        if (options.onProgress && t - lastProgress >= progressEvery) {
          lastProgress = t;
          report();
        }
      }
      iterations++;
      const r = rnd.int(100);
      let i = m + rnd.int(n);
      // Half of the moves start from a car in an over-capacity window (of the ratio class that
      // still has violations), found by sampling: those are the moves that can improve.
      if (rnd.int(2) === 0) {
        const high = inc.highViolations() > 0 && inc.weights.hprc > 0;
        if (high || (inc.lowViolations() > 0 && inc.weights.lprc > 0)) {
          for (let tries = 0; tries < 12 && !inc.inViolation(i, high); tries++) i = m + rnd.int(n);
        }
      }
      if (r < 35) {
        let j = pickPartner(i);
        // Swaps across colours are mostly hopeless when paint matters more than a ratio level
        // (see sameColourMoves): look for a partner of i's colour.
        if (sameColourMoves && rnd.int(2) === 0) {
          for (let tries = 0; tries < 8 && col[j] !== col[i]; tries++)
            j = paintFirst ? m + rnd.int(n) : pickPartner(i);
        }
        if (j === i || classOf[seq[i]!] === classOf[seq[j]!]) continue;
        inc.prepareSwap(i, j);
      } else if (r < 65) {
        let j = pickPartner(i);
        if (sameColourMoves && rnd.int(2) === 0) {
          // Land next to a car u of i's colour (just before or after it), so i joins u's run.
          let u = -1;
          for (let tries = 0; tries < 8; tries++) {
            const v = pickPartner(i);
            if (v !== i && col[v] === col[i]) {
              u = v;
              break;
            }
          }
          if (u >= 0) j = rnd.int(2) === 0 ? u : u < i ? u + 1 : u - 1;
        }
        if (j === i) continue;
        inc.prepareInsert(i, j);
      } else if (r < 75 || !paintMatters || (paintLast && r < 90)) {
        const len = 2 + rnd.int(near);
        const z = Math.min(total - 1, i + len - 1);
        if (z <= i) continue;
        inc.prepareReverse(i, z);
      } else {
        const c = col[i]!;
        let a = Math.max(inc.runStart[i]!, m);
        let b = inc.runEnd[i]!;
        const kind = rnd.int(10);
        if (kind < 2) {
          // Reverse a whole colour run: paint-neutral, changes which option cars meet its neighbours.
          if (b <= a) continue;
          inc.prepareReverse(a, b);
        } else if (kind < 5) {
          // Relocate a whole run to another boundary between runs: paint-neutral batch reordering.
          const v = m + rnd.int(n);
          const s = Math.max(inc.runStart[v]!, m);
          if (s > b + 1) inc.prepareBlockMove(a, b, s - 1);
          else if (s < a) inc.prepareBlockMove(a, b, s);
          else continue;
        } else {
          // Put (part of) the run next to another car of its colour, to merge batches.
          if (rnd.int(2) === 0 && b > a) {
            a = a + rnd.int(b - a + 1);
            b = a + rnd.int(b - a + 1);
          }
          let u = -1;
          for (let tries = 0; tries < 8; tries++) {
            const v = m + rnd.int(n);
            if ((v < a || v > b) && col[v] === c) {
              u = v;
              break;
            }
          }
          if (u < 0) continue;
          // Land at the start or the end of u's run so the block joins it.
          const landing = u > b ? inc.runEnd[u]! : Math.max(inc.runStart[u]!, m);
          if (landing >= a && landing <= b) continue;
          inc.prepareBlockMove(a, b, landing);
        }
      }
      const delta = inc.evaluateMove();
      const slot = iterations % historyLength;
      if (
        delta <= 0 ||
        (lateActive && delta < Number.POSITIVE_INFINITY && current + delta <= lateScores[slot]!)
      ) {
        inc.commit();
        current += delta;
        if (current < roundBest) {
          roundBest = current;
          roundBestAt = fraction;
        }
        if (current < bestScore) {
          bestScore = current;
          bestComponents = inc.components();
          best.set(seq);
          if (bestScore <= target) break;
        }
      }
      if (current < lateScores[slot]!) lateScores[slot] = current;
    }
  }
  if (bestScore < current) inc.reset(best);
  report();
  const final = evaluate(instance, seq);
  return {
    order: seq.slice(m),
    components: { hprc: final.hprc, pcc: final.pcc, lprc: final.lprc },
    score: final.score,
    feasible: final.feasible,
    initialScore,
    givenScore: given.score,
    start: useGiven ? 'given' : 'greedy',
    iterations,
    rounds,
    seconds: (now() - started) / 1000,
  };
};
