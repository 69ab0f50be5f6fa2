import type { Bilingual, InsuranceKind, InsuranceProduct } from './types.ts';

/**
 * Insurance premiums for a vehicle price. Fixed products cost their premium; rated products
 * cost `rateBp` of the price (rounded to the fen), at least their minimum. Premiums are paid to
 * the insurer at hand-over: they are shown with the order and never part of the vehicle balance.
 */
export function premiumOf(product: InsuranceProduct, price: number): number {
  if (product.premiumKind === 'fixed') return product.fixedPremium ?? 0;
  const rated = Math.round((price * (product.rateBp ?? 0)) / 10_000);
  return Math.max(product.minimumPremium ?? 0, rated);
}

export const INSURANCE_PAYABLE_TO = 'insurer_at_handover' as const;

export type InsuranceQuote = {
  items: { code: string; kind: InsuranceKind; insurer: Bilingual; name: Bilingual; premium: number }[];
  total: number;
  currency: string;
  /** The vehicle price the premiums are for. */
  price: number;
  /** Paid to the insurer at hand-over; not part of the vehicle balance. */
  payableTo: typeof INSURANCE_PAYABLE_TO;
  includedInBalance: false;
};

export type InsuranceQuoteResult =
  | { ok: true; quote: InsuranceQuote }
  | {
      ok: false;
      reason: 'unknown_product' | 'duplicate_product' | 'requires_product' | 'currency_mismatch';
      code: string;
      detail: string;
      requires?: string[];
    };

/** Checks the chosen product codes (known, active, each once, with what they require) and prices them. */
export function quoteInsurance(
  products: readonly InsuranceProduct[],
  codes: readonly string[],
  vehicle: { price: number; currency: string },
): InsuranceQuoteResult {
  const byCode = new Map(products.filter((p) => p.active).map((p) => [p.code, p]));
  const seen = new Set<string>();
  const chosen: InsuranceProduct[] = [];
  for (const code of codes) {
    const product = byCode.get(code);
    if (!product)
      return { ok: false, reason: 'unknown_product', code, detail: `No insurance product ${code}.` };
    if (seen.has(code)) {
      return { ok: false, reason: 'duplicate_product', code, detail: `Product ${code} is chosen twice.` };
    }
    if (product.currency !== vehicle.currency) {
      return {
        ok: false,
        reason: 'currency_mismatch',
        code,
        detail: `Product ${code} is in ${product.currency}.`,
      };
    }
    seen.add(code);
    chosen.push(product);
  }
  for (const product of chosen) {
    const missing = product.requires.filter((r) => !seen.has(r));
    if (missing.length > 0) {
      return {
        ok: false,
        reason: 'requires_product',
        code: product.code,
        detail: `${product.code} needs ${missing.join(', ')} as well.`,
        requires: missing,
      };
    }
  }
  chosen.sort((a, b) => a.sort - b.sort || (a.code < b.code ? -1 : 1));
  const items = chosen.map((p) => ({
    code: p.code,
    kind: p.kind,
    insurer: p.insurer,
    name: p.name,
    premium: premiumOf(p, vehicle.price),
  }));
  return {
    ok: true,
    quote: {
      items,
      total: items.reduce((s, i) => s + i.premium, 0),
      currency: vehicle.currency,
      price: vehicle.price,
      payableTo: INSURANCE_PAYABLE_TO,
      includedInBalance: false,
    },
  };
}
