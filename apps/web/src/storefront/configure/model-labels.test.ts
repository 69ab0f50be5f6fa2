import type { Model } from '@openc2b/configurator';
import { describe, expect, it } from 'vitest';
import { groupSteps, modelLookup } from './model-labels.ts';

const model: Model = {
  format: 'openc2b.model',
  version: 1,
  id: 'm',
  currency: 'CNY',
  basePrice: 0,
  families: [
    {
      code: 'trim',
      category: 'packages',
      options: [{ code: 't1', label: { 'zh-CN': '精英型', en: 'Elite' } }],
    },
    {
      code: 'paint',
      category: 'exterior',
      label: { 'zh-CN': '车漆', en: 'Paint' },
      options: [{ code: 'p1' }],
    },
    { code: 'misc', category: 'special', options: [{ code: 'x1' }] },
    { code: 'wheels', category: 'wheels_tyres', options: [{ code: 'w1' }] },
    { code: 'roof', category: 'exterior', optional: true, options: [{ code: 'r1' }] },
  ],
  rules: [
    { id: 'r', kind: 'excludes', a: 'r1', b: 'p1', message: { 'zh-CN': '不可同时选', en: 'Not together' } },
  ],
};

describe('groupSteps', () => {
  it('orders steps by the customer journey and keeps unknown categories last', () => {
    expect(groupSteps(model).map((s) => [s.category, s.families.map((f) => f.code)])).toEqual([
      ['exterior', ['paint', 'roof']],
      ['wheels_tyres', ['wheels']],
      ['packages', ['trim']],
      ['special', ['misc']],
    ]);
  });
});

describe('modelLookup', () => {
  it('labels families, options, none and rules in the language', () => {
    const en = modelLookup(model, 'en', 'None');
    expect(en.familyLabel('paint')).toBe('Paint');
    expect(en.familyLabel('wheels')).toBe('wheels');
    expect(en.optionLabel('trim', 't1')).toBe('Elite');
    expect(en.optionLabel('roof', 'roof:none')).toBe('None');
    expect(en.ruleMessage('r')).toBe('Not together');
    expect(modelLookup(model, 'zh-CN', '不选装').optionLabel('trim', 't1')).toBe('精英型');
  });
});
