/**
 * Test-only oracle: enumerates every complete configuration of a small model by brute force
 * (evaluating rules and adjustments exactly as model.ts documents them) and builds a
 * quasi-reduced MDD from the solution list, independently of the real compiler. Also a seeded
 * generator of random small models for property tests. Exponential: keep models tiny.
 */
// Which options a rule mentions is bookkeeping for explanations, not what the oracle checks,
// so it shares the compiler's helper; rule evaluation below stays independent.
import { ruleOptionCodes } from '../compile.ts';
import type { CompiledLevel, CompiledModel, CompiledRule } from '../compiled.ts';
import type { Expr, Model, Rule } from '../model.ts';
import { MODEL_FORMAT, MODEL_FORMAT_VERSION, noneCode } from '../model.ts';

export type BruteSolution = {
  /** Option code per family code (every family, including `<family>:none`). */
  choice: Record<string, string>;
  /** Whether each adjustment applies, by adjustment id. */
  adjustments: Record<string, boolean>;
  /** Total price: base + options + adjustments. */
  price: number;
};

/** Option codes per family as the brute oracle sees them (implicit none last). */
export const familyOptions = (model: Model): Array<{ code: string; options: string[]; prices: number[] }> =>
  model.families.map((f) => {
    const options = f.options.map((o) => o.code);
    const prices = f.options.map((o) => o.price ?? 0);
    if (f.optional) {
      options.push(noneCode(f.code));
      prices.push(0);
    }
    return { code: f.code, options, prices };
  });

export const evalExpr = (e: Expr, chosen: ReadonlySet<string>): boolean => {
  if (typeof e === 'string') return chosen.has(e);
  if ('all' in e) return e.all.every((x) => evalExpr(x, chosen));
  if ('any' in e) return e.any.some((x) => evalExpr(x, chosen));
  return !evalExpr(e.not, chosen);
};

export const ruleHolds = (r: Rule, chosen: ReadonlySet<string>, choice: Record<string, string>): boolean => {
  switch (r.kind) {
    case 'requires':
    case 'implies':
      return !evalExpr(r.if, chosen) || evalExpr(r.then, chosen);
    case 'excludes':
      return !(evalExpr(r.a, chosen) && evalExpr(r.b, chosen));
    case 'constraint':
      return evalExpr(r.expr, chosen);
    case 'table': {
      const matches = r.rows.some((row) =>
        r.families.every((fam, i) => row[i] === '*' || row[i] === choice[fam]),
      );
      return r.mode === 'allowed' ? matches : !matches;
    }
    case 'atMost':
    case 'exactly': {
      const n = r.n ?? 1;
      const k = r.of.filter((x) => evalExpr(x, chosen)).length;
      return r.kind === 'atMost' ? k <= n : k === n;
    }
  }
};

/** Every valid complete configuration, in lexicographic order of option indices (model order). */
export const enumerateSolutions = (model: Model): BruteSolution[] => {
  const fams = familyOptions(model);
  const out: BruteSolution[] = [];
  const idx = fams.map(() => 0);
  if (fams.some((f) => f.options.length === 0)) return out;
  for (;;) {
    const choice: Record<string, string> = {};
    let price = model.basePrice;
    fams.forEach((f, i) => {
      const k = idx[i] ?? 0;
      choice[f.code] = f.options[k] ?? '';
      price += f.prices[k] ?? 0;
    });
    const chosen = new Set(Object.values(choice));
    if (model.rules.every((r) => ruleHolds(r, chosen, choice))) {
      const adjustments: Record<string, boolean> = {};
      for (const a of model.adjustments ?? []) {
        const on = evalExpr(a.when, chosen);
        adjustments[a.id] = on;
        if (on) price += a.amount;
      }
      out.push({ choice, adjustments, price });
    }
    // Odometer increment, last family fastest.
    let j = fams.length - 1;
    while (j >= 0) {
      const f = fams[j];
      if (!f) break;
      idx[j] = (idx[j] ?? 0) + 1;
      if ((idx[j] ?? 0) < f.options.length) break;
      idx[j] = 0;
      j--;
    }
    if (j < 0) return out;
  }
};

