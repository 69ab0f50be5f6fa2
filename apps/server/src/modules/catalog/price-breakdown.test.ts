import { compile, type Model, query } from '@openc2b/configurator';
import { describe, expect, it } from 'vitest';
import { qcG202027 } from './demo/index.ts';
import { breakdownTotal, evaluate, optionFamilies, priceBreakdown } from './price-breakdown.ts';

const model: Model = {
  format: 'openc2b.model',
  version: 1,
  id: 'tiny',
  currency: 'CNY',
  basePrice: 100_000,
  families: [
    { code: 'paint', options: [{ code: 'white' }, { code: 'red', price: 2_000 }] },
    { code: 'pack', optional: true, options: [{ code: 'sport', price: 5_000 }] },
  ],
  rules: [],
  adjustments: [
    {
      id: 'red-sport',
      when: { all: ['red', 'sport'] },
      amount: -1_500,
      label: { 'zh-CN': '套装优惠', en: 'Bundle' },
    },
    { id: 'no-pack', when: 'pack:none', amount: -100 },
  ],
};

describe('priceBreakdown', () => {
  it('lists base, chosen options and the adjustments that apply', () => {
    const b = priceBreakdown(model, { paint: 'red', pack: 'sport' });
    expect(b).toEqual({
      base: 100_000,
      options: [
        { family: 'paint', option: 'red', price: 2_000 },
        { family: 'pack', option: 'sport', price: 5_000 },
      ],
      adjustments: [{ id: 'red-sport', label: { 'zh-CN': '套装优惠', en: 'Bundle' }, amount: -1_500 }],
    });
    expect(breakdownTotal(b)).toBe(105_500);
    // The implicit none option is not a line of its own, but its adjustment applies.
    expect(priceBreakdown(model, { paint: 'white', pack: 'pack:none' }).adjustments.map((a) => a.id)).toEqual(
      ['no-pack'],
    );
  });

  it('lists an adjustment of a partial selection only once it is decided', () => {
    expect(priceBreakdown(model, { paint: 'red' }).adjustments).toEqual([]);
    expect(priceBreakdown(model, { paint: 'white' }).adjustments).toEqual([]);
  });

  it('adds up to the engine total on every default of a demo model', () => {
    const c = compile(qcG202027);
    const selection = qcG202027.defaults ?? {};
    const r = query(c, selection, { explain: false });
    expect(r.complete).toBe(true);
    expect(breakdownTotal(priceBreakdown(qcG202027, selection))).toBe(r.current);
  });
});

describe('evaluate (three-valued)', () => {
  const familyOf = optionFamilies(model);
  it('is undefined while open families decide, and short-circuits when decided', () => {
    expect(evaluate({ all: ['red', 'sport'] }, {}, familyOf)).toBeUndefined();
    expect(evaluate({ all: ['red', 'sport'] }, { paint: 'white' }, familyOf)).toBe(false);
    expect(evaluate({ any: ['red', 'sport'] }, { paint: 'red' }, familyOf)).toBe(true);
    expect(evaluate({ not: 'sport' }, { pack: 'pack:none' }, familyOf)).toBe(true);
    expect(evaluate('unknown-option', { paint: 'red' }, familyOf)).toBeUndefined();
  });
});
