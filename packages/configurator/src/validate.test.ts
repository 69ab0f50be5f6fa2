import { describe, expect, it } from 'vitest';
import type { Model } from './model.ts';
import { validateModel } from './validate.ts';

const base = (): Model => ({
  format: 'openc2b.model',
  version: 1,
  id: 'm',
  currency: 'CNY',
  basePrice: 100,
  families: [
    { code: 'paint', options: [{ code: 'red', price: 10 }, { code: 'blue' }] },
    { code: 'roof', optional: true, options: [{ code: 'sun' }] },
  ],
  rules: [{ id: 'r1', kind: 'requires', if: 'red', then: 'roof:none' }],
  adjustments: [{ id: 'deal', when: 'sun', amount: -5 }],
  defaults: { paint: 'red' },
});

const issuesOf = (m: unknown) => {
  const r = validateModel(m);
  return r.ok ? [] : r.errors;
};

describe('validateModel', () => {
  it('accepts a valid model (optional none codes included)', () => {
    expect(validateModel(base())).toEqual({ ok: true, model: base() });
  });

  it('rejects non-objects and wrong format/version', () => {
    expect(issuesOf(null)[0]?.code).toBe('not_an_object');
    const codes = issuesOf({ ...base(), format: 'x', version: 2 }).map((i) => i.code);
    expect(codes).toEqual(['bad_format', 'unsupported_version']);
  });

  it('names duplicate families and options, bad codes and bad prices', () => {
    const m = base();
    m.families.push({ code: 'paint', options: [] });
    m.families.push({
      code: 'seat',
      options: [{ code: 'red' }, { code: 'bad code' }, { code: 'x', price: 1.5 }],
    });
    const issues = issuesOf(m);
    expect(issues).toContainEqual(
      expect.objectContaining({ code: 'duplicate_family', family: 'paint', path: 'families[2].code' }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ code: 'duplicate_option', option: 'red', family: 'seat' }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ code: 'invalid_code', path: 'families[3].options[1].code' }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ code: 'invalid_price', option: 'x', path: 'families[3].options[2].price' }),
    );
    expect(issuesOf({ ...base(), basePrice: 2 ** 60 })[0]).toMatchObject({
      code: 'invalid_price',
      path: 'basePrice',
    });
  });

  it('names unknown options in rules, adjustments and defaults with their path', () => {
    const m = base();
    m.rules.push({ id: 'r2', kind: 'excludes', a: 'blue', b: { any: ['sun', { not: 'green' }] } });
    m.adjustments = [{ id: 'deal', when: 'purple', amount: 1 }];
    m.defaults = { paint: 'sun', wheels: 'w17' };
    const issues = issuesOf(m);
    expect(issues).toContainEqual(
      expect.objectContaining({
        code: 'unknown_option',
        rule: 'r2',
        option: 'green',
        path: 'rules[1].b.any[1].not',
      }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ code: 'unknown_option', rule: 'deal', option: 'purple' }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ code: 'option_not_in_family', family: 'paint', option: 'sun' }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ code: 'unknown_family', family: 'wheels', path: 'defaults.wheels' }),
    );
  });

  it('checks tables: width, family membership, unknown families', () => {
    const m = base();
    m.rules.push({
      id: 't',
      kind: 'table',
      families: ['paint', 'roof'],
      mode: 'allowed',
      rows: [['red', 'sun'], ['blue'], ['sun', '*'], ['red', 'roof:none']],
    });
    m.rules.push({ id: 't2', kind: 'table', families: ['paint', 'nope'], mode: 'allowed', rows: [] });
    const issues = issuesOf(m);
    expect(issues).toContainEqual(
      expect.objectContaining({ code: 'bad_row_width', rule: 't', path: 'rules[1].rows[1]' }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({
        code: 'option_not_in_family',
        rule: 't',
        option: 'sun',
        family: 'paint',
        path: 'rules[1].rows[2][0]',
      }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ code: 'unknown_family', rule: 't2', family: 'nope' }),
    );
    expect(issues.filter((i) => i.rule === 't')).toHaveLength(2);
  });

  it('checks n of atMost/exactly, rule kinds and duplicate rule ids', () => {
    const m = base() as unknown as { rules: unknown[] };
    m.rules.push({ id: 'n', kind: 'atMost', n: 3, of: ['red', 'blue'] });
    m.rules.push({ id: 'n', kind: 'exactly', n: -1, of: ['red'] });
    m.rules.push({ id: 'k', kind: 'sometimes' });
    const codes = issuesOf(m).map((i) => `${i.code}:${i.rule}`);
    expect(codes).toEqual([
      'n_out_of_range:n',
      'duplicate_rule:n',
      'n_out_of_range:n',
      'unknown_rule_kind:k',
    ]);
  });
});
