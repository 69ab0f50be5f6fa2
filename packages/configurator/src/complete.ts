/**
 * Completing a partial selection to a full configuration under an objective. Exact: cheapest
 * and unbounded preferences are DAG shortest/longest paths; the budgeted objectives use an
 * exact branch and bound over the diagram with per-node bounds (see `budgeted`).
 */
import type { CompiledModel } from './compiled.ts';
import { ConfiguratorError } from './errors.ts';
import {
  type Indexed,
  indexCompiled,
  type Selection,
  selectionFromVector,
  selectionVector,
} from './query.ts';

export type CompletionObjective =
  | { kind: 'cheapest' }
  /** The dearest configuration whose total price is at most `budget`. */
  | { kind: 'most_expensive_within'; budget: number }
  /**
   * Maximise the sum of weights of the chosen options (unlisted options weigh 0), optionally
   * within a budget; ties go to the cheaper configuration.
   */
  | { kind: 'preferences'; weights: Record<string, number>; budget?: number };

export type CompletionResult =
  | { ok: true; selection: Selection; price: number }
  | { ok: false; reason: 'no_completion' | 'over_budget' };

/**
 * Best completion of `selection`. Objective per edge: a value to maximise (price for
 * most_expensive_within, weight for preferences, minus price for cheapest), ties broken by the
 * lower price, then (unbudgeted) by the lowest option index at the earliest level in MDD level
 * order, or (budgeted) by the first optimum the deterministic search finds.
 */
export const completeSelection = (
  c: CompiledModel,
  selection: Selection,
  objective: CompletionObjective,
): CompletionResult => {
  const ix = indexCompiled(c);
  const sel = selectionVector(ix, selection);
  const values = edgeValues(ix, objective);
  const best = unboundedBest(ix, sel, values);
  if (ix.root === 0 || best.val[ix.root] === Number.NEGATIVE_INFINITY) {
    return { ok: false, reason: 'no_completion' };
  }
  const budget = objective.kind === 'cheapest' ? undefined : objective.budget;
  let choice: Int32Array;
  if (budget === undefined) {
    choice = descend(ix, best.succ);
  } else {
    // Every completion's option total is a multiple of the prices' gcd: rounding the budget
    // down to it lets a search that reaches the rounded budget stop at once.
    const g = priceGcd(ix);
    const remaining = g > 0 ? Math.floor((budget - c.basePrice) / g) * g : budget - c.basePrice;
    if (best.minPrice[ix.root]! > remaining) return { ok: false, reason: 'over_budget' };
    choice = budgeted(ix, sel, values, best, objective.kind === 'most_expensive_within', remaining);
  }
  const price = priceOf(ix, choice);
  return { ok: true, selection: selectionFromVector(ix, choice), price };
};

const priceGcd = (ix: Indexed): number => {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  let g = 0;
  for (const pr of ix.prices) {
    for (const p of pr) {
      if (!Number.isInteger(p)) return 0;
      g = gcd(g, Math.abs(p));
    }
  }
  return g;
};

const edgeValues = (ix: Indexed, objective: CompletionObjective): Float64Array[] => {
  if (objective.kind === 'cheapest') return ix.prices.map((p) => p.map((x) => -x));
  if (objective.kind === 'most_expensive_within') return ix.prices.map((p) => p.slice());
  const values = ix.prices.map((p) => new Float64Array(p.length));
  for (const [code, weight] of Object.entries(objective.weights)) {
    let found = false;
    for (const l of ix.families) {
      const o = ix.optionByCode[l]!.get(code);
      if (o !== undefined) {
        values[l]![o] = weight;
        found = true;
      }
    }
    if (!found) {
      throw new ConfiguratorError('unknown_option', `Unknown option "${code}" in preference weights`, {
        option: code,
      });
    }
  }
  return values;
};

type Best = {
  /** Best value of a suffix from each node (-Infinity: no suffix), its price, and first option. */
  val: Float64Array;
  price: Float64Array;
  succ: Int32Array;
  /** Cheapest suffix price (used to prune budgeted search). */
  minPrice: Float64Array;
};

/** Lexicographic DAG DP: max value, then min price, then lowest option index. */
const unboundedBest = (ix: Indexed, sel: Int32Array, values: Float64Array[]): Best => {
  const { nodeCount, levelStart, width, kidStart, kids, prices } = ix;
  const val = new Float64Array(nodeCount).fill(Number.NEGATIVE_INFINITY);
  const price = new Float64Array(nodeCount);
  const minPrice = new Float64Array(nodeCount).fill(Number.POSITIVE_INFINITY);
  const succ = new Int32Array(nodeCount).fill(-1);
  val[1] = 0;
  minPrice[1] = 0;
  for (let l = ix.levelCount - 1; l >= 0; l--) {
    const s = sel[l]!;
    const w = width[l]!;
    const pr = prices[l]!;
    const vl = values[l]!;
    const a = levelStart[l]!;
    const ks = kidStart[l]! - a * w;
    const lo = Math.max(s, 0);
    const hi = s >= 0 ? s + 1 : w;
    for (let i = a; i < levelStart[l + 1]!; i++) {
      let bv = Number.NEGATIVE_INFINITY;
      let bp = 0;
      let bo = -1;
      let mp = Number.POSITIVE_INFINITY;
      for (let o = lo; o < hi; o++) {
        const ch = kids[ks + i * w + o]!;
        if (val[ch] === Number.NEGATIVE_INFINITY) continue;
        const v = vl[o]! + val[ch]!;
        const p = pr[o]! + price[ch]!;
        if (v > bv || (v === bv && p < bp)) {
          bv = v;
          bp = p;
          bo = o;
        }
        if (pr[o]! + minPrice[ch]! < mp) mp = pr[o]! + minPrice[ch]!;
      }
      val[i] = bv;
      price[i] = bp;
      succ[i] = bo;
      minPrice[i] = mp;
    }
  }
  return { val, price, succ, minPrice };
};

