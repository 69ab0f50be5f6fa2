/**
 * Compiler: Model -> CSP -> BDD -> quasi-reduced MDD (compiled.ts).
 *
 * Pipeline and why:
 * 1. The model becomes a small CSP: one finite-domain variable per family (plus one ['off','on']
 *    variable per price adjustment), constraints as tables or formulas over (var = value)
 *    literals. XCSP files import straight to this CSP (import-xcsp.ts).
 * 2. A static variable order (FORCE on the constraint hypergraph, see `orderVariables`): the size
 *    of every intermediate diagram depends on it far more than on anything else.
 * 3. Each variable gets ceil(log2 |domain|) adjacent BDD bits (MSB first); each constraint is
 *    built directly as a BDD (tables via a sorted trie, so 27k-tuple tables cost one pass).
 * 4. Constraints are conjoined as a balanced tree over the constraint list sorted by scope
 *    position, so neighbours share variables and intermediate results stay small.
 * 5. The final BDD is read back level by level into the MDD: each BDD node reached at the start
 *    of a variable's bits is one MDD node (canonical because every variable's domain constraint
 *    is part of the conjunction).
 */
import { Bdd } from './bdd.ts';
import type { CompiledLevel, CompiledModel, CompiledRule } from './compiled.ts';
import { ConfiguratorError } from './errors.ts';
import type { Expr, Model, Rule } from './model.ts';
import { noneCode } from './model.ts';
import { validateModel } from './validate.ts';

/** A finite-domain variable: values are option codes, indexed 0..n-1. */
export type CspVar = {
  name: string;
  values: string[];
  /** Price per value index, minor units (default 0). */
  prices?: number[];
  /** Functionally determined helper variable (price adjustment). */
  aux?: boolean;
};

/** A boolean formula over (variable ∈ value set) literals; variables and values are indices. */
export type CspFormula =
  | { kind: 'lit'; v: number; values: number[] }
  | { kind: 'const'; value: boolean }
  | { kind: 'and' | 'or'; args: CspFormula[] }
  | { kind: 'not'; arg: CspFormula }
  | { kind: 'count'; op: 'atMost' | 'exactly'; n: number; args: CspFormula[] };

export type CspConstraint =
  | {
      kind: 'table';
      id: string;
      scope: number[];
      /** `supports`: the assignment must equal one tuple; `conflicts`: it must equal none. */
      mode: 'supports' | 'conflicts';
      /** Row-major value indices, `scope.length` per tuple; -1 = any value. */
      tuples: Int32Array;
    }
  | { kind: 'formula'; id: string; formula: CspFormula };

export type Csp = {
  id: string;
  vars: CspVar[];
  constraints: CspConstraint[];
  currency?: string;
  basePrice?: number;
  /** Hash of the source, copied to `CompiledModel.modelHash` (computed from the CSP otherwise). */
  hash?: string;
  rules?: CompiledRule[];
};

export type CompileOptions = {
  /** Budget of live BDD nodes; beyond it compile throws `configurator.too_large`. */
  maxNodes?: number;
  /** `auto`: heuristic variable order; `given`: the CSP / model order. */
  order?: 'auto' | 'given';
};

export type CompileStats = {
  /** Variable names in level order. */
  order: string[];
  /** Sum over constraints of the span (in bits) of their scope under the chosen order. */
  span: number;
  bddPeakNodes: number;
  bddFinalNodes: number;
  gcRuns: number;
  mddNodes: number;
  ms: number;
};

// ---------------------------------------------------------------------------------------------
// Model -> CSP

