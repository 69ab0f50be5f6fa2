import type { Model, Rule } from '@openc2b/configurator';
import { describe, expect, it } from 'vitest';
import { draftReducer, freshCode, initialDraft, isDirty } from './draft-state.ts';
import { targetOf, targetOfPath } from './report-target.ts';
import {
  exprText,
  formOfRule,
  optionLabeller,
  type RuleWords,
  ruleOfForm,
  ruleOptionCodes,
  ruleText,
} from './rule-text.ts';

const model: Model = {
  format: 'openc2b.model',
  version: 1,
  id: 'demo',
  currency: 'CNY',
  basePrice: 10000000,
  families: [
    {
      code: 'trim',
      label: { 'zh-CN': '版本', en: 'Trim' },
      options: [
        { code: 'elite', label: { 'zh-CN': '精英型', en: 'Elite' }, price: 0 },
        { code: 'flagship', label: { 'zh-CN': '旗舰型', en: 'Flagship' }, price: 7000000 },
      ],
    },
    {
      code: 'wheels',
      options: [
        { code: 'w19', label: { 'zh-CN': '19 寸', en: '19"' } },
        { code: 'w21', label: { 'zh-CN': '21 寸', en: '21"' }, price: 1200000 },
      ],
    },
    { code: 'tow', optional: true, label: { 'zh-CN': '拖车', en: 'Towing' }, options: [{ code: 'towbar' }] },
  ],
  rules: [
    { id: 'flag-21', kind: 'requires', if: 'w21', then: 'flagship' },
    { id: 'no-tow', kind: 'excludes', a: { any: ['w21', 'flagship'] }, b: 'towbar' },
  ],
  defaults: { trim: 'elite', wheels: 'w19' },
};

const words: RuleWords = {
  and: ' and ',
  or: ' or ',
  not: 'not {a}',
  ifThen: 'if {a} then {b}',
  excludes: 'not both {a} and {b}',
  constraint: 'always {a}',
  atMost: 'at most {n} of {list}',
  exactly: 'exactly {n} of {list}',
  tableAllowed: '{list} only: {a}',
  tableForbidden: '{list} never: {a}',
  any: 'any',
};

describe('draft reducer', () => {
  it('edits families and options and tracks unsaved changes', () => {
    let state = initialDraft(model);
    expect(isDirty(state)).toBe(false);
    state = draftReducer(state, { type: 'updateOption', family: 1, index: 1, patch: { price: 1300000 } });
    expect(state.draft.families[1]?.options[1]?.price).toBe(1300000);
    expect(isDirty(state)).toBe(true);
    state = draftReducer(state, { type: 'updateOption', family: 1, index: 1, patch: { price: 1200000 } });
    expect(isDirty(state)).toBe(false);

    state = draftReducer(state, { type: 'addFamily' });
    expect(state.draft.families.at(-1)?.code).toBe('family-1');
    state = draftReducer(state, { type: 'addOption', family: 3 });
    expect(state.draft.families[3]?.options[0]?.code).toBe('family-1-1');
    state = draftReducer(state, { type: 'moveFamily', index: 3, by: -1 });
    expect(state.draft.families.map((f) => f.code)).toEqual(['trim', 'wheels', 'family-1', 'tow']);
    state = draftReducer(state, { type: 'moveFamily', index: 0, by: -1 });
    expect(state.draft.families[0]?.code).toBe('trim');
  });

  it('keeps defaults pointing at what exists', () => {
    let state = initialDraft(model);
    state = draftReducer(state, { type: 'updateOption', family: 0, index: 0, patch: { code: 'elite2' } });
    expect(state.draft.defaults).toEqual({ trim: 'elite2', wheels: 'w19' });
    state = draftReducer(state, { type: 'updateFamily', index: 1, patch: { code: 'rims' } });
    expect(state.draft.defaults).toEqual({ trim: 'elite2', rims: 'w19' });
    state = draftReducer(state, { type: 'removeOption', family: 0, index: 0 });
    expect(state.draft.defaults).toEqual({ rims: 'w19' });
    state = draftReducer(state, { type: 'removeFamily', index: 1 });
    expect(state.draft.defaults).toEqual({});
    state = draftReducer(state, { type: 'setDefault', family: 'trim', option: 'flagship' });
    expect(state.draft.defaults).toEqual({ trim: 'flagship' });
  });

  it('renames option and family codes in rules and adjustments, when unambiguous', () => {
    const withDeal: Model = {
      ...model,
      rules: [
        ...model.rules,
        { id: 't', kind: 'table', families: ['trim', 'wheels'], mode: 'forbidden', rows: [['elite', 'w21']] },
        { id: 'n', kind: 'constraint', expr: { not: 'tow:none' } },
      ],
      adjustments: [{ id: 'deal', when: { all: ['w21', 'flagship'] }, amount: -100 }],
    };
    let state = initialDraft(withDeal);
    state = draftReducer(state, { type: 'updateOption', family: 1, index: 1, patch: { code: 'w21x' } });
    expect(state.draft.rules[0]).toMatchObject({ if: 'w21x' });
    expect(state.draft.rules[1]).toMatchObject({ a: { any: ['w21x', 'flagship'] } });
    expect(state.draft.rules[2]).toMatchObject({ rows: [['elite', 'w21x']] });
    expect(state.draft.adjustments?.[0]?.when).toEqual({ all: ['w21x', 'flagship'] });
    state = draftReducer(state, { type: 'updateFamily', index: 2, patch: { code: 'towing' } });
    expect(state.draft.rules[3]).toMatchObject({ expr: { not: 'towing:none' } });
    state = draftReducer(state, { type: 'updateFamily', index: 1, patch: { code: 'rims' } });
    expect(state.draft.rules[2]).toMatchObject({ families: ['trim', 'rims'] });
    // Onto an existing code: no rewrite (the validator reports the duplicate instead).
    state = draftReducer(state, { type: 'updateOption', family: 1, index: 1, patch: { code: 'w19' } });
    expect(state.draft.rules[0]).toMatchObject({ if: 'w21x' });
  });

  it('removes emptied optional fields and edits rules', () => {
    let state = initialDraft(model);
    state = draftReducer(state, { type: 'updateFamily', index: 2, patch: { optional: undefined } });
    expect('optional' in (state.draft.families[2] ?? {})).toBe(false);
    const rule: Rule = { id: 'c', kind: 'constraint', expr: { not: 'towbar' } };
    state = draftReducer(state, { type: 'addRule', rule });
    expect(state.draft.rules).toHaveLength(3);
    state = draftReducer(state, { type: 'removeRule', index: 0 });
    expect(state.draft.rules.map((r) => r.id)).toEqual(['no-tow', 'c']);
  });

  it('marks a save without losing edits made meanwhile', () => {
    let state = initialDraft(model);
    state = draftReducer(state, { type: 'setBasePrice', fen: 1 });
    const sent = state.draft;
    state = draftReducer(state, { type: 'setBasePrice', fen: 2 });
    state = draftReducer(state, { type: 'saved', model: sent });
    expect(state.saved.basePrice).toBe(1);
    expect(state.draft.basePrice).toBe(2);
    expect(isDirty(state)).toBe(true);
  });

  it('finds fresh codes', () => {
    expect(freshCode('x', ['x-1', 'x-2'])).toBe('x-3');
  });
});

