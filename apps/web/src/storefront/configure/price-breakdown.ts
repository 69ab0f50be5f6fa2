/**
 * The price of a configuration, line by line, from the model itself (base, each chosen option,
 * the price adjustments whose condition holds): what the summary and the spec sheet show. The
 * engine gives the same total (its aux levels are the adjustments); this spells it out.
 */
import type { Expr, Model } from '@openc2b/configurator';
import type { Locale, LocalizedText } from '../../i18n/locales.ts';

export type Selection = Record<string, string>;

export type BreakdownLine = { family: string; option: string; price: number };
export type AdjustmentLine = { id: string; label: LocalizedText | undefined; amount: number };
export type PriceBreakdown = {
  base: number;
  options: BreakdownLine[];
  adjustments: AdjustmentLine[];
  /** Sum of the option lines. */
  optionsTotal: number;
  /** Sum of the adjustment lines (negative for discounts and included equipment). */
  adjustmentsTotal: number;
  total: number;
};

/** True when `expr` holds for the chosen option codes. */
export function evaluateExpr(expr: Expr, chosen: ReadonlySet<string>): boolean {
  if (typeof expr === 'string') return chosen.has(expr);
  if ('all' in expr) return expr.all.every((e) => evaluateExpr(e, chosen));
  if ('any' in expr) return expr.any.some((e) => evaluateExpr(e, chosen));
  return !evaluateExpr(expr.not, chosen);
}

/** The breakdown of a (possibly partial) selection; unchosen families add nothing. */
export function priceBreakdown(model: Model, selection: Selection): PriceBreakdown {
  const chosen = new Set(Object.values(selection));
  const options: BreakdownLine[] = [];
  for (const family of model.families) {
    const code = selection[family.code];
    const option = code === undefined ? undefined : family.options.find((o) => o.code === code);
    if (option?.price) options.push({ family: family.code, option: option.code, price: option.price });
  }
  const adjustments: AdjustmentLine[] = (model.adjustments ?? [])
    .filter((a) => a.amount !== 0 && evaluateExpr(a.when, chosen))
    .map((a) => ({ id: a.id, label: a.label, amount: a.amount }));
  const optionsTotal = options.reduce((sum, line) => sum + line.price, 0);
  const adjustmentsTotal = adjustments.reduce((sum, line) => sum + line.amount, 0);
  return {
    base: model.basePrice,
    options,
    adjustments,
    optionsTotal,
    adjustmentsTotal,
    total: model.basePrice + optionsTotal + adjustmentsTotal,
  };
}

/** Money in minor units (fen) as the locale writes it, without decimals when whole. */
export function formatMoney(minor: number, currency: string, locale: Locale): string {
  const whole = minor % 100 === 0;
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: whole ? 0 : 2,
  }).format(minor / 100);
}

/** A price difference: "+¥3,000", "−¥4,000", or "±¥0" for none. */
export function formatMoneyDelta(minor: number, currency: string, locale: Locale): string {
  if (minor === 0) return `±${formatMoney(0, currency, locale)}`;
  const sign = minor > 0 ? '+' : '−';
  return `${sign}${formatMoney(Math.abs(minor), currency, locale)}`;
}

/** "¥225,800 – ¥516,439", or one amount when both ends are equal. */
export function formatMoneyRange(
  range: { min: number; max: number },
  currency: string,
  locale: Locale,
): string {
  if (range.min === range.max) return formatMoney(range.min, currency, locale);
  return `${formatMoney(range.min, currency, locale)} – ${formatMoney(range.max, currency, locale)}`;
}

/** An exact count (BigInt), grouped as the locale groups digits. */
export function formatCount(count: bigint, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(count);
}
