/**
 * Conflict repair: the customer picks an option that the current selection rules out. Offers
 * the minimum-cardinality sets of earlier choices to drop (exact: 0/1 shortest paths in the MDD
 * where deviating from a selected option costs 1) and the cheapest complete configuration that
 * contains the pick.
 */
import type { CompiledModel } from './compiled.ts';
import {
  deviationDistances,
  familyOption,
  forwardPass,
  type Indexed,
  indexCompiled,
  type Selection,
  selectionFromVector,
  selectionVector,
  UNREACHABLE,
} from './query.ts';

export type Repair = {
  /** The new selection: the old one with `changed` dropped (or overridden) and the pick added. */
  selection: Selection;
  /** Families whose earlier choice is dropped or changed (MDD level order). */
  changed: string[];
  /** Price range over the completions of `selection`. */
  price: { min: number; max: number };
};

export type RepairResult =
  /** The pick is compatible with every other choice: `selection` is the old one plus the pick. */
  | { ok: true; selection: Selection }
  /**
   * Some earlier choices must go. `fewestChanges`: distinct minimum-cardinality sets of choices
   * to drop (up to `limit`, deterministic order); `cheapest`: the cheapest complete configuration
   * with the pick (ties: fewest changes, then lowest option indices in level order).
   */
  | { ok: false; reason: 'conflict'; fewestChanges: Repair[]; cheapest: Repair }
  /** No valid configuration contains the pick at all, whatever else changes. */
  | { ok: false; reason: 'impossible' };

export type RepairOptions = {
  /** Most minimal sets to return (default 10). */
  limit?: number;
};

export const repairs = (
  c: CompiledModel,
  selection: Selection,
  pick: { family: string; option: string },
  opts: RepairOptions = {},
): RepairResult => {
  const ix = indexCompiled(c);
  const sel = selectionVector(ix, selection);
  const { level: pl, option: po } = familyOption(ix, pick.family, pick.option);
  // The pick replaces the family's own earlier choice, which is therefore not a "change".
  sel[pl] = -1;
  const dist = deviationDistances(ix, sel, pl, po);
  const k = dist.df[1]!;
  if (k === UNREACHABLE) return { ok: false, reason: 'impossible' };
  const withPick = (s: Int32Array): Selection => {
    const v = s.slice();
    v[pl] = po;
    return selectionFromVector(ix, v);
  };
  if (k === 0) return { ok: true, selection: withPick(sel) };

  const fewestChanges = minimalSets(ix, sel, dist.df, dist.db, k, pl, po, opts.limit ?? 10).map((set) => {
    const s = sel.slice();
    for (const l of set) s[l] = -1;
    s[pl] = po;
    const { fmin, fmax } = forwardPass(ix, s);
    return {
      selection: selectionFromVector(ix, s),
      changed: set.map((l) => c.levels[l]!.code),
      price: { min: c.basePrice + fmin[1]!, max: c.basePrice + fmax[1]! },
    };
  });
  return { ok: false, reason: 'conflict', fewestChanges, cheapest: cheapestWith(ix, sel, pl, po) };
};

/**
 * Distinct deviation sets of the minimum-cost paths, level by level over the "tight" edges
 * (those on some minimum-cost path: df[i] + cost + db[child] = k). Every tight prefix extends to
 * a minimum-cost path and distinct prefix sets extend to distinct final sets, so keeping only
 * the first `limit` prefix sets per level still yields `limit` final sets when there are that many.
 */
const minimalSets = (
  ix: Indexed,
  sel: Int32Array,
  df: Int32Array,
  db: Int32Array,
  k: number,
  pl: number,
  po: number,
  limit: number,
): number[][] => {
  type Entry = { set: number[]; nodes: number[] };
  let frontier: Entry[] = [{ set: [], nodes: [ix.root] }];
  for (let l = 0; l < ix.levelCount; l++) {
    const next = new Map<string, { set: number[]; nodes: Set<number> }>();
    const s = sel[l]!;
    const w = ix.width[l]!;
    const ks = ix.kidStart[l]! - ix.levelStart[l]! * w;
    const lo = l === pl ? po : 0;
    const hi = l === pl ? po + 1 : w;
    for (const e of frontier) {
      for (const i of e.nodes) {
        for (let o = lo; o < hi; o++) {
          const ch = ix.kids[ks + i * w + o]!;
          if (ch === 0) continue;
          const cost = s >= 0 && o !== s ? 1 : 0;
          if (df[i]! + cost + db[ch]! !== k) continue;
          const set = cost ? [...e.set, l] : e.set;
          const key = set.join(',');
          let entry = next.get(key);
          if (!entry) {
            entry = { set, nodes: new Set() };
            next.set(key, entry);
          }
          entry.nodes.add(ch);
        }
      }
    }
    frontier = [...next.values()]
      .sort((a, b) => compareSets(a.set, b.set))
      .slice(0, limit)
      .map((e) => ({ set: e.set, nodes: [...e.nodes].sort((x, y) => x - y) }));
  }
  return frontier.map((e) => e.set);
};

const compareSets = (a: number[], b: number[]): number => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
};

/** Cheapest complete configuration with the pick; ties: fewest deviations, lowest option index. */
const cheapestWith = (ix: Indexed, sel: Int32Array, pl: number, po: number): Repair => {
  const { nodeCount, levelStart, width, kidStart, kids, prices } = ix;
  const bp = new Float64Array(nodeCount).fill(Number.POSITIVE_INFINITY);
  const bd = new Int32Array(nodeCount).fill(UNREACHABLE);
  const succ = new Int32Array(nodeCount).fill(-1);
  bp[1] = 0;
  bd[1] = 0;
  for (let l = ix.levelCount - 1; l >= 0; l--) {
    const s = sel[l]!;
    const w = width[l]!;
    const pr = prices[l]!;
    const a = levelStart[l]!;
    const ks = kidStart[l]! - a * w;
    const lo = l === pl ? po : 0;
    const hi = l === pl ? po + 1 : w;
    for (let i = a; i < levelStart[l + 1]!; i++) {
      let best = Number.POSITIVE_INFINITY;
      let bestD = UNREACHABLE;
      let bo = -1;
      for (let o = lo; o < hi; o++) {
        const ch = kids[ks + i * w + o]!;
        if (bd[ch] === UNREACHABLE) continue;
        const p = pr[o]! + bp[ch]!;
        const d = bd[ch]! + (s >= 0 && o !== s ? 1 : 0);
        if (p < best || (p === best && d < bestD)) {
          best = p;
          bestD = d;
          bo = o;
        }
      }
      bp[i] = best;
      bd[i] = bestD;
      succ[i] = bo;
    }
  }
  const choice = new Int32Array(ix.levelCount).fill(-1);
  const changed: string[] = [];
  let n = ix.root;
  for (let l = 0; l < ix.levelCount; l++) {
    const o = succ[n]!;
    choice[l] = ix.aux[l] ? -1 : o;
    const s = sel[l]!;
    if (s >= 0 && o !== s) changed.push(ix.c.levels[l]!.code);
    n = kids[kidStart[l]! + (n - levelStart[l]!) * width[l]! + o]!;
  }
  const price = ix.c.basePrice + bp[ix.root]!;
  return { selection: selectionFromVector(ix, choice), changed, price: { min: price, max: price } };
};
