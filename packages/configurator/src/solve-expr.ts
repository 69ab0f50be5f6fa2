/**
 * "Valid configuration AND expression", exactly: how many valid complete configurations make an
 * expression true, and one of them as a witness. This lets rules written against a model (the
 * option conditions of a super-BOM, say) be checked on models far too large to enumerate.
 *
 * How: the expression is compiled into a small reduced decision diagram over the compiled
 * model's own level order (a node tests one level; levels the expression does not mention are
 * skipped), and the two diagrams are conjoined by a memoised traversal of (MDD node, expression
 * node) pairs. Below a pair whose expression node is TRUE the model's own exact count is used,
 * so the work is at most (MDD nodes x expression nodes) and usually a small part of the MDD.
 * Counts are BigInt: a model can have far more than 2^53 configurations.
 */
import type { CompiledModel } from './compiled.ts';
import { FALSE, TRUE } from './compiled.ts';
import { countPerNode } from './count.ts';
import { ConfiguratorError } from './errors.ts';
import type { Expr } from './model.ts';
import type { Selection } from './query.ts';

export type ExprSolutions = {
  /** Valid complete configurations for which the expression holds. */
  count: bigint;
  /** One of them (every non-aux family, `<family>:none` included), or null when count is 0. */
  witness: Selection | null;
};

/** Exact count and a witness of "valid configuration AND `expr`" on a compiled model. */
export const solveExpr = (c: CompiledModel, expr: Expr): ExprSolutions => {
  const diagram = exprDiagram(c, expr);
  const below = countsOf(c);
  const E = diagram.level.length;
  const memo = new Map<number, bigint>();
  const cofactor = (e: number, l: number, i: number): number =>
    diagram.level[e] === l ? (diagram.kids[e]?.[i] ?? FALSE) : e;
  // Invariant: the expression node's level is never above the MDD node's level, so at the
  // TRUE terminal of the MDD the expression node is a terminal too.
  const count = (m: number, e: number): bigint => {
    if (m === FALSE || e === FALSE) return 0n;
    if (e === TRUE) return below[m] ?? 0n;
    if (m === TRUE) return 0n;
    const key = m * E + e;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    const l = c.nodeLevel[m]!;
    const w = c.levels[l]!.options.length;
    const off = c.childOffset[m]!;
    let s = 0n;
    for (let i = 0; i < w; i++) {
      const ch = c.children[off + i]!;
      if (ch !== FALSE) s += count(ch, cofactor(e, l, i));
    }
    memo.set(key, s);
    return s;
  };
  const total = count(c.root, diagram.root);
  if (total === 0n) return { count: 0n, witness: null };
  // Descend along the first option whose branch still has a solution (deterministic).
  const witness: Selection = {};
  let m = c.root;
  let e = diagram.root;
  for (let l = 0; l < c.levels.length; l++) {
    const level = c.levels[l]!;
    const off = c.childOffset[m]!;
    for (let i = 0; i < level.options.length; i++) {
      const ch = c.children[off + i]!;
      if (ch === FALSE) continue;
      const next = cofactor(e, l, i);
      if (count(ch, next) === 0n) continue;
      if (!level.aux) witness[level.code] = level.options[i]!;
      m = ch;
      e = next;
      break;
    }
  }
  return { count: total, witness };
};

/**
 * Whether `expr` holds for a complete configuration: an option code is true when it is the
 * chosen option of its family. Optional families left empty must be given as `<family>:none`
 * (as complete selections from the engine are), or their none option counts as not chosen.
 */
export const exprHolds = (expr: Expr, selection: Selection): boolean => {
  const chosen = new Set(Object.values(selection));
  const holds = (e: Expr): boolean => {
    if (typeof e === 'string') return chosen.has(e);
    if ('all' in e) return e.all.every(holds);
    if ('any' in e) return e.any.some(holds);
    return !holds(e.not);
  };
  return holds(expr);
};

type ExprDiagram = {
  root: number;
  /** Level tested by each node (levels.length for the terminals 0 and 1). */
  level: number[];
  /** Child per option index of the tested level. */
  kids: number[][];
};

const totals = new WeakMap<CompiledModel, bigint[]>();

const countsOf = (c: CompiledModel): bigint[] => {
  const hit = totals.get(c);
  if (hit) return hit;
  const counts = countPerNode(c);
  totals.set(c, counts);
  return counts;
};

/**
 * The expression as a reduced, hash-consed decision diagram over the model's levels, built by
 * the usual apply recursion. Expressions are small, so plain arrays and maps suffice.
 */
const exprDiagram = (c: CompiledModel, expr: Expr): ExprDiagram => {
  const L = c.levels.length;
  const where = new Map<string, { level: number; option: number }>();
  c.levels.forEach((lv, l) => {
    // Aux levels ('off'/'on' of price adjustments) are not options a condition can name.
    if (lv.aux) return;
    lv.options.forEach((o, i) => {
      where.set(o, { level: l, option: i });
    });
  });
  const level: number[] = [L, L];
  const kids: number[][] = [[], []];
  const unique = new Map<string, number>();
  const mk = (l: number, ks: number[]): number => {
    const first = ks[0]!;
    if (ks.every((k) => k === first)) return first;
    const key = `${l}:${ks.join(',')}`;
    const found = unique.get(key);
    if (found !== undefined) return found;
    const id = level.length;
    level.push(l);
    kids.push(ks);
    unique.set(key, id);
    return id;
  };
  const width = (l: number): number => c.levels[l]!.options.length;
  const lit = (code: string): number => {
    const at = where.get(code);
    if (!at) {
      throw new ConfiguratorError('configurator.unknown_option', `Unknown option ${code}`, { option: code });
    }
    return mk(
      at.level,
      Array.from({ length: width(at.level) }, (_, i) => (i === at.option ? TRUE : FALSE)),
    );
  };
  const negated = new Map<number, number>();
  const not = (a: number): number => {
    if (a === FALSE) return TRUE;
    if (a === TRUE) return FALSE;
    const hit = negated.get(a);
    if (hit !== undefined) return hit;
    const r = mk(level[a]!, kids[a]!.map(not));
    negated.set(a, r);
    return r;
  };
  const applied = new Map<string, number>();
  const apply = (op: 'and' | 'or', x: number, y: number): number => {
    const a = Math.min(x, y);
    const b = Math.max(x, y);
    if (op === 'and') {
      if (a === FALSE) return FALSE;
      if (a === TRUE) return b;
    } else {
      if (a === TRUE) return TRUE;
      if (a === FALSE) return b;
    }
    if (a === b) return a;
    const key = `${op}${a},${b}`;
    const hit = applied.get(key);
    if (hit !== undefined) return hit;
    const l = Math.min(level[a]!, level[b]!);
    const ks = Array.from({ length: width(l) }, (_, i) =>
      apply(op, level[a] === l ? kids[a]![i]! : a, level[b] === l ? kids[b]![i]! : b),
    );
    const r = mk(l, ks);
    applied.set(key, r);
    return r;
  };
  const build = (e: Expr): number => {
    if (typeof e === 'string') return lit(e);
    if (typeof e === 'object' && e !== null) {
      if ('all' in e && Array.isArray(e.all))
        return e.all.reduce((acc, x) => apply('and', acc, build(x)), TRUE);
      if ('any' in e && Array.isArray(e.any))
        return e.any.reduce((acc, x) => apply('or', acc, build(x)), FALSE);
      if ('not' in e) return not(build(e.not));
    }
    throw new ConfiguratorError('configurator.invalid_expr', 'Not an expression', {});
  };
  const root = build(expr);
  return { root, level, kids };
};