/** Translates a (valid) model to the compiler's CSP. Families keep model order, then adjustments. */
export const modelToCsp = (model: Model): Csp => {
  const vars: CspVar[] = [];
  const where = new Map<string, { v: number; i: number }>();
  model.families.forEach((f, v) => {
    const values = f.options.map((o) => o.code);
    const prices = f.options.map((o) => o.price ?? 0);
    if (f.optional) {
      values.push(noneCode(f.code));
      prices.push(0);
    }
    values.forEach((code, i) => {
      where.set(code, { v, i });
    });
    vars.push({ name: f.code, values, prices });
  });
  const famIndex = new Map(model.families.map((f, i) => [f.code, i]));
  const lit = (code: string, ctx: { rule: string }): CspFormula => {
    const w = where.get(code);
    if (!w) {
      throw new ConfiguratorError(
        'configurator.unknown_option',
        `Rule ${ctx.rule} names unknown option ${code}`,
        {
          rule: ctx.rule,
          option: code,
        },
      );
    }
    return { kind: 'lit', v: w.v, values: [w.i] };
  };
  const expr = (e: Expr, ctx: { rule: string }): CspFormula => {
    if (typeof e === 'string') return lit(e, ctx);
    if ('all' in e) return { kind: 'and', args: e.all.map((x) => expr(x, ctx)) };
    if ('any' in e) return { kind: 'or', args: e.any.map((x) => expr(x, ctx)) };
    return { kind: 'not', arg: expr(e.not, ctx) };
  };
  const constraints: CspConstraint[] = [];
  for (const r of model.rules) {
    const ctx = { rule: r.id };
    switch (r.kind) {
      case 'requires':
      case 'implies':
        constraints.push({
          kind: 'formula',
          id: r.id,
          formula: { kind: 'or', args: [{ kind: 'not', arg: expr(r.if, ctx) }, expr(r.then, ctx)] },
        });
        break;
      case 'excludes':
        constraints.push({
          kind: 'formula',
          id: r.id,
          formula: { kind: 'not', arg: { kind: 'and', args: [expr(r.a, ctx), expr(r.b, ctx)] } },
        });
        break;
      case 'constraint':
        constraints.push({ kind: 'formula', id: r.id, formula: expr(r.expr, ctx) });
        break;
      case 'table': {
        const scope = r.families.map((fc) => {
          const v = famIndex.get(fc);
          if (v === undefined) {
            throw new ConfiguratorError(
              'configurator.unknown_family',
              `Rule ${r.id} names unknown family ${fc}`,
              {
                rule: r.id,
                family: fc,
              },
            );
          }
          return v;
        });
        const tuples = new Int32Array(r.rows.length * scope.length);
        r.rows.forEach((row, ri) => {
          scope.forEach((v, j) => {
            const code = row[j];
            if (code === '*') {
              tuples[ri * scope.length + j] = -1;
              return;
            }
            const w = code === undefined ? undefined : where.get(code);
            if (!w || w.v !== v) {
              throw new ConfiguratorError(
                'configurator.bad_table_row',
                `Rule ${r.id} row ${ri}: ${code ?? '(missing)'} is not an option of family ${vars[v]?.name}`,
                { rule: r.id, option: code, family: vars[v]?.name },
              );
            }
            tuples[ri * scope.length + j] = w.i;
          });
        });
        constraints.push({
          kind: 'table',
          id: r.id,
          scope,
          mode: r.mode === 'allowed' ? 'supports' : 'conflicts',
          tuples,
        });
        break;
      }
      case 'atMost':
      case 'exactly':
        constraints.push({
          kind: 'formula',
          id: r.id,
          formula: { kind: 'count', op: r.kind, n: r.n ?? 1, args: r.of.map((x) => expr(x, ctx)) },
        });
        break;
    }
  }
  for (const a of model.adjustments ?? []) {
    const v = vars.length;
    vars.push({ name: a.id, values: ['off', 'on'], prices: [0, a.amount], aux: true });
    const when = expr(a.when, { rule: a.id });
    // The aux level is 'on' exactly when `when` holds: it never changes the count.
    constraints.push({
      kind: 'formula',
      id: a.id,
      formula: {
        kind: 'or',
        args: [
          { kind: 'and', args: [{ kind: 'lit', v, values: [1] }, when] },
          {
            kind: 'and',
            args: [
              { kind: 'lit', v, values: [0] },
              { kind: 'not', arg: when },
            ],
          },
        ],
      },
    });
  }
  return {
    id: model.id,
    vars,
    constraints,
    currency: model.currency,
    basePrice: model.basePrice,
    hash: hashString(JSON.stringify(model)),
    rules: model.rules.map(compiledRule),
  };
};

const exprOptions = (e: Expr, into: Set<string>): void => {
  if (typeof e === 'string') into.add(e);
  else if ('all' in e) for (const x of e.all) exprOptions(x, into);
  else if ('any' in e) for (const x of e.any) exprOptions(x, into);
  else exprOptions(e.not, into);
};

