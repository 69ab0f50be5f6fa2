/**
 * Small builders for the demo catalogue, so that the model files read like a spec sheet
 * (配置表) instead of nested object literals. They produce plain model format v1 data.
 */
import type { Expr, Family, LocalizedText, Option, PriceAdjustment, Rule } from '@openc2b/configurator';

/** Yuan to fen (the model stores integer minor units). */
export const yuan = (amount: number): number => Math.round(amount * 100);

export const text = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

type OptionExtras = { description?: LocalizedText; swatch?: string };

/** An option priced in yuan (stored in fen; 0 is written out, so no option is unpriced). */
export const option = (
  code: string,
  zh: string,
  en: string,
  priceYuan = 0,
  extras: OptionExtras = {},
): Option => ({
  code,
  label: text(zh, en),
  price: yuan(priceYuan),
  ...extras,
});

export const family = (
  code: string,
  zh: string,
  en: string,
  category: string,
  options: Option[],
  optional = false,
): Family => ({ code, label: text(zh, en), category, ...(optional ? { optional: true } : {}), options });

/** The implicit "none" option of an optional family, as rules and defaults name it. */
export const none = (familyCode: string): string => `${familyCode}:none`;

/** The option label, or "无 / none" for the implicit none option. */
const labelOf = (f: Family, code: string): LocalizedText => {
  if (code === none(f.code)) return text('无', 'none');
  const found = f.options.find((o) => o.code === code);
  if (!found?.label) throw new Error(`unknown option ${code} in family ${f.code}`);
  return found.label;
};

const priceOf = (f: Family, code: string): number => f.options.find((o) => o.code === code)?.price ?? 0;

/**
 * Trim-dependent equipment, as a spec sheet shows it: for each trim option, the options of
 * `fam` that trim offers. Produces an `allowed` table over [trim family, fam] whose message
 * spells the offer out, and, where the cheapest offered option of a trim has a price, a credit
 * adjustment so that a trim's standard equipment is included in its price and only upgrades
 * cost extra.
 */
export const offeredByTrim = (
  trimFamily: Family,
  fam: Family,
  offers: Record<string, string[]>,
): { rule: Rule; adjustments: PriceAdjustment[] } => {
  const rows: string[][] = [];
  const adjustments: PriceAdjustment[] = [];
  const zh: string[] = [];
  const en: string[] = [];
  for (const trim of trimFamily.options) {
    const offered = offers[trim.code];
    if (!offered || offered.length === 0) throw new Error(`${fam.code}: no offer for ${trim.code}`);
    for (const code of offered) rows.push([trim.code, code]);
    const trimLabel = labelOf(trimFamily, trim.code);
    const labels = offered.map((c) => labelOf(fam, c));
    zh.push(`${trimLabel['zh-CN']}：${labels.map((l) => l['zh-CN']).join('／')}`);
    en.push(`${trimLabel.en}: ${labels.map((l) => l.en).join(' / ')}`);
    const standard = offered.reduce((best, c) => (priceOf(fam, c) < priceOf(fam, best) ? c : best));
    const credit = priceOf(fam, standard);
    if (credit > 0) {
      const stdLabel = labelOf(fam, standard);
      adjustments.push({
        id: `std-${trim.code}-${fam.code}`,
        when: trim.code,
        amount: -credit,
        label: text(
          `${trimLabel['zh-CN']}标配${stdLabel['zh-CN']}`,
          `${stdLabel.en} standard on the ${trimLabel.en} trim`,
        ),
      });
    }
  }
  const famLabel = fam.label ?? text(fam.code, fam.code);
  return {
    rule: {
      id: `trim-${fam.code}`,
      kind: 'table',
      families: [trimFamily.code, fam.code],
      mode: 'allowed',
      rows,
      message: text(
        `${famLabel['zh-CN']}随版本提供：${zh.join('；')}`,
        `${famLabel.en} by trim: ${en.join('; ')}`,
      ),
    },
    adjustments,
  };
};

/**
 * A `requires` rule ("if `cond` holds, `then` must hold") or, with kind `implies`, an automatic
 * consequence. Built here so the format's `then` field is written in one place only.
 */
export const requires = (
  id: string,
  cond: Expr,
  then: Expr,
  message: LocalizedText,
  kind: 'requires' | 'implies' = 'requires',
): Rule => ({
  id,
  kind,
  if: cond,
  then,
  message,
});

/**
 * A package: choosing `pkg` implies every item of `contents` (each an option code or an
 * `any` of alternatives), and the bundle earns `discountYuan` off the sum of its items.
 */
export const bundle = (
  pkg: string,
  contents: Expr[],
  discountYuan: number,
  zh: string,
  en: string,
): { rule: Rule; adjustment: PriceAdjustment } => ({
  rule: requires(
    `${pkg}-contents`,
    pkg,
    { all: contents },
    text(`${zh}包含的配置已自动选中`, `The items of the ${en} are selected with it`),
    'implies',
  ),
  adjustment: {
    id: `${pkg}-discount`,
    when: pkg,
    amount: -yuan(discountYuan),
    label: text(`${zh}组合优惠`, `${en} bundle discount`),
  },
});
