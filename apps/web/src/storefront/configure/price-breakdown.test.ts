import { compile, type Model, query } from '@openc2b/configurator';
import { describe, expect, it } from 'vitest';
import {
  evaluateExpr,
  formatCount,
  formatMoney,
  formatMoneyDelta,
  formatMoneyRange,
  priceBreakdown,
} from './price-breakdown.ts';

const model: Model = {
  format: 'openc2b.model',
  version: 1,
  id: 'test-car',
  currency: 'CNY',
  basePrice: 10_000_000,
  families: [
    {
      code: 'trim',
      options: [
        { code: 'trim-a', price: 0 },
        { code: 'trim-b', price: 2_000_000 },
      ],
    },
    {
      code: 'paint',
      options: [
        { code: 'paint-white', price: 0 },
        { code: 'paint-blue', price: 300_000 },
      ],
    },
    { code: 'pack', optional: true, options: [{ code: 'pkg-x', price: 0 }] },
    { code: 'roof', optional: true, options: [{ code: 'roof-glass', price: 500_000 }] },
  ],
  rules: [{ id: 'pack-roof', kind: 'implies', if: 'pkg-x', then: 'roof-glass' }],
  adjustments: [
    {
      id: 'pack-discount',
      when: { all: ['pkg-x', 'roof-glass'] },
      amount: -100_000,
      label: { 'zh-CN': '包优惠', en: 'Pack discount' },
    },
    { id: 'never', when: { not: 'trim-a' }, amount: 0 },
  ],
};

describe('priceBreakdown', () => {
  it('lists base, priced options and the adjustments that apply', () => {
    const b = priceBreakdown(model, {
      trim: 'trim-b',
      paint: 'paint-blue',
      pack: 'pkg-x',
      roof: 'roof-glass',
    });
    expect(b.base).toBe(10_000_000);
    expect(b.options.map((o) => o.option)).toEqual(['trim-b', 'paint-blue', 'roof-glass']);
    expect(b.adjustments.map((a) => a.id)).toEqual(['pack-discount']);
    expect(b.total).toBe(10_000_000 + 2_000_000 + 300_000 + 500_000 - 100_000);
  });

  it('agrees with the engine on every configuration', () => {
    const compiled = compile(model);
    for (const trim of ['trim-a', 'trim-b']) {
      for (const pack of ['pkg-x', 'pack:none']) {
        for (const roof of ['roof-glass', 'roof:none']) {
          const selection = { trim, paint: 'paint-white', pack, roof };
          const result = query(compiled, selection, { explain: false });
          if (!result.consistent) continue;
          expect(priceBreakdown(model, selection).total).toBe(result.current);
        }
      }
    }
  });

  it('evaluates nested expressions', () => {
    const chosen = new Set(['a', 'b']);
    expect(evaluateExpr({ all: ['a', { any: ['c', 'b'] }] }, chosen)).toBe(true);
    expect(evaluateExpr({ not: { any: ['a', 'c'] } }, chosen)).toBe(false);
  });
});

describe('formatting', () => {
  it('formats fen as yuan in both languages', () => {
    expect(formatMoney(22_580_000, 'CNY', 'zh-CN')).toBe('¥225,800');
    expect(formatMoney(12_345, 'CNY', 'en')).toBe('CN¥123.45');
    expect(formatMoneyDelta(300_000, 'CNY', 'zh-CN')).toBe('+¥3,000');
    expect(formatMoneyDelta(-400_000, 'CNY', 'zh-CN')).toBe('−¥4,000');
    expect(formatMoneyDelta(0, 'CNY', 'zh-CN')).toBe('±¥0');
    expect(formatMoneyRange({ min: 100, max: 100 }, 'CNY', 'zh-CN')).toBe('¥1');
    expect(formatMoneyRange({ min: 100, max: 200 }, 'CNY', 'zh-CN')).toBe('¥1 – ¥2');
  });

  it('formats exact counts beyond 2^53', () => {
    expect(formatCount(9_580_323_465_216n, 'en')).toBe('9,580,323,465,216');
    expect(formatCount(2n ** 60n + 1n, 'zh-CN')).toBe('1,152,921,504,606,846,977');
  });
});
