import type { Model } from '@openc2b/configurator';
import { describe, expect, it } from 'vitest';
import { comparePrices, priceSnapshotOf, sumOf } from './price-snapshot.ts';

const t = (en: string) => ({ 'zh-CN': `中${en}`, en });
const model = {
  currency: 'CNY',
  basePrice: 100_000,
  families: [
    {
      code: 'paint',
      label: t('Paint'),
      options: [
        { code: 'white', label: t('White') },
        { code: 'red', label: t('Red') },
      ],
    },
    {
      code: 'wheels',
      label: t('Wheels'),
      options: [
        { code: 'w18', label: t('18') },
        { code: 'w20', label: t('20') },
      ],
    },
  ],
} as unknown as Model;
const version = { id: 'ver_1', number: 3 };

const current = priceSnapshotOf(
  model,
  version,
  {
    base: 100_000,
    options: [
      { family: 'paint', option: 'white', price: 0 },
      { family: 'wheels', option: 'w18', price: 0 },
    ],
    adjustments: [],
  },
  100_000,
);
const proposed = priceSnapshotOf(
  model,
  version,
  {
    base: 100_000,
    options: [
      { family: 'paint', option: 'red', price: 5_000 },
      { family: 'wheels', option: 'w20', price: 8_000 },
    ],
    adjustments: [{ id: 'bundle', label: t('Bundle'), amount: -2_000 }],
  },
  111_000,
);

describe('priceSnapshotOf', () => {
  it('labels every line in both languages and adds up to the total', () => {
    expect(proposed.options[0]).toEqual({
      family: 'paint',
      familyLabel: t('Paint'),
      option: 'red',
      optionLabel: t('Red'),
      price: 5_000,
    });
    expect(proposed).toMatchObject({ currency: 'CNY', versionId: 'ver_1', versionNumber: 3, discounts: [] });
    expect(sumOf(proposed)).toBe(111_000);
  });

  it('refuses lines that do not add up to the engine total', () => {
    expect(() =>
      priceSnapshotOf(model, version, { base: 100_000, options: [], adjustments: [] }, 100_001),
    ).toThrow(/add up/);
  });
});

describe('comparePrices', () => {
  it('lists only the lines that change, and they add up to the difference', () => {
    const c = comparePrices(current, proposed);
    expect(c.difference).toBe(11_000);
    expect(
      c.lines.map((l) => [l.kind, l.key, l.current?.code ?? null, l.proposed?.code ?? null, l.difference]),
    ).toEqual([
      ['option', 'paint', 'white', 'red', 5_000],
      ['option', 'wheels', 'w18', 'w20', 8_000],
      ['adjustment', 'bundle', null, 'bundle', -2_000],
    ]);
    expect(c.lines.reduce((s, l) => s + l.difference, 0)).toBe(c.difference);
    expect(comparePrices(current, current)).toEqual({ difference: 0, lines: [] });
  });
});
