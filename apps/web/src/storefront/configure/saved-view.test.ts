import type { Model } from '@openc2b/configurator';
import { describe, expect, it } from 'vitest';
import { compareRows } from './saved-view.ts';

const model = (families: Array<[string, string]>): Model => ({
  format: 'openc2b.model',
  version: 1,
  id: 'm',
  currency: 'CNY',
  basePrice: 0,
  families: families.map(([code, category]) => ({ code, category, options: [{ code: `${code}-1` }] })),
  rules: [],
});

describe('compareRows', () => {
  it('walks the families in step order and flags differences', () => {
    const m = model([
      ['trim', 'packages'],
      ['paint', 'exterior'],
    ]);
    expect(compareRows([m], { trim: 't1', paint: 'p1' }, { trim: 't1', paint: 'p2' })).toEqual([
      { category: 'exterior', family: 'paint', a: 'p1', b: 'p2', differs: true },
      { category: 'packages', family: 'trim', a: 't1', b: 't1', differs: false },
    ]);
  });

  it('unites the families of two model lines once each', () => {
    const rows = compareRows(
      [
        model([['paint', 'exterior']]),
        model([
          ['paint', 'exterior'],
          ['bed', 'exterior'],
        ]),
      ],
      { paint: 'x' },
      { bed: 'y' },
    );
    expect(rows.map((r) => [r.family, r.differs])).toEqual([
      ['paint', true],
      ['bed', true],
    ]);
  });
});
