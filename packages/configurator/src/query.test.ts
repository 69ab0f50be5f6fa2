import { describe, expect, it } from 'vitest';
import type { CompiledModel } from './compiled.ts';
import { ConfiguratorError } from './errors.ts';
import type { Model } from './model.ts';
import { query } from './query.ts';
import {
  agrees,
  type BruteSolution,
  bruteCompile,
  consistentSelection,
  enumerateSolutions,
  familyOptions,
  loadCompilers,
  mddPaths,
  randomLevelOrder,
  randomModel,
  randomSelection,
  testRng,
} from './testing/brute.ts';

/** Fewest selected families (other than `family`) to drop so that `family = option` is possible. */
const minChanges = (
  sols: BruteSolution[],
  sel: Record<string, string>,
  family: string,
  option: string,
): number | undefined => {
  let best: number | undefined;
  for (const s of sols) {
    if (s.choice[family] !== option) continue;
    let d = 0;
    for (const [f, o] of Object.entries(sel)) if (f !== family && s.choice[f] !== o) d++;
    if (best === undefined || d < best) best = d;
  }
  return best;
};

const checkQuery = (model: Model, c: CompiledModel, sols: BruteSolution[], sel: Record<string, string>) => {
  const r = query(c, sel);
  const matching = sols.filter((s) => agrees(s, sel));
  const prices = matching.map((s) => s.price);
  const complete = matching.length > 0 && model.families.every((f) => sel[f.code] !== undefined);
  const order = r.families.map((f) => f.code);
  const fams = familyOptions(model).sort((a, b) => order.indexOf(a.code) - order.indexOf(b.code));
  const expected = {
    consistent: matching.length > 0,
    complete,
    count: BigInt(matching.length),
    price: matching.length ? { min: Math.min(...prices), max: Math.max(...prices) } : null,
    current: complete ? (prices[0] ?? null) : null,
    families: fams.map((fam) => {
      const others = sols.filter((s) => agrees(s, sel, new Set([fam.code])));
      const options = fam.options.map((code) => {
        const with_ = others.filter((s) => s.choice[fam.code] === code);
        return {
          code,
          possible: with_.length > 0,
          count: BigInt(with_.length),
          minPrice: with_.length ? Math.min(...with_.map((s) => s.price)) : null,
        };
      });
      const possible = options.filter((o) => o.possible);
      return {
        code: fam.code,
        selected: sel[fam.code] ?? null,
        forced: possible.length === 1 ? (possible[0]?.code ?? null) : null,
        options,
      };
    }),
  };
  const withoutWhy = {
    ...r,
    families: r.families.map((f) => ({ ...f, options: f.options.map(({ blockedBy: _, ...o }) => o) })),
  };
  expect(withoutWhy).toEqual(expected);
  for (const fs of r.families) {
    for (const os of fs.options) {
      if (os.possible) {
        expect(os.blockedBy).toBeUndefined();
        continue;
      }
      const need = minChanges(sols, sel, fs.code, os.code);
      const why = os.blockedBy;
      if (!why) throw new Error(`no blockedBy for ${os.code}`);
      if (need === undefined) {
        expect(why.choices).toEqual([]);
        continue;
      }
      expect(why.choices.length).toBe(need);
      // Dropping exactly those choices makes the option possible.
      const drop = new Set([...why.choices, fs.code]);
      expect(why.choices.every((f) => sel[f] !== undefined && f !== fs.code)).toBe(true);
      expect(sols.some((s) => s.choice[fs.code] === os.code && agrees(s, sel, drop))).toBe(true);
      for (const id of why.rules) expect(c.rules.some((rule) => rule.id === id)).toBe(true);
    }
  }
};

const compilers = await loadCompilers();