/** Option codes a rule mentions (what `CompiledRule.options` lists). */
export const ruleOptionCodes = (r: Rule): string[] => {
  const s = new Set<string>();
  switch (r.kind) {
    case 'requires':
    case 'implies':
      exprOptions(r.if, s);
      exprOptions(r.then, s);
      break;
    case 'excludes':
      exprOptions(r.a, s);
      exprOptions(r.b, s);
      break;
    case 'constraint':
      exprOptions(r.expr, s);
      break;
    case 'table':
      for (const row of r.rows) for (const x of row) if (x !== '*') s.add(x);
      break;
    case 'atMost':
    case 'exactly':
      for (const x of r.of) exprOptions(x, s);
      break;
  }
  return [...s];
};

const compiledRule = (r: Rule): CompiledRule => ({
  id: r.id,
  kind: r.kind,
  options: ruleOptionCodes(r),
  ...(r.message ? { message: r.message } : {}),
});

/** 64-bit FNV-1a over UTF-16 code units, as 16 hex digits (two 32-bit lanes; no BigInt). */
export const hashString = (s: string): string => {
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c ^ (h1 >>> 16), 0x01000193);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
};

// ---------------------------------------------------------------------------------------------
// Variable order

const bitsFor = (size: number): number => (size <= 1 ? 0 : Math.ceil(Math.log2(size)));

const formulaVars = (f: CspFormula, into: Set<number>): void => {
  switch (f.kind) {
    case 'lit':
      into.add(f.v);
      break;
    case 'const':
      break;
    case 'not':
      formulaVars(f.arg, into);
      break;
    default:
      for (const a of f.args) formulaVars(a, into);
  }
};

const constraintScope = (c: CspConstraint): number[] => {
  if (c.kind === 'table') return [...new Set(c.scope)];
  const s = new Set<number>();
  formulaVars(c.formula, s);
  return [...s];
};

/** Total span (in bits) of the edges under `order`; the quantity FORCE minimises. */
const spanOf = (order: number[], edges: number[][], width: number[]): number => {
  const center = new Float64Array(width.length);
  let at = 0;
  for (const v of order) {
    const w = width[v] as number;
    center[v] = at + w / 2;
    at += w;
  }
  let total = 0;
  for (const e of edges) {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const v of e) {
      const c = center[v] as number;
      if (c < lo) lo = c;
      if (c > hi) hi = c;
    }
    if (e.length > 1) total += hi - lo;
  }
  return total;
};

/**
 * FORCE (Aloul, Markov & Sakallah 2003): repeatedly move every variable to the mean centre of
 * gravity of the constraints it occurs in, and keep the order with the smallest total span.
 * Positions are measured in bits so wide domains count for what they cost in the BDD.
 */
const force = (start: number[], edges: number[][], width: number[], byVar: number[][]): number[] => {
  let order = start.slice();
  let best = order.slice();
  let bestSpan = spanOf(order, edges, width);
  let stale = 0;
  const n = width.length;
  const center = new Float64Array(n);
  const key = new Float64Array(n);
  const cog = new Float64Array(edges.length);
  for (let iter = 0; iter < 200 && stale < 12; iter++) {
    let at = 0;
    for (const v of order) {
      const w = Math.max(1, width[v] as number);
      center[v] = at + w / 2;
      at += w;
    }
    edges.forEach((e, i) => {
      let s = 0;
      for (const v of e) s += center[v] as number;
      cog[i] = s / e.length;
    });
    for (let v = 0; v < n; v++) {
      const es = byVar[v] as number[];
      if (es.length === 0) {
        key[v] = center[v] as number;
        continue;
      }
      let s = 0;
      for (const e of es) s += cog[e] as number;
      key[v] = s / es.length;
    }
    order = order.slice().sort((a, b) => (key[a] as number) - (key[b] as number) || a - b);
    const span = spanOf(order, edges, width);
    if (span < bestSpan - 1e-9) {
      bestSpan = span;
      best = order.slice();
      stale = 0;
    } else {
      stale++;
    }
  }
  return best;
};

