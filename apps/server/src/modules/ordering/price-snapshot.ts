import type { Model } from '@openc2b/configurator';
import type { PriceBreakdown } from '../catalog/index.ts';
import type { Bilingual } from './order-terms.ts';

/**
 * The price of the car as the order keeps it: every line with its bilingual label, so the order
 * reads the same after the catalogue moves on. The lines add up to the total the engine computed.
 */
export type PriceSnapshot = {
  currency: string;
  versionId: string;
  versionNumber: number;
  base: number;
  options: {
    family: string;
    familyLabel: Bilingual | null;
    option: string;
    optionLabel: Bilingual | null;
    price: number;
  }[];
  /** Package discounts and standard-equipment credits of the model (signed). */
  adjustments: { id: string; label: Bilingual | null; amount: number }[];
  /** Order-level discounts (campaigns, coupons); none yet. Negative amounts. */
  discounts: { id: string; label: Bilingual | null; amount: number }[];
  total: number;
};

export function priceSnapshotOf(
  model: Model,
  version: { id: string; number: number },
  breakdown: PriceBreakdown,
  total: number,
): PriceSnapshot {
  const families = new Map(model.families.map((f) => [f.code, f]));
  const snapshot: PriceSnapshot = {
    currency: model.currency,
    versionId: version.id,
    versionNumber: version.number,
    base: breakdown.base,
    options: breakdown.options.map((o) => {
      const family = families.get(o.family);
      return {
        family: o.family,
        familyLabel: family?.label ?? null,
        option: o.option,
        optionLabel: family?.options.find((x) => x.code === o.option)?.label ?? null,
        price: o.price,
      };
    }),
    adjustments: breakdown.adjustments.map((a) => ({ id: a.id, label: a.label, amount: a.amount })),
    discounts: [],
    total,
  };
  if (sumOf(snapshot) !== total) {
    throw new Error(`price lines add up to ${sumOf(snapshot)}, not the engine's ${total}`);
  }
  return snapshot;
}

export function sumOf(p: PriceSnapshot): number {
  return (
    p.base +
    p.options.reduce((s, o) => s + o.price, 0) +
    p.adjustments.reduce((s, a) => s + a.amount, 0) +
    p.discounts.reduce((s, d) => s + d.amount, 0)
  );
}

type Side = { code: string; label: Bilingual | null; amount: number } | null;

export type PriceDifferenceLine = {
  kind: 'base' | 'option' | 'adjustment' | 'discount';
  /** Family code for options, adjustment or discount id, `base` for the base price. */
  key: string;
  /** The family's label for options, the line's label otherwise. */
  label: Bilingual | null;
  current: Side;
  proposed: Side;
  difference: number;
};

export type PriceComparison = { difference: number; lines: PriceDifferenceLine[] };

/**
 * What changes between two prices of the same car, line by line (only lines that differ). The
 * line differences add up to the difference of the totals.
 */
export function comparePrices(current: PriceSnapshot, proposed: PriceSnapshot): PriceComparison {
  const lines: PriceDifferenceLine[] = [];
  const push = (line: Omit<PriceDifferenceLine, 'difference'>) => {
    const difference = (line.proposed?.amount ?? 0) - (line.current?.amount ?? 0);
    if (difference !== 0 || line.current?.code !== line.proposed?.code) lines.push({ ...line, difference });
  };
  push({
    kind: 'base',
    key: 'base',
    label: null,
    current: { code: 'base', label: null, amount: current.base },
    proposed: { code: 'base', label: null, amount: proposed.base },
  });
  const families = [
    ...new Set([...current.options.map((o) => o.family), ...proposed.options.map((o) => o.family)]),
  ];
  for (const family of families) {
    const a = current.options.find((o) => o.family === family);
    const b = proposed.options.find((o) => o.family === family);
    push({
      kind: 'option',
      key: family,
      label: b?.familyLabel ?? a?.familyLabel ?? null,
      current: a ? { code: a.option, label: a.optionLabel, amount: a.price } : null,
      proposed: b ? { code: b.option, label: b.optionLabel, amount: b.price } : null,
    });
  }
  for (const kind of ['adjustment', 'discount'] as const) {
    const pick = (p: PriceSnapshot) => (kind === 'adjustment' ? p.adjustments : p.discounts);
    const ids = [...new Set([...pick(current).map((x) => x.id), ...pick(proposed).map((x) => x.id)])];
    for (const id of ids) {
      const a = pick(current).find((x) => x.id === id);
      const b = pick(proposed).find((x) => x.id === id);
      push({
        kind,
        key: id,
        label: b?.label ?? a?.label ?? null,
        current: a ? { code: id, label: a.label, amount: a.amount } : null,
        proposed: b ? { code: id, label: b.label, amount: b.amount } : null,
      });
    }
  }
  return { difference: proposed.total - current.total, lines };
}
