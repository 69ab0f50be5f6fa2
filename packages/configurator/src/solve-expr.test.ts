import { describe, expect, it } from 'vitest';
import { compile } from './compile.ts';
import { ConfiguratorError } from './errors.ts';
import type { Expr, Model } from './model.ts';
import { noneCode } from './model.ts';
import { exprHolds, solveExpr } from './solve-expr.ts';
import {
  enumerateSolutions,
  evalExpr,
  familyOptions,
  loadCompilers,
  randomLevelOrder,
  randomModel,
  testRng,
} from './testing/brute.ts';

const compilers = await loadCompilers();

/** A random expression over the model's options (none codes included), up to depth 3. */
const randomExpr = (model: Model, rng: () => number, depth = 0): Expr => {
  const codes = familyOptions(model).flatMap((f) => f.options);
  const r = rng();
  if (depth >= 3 || r < 0.4) return codes[Math.floor(rng() * codes.length)] as string;
  const n = Math.floor(rng() * 4); // 0..3 arguments: empty all / any are true / false
  const args = Array.from({ length: n }, () => randomExpr(model, rng, depth + 1));
  if (r < 0.65) return { all: args };
  if (r < 0.9) return { any: args };
  return { not: randomExpr(model, rng, depth + 1) };
};

describe('solveExpr', () => {
  for (const compiler of compilers) {
    it(`counts exactly and finds a true witness, as brute force does (${compiler.name})`, () => {
      const rng = testRng(606);
      let nonZero = 0;
      let zero = 0;
      for (let m = 0; m < 150; m++) {
        const model = randomModel(rng);
        const sols = enumerateSolutions(model);
        const c = compiler.compile(model, randomLevelOrder(model, rng));
        for (let q = 0; q < 8; q++) {
          const expr = randomExpr(model, rng);
          const matching = sols.filter((s) => evalExpr(expr, new Set(Object.values(s.choice))));
          const got = solveExpr(c, expr);
          expect(got.count, JSON.stringify(expr)).toBe(BigInt(matching.length));
          if (matching.length === 0) {
            zero++;
            expect(got.witness).toBeNull();
          } else {
            nonZero++;
            const w = got.witness;
            expect(w).not.toBeNull();
            // The witness is one of the valid configurations, complete, and makes expr true.
            expect(
              matching.some((s) => JSON.stringify(s.choice) === JSON.stringify(orderLike(s.choice, w))),
            ).toBe(true);
            expect(Object.keys(w ?? {}).sort()).toEqual(model.families.map((f) => f.code).sort());
            expect(exprHolds(expr, w ?? {})).toBe(true);
          }
        }
      }
      // The generator must exercise both outcomes, or the test proves little.
      expect(zero).toBeGreaterThan(50);
      expect(nonZero).toBeGreaterThan(300);
    }, 120_000);
  }

  it('agrees with the total count for an always-true expression and 0 for a contradiction', () => {
    const rng = testRng(7);
    for (let m = 0; m < 30; m++) {
      const model = randomModel(rng);
      const c = compile(model);
      const n = BigInt(enumerateSolutions(model).length);
      const a = familyOptions(model)[0]?.options[0] as string;
      expect(solveExpr(c, { all: [] }).count).toBe(n);
      expect(solveExpr(c, { any: [a, { not: a }] }).count).toBe(n);
      expect(solveExpr(c, { all: [a, { not: a }] })).toEqual({ count: 0n, witness: null });
      expect(solveExpr(c, { any: [] }).count).toBe(0n);
    }
  });

  it('is exact beyond 2^53 (40 free families of 3 options)', () => {
    const model: Model = {
      format: 'openc2b.model',
      version: 1,
      id: 'wide',
      currency: 'CNY',
      basePrice: 0,
      families: Array.from({ length: 40 }, (_, i) => ({
        code: `F${i}`,
        options: ['a', 'b', 'c'].map((x) => ({ code: `F${i}${x}`, price: 0 })),
      })),
      rules: [],
    };
    const c = compile(model);
    expect(solveExpr(c, 'F0a').count).toBe(3n ** 39n);
    expect(solveExpr(c, { not: { any: ['F3a', 'F7b'] } }).count).toBe(3n ** 38n * 4n);
    const w = solveExpr(c, { all: ['F39c', { not: 'F0a' }] }).witness;
    expect(w?.['F39']).toBe('F39c');
    expect(w?.['F0']).not.toBe('F0a');
  });

  it('treats the implicit none option like any other option', () => {
    const model: Model = {
      format: 'openc2b.model',
      version: 1,
      id: 'none',
      currency: 'CNY',
      basePrice: 0,
      families: [
        { code: 'roof', optional: true, options: [{ code: 'pano', price: 0 }] },
        {
          code: 'paint',
          options: [
            { code: 'red', price: 0 },
            { code: 'blue', price: 0 },
          ],
        },
      ],
      rules: [{ id: 'r', kind: 'excludes', a: 'pano', b: 'red' }],
    };
    const c = compile(model);
    expect(solveExpr(c, noneCode('roof')).count).toBe(2n);
    expect(solveExpr(c, { all: ['red', { not: noneCode('roof') }] }).count).toBe(0n);
    expect(solveExpr(c, 'pano').witness).toEqual({ roof: 'pano', paint: 'blue' });
  });

  it('refuses unknown option codes and non-expressions', () => {
    const c = compile(randomModel(testRng(3)));
    expect(() => solveExpr(c, { all: ['F0a', 'NOPE'] })).toThrow(ConfiguratorError);
    try {
      solveExpr(c, 'NOPE');
    } catch (err) {
      expect((err as ConfiguratorError).code).toBe('configurator.unknown_option');
      expect((err as ConfiguratorError).details['option']).toBe('NOPE');
    }
    expect(() => solveExpr(c, { some: [] } as unknown as Expr)).toThrow(/Not an expression/);
  });
});

describe('exprHolds', () => {
  it('agrees with the brute-force evaluator on every valid configuration', () => {
    const rng = testRng(99);
    for (let m = 0; m < 40; m++) {
      const model = randomModel(rng);
      const sols = enumerateSolutions(model).slice(0, 30);
      for (let q = 0; q < 10; q++) {
        const expr = randomExpr(model, rng);
        for (const s of sols) {
          expect(exprHolds(expr, s.choice)).toBe(evalExpr(expr, new Set(Object.values(s.choice))));
        }
      }
    }
  });
});

/** The witness's choices in the brute solution's key order, for a string comparison. */
function orderLike(
  template: Record<string, string>,
  w: Record<string, string> | null,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(template)) if (w?.[k] !== undefined) out[k] = w[k];
  return out;
}