/** A variable order plus the hub variables placed first (see `orderVariables`). */
export type VariableOrder = { order: number[]; hubs: number[] };

/**
 * The heuristic order. Hubs first: a variable in at least a quarter of the constraints (and in
 * at least 8; Renault's `v0`, the vehicle version, is in 263 of 332) is placed at the top, so
 * that below each of its values the rest decomposes. The others are ordered by FORCE on the
 * constraint hypergraph with the hubs removed (they would pull everything to the middle), run
 * from the given order and from its reverse; the smaller total span wins.
 */
export const orderVariables = (csp: Csp, mode: 'auto' | 'given' = 'auto'): VariableOrder => {
  const n = csp.vars.length;
  const natural = Array.from({ length: n }, (_, i) => i);
  if (mode === 'given' || n <= 2) return { order: natural, hubs: [] };
  const width = csp.vars.map((v) => bitsFor(v.values.length));
  let edges = csp.constraints.map(constraintScope).filter((e) => e.length > 1);
  const degree = new Int32Array(n);
  for (const e of edges) for (const v of e) degree[v] = (degree[v] as number) + 1;
  const hubs = natural
    .filter((v) => (degree[v] as number) >= Math.max(8, edges.length / 4))
    .sort((a, b) => (degree[b] as number) - (degree[a] as number) || a - b);
  const isHub = new Set(hubs);
  if (hubs.length > 0) edges = edges.map((e) => e.filter((v) => !isHub.has(v))).filter((e) => e.length > 1);
  const byVar: number[][] = csp.vars.map(() => []);
  edges.forEach((e, i) => {
    for (const v of e) byVar[v]?.push(i);
  });
  const rest = natural.filter((v) => !isHub.has(v));
  const candidates = [
    rest,
    force(rest, edges, width, byVar),
    force(rest.slice().reverse(), edges, width, byVar),
  ];
  let best = rest;
  let bestSpan = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const s = spanOf(c, edges, width);
    if (s < bestSpan) {
      best = c;
      bestSpan = s;
    }
  }
  return { order: [...hubs, ...best], hubs };
};

// ---------------------------------------------------------------------------------------------
// Constraints -> BDD

type Layout = {
  /** First bit (BDD level) of each CSP variable. */
  pos: Int32Array;
  nbits: Int32Array;
  /** Level (rank in the order) of each CSP variable. */
  rank: Int32Array;
};

/** BDD of "the scope's assignment is one of the rows" (no wildcards), via a sorted trie. */
const tableSupports = (bdd: Bdd, layout: Layout, scope: number[], tuples: Int32Array): number => {
  const arity = scope.length;
  const rows = arity === 0 ? 0 : tuples.length / arity;
  if (arity === 0) return 1;
  if (rows === 0) return 0;
  // Columns sorted by the position of their variable; a repeated variable keeps one column and
  // rows disagreeing with themselves are dropped.
  const cols = scope
    .map((_, j) => j)
    .sort((a, b) => (layout.pos[scope[a] as number] as number) - (layout.pos[scope[b] as number] as number));
  const keep: number[] = [];
  const same: Array<[number, number]> = [];
  for (const j of cols) {
    const prev = keep.find((k) => scope[k] === scope[j]);
    if (prev === undefined) keep.push(j);
    else same.push([prev, j]);
  }
  let perm: number[] = [];
  for (let r = 0; r < rows; r++) {
    if (same.every(([a, b]) => tuples[r * arity + a] === tuples[r * arity + b])) perm.push(r);
  }
  const m = keep.length;
  const colOf = Int32Array.from(keep);
  const nb = Int32Array.from(keep, (j) => layout.nbits[scope[j] as number] as number);
  const base = Int32Array.from(keep, (j) => layout.pos[scope[j] as number] as number);
  perm = perm.sort((a, b) => {
    for (let k = 0; k < m; k++) {
      const c = colOf[k] as number;
      const d = (tuples[a * arity + c] as number) - (tuples[b * arity + c] as number);
      if (d !== 0) return d;
    }
    return 0;
  });
  const order = Int32Array.from(perm);
  const rec = (from: number, to: number, k: number, j: number): number => {
    if (from >= to) return 0;
    while (k < m && nb[k] === 0) k++;
    if (k === m) return 1;
    const w = nb[k] as number;
    const c = colOf[k] as number;
    const bit = 1 << (w - 1 - j);
    let split = from;
    while (split < to && ((tuples[(order[split] as number) * arity + c] as number) & bit) === 0) split++;
    const nk = j + 1 < w ? k : k + 1;
    const nj = j + 1 < w ? j + 1 : 0;
    const l = rec(from, split, nk, nj);
    const h = rec(split, to, nk, nj);
    return bdd.mk((base[k] as number) + j, l, h);
  };
  return rec(0, order.length, 0, 0);
};

