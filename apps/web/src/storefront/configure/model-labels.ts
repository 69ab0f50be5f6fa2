/** Reading a model for display: steps by category and labels in the current language. */
import type { Family, Model, Option } from '@openc2b/configurator';
import { type Locale, pickLocalized } from '../../i18n/locales.ts';

/** The order customers walk through; categories a model adds come after these. */
export const STEP_ORDER = [
  'exterior',
  'interior',
  'powertrain',
  'seats',
  'wheels_tyres',
  'technology',
  'packages',
  'accessories',
] as const;

export type Step = { category: string; families: Family[] };

export function groupSteps(model: Pick<Model, 'families'>): Step[] {
  const byCategory = new Map<string, Family[]>();
  for (const family of model.families) {
    const category = family.category ?? 'other';
    byCategory.set(category, [...(byCategory.get(category) ?? []), family]);
  }
  const known: readonly string[] = STEP_ORDER;
  const categories = [
    ...STEP_ORDER.filter((c) => byCategory.has(c)),
    ...[...byCategory.keys()].filter((c) => !known.includes(c)),
  ];
  return categories.map((category) => ({ category, families: byCategory.get(category) ?? [] }));
}

export function isNoneOption(family: string, option: string): boolean {
  return option === `${family}:none`;
}

export type ModelLookup = {
  family: (code: string) => Family | undefined;
  option: (code: string) => Option | undefined;
  familyLabel: (code: string) => string;
  /** The option's label; the implicit none option reads as `noneLabel`. */
  optionLabel: (family: string, option: string | null | undefined) => string;
  ruleMessage: (id: string) => string | undefined;
};

export function modelLookup(model: Model, locale: Locale, noneLabel: string): ModelLookup {
  const families = new Map(model.families.map((f) => [f.code, f]));
  const options = new Map(model.families.flatMap((f) => f.options.map((o) => [o.code, o] as const)));
  const rules = new Map(model.rules.map((r) => [r.id, r]));
  return {
    family: (code) => families.get(code),
    option: (code) => options.get(code),
    familyLabel: (code) => pickLocalized(families.get(code)?.label, locale) ?? code,
    optionLabel: (family, option) => {
      if (!option) return '—';
      if (isNoneOption(family, option)) return noneLabel;
      return pickLocalized(options.get(option)?.label, locale) ?? option;
    },
    ruleMessage: (id) => pickLocalized(rules.get(id)?.message, locale),
  };
}
