import { compile, encodeConfiguration, query } from '@openc2b/configurator';
import { describe, expect, it } from 'vitest';
import { qcG202027 } from './demo/index.ts';
import { deriveConfiguration, normalizeCode } from './save-configuration.ts';

const model = qcG202027;
const compiled = compile(model);
const defaults = model.defaults ?? {};

describe('deriveConfiguration', () => {
  it('re-derives the code and price of a selection', () => {
    const d = deriveConfiguration(model, compiled, { selection: defaults });
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.code).toBe(encodeConfiguration(compiled, defaults));
    expect(d.total).toBe(query(compiled, defaults, { explain: false }).current);
    expect(Object.keys(d.selection)).toEqual(model.families.map((f) => f.code));
  });

  it('decodes a code (any case, with hyphens) to the same configuration', () => {
    const code = encodeConfiguration(compiled, defaults);
    const messy = `${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`;
    const d = deriveConfiguration(model, compiled, { code: messy });
    expect(d).toMatchObject({ ok: true, code });
    expect(normalizeCode(messy)).toBe(code);
  });

  it('rejects garbled and forged codes', () => {
    const code = encodeConfiguration(compiled, defaults);
    const typo = code.slice(0, 5) + (code[5] === '2' ? '3' : '2') + code.slice(6);
    expect(deriveConfiguration(model, compiled, { code: typo })).toMatchObject({
      ok: false,
      reason: 'invalid_code',
    });
    expect(deriveConfiguration(model, compiled, { code: 'nonsense' })).toMatchObject({
      ok: false,
      reason: 'invalid_code',
    });
  });

  it('names an unknown family or option', () => {
    expect(deriveConfiguration(model, compiled, { selection: { ...defaults, trim: 'trim-x' } })).toEqual({
      ok: false,
      reason: 'unknown_option',
      family: 'trim',
      option: 'trim-x',
    });
    expect(deriveConfiguration(model, compiled, { selection: { colour: 'red' } })).toEqual({
      ok: false,
      reason: 'unknown_option',
      family: 'colour',
      option: null,
    });
    // An option of another family is unknown in this one.
    const engineOption = model.families.find((f) => f.code === 'engine')?.options[0]?.code ?? '';
    expect(deriveConfiguration(model, compiled, { selection: { trim: engineOption } })).toMatchObject({
      ok: false,
      reason: 'unknown_option',
    });
  });

  it('refuses incomplete and rule-breaking selections', () => {
    const incomplete = deriveConfiguration(model, compiled, { selection: { trim: 'trim-comfort' } });
    expect(incomplete).toMatchObject({ ok: false, reason: 'invalid_configuration', consistent: true });
    if (!incomplete.ok && incomplete.reason === 'invalid_configuration') {
      expect(incomplete.missing).toContain('engine');
    }
    // Some option that the rules forbid next to the other defaults.
    const state = query(compiled, defaults, { explain: false });
    const blocked = state.families
      .flatMap((f) => f.options.filter((o) => !o.possible).map((o) => [f.code, o.code] as const))
      .find(([, code]) => !code.endsWith(':none'));
    expect(blocked).toBeDefined();
    const [family, option] = blocked ?? ['', ''];
    expect(
      deriveConfiguration(model, compiled, { selection: { ...defaults, [family]: option } }),
    ).toMatchObject({
      ok: false,
      reason: 'invalid_configuration',
      consistent: false,
    });
  });
});