/**
 * Builds a quasi-reduced MDD from the brute-force solution list. `levelOrder` lists family
 * codes and adjustment ids (each exactly once); default: families in model order then
 * adjustments. Built as a trie collapsed bottom-up through a unique table per level.
 */
export const bruteCompile = (model: Model, levelOrder?: string[]): CompiledModel => {
  const fams = familyOptions(model);
  const levelsById = new Map<string, CompiledLevel>();
  for (const f of fams)
    levelsById.set(f.code, { code: f.code, options: f.options, prices: f.prices, aux: false });
  for (const a of model.adjustments ?? []) {
    levelsById.set(a.id, { code: a.id, options: ['off', 'on'], prices: [0, a.amount], aux: true });
  }
  const order = levelOrder ?? [...fams.map((f) => f.code), ...(model.adjustments ?? []).map((a) => a.id)];
  if (order.length !== levelsById.size || new Set(order).size !== order.length) {
    throw new Error('levelOrder must list every family and adjustment once');
  }
  const levels = order.map((code) => {
    const l = levelsById.get(code);
    if (!l) throw new Error(`unknown level ${code}`);
    return l;
  });
  const rows = enumerateSolutions(model).map((s) =>
    levels.map((l) => (l.aux ? (s.adjustments[l.code] ? 1 : 0) : l.options.indexOf(s.choice[l.code] ?? ''))),
  );

  const nodeLevel: number[] = [levels.length, levels.length];
  const kids: number[][] = [[], []];
  const unique = levels.map(() => new Map<string, number>());
  const build = (depth: number, sols: number[][]): number => {
    if (sols.length === 0) return 0;
    const level = levels[depth];
    if (!level) return 1;
    const parts: number[][][] = level.options.map(() => []);
    for (const s of sols) parts[s[depth] ?? 0]?.push(s);
    const ch = parts.map((p) => build(depth + 1, p));
    const key = ch.join(',');
    const table = unique[depth];
    const found = table?.get(key);
    if (found !== undefined) return found;
    const id = kids.length;
    kids.push(ch);
    nodeLevel.push(depth);
    table?.set(key, id);
    return id;
  };
  const root = build(0, rows);

  const childOffset = new Int32Array(kids.length);
  const flat: number[] = [];
  kids.forEach((ch, n) => {
    childOffset[n] = flat.length;
    flat.push(...ch);
  });
  const rules: CompiledRule[] = model.rules.map((r) => ({
    id: r.id,
    kind: r.kind,
    options: ruleOptionCodes(r),
    ...(r.message ? { message: r.message } : {}),
  }));
  return {
    format: 'openc2b.compiled',
    version: 1,
    modelId: model.id,
    modelHash: 'brute',
    currency: model.currency,
    basePrice: model.basePrice,
    levels,
    root,
    nodeLevel: Int32Array.from(nodeLevel),
    childOffset,
    children: Int32Array.from(flat),
    rules,
  };
};

/** Seeded PRNG for tests (mulberry32), independent of sample.ts so the oracle stays separate. */
export const testRng = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

export type RandomModelOptions = {
  minFamilies?: number;
  maxFamilies?: number;
  minOptions?: number;
  maxOptions?: number;
  maxRules?: number;
  maxAdjustments?: number;
  /** Upper bound on the number of raw configurations (product of domain sizes); default 3000. */
  maxConfigurations?: number;
};

/**
 * A random small model: families F0.. with options F0a.., some optional, random rules of every
 * kind (biased to single-option literals so that most models stay satisfiable), random prices
 * and conditional adjustments.
 */
