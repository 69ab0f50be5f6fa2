import { type Expr, type Model, noneCode, type Selection } from '@openc2b/configurator';
import type { PriceBreakdown } from './types.ts';

/**
 * The price of a (possibly partial) selection, line by line: the base price, each chosen option
 * with its price, and the price adjustments (package discounts, standard-equipment credits) that
 * certainly apply. For a complete selection every adjustment is decided, so the lines add up to
 * the engine's exact total; for a partial one an adjustment is listed only once the choices made
 * so far settle it (three-valued evaluation), so the breakdown never shows a discount that a
 * later choice could take away.
 */
export function priceBreakdown(model: Model, selection: Selection): PriceBreakdown {
  const familyOf = optionFamilies(model);
  const options: PriceBreakdown['options'] = [];
  for (const family of model.families) {
    const chosen = selection[family.code];
    if (chosen === undefined) continue;
    const option = family.options.find((o) => o.code === chosen);
    if (option) options.push({ family: family.code, option: option.code, price: option.price ?? 0 });
  }
  const adjustments: PriceBreakdown['adjustments'] = [];
  for (const a of model.adjustments ?? []) {
    if (evaluate(a.when, selection, familyOf) === true) {
      adjustments.push({ id: a.id, label: a.label ?? null, amount: a.amount });
    }
  }
  return { base: model.basePrice, options, adjustments };
}

export function breakdownTotal(b: PriceBreakdown): number {
  return (
    b.base + b.options.reduce((s, o) => s + o.price, 0) + b.adjustments.reduce((s, a) => s + a.amount, 0)
  );
}

/** Option code (including each optional family's implicit none) -> family code. */
export function optionFamilies(model: Model): Map<string, string> {
  const familyOf = new Map<string, string>();
  for (const f of model.families) {
    for (const o of f.options) familyOf.set(o.code, f.code);
    if (f.optional) familyOf.set(noneCode(f.code), f.code);
  }
  return familyOf;
}

/** true / false when the selection decides `expr`, undefined while it depends on open families. */
export function evaluate(
  expr: Expr,
  selection: Selection,
  familyOf: ReadonlyMap<string, string>,
): boolean | undefined {
  if (typeof expr === 'string') {
    const family = familyOf.get(expr);
    const chosen = family === undefined ? undefined : selection[family];
    return chosen === undefined ? undefined : chosen === expr;
  }
  if ('not' in expr) {
    const v = evaluate(expr.not, selection, familyOf);
    return v === undefined ? undefined : !v;
  }
  const all = 'all' in expr;
  let open = false;
  for (const e of all ? expr.all : expr.any) {
    const v = evaluate(e, selection, familyOf);
    if (v === undefined) open = true;
    else if (v !== all) return v;
  }
  return open ? undefined : all;
}