const child = (ix: Indexed, l: number, i: number, o: number): number =>
  ix.kids[ix.kidStart[l]! + (i - ix.levelStart[l]!) * ix.width[l]! + o]!;

const descend = (ix: Indexed, succ: Int32Array): Int32Array => {
  const choice = new Int32Array(ix.levelCount);
  let n = ix.root;
  for (let l = 0; l < ix.levelCount; l++) {
    const o = succ[n]!;
    choice[l] = o;
    n = child(ix, l, n, o);
  }
  return choice;
};

const priceOf = (ix: Indexed, choice: Int32Array): number => {
  let p = ix.c.basePrice;
  for (let l = 0; l < ix.levelCount; l++) p += ix.prices[l]![choice[l]!]!;
  return p;
};

/**
 * Exact best completion within a budget by depth-first branch and bound over the MDD.
 * Maximises (value, then lower price) with total option price <= `remaining`. Bounds per node:
 * the cheapest suffix (prune if it does not fit), the unbounded best suffix (taken directly when
 * it fits, since nothing from that node can beat it; otherwise an upper bound on the value) and,
 * when the value is the price itself, the remaining budget. Children are tried best bound first,
 * so a good incumbent comes early. A per-node memo records "every suffix from here within budget
 * r is at most (value, price) u" after a node is fully explored, which prunes later visits with
 * a smaller budget. The memo only prunes, so capping its size keeps the search exact.
 * Worst case exponential (this is a knapsack over the diagram); ties go to the first found.
 */
const budgeted = (
  ix: Indexed,
  sel: Int32Array,
  values: Float64Array[],
  best: Best,
  valueIsPrice: boolean,
  remaining: number,
): Int32Array => {
  const L = ix.levelCount;
  type Memo = { r: number; v: number; p: number };
  const MEMO_PER_NODE = 4;
  const memo = new Map<number, Memo[]>();
  let incV = Number.NEGATIVE_INFINITY;
  let incP = Number.POSITIVE_INFINITY;
  const incChoice = new Int32Array(L);
  const path = new Int32Array(L);
  // (v, p) strictly better than the incumbent: higher value, or equal value and lower price.
  const beats = (v: number, p: number) => v > incV || (v === incV && p < incP);

  const take = (l: number, n: number, v: number, p: number) => {
    incV = v;
    incP = p;
    incChoice.set(path.subarray(0, l));
    for (let k = l, m = n; k < L; k++) {
      const o = best.succ[m]!;
      incChoice[k] = o;
      m = child(ix, k, m, o);
    }
  };

  const search = (l: number, n: number, accV: number, accP: number) => {
    const r = remaining - accP;
    if (best.minPrice[n]! > r) return;
    if (best.price[n]! <= r) {
      // The unbounded best suffix fits: it is the best from here.
      if (beats(accV + best.val[n]!, accP + best.price[n]!))
        take(l, n, accV + best.val[n]!, accP + best.price[n]!);
      return;
    }
    const bound = valueIsPrice ? Math.min(best.val[n]!, r) : best.val[n]!;
    if (accV + bound < incV || (accV + bound === incV && accP + best.minPrice[n]! >= incP)) return;
    const seen = memo.get(n);
    if (seen) {
      for (const m of seen) {
        if (r <= m.r && (accV + m.v < incV || (accV + m.v === incV && accP + m.p >= incP))) return;
      }
    }
    const s = sel[l]!;
    const w = ix.width[l]!;
    const pr = ix.prices[l]!;
    const vl = values[l]!;
    const order: number[] = [];
    for (let o = Math.max(s, 0); o < (s >= 0 ? s + 1 : w); o++) {
      const ch = child(ix, l, n, o);
      if (ch !== 0 && best.val[ch] !== Number.NEGATIVE_INFINITY) order.push(o);
    }
    const potential = (o: number) => vl[o]! + best.val[child(ix, l, n, o)]!;
    order.sort((x, y) => potential(y) - potential(x) || x - y);
    for (const o of order) {
      path[l] = o;
      search(l + 1, child(ix, l, n, o), accV + vl[o]!, accP + pr[o]!);
    }
    // Fully explored: every suffix within r is at most the incumbent minus this prefix.
    const entry = { r, v: incV - accV, p: incP - accP };
    if (!seen) memo.set(n, [entry]);
    else if (seen.length < MEMO_PER_NODE) seen.push(entry);
    else seen[(seen.length + n) % MEMO_PER_NODE] = entry;
  };

  if (ix.root === 1) return incChoice;
  search(0, ix.root, 0, 0);
  return incChoice;
};