export const randomModel = (rng: () => number, o: RandomModelOptions = {}): Model => {
  const int = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;
  const nf = int(o.minFamilies ?? 3, o.maxFamilies ?? 7);
  const cap = o.maxConfigurations ?? 3000;
  let raw = 1;
  const families = Array.from({ length: nf }, (_, i) => {
    const code = `F${i}`;
    // Shrink domains once the product of sizes would exceed the cap (brute force is exponential).
    let no = int(o.minOptions ?? 2, o.maxOptions ?? 4);
    while (no > 1 && raw * (no + 1) > cap) no--;
    raw *= no + 1;
    return {
      code,
      optional: rng() < 0.3,
      options: Array.from({ length: no }, (_, j) => ({
        code: `${code}${String.fromCharCode(97 + j)}`,
        price: rng() < 0.2 ? 0 : int(-5, 40) * 100,
      })),
    };
  });
  const allOpts = families.flatMap((f) => [
    ...f.options.map((x) => x.code),
    ...(f.optional ? [noneCode(f.code)] : []),
  ]);
  const lit = (): string => pick(allOpts);
  const expr = (depth = 0): Expr => {
    const r = rng();
    if (depth > 1 || r < 0.6) return lit();
    if (r < 0.75) return { any: [expr(depth + 1), expr(depth + 1)] };
    if (r < 0.9) return { all: [expr(depth + 1), expr(depth + 1)] };
    return { not: expr(depth + 1) };
  };
  const kinds = ['requires', 'implies', 'excludes', 'constraint', 'table', 'atMost', 'exactly'] as const;
  const rules: Rule[] = [];
  const nr = int(0, o.maxRules ?? 5);
  for (let i = 0; i < nr; i++) {
    const id = `r${i}`;
    const kind = pick(kinds);
    switch (kind) {
      case 'requires':
      case 'implies':
        rules.push({ id, kind, if: expr(), then: expr() });
        break;
      case 'excludes':
        rules.push({ id, kind, a: expr(), b: expr() });
        break;
      case 'constraint':
        rules.push({ id, kind, expr: { any: [expr(), expr()] } });
        break;
      case 'table': {
        const fs = [...families].sort(() => rng() - 0.5).slice(0, int(1, Math.min(3, nf)));
        const famOpts = (f: (typeof families)[number]) => [
          ...f.options.map((x) => x.code),
          ...(f.optional ? [noneCode(f.code)] : []),
        ];
        const mode = rng() < 0.6 ? 'allowed' : 'forbidden';
        const rows = Array.from({ length: int(1, 5) }, () =>
          fs.map((f) => (rng() < 0.25 ? '*' : pick(famOpts(f)))),
        );
        rules.push({ id, kind, families: fs.map((f) => f.code), mode, rows });
        break;
      }
      case 'atMost':
      case 'exactly': {
        const of = Array.from({ length: int(2, 4) }, () => expr(1));
        const n = rng() < 0.5 ? undefined : int(0, 2);
        rules.push(n === undefined ? { id, kind, of } : { id, kind, of, n });
        break;
      }
    }
  }
  const adjustments = Array.from({ length: int(0, o.maxAdjustments ?? 2) }, (_, i) => ({
    id: `adj${i}`,
    when: expr(),
    amount: int(-20, 20) * 50,
  }));
  return {
    format: MODEL_FORMAT,
    version: MODEL_FORMAT_VERSION,
    id: `random-${nf}`,
    currency: 'CNY',
    basePrice: int(100, 300) * 1000,
    families,
    rules,
    adjustments,
  };
};

/** A random level order mixing families and adjustments (aux levels anywhere). */
export const randomLevelOrder = (model: Model, rng: () => number): string[] => {
  const ids = [...model.families.map((f) => f.code), ...(model.adjustments ?? []).map((a) => a.id)];
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = ids[i] as string;
    ids[i] = ids[j] as string;
    ids[j] = t;
  }
  return ids;
};

