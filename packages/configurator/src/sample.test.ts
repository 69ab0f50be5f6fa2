import { describe, expect, it } from 'vitest';
import type { Model } from './model.ts';
import { mulberry32, sampleConfiguration } from './sample.ts';
import {
  agrees,
  bruteCompile,
  consistentSelection,
  enumerateSolutions,
  loadCompilers,
  randomLevelOrder,
  randomModel,
  randomSelection,
  testRng,
} from './testing/brute.ts';

const compilers = await loadCompilers();

const tiny: Model = {
  format: 'openc2b.model',
  version: 1,
  id: 'tiny',
  currency: 'CNY',
  basePrice: 1000,
  families: [
    { code: 'A', options: [{ code: 'a1' }, { code: 'a2' }, { code: 'a3' }] },
    { code: 'B', optional: true, options: [{ code: 'b1' }, { code: 'b2' }] },
    { code: 'C', options: [{ code: 'c1' }, { code: 'c2' }] },
  ],
  rules: [
    { id: 'r1', kind: 'requires', if: 'a1', then: 'c2' },
    { id: 'r2', kind: 'excludes', a: 'b2', b: 'a3' },
  ],
  adjustments: [{ id: 'pack', when: { all: ['a2', 'b1'] }, amount: -100 }],
};

describe('sampleConfiguration', () => {
  it('is uniform over completions (chi-square on a tiny model, fixed seed)', () => {
    const sols = enumerateSolutions(tiny);
    expect(sols.length).toBe(13);
    const c = bruteCompile(tiny, ['C', 'pack', 'A', 'B']);
    const rng = mulberry32(42);
    const n = 13_000;
    const hits = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const s = sampleConfiguration(c, rng);
      const key = JSON.stringify(s);
      hits.set(key, (hits.get(key) ?? 0) + 1);
    }
    expect(hits.size).toBe(sols.length);
    const expected = n / sols.length;
    let chi2 = 0;
    for (const s of sols) {
      const key = JSON.stringify(Object.fromEntries(['C', 'A', 'B'].map((f) => [f, s.choice[f]])));
      const h = hits.get(key) ?? 0;
      chi2 += (h - expected) ** 2 / expected;
    }
    // 12 degrees of freedom: the 99.9% quantile is 32.9.
    expect(chi2).toBeLessThan(32.9);
  });

  for (const compiler of compilers) {
    it(`returns valid completions of the selection (${compiler.name})`, () => {
      const rng = testRng(41);
      for (let m = 0; m < 60; m++) {
        const model = randomModel(rng);
        const sols = enumerateSolutions(model);
        const c = compiler.compile(model, randomLevelOrder(model, rng));
        for (let q = 0; q < 4; q++) {
          const sel = q % 2 ? randomSelection(model, rng) : consistentSelection(model, sols, rng);
          const matching = sols.filter((s) => agrees(s, sel));
          for (let k = 0; k < 5; k++) {
            const s = sampleConfiguration(c, rng, sel);
            if (matching.length === 0) expect(s).toBeNull();
            else expect(matching.some((x) => s !== null && agrees(x, s))).toBe(true);
          }
        }
      }
    }, 60_000);
  }

  it('mulberry32 is deterministic and in [0, 1)', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    for (let i = 0; i < 1000; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x >= 0 && x < 1).toBe(true);
    }
  });
});
