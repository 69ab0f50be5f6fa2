import { describe, expect, it } from 'vitest';
import { analyzeModel } from './analyze.ts';
import { compile } from './compile.ts';
import type { Model } from './model.ts';

const model = (rules: Model['rules'], defaults?: Record<string, string>): Model => ({
  format: 'openc2b.model',
  version: 1,
  id: 'a',
  currency: 'CNY',
  basePrice: 0,
  families: [
    {
      code: 'engine',
      options: [
        { code: 'ev', price: 0 },
        { code: 'petrol', price: 0 },
      ],
    },
    { code: 'charger', optional: true, options: [{ code: 'fast', price: 100 }] },
    { code: 'paint', options: [{ code: 'red', price: 0 }, { code: 'green' }] },
  ],
  rules,
  ...(defaults ? { defaults } : {}),
});

describe('analyzeModel', () => {
  it('finds dead and forced options and names the rules that mention them', () => {
    const m = model([
      { id: 'evOnly', kind: 'constraint', expr: 'ev' },
      { id: 'fastNeedsPetrol', kind: 'requires', if: 'fast', then: 'petrol' },
    ]);
    const a = analyzeModel(m, compile(m));
    expect(a.satisfiable).toBe(true);
    expect(a.count).toBe(2n);
    const dead = a.findings.filter((f) => f.kind === 'dead_option').map((f) => [f.option, f.rules]);
    expect(dead).toEqual([
      ['petrol', ['fastNeedsPetrol']],
      ['fast', ['fastNeedsPetrol']],
    ]);
    const forced = a.findings.filter((f) => f.kind === 'forced_option').map((f) => [f.option, f.rules]);
    expect(forced).toEqual([
      ['ev', ['evOnly']],
      ['charger:none', []],
    ]);
    expect(a.findings.filter((f) => f.kind === 'unpriced_option').map((f) => f.option)).toEqual(['green']);
  });

  it('reports a contradictory model with every rule', () => {
    const m = model([
      { id: 'a', kind: 'constraint', expr: 'fast' },
      { id: 'b', kind: 'excludes', a: 'fast', b: { any: ['ev', 'petrol'] } },
    ]);
    const a = analyzeModel(m, compile(m));
    expect(a.satisfiable).toBe(false);
    expect(a.count).toBe(0n);
    expect(a.findings[0]).toMatchObject({ kind: 'no_solution', rules: ['a', 'b'] });
  });

  it('flags defaults that cannot be completed', () => {
    const m = model([{ id: 'redEv', kind: 'requires', if: 'red', then: 'ev' }], {
      paint: 'red',
      engine: 'petrol',
    });
    const a = analyzeModel(m, compile(m));
    expect(a.findings).toContainEqual(
      expect.objectContaining({ kind: 'invalid_defaults', rules: ['redEv'] }),
    );
    const ok = model([{ id: 'redEv', kind: 'requires', if: 'red', then: 'ev' }], { paint: 'red' });
    expect(analyzeModel(ok, compile(ok)).findings.some((f) => f.kind === 'invalid_defaults')).toBe(false);
  });
});