/** BDD of "variable v takes one of `values`". */
const literal = (bdd: Bdd, layout: Layout, v: number, values: number[]): number =>
  tableSupports(bdd, layout, [v], Int32Array.from(values));

const conjoinAll = (bdd: Bdd, xs: number[], or: boolean): number => {
  let list = xs;
  if (list.length === 0) return or ? 0 : 1;
  while (list.length > 1) {
    const next: number[] = [];
    for (let i = 0; i < list.length; i += 2) {
      const a = list[i] as number;
      const b = list[i + 1];
      next.push(b === undefined ? a : or ? bdd.or(a, b) : bdd.and(a, b));
    }
    list = next;
  }
  return list[0] as number;
};

const formulaBdd = (bdd: Bdd, layout: Layout, f: CspFormula): number => {
  switch (f.kind) {
    case 'lit':
      return literal(bdd, layout, f.v, f.values);
    case 'const':
      return f.value ? 1 : 0;
    case 'not':
      return bdd.not(formulaBdd(bdd, layout, f.arg));
    case 'and':
    case 'or':
      return conjoinAll(
        bdd,
        f.args.map((a) => formulaBdd(bdd, layout, a)),
        f.kind === 'or',
      );
    case 'count': {
      // exactly[k] = "exactly k of the arguments seen so far hold", k = 0..n; beyond n is dropped.
      const n = Math.max(0, f.n);
      let exactly: number[] = [1];
      for (const a of f.args) {
        const x = formulaBdd(bdd, layout, a);
        const nx = bdd.not(x);
        const next: number[] = [];
        for (let k = 0; k <= Math.min(n, exactly.length); k++) {
          const stay = k < exactly.length ? bdd.and(exactly[k] as number, nx) : 0;
          const step = k > 0 ? bdd.and(exactly[k - 1] as number, x) : 0;
          next.push(bdd.or(stay, step));
        }
        exactly = next;
      }
      if (f.op === 'exactly') return exactly[n] ?? 0;
      return conjoinAll(bdd, exactly, true);
    }
  }
};

const constraintBdd = (bdd: Bdd, layout: Layout, c: CspConstraint): number => {
  if (c.kind === 'formula') return formulaBdd(bdd, layout, c.formula);
  let any = false;
  for (let i = 0; i < c.tuples.length; i++) {
    if ((c.tuples[i] as number) < 0) {
      any = true;
      break;
    }
  }
  let support: number;
  if (!any) {
    support = tableSupports(bdd, layout, c.scope, c.tuples);
  } else {
    // Rows with wildcards: a disjunction of cubes (model tables are small).
    const k = c.scope.length;
    const cubes: number[] = [];
    for (let r = 0; r * k < c.tuples.length; r++) {
      const lits: number[] = [];
      for (let j = 0; j < k; j++) {
        const val = c.tuples[r * k + j] as number;
        if (val >= 0) lits.push(literal(bdd, layout, c.scope[j] as number, [val]));
      }
      cubes.push(conjoinAll(bdd, lits, false));
    }
    support = conjoinAll(bdd, cubes, true);
  }
  return c.mode === 'supports' ? support : bdd.not(support);
};

// ---------------------------------------------------------------------------------------------
// Compile

/** Compiles a CSP to the MDD; also returns statistics about the run. */
export const compileCspWithStats = (
  csp: Csp,
  opts: CompileOptions = {},
): { compiled: CompiledModel; stats: CompileStats } => {
  try {
    return compileUnguarded(csp, opts);
  } catch (e) {
    // The BDD operations recurse once per bit level: tens of thousands of bits can exhaust
    // the stack. Report it as a size problem rather than a crash.
    if (e instanceof RangeError) {
      throw new ConfiguratorError(
        'configurator.too_large',
        `The model is too large to compile: ${e.message}`,
      );
    }
    throw e;
  }
};

