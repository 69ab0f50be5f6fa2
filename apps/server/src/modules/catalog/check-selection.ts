import { type CompiledModel, type Model, query, type Selection } from '@openc2b/configurator';
import { breakdownTotal, optionFamilies, priceBreakdown } from './price-breakdown.ts';
import type { PriceBreakdown } from './types.ts';

export type CheckedSelection = {
  ok: true;
  consistent: boolean;
  complete: boolean;
  /** Exact number of completions, decimal string. */
  count: string;
  price: { min: number; max: number } | null;
  total: number | null;
  breakdown: PriceBreakdown;
  /** Families with no choice yet. */
  missing: string[];
};

export type SelectionCheck =
  | { ok: false; reason: 'unknown_option'; family: string; option: string | null }
  | CheckedSelection;

/**
 * What a selection means on one published version: every family and option code must exist
 * (an unknown one is named), then the engine answers consistency, completeness, the exact count
 * and price range. The breakdown is ours, and for a complete selection it must add up to the
 * engine's total: a mismatch would mean two prices for one car, so it throws.
 */
export function checkSelection(model: Model, compiled: CompiledModel, selection: Selection): SelectionCheck {
  const familyOf = optionFamilies(model);
  const families = new Set(model.families.map((f) => f.code));
  for (const [family, option] of Object.entries(selection)) {
    if (!families.has(family)) return { ok: false, reason: 'unknown_option', family, option: null };
    if (familyOf.get(option) !== family) return { ok: false, reason: 'unknown_option', family, option };
  }
  const result = query(compiled, selection, { explain: false });
  const breakdown = priceBreakdown(model, selection);
  const total = result.complete ? result.current : null;
  if (total !== null && breakdownTotal(breakdown) !== total) {
    throw new Error(`price breakdown ${breakdownTotal(breakdown)} differs from the engine's ${total}`);
  }
  return {
    ok: true,
    consistent: result.consistent,
    complete: result.complete,
    count: result.count.toString(),
    price: result.price,
    total,
    breakdown,
    missing: model.families.map((f) => f.code).filter((f) => selection[f] === undefined),
  };
}