describe('query against brute force', () => {
  for (const compiler of compilers) {
    it(`counts, possibilities, prices and minimal explanations (${compiler.name})`, () => {
      const rng = testRng(1);
      for (let m = 0; m < 90; m++) {
        const model = randomModel(rng);
        const sols = enumerateSolutions(model);
        const c = compiler.compile(model, randomLevelOrder(model, rng));
        checkQuery(model, c, sols, {});
        for (let q = 0; q < 6; q++) {
          checkQuery(model, c, sols, randomSelection(model, rng, 0.2 + 0.15 * q));
          checkQuery(model, c, sols, consistentSelection(model, sols, rng, 0.3 + 0.1 * q));
        }
      }
    }, 60_000);
  }

  for (const compiler of compilers) {
    it(`compiled MDD is quasi-reduced and has exactly the valid configurations (${compiler.name})`, () => {
      const rng = testRng(5);
      for (let m = 0; m < 150; m++) {
        const model = randomModel(rng);
        const c = compiler.compile(model, randomLevelOrder(model, rng));
        const key = (x: Record<string, string>) =>
          JSON.stringify(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1)));
        const paths = mddPaths(c).map(key).sort();
        const expected = enumerateSolutions(model)
          .map((s) => {
            const adj = Object.fromEntries(
              Object.entries(s.adjustments).map(([id, on]) => [id, on ? 'on' : 'off']),
            );
            return key({ ...s.choice, ...adj });
          })
          .sort();
        expect(paths).toEqual(expected);
      }
    }, 60_000);
  }

  it('explain: false skips blockedBy', () => {
    const rng = testRng(7);
    for (let m = 0; m < 20; m++) {
      const model = randomModel(rng);
      const c = bruteCompile(model);
      const r = query(c, randomSelection(model, rng), { explain: false });
      for (const f of r.families) for (const o of f.options) expect(o.blockedBy).toBeUndefined();
    }
  });

  it('names unknown families and options', () => {
    const model = randomModel(testRng(3));
    const c = bruteCompile(model);
    const err = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return e;
      }
      return undefined;
    };
    const e1 = err(() => query(c, { NOPE: 'x' }));
    expect(e1).toBeInstanceOf(ConfiguratorError);
    expect((e1 as ConfiguratorError).code).toBe('unknown_family');
    expect((e1 as ConfiguratorError).message).toContain('NOPE');
    const e2 = err(() => query(c, { F0: 'F1a' }));
    expect((e2 as ConfiguratorError).code).toBe('unknown_option');
    expect((e2 as ConfiguratorError).message).toContain('F1a');
    // Aux levels are not families.
    const withAdj = { ...model, adjustments: [{ id: 'adjX', when: 'F0a', amount: 5 }] };
    expect(() => query(bruteCompile(withAdj), { adjX: 'on' })).toThrow(/adjX/);
  });

  for (const n of [40, 130]) {
    it(`counts exactly beyond 2^53 (3^${n} configurations)`, () => {
      // n free families of 3 options, one rule tying the first two.
      const families = Array.from({ length: n }, (_, i) => ({
        code: `G${i}`,
        options: ['a', 'b', 'c'].map((x) => ({ code: `G${i}${x}`, price: i })),
      }));
      const model: Model = {
        format: 'openc2b.model',
        version: 1,
        id: 'big',
        currency: 'CNY',
        basePrice: 0,
        families,
        rules: [{ id: 'r', kind: 'requires', if: 'G0a', then: 'G1b' }],
      };
      const c = chainCompile(model);
      const r = query(c, {});
      const all = 3n ** BigInt(n);
      expect(r.count).toBe(all - (2n * all) / 9n);
      const g0 = r.families.find((f) => f.code === 'G0');
      expect(g0?.options.map((o) => o.count)).toEqual([all / 9n, (3n * all) / 9n, (3n * all) / 9n]);
      const g5 = r.families.find((f) => f.code === 'G5');
      const third = (all - (2n * all) / 9n) / 3n;
      expect(g5?.options.map((o) => o.count)).toEqual([third, third, third]);
      const r2 = query(c, { G0: 'G0a', G7: 'G7c' });
      expect(r2.count).toBe(all / 27n);
      const g1 = r2.families.find((f) => f.code === 'G1');
      expect(g1?.options.map((o) => o.count)).toEqual([0n, all / 27n, 0n]);
      expect(g1?.forced).toBe('G1b');
      const g0b = r2.families.find((f) => f.code === 'G0');
      expect(g0b?.options.map((o) => o.count)).toEqual([all / 27n, all / 9n, all / 9n]);
    });
  }
});

/**
 * A hand-built MDD for the big model above (brute force cannot enumerate 3^40): a chain where
 * only level 0 -> level 1 is constrained.
 */
const chainCompile = (model: Model): CompiledModel => {
  const levels = model.families.map((f) => ({
    code: f.code,
    options: f.options.map((o) => o.code),
    prices: f.options.map((o) => o.price ?? 0),
    aux: false,
  }));
  const L = levels.length;
  // Nodes: 2 = root (level 0); 3 = level 1 after G0a (only b); 4.. = level k free chain (k >= 1).
  const nodeLevel = [L, L, 0, 1];
  const kids: number[][] = [[], [], [], []];
  const free: number[] = [];
  for (let k = 1; k < L; k++) {
    free[k] = nodeLevel.length;
    nodeLevel.push(k);
    kids.push([]);
  }
  const next = (k: number) => (k + 1 < L ? (free[k + 1] as number) : 1);
  kids[2] = [3, free[1] as number, free[1] as number];
  kids[3] = [0, next(1), 0];
  for (let k = 1; k < L; k++) kids[free[k] as number] = [next(k), next(k), next(k)];
  const childOffset = new Int32Array(kids.length);
  const flat: number[] = [];
  kids.forEach((ch, n) => {
    childOffset[n] = flat.length;
    flat.push(...ch);
  });
  return {
    format: 'openc2b.compiled',
    version: 1,
    modelId: model.id,
    modelHash: 'x',
    currency: 'CNY',
    basePrice: 0,
    levels,
    root: 2,
    nodeLevel: Int32Array.from(nodeLevel),
    childOffset,
    children: Int32Array.from(flat),
    rules: [{ id: 'r', kind: 'requires', options: ['G0a', 'G1b'] }],
  };
};