const compileUnguarded = (
  csp: Csp,
  opts: CompileOptions,
): { compiled: CompiledModel; stats: CompileStats } => {
  const t0 = performance.now();
  const nv = csp.vars.length;
  const { order, hubs } = orderVariables(csp, opts.order ?? 'auto');
  const layout: Layout = {
    pos: new Int32Array(nv),
    nbits: new Int32Array(nv),
    rank: new Int32Array(nv),
  };
  let at = 0;
  order.forEach((v, r) => {
    const w = bitsFor(csp.vars[v]?.values.length ?? 0);
    layout.pos[v] = at;
    layout.nbits[v] = w;
    layout.rank[v] = r;
    at += w;
  });
  const bdd = new Bdd(at, opts.maxNodes ?? 50_000_000);
  const scopes = csp.constraints.map(constraintScope);
  const edges = scopes.filter((e) => e.length > 1);

  let root = 1;
  const empty = csp.vars.some((v) => v.values.length === 0);
  if (!empty) {
    // Each constraint as a BDD, plus a domain constraint for every variable whose size is not a
    // power of two (unused codes must be excluded for the MDD read-back to be canonical).
    type Item = { root: number; top: number; bottom: number; hub: boolean };
    const items: Item[] = [];
    const isHub = new Set(hubs);
    const add = (r: number, scope: number[]) => {
      let top = Number.POSITIVE_INFINITY;
      let bottom = -1;
      for (const v of scope) {
        top = Math.min(top, layout.rank[v] as number);
        bottom = Math.max(bottom, layout.rank[v] as number);
      }
      items.push({
        root: r,
        top: scope.length === 0 ? -1 : top,
        bottom,
        hub: scope.some((v) => isHub.has(v)),
      });
    };
    csp.constraints.forEach((c, i) => {
      add(constraintBdd(bdd, layout, c), scopes[i] as number[]);
    });
    csp.vars.forEach((v, i) => {
      const size = v.values.length;
      if (size > 1 && (size & (size - 1)) !== 0) {
        add(
          literal(
            bdd,
            layout,
            i,
            Array.from({ length: size }, (_, k) => k),
          ),
          [i],
        );
      }
    });
    // The schedule: constraints on hubs and the others are conjoined separately, each group as
    // a balanced tree over the constraints sorted by scope position (neighbours share
    // variables, so partial products stay local), then the two results. Mixing hub constraints
    // into the tree makes partial products that hold, for every hub value, a slice of the other
    // constraints: on Renault big that peaked at 5 M nodes instead of under 1 M.
    items.sort((a, b) => a.top - b.top || a.bottom - b.bottom);
    const groups = [
      items.filter((x) => x.hub).map((x) => x.root),
      items.filter((x) => !x.hub).map((x) => x.root),
    ];
    const pending = (): number[] => groups.flat();
    let gcAt = Math.max(1 << 20, bdd.liveNodes * 2);
    const maybeGc = (extra: number[]) => {
      if (bdd.liveNodes > gcAt) {
        bdd.gc([...extra, ...pending()]);
        gcAt = Math.max(1 << 20, bdd.liveNodes * 2);
      }
    };
    const results: number[] = [];
    for (let g = 0; g < groups.length; g++) {
      let list = groups[g] as number[];
      while (list.length > 1 && !list.includes(0)) {
        const next: number[] = [];
        for (let i = 0; i < list.length; i += 2) {
          const a = list[i] as number;
          const b = list[i + 1];
          next.push(b === undefined ? a : bdd.and(a, b));
          groups[g] = list.slice(i + 2);
          maybeGc([...results, ...next]);
        }
        list = next;
      }
      groups[g] = [];
      results.push(list.includes(0) ? 0 : (list[0] ?? 1));
    }
    root = results.reduce((acc, r) => bdd.and(acc, r), 1);
  } else {
    root = 0;
  }
  bdd.gc([root]);
  const bddFinalNodes = bdd.liveNodes;
  const compiled = readMdd(bdd, layout, csp, order, root);
  const stats: CompileStats = {
    order: order.map((v) => csp.vars[v]?.name ?? ''),
    span: spanOf(order, edges, Array.from(layout.nbits)),
    bddPeakNodes: bdd.stats.peakNodes,
    bddFinalNodes,
    gcRuns: bdd.stats.gcRuns,
    mddNodes: compiled.nodeLevel.length - 2,
    ms: performance.now() - t0,
  };
  return { compiled, stats };
};

