import {
  analyzeModel,
  type CompiledModel,
  compile,
  countSolutions,
  type LocalizedText,
  type Model,
  validateModel,
} from '@openc2b/configurator';
import { describe, expect, it } from 'vitest';
import { demoModels } from './index.ts';

/** Minimum (and, for the flagship, maximum) number of buildable variants per model line. */
const expectedVariants: Record<string, { min: bigint; max?: bigint }> = {
  // The brand promise: "up to 10 trillion variants" on the flagship line.
  'qc-d90-pro-2027': { min: 10n ** 12n, max: 10n ** 13n },
  'qc-t90-2027': { min: 10n ** 6n },
  'qc-g20-2027': { min: 10n ** 6n },
};

const hasText = (t: LocalizedText | undefined): boolean =>
  t !== undefined && t['zh-CN'].trim().length > 0 && t.en.trim().length > 0;

const compiled = new Map<string, CompiledModel>();
const compiledOf = (model: Model): CompiledModel => {
  let c = compiled.get(model.id);
  if (!c) {
    c = compile(model);
    compiled.set(model.id, c);
  }
  return c;
};

describe('demo catalogue', () => {
  it('has three model lines with distinct ids', () => {
    expect(demoModels.map((m) => m.id)).toEqual(['qc-d90-pro-2027', 'qc-t90-2027', 'qc-g20-2027']);
  });

  for (const model of demoModels) {
    describe(model.id, () => {
      it('passes validateModel', () => {
        const result = validateModel(model);
        expect(result.ok ? [] : result.errors).toEqual([]);
      });

      it('has the expected number of valid variants', () => {
        const count = countSolutions(compiledOf(model));
        const expected = expectedVariants[model.id];
        expect(expected).toBeDefined();
        expect(count >= (expected?.min ?? 1n)).toBe(true);
        if (expected?.max !== undefined) expect(count <= expected.max).toBe(true);
      });

      it('has no dead or forced option, and valid defaults', () => {
        const analysis = analyzeModel(model, compiledOf(model));
        expect(analysis.satisfiable).toBe(true);
        const problems = analysis.findings
          .filter((f) => f.kind !== 'unpriced_option')
          .map((f) => `${f.kind}: ${f.message}`);
        expect(problems).toEqual([]);
      });

      it('gives a default for every family', () => {
        const defaults = model.defaults ?? {};
        for (const f of model.families) {
          const choice = defaults[f.code];
          const codes = [...f.options.map((o) => o.code), ...(f.optional ? [`${f.code}:none`] : [])];
          expect(codes, `default of ${f.code}`).toContain(choice);
        }
        expect(Object.keys(defaults).sort()).toEqual(model.families.map((f) => f.code).sort());
      });

      it('labels the model, every family and every option in zh-CN and en', () => {
        expect(hasText(model.name)).toBe(true);
        const missing: string[] = [];
        for (const f of model.families) {
          if (!hasText(f.label)) missing.push(f.code);
          if (!f.category) missing.push(`${f.code} (category)`);
          for (const o of f.options) {
            if (!hasText(o.label)) missing.push(o.code);
            if (o.description && !hasText(o.description)) missing.push(`${o.code} (description)`);
            if (o.price === undefined || !Number.isSafeInteger(o.price)) missing.push(`${o.code} (price)`);
          }
        }
        expect(missing).toEqual([]);
      });

      it('explains every rule and adjustment in zh-CN and en', () => {
        const missing = [
          ...model.rules.filter((r) => !hasText(r.message)).map((r) => r.id),
          ...(model.adjustments ?? []).filter((a) => !hasText(a.label)).map((a) => a.id),
        ];
        expect(missing).toEqual([]);
      });

      it('gives every paint a swatch', () => {
        const paint = model.families.find((f) => f.code === 'paint');
        expect(paint?.options.every((o) => /^#[0-9a-f]{6}$/.test(o.swatch ?? ''))).toBe(true);
      });
    });
  }

  it('sizes the flagship like the brand says: about 200 items in 45-60 families', () => {
    const flagship = demoModels[0];
    if (!flagship) throw new Error('no flagship');
    const items = flagship.families.reduce((n, f) => n + f.options.length + (f.optional ? 1 : 0), 0);
    expect(flagship.families.length).toBeGreaterThanOrEqual(45);
    expect(flagship.families.length).toBeLessThanOrEqual(60);
    expect(items).toBeGreaterThanOrEqual(180);
    expect(items).toBeLessThanOrEqual(220);
  });
});