describe('rule text', () => {
  const zh = optionLabeller(model, 'zh-CN', '不选');
  const en = optionLabeller(model, 'en', 'none');

  it('names options by their labels', () => {
    expect(ruleText(model.rules[0] as Rule, en, words)).toBe('if 21" then Flagship');
    expect(ruleText(model.rules[1] as Rule, zh, words)).toBe('not both 21 寸 or 旗舰型 and towbar');
    expect(exprText({ all: ['elite', { not: 'tow:none' }] }, en, words)).toBe('Elite and not Towing: none');
    expect(ruleText({ id: 'n', kind: 'atMost', of: ['w21', 'towbar'] }, en, words)).toBe(
      'at most 1 of 21", towbar',
    );
    expect(
      ruleText(
        { id: 't', kind: 'table', families: ['trim', 'wheels'], mode: 'forbidden', rows: [['elite', '*']] },
        en,
        words,
      ),
    ).toBe('trim × wheels never: (Elite, any)');
  });

  it('lists the options a rule names', () => {
    expect(ruleOptionCodes(model.rules[1] as Rule)).toEqual(['w21', 'flagship', 'towbar']);
    expect(
      ruleOptionCodes({
        id: 't',
        kind: 'table',
        families: ['a', 'b'],
        mode: 'allowed',
        rows: [
          ['x', '*'],
          ['x', 'y'],
        ],
      }),
    ).toEqual(['x', 'y']);
  });

  it('round-trips simple rules through the structured form', () => {
    for (const rule of [
      ...model.rules,
      { id: 'm', kind: 'exactly', n: 1, of: ['elite', 'w21'], message: { 'zh-CN': '一', en: 'one' } },
      { id: 'r', kind: 'implies', if: { all: ['elite', 'w21'] }, then: 'towbar' },
    ] as Rule[]) {
      const form = formOfRule(rule);
      expect(form, rule.id).not.toBeNull();
      if (form) expect(ruleOfForm(form)).toEqual(rule);
    }
    expect(formOfRule({ id: 'c', kind: 'constraint', expr: 'elite' })).toBeNull();
    expect(formOfRule({ id: 'x', kind: 'requires', if: { not: 'elite' }, then: 'w21' })).toBeNull();
  });
});

describe('report targets', () => {
  it('reads JSON paths', () => {
    expect(targetOfPath('families[2].options[1].price')).toEqual({ tab: 'families', family: 2, option: 1 });
    expect(targetOfPath('families[0].code')).toEqual({ tab: 'families', family: 0 });
    expect(targetOfPath('rules[3].then')).toEqual({ tab: 'rules', rule: 3 });
    expect(targetOfPath('adjustments[0].when')).toEqual({ tab: 'adjustments', adjustment: 0 });
    expect(targetOfPath('defaults.trim')).toEqual({ tab: 'defaults' });
    expect(targetOfPath('basePrice')).toBeNull();
  });

  it('finds what findings name by code', () => {
    expect(targetOf(model, { rule: 'no-tow' })).toEqual({ tab: 'rules', rule: 1 });
    expect(targetOf(model, { option: 'w21', family: 'wheels' })).toEqual({
      tab: 'families',
      family: 1,
      option: 1,
    });
    expect(targetOf(model, { family: 'tow' })).toEqual({ tab: 'families', family: 2 });
    expect(targetOf(model, { rule: 'gone' })).toBeNull();
  });
});