/** Compiles a CSP to the quasi-reduced MDD of compiled.ts. */
export const compileCsp = (csp: Csp, opts: CompileOptions = {}): CompiledModel =>
  compileCspWithStats(csp, opts).compiled;

/**
 * Reads the BDD back as a quasi-reduced MDD, level by level. Node ids are contiguous per level
 * and increase with the level (root = 2), which the serialiser relies on for delta coding.
 */
const readMdd = (bdd: Bdd, layout: Layout, csp: Csp, order: number[], root: number): CompiledModel => {
  const L = order.length;
  const levels: CompiledLevel[] = order.map((v) => {
    const cv = csp.vars[v] as CspVar;
    return {
      code: cv.name,
      options: cv.values.slice(),
      prices: cv.values.map((_, i) => cv.prices?.[i] ?? 0),
      aux: cv.aux === true,
    };
  });
  const nodeLevel: number[] = [L, L];
  const childOffset: number[] = [0, 0];
  const children: number[] = [];
  let rootId = 0;
  if (root !== 0) {
    if (L === 0) {
      rootId = 1;
    } else {
      let frontier: number[] = [root];
      let base = 2;
      rootId = 2;
      for (let l = 0; l < L; l++) {
        const v = order[l] as number;
        const size = csp.vars[v]?.values.length ?? 0;
        const w = layout.nbits[v] as number;
        const p = layout.pos[v] as number;
        const last = l === L - 1;
        const nextBase = base + frontier.length;
        const nextIndex = new Map<number, number>();
        const nextFrontier: number[] = [];
        for (const f of frontier) {
          nodeLevel.push(l);
          childOffset.push(children.length);
          for (let val = 0; val < size; val++) {
            let g = f;
            for (let j = 0; j < w; j++) {
              if (bdd.level[g] === p + j) {
                g = ((val >> (w - 1 - j)) & 1) === 1 ? (bdd.hi[g] as number) : (bdd.lo[g] as number);
              }
            }
            if (g === 0) {
              children.push(0);
            } else if (last) {
              children.push(1);
            } else {
              let idx = nextIndex.get(g);
              if (idx === undefined) {
                idx = nextFrontier.length;
                nextIndex.set(g, idx);
                nextFrontier.push(g);
              }
              children.push(nextBase + idx);
            }
          }
        }
        base = nextBase;
        frontier = nextFrontier;
      }
    }
  }
  return {
    format: 'openc2b.compiled',
    version: 1,
    modelId: csp.id,
    modelHash: csp.hash ?? hashString(`${csp.id}:${csp.vars.length}:${csp.constraints.length}`),
    currency: csp.currency ?? 'XXX',
    basePrice: csp.basePrice ?? 0,
    levels,
    root: rootId,
    nodeLevel: Int32Array.from(nodeLevel),
    childOffset: Int32Array.from(childOffset),
    children: Int32Array.from(children),
    rules: csp.rules ?? [],
  };
};

/**
 * Compiles a configuration model. Invalid models throw a `ConfiguratorError` whose code is
 * `configurator.<issue code>` of the first validation issue (see validate.ts).
 */
export const compile = (model: Model, opts: CompileOptions = {}): CompiledModel => {
  const checked = validateModel(model);
  if (!checked.ok) {
    const first = checked.errors[0];
    throw new ConfiguratorError(
      `configurator.${first?.code ?? 'invalid_model'}`,
      `Invalid model: ${first?.message ?? 'unknown problem'}${checked.errors.length > 1 ? ` (and ${checked.errors.length - 1} more)` : ''}`,
      { path: first?.path, family: first?.family, option: first?.option, rule: first?.rule },
    );
  }
  return compileCsp(modelToCsp(checked.model), opts);
};
