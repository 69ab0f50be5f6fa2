import { countSolutions, deserializeCompiled, type Model } from '@openc2b/configurator';
import { describe, expect, it } from 'vitest';
import { qcT902027 } from './demo/index.ts';
import { prepareVersion, swatchOf } from './publish-version.ts';

const base: Model = {
  format: 'openc2b.model',
  version: 1,
  id: 'tiny',
  currency: 'CNY',
  basePrice: 100_000,
  families: [
    {
      code: 'paint',
      options: [
        { code: 'white', price: 0, swatch: '#ffffff' },
        { code: 'red', price: 2_000, swatch: '#aa0000' },
      ],
    },
    {
      code: 'wheels',
      options: [
        { code: 'w17', price: 0 },
        { code: 'w19', price: 4_000 },
      ],
    },
  ],
  rules: [{ id: 'red-big', kind: 'requires', if: 'red', then: 'w19' }],
  defaults: { paint: 'red', wheels: 'w19' },
};

describe('prepareVersion', () => {
  it('builds a version with exact figures from a good model', () => {
    const { report, build } = prepareVersion(base);
    expect(report).toMatchObject({ ok: true, issues: [], variantCount: '3' });
    expect(build?.stats).toMatchObject({
      minPrice: 100_000,
      maxPrice: 106_000,
      swatch: '#aa0000',
      currency: 'CNY',
    });
    expect(build && countSolutions(deserializeCompiled(build.bytes))).toBe(3n);
    expect(report.compiledBytes).toBe(build?.bytes.byteLength);
  });

  it('refuses structural issues with every issue and no figures', () => {
    const { report, build } = prepareVersion({
      ...base,
      currency: 'yuan',
      rules: [{ id: 'x', kind: 'nope' }],
    });
    expect(build).toBeNull();
    expect(report.ok).toBe(false);
    expect(report.issues.length).toBeGreaterThanOrEqual(2);
    expect(prepareVersion('not a model').report.ok).toBe(false);
  });

  it('refuses a model without any valid configuration', () => {
    const { report, build } = prepareVersion({
      ...base,
      rules: [...base.rules, { id: 'never', kind: 'constraint', expr: { all: ['white', 'red'] } }],
    });
    expect(build).toBeNull();
    expect(report.variantCount).toBe('0');
    expect(report.findings.map((f) => f.kind)).toContain('no_solution');
  });

  it('refuses a dead option, naming its rules', () => {
    const { report } = prepareVersion({
      ...base,
      rules: [...base.rules, { id: 'no-w17', kind: 'constraint', expr: { not: 'w17' } }],
    });
    expect(report.ok).toBe(false);
    const dead = report.findings.find((f) => f.kind === 'dead_option');
    expect(dead).toMatchObject({ option: 'w17', rules: ['no-w17'] });
  });

  // A forced option always comes with dead siblings (the engine reports forced only when the
  // family has other options), so only unpriced options pass as mere notes.
  it('publishes with unpriced options as notes in the report', () => {
    const { report } = prepareVersion({
      ...base,
      defaults: {},
      families: [
        ...base.families,
        { code: 'badge', options: [{ code: 'chrome' }, { code: 'black', price: 0 }] },
      ],
      rules: [...base.rules, { id: 'chrome-only', kind: 'constraint', expr: { any: ['chrome', 'black'] } }],
    });
    expect(report.ok).toBe(true);
    expect(report.findings.some((f) => f.kind === 'unpriced_option' && f.option === 'chrome')).toBe(true);
  });

  it('refuses defaults that cannot be completed', () => {
    const { report } = prepareVersion({ ...base, defaults: { paint: 'red', wheels: 'w17' } });
    expect(report.ok).toBe(false);
    expect(report.findings.map((f) => f.kind)).toContain('invalid_defaults');
  });

  it('accepts the demo pickup as it is', () => {
    const { report } = prepareVersion(qcT902027);
    expect(report).toMatchObject({ ok: true, variantCount: '6935250432' });
  });
});

describe('swatchOf', () => {
  it('takes the default of the first family with swatches, else its first swatch', () => {
    expect(swatchOf(base)).toBe('#aa0000');
    expect(swatchOf({ ...base, defaults: {} })).toBe('#ffffff');
    expect(swatchOf({ ...base, families: [] })).toBeNull();
  });
});