/** Whether a solution agrees with every choice of `selection` (ignoring `except` families). */
export const agrees = (
  s: BruteSolution,
  selection: Record<string, string>,
  except?: ReadonlySet<string>,
): boolean => Object.entries(selection).every(([f, o]) => except?.has(f) || s.choice[f] === o);

/** A random partial selection: each family chosen with probability `p` (may be inconsistent). */
export const randomSelection = (model: Model, rng: () => number, p = 0.4): Record<string, string> => {
  const sel: Record<string, string> = {};
  for (const f of familyOptions(model)) {
    if (rng() < p) sel[f.code] = f.options[Math.floor(rng() * f.options.length)] as string;
  }
  return sel;
};

/** Picks a random solution's choices for a subset of families, so the selection is consistent. */
export const consistentSelection = (
  model: Model,
  sols: BruteSolution[],
  rng: () => number,
  p = 0.4,
): Record<string, string> => {
  const s = sols[Math.floor(rng() * sols.length)];
  const sel: Record<string, string> = {};
  if (!s) return sel;
  for (const f of model.families) if (rng() < p) sel[f.code] = s.choice[f.code] as string;
  return sel;
};

export type TestCompiler = { name: string; compile: (model: Model, levelOrder: string[]) => CompiledModel };

/**
 * The compilers property tests run against: always the brute-force builder (in the given random
 * level order), plus the real `compile()` once src/compile.ts exists (its own order). Loaded by
 * a computed path so this file type-checks before compile.ts is written.
 */
export const loadCompilers = async (): Promise<TestCompiler[]> => {
  const out: TestCompiler[] = [{ name: 'brute', compile: (m, order) => bruteCompile(m, order) }];
  const path = '../compile.ts';
  try {
    const mod = (await import(/* @vite-ignore */ path)) as { compile?: (m: Model) => CompiledModel };
    const compile = mod.compile;
    if (typeof compile === 'function') out.push({ name: 'compile', compile: (m) => compile(m) });
  } catch (e) {
    if (!String(e).includes('compile.ts')) throw e;
  }
  return out;
};

/**
 * Every path of a compiled MDD as a solution (option code per level code, aux included), after
 * checking the structural invariants the queries rely on. Throws on the first violation.
 */
export const mddPaths = (c: CompiledModel): Array<Record<string, string>> => {
  const L = c.levels.length;
  if (c.nodeLevel[0] !== L || c.nodeLevel[1] !== L) throw new Error('terminals must sit at level L');
  const seen = c.levels.map(() => new Set<string>());
  for (let n = 2; n < c.nodeLevel.length; n++) {
    const l = c.nodeLevel[n] as number;
    const level = c.levels[l];
    if (!level) throw new Error(`node ${n}: bad level ${l}`);
    const kids = Array.from(
      { length: level.options.length },
      (_, o) => c.children[(c.childOffset[n] ?? 0) + o],
    );
    for (const k of kids) {
      if (k === undefined) throw new Error(`node ${n}: missing child`);
      if (k !== 0 && (l === L - 1 ? k !== 1 : c.nodeLevel[k] !== l + 1)) {
        throw new Error(`node ${n} (level ${l}): child ${k} not on the next level`);
      }
    }
    if (kids.every((k) => k === 0)) throw new Error(`node ${n}: all children FALSE`);
    const key = kids.join(',');
    if (seen[l]?.has(key)) throw new Error(`level ${l}: duplicate node ${n}`);
    seen[l]?.add(key);
  }
  const out: Array<Record<string, string>> = [];
  const walk = (n: number, l: number, acc: Record<string, string>) => {
    if (n === 0) return;
    const level = c.levels[l];
    if (!level) {
      if (n === 1) out.push({ ...acc });
      return;
    }
    level.options.forEach((o, i) => {
      acc[level.code] = o;
      walk(c.children[(c.childOffset[n] ?? 0) + i] ?? 0, l + 1, acc);
    });
    delete acc[level.code];
  };
  walk(c.root, 0, {});
  return out;
};
