/** The shapes this module hands out. Rates in basis points (388 = 3.88 %), money in fen. */
export type Bilingual = { 'zh-CN': string; en: string };

export type FinanceOffer = {
  id: string;
  code: string;
  partner: Bilingual;
  product: Bilingual;
  description: Bilingual;
  /** Annual percentage rate in basis points. */
  aprBp: number;
  /** Allowed terms in months, ascending. */
  termsMonths: number[];
  /** Minimum down payment in basis points of the vehicle price. */
  minDownBp: number;
  /** Model line codes the offer is for; empty = every line. */
  modelLines: string[];
  currency: string;
  active: boolean;
  sort: number;
};

export const INSURANCE_KINDS = ['compulsory', 'commercial', 'addon'] as const;
export type InsuranceKind = (typeof INSURANCE_KINDS)[number];

export const PREMIUM_KINDS = ['fixed', 'rate'] as const;
export type PremiumKind = (typeof PREMIUM_KINDS)[number];

export type InsuranceProduct = {
  code: string;
  kind: InsuranceKind;
  insurer: Bilingual;
  name: Bilingual;
  description: Bilingual;
  premiumKind: PremiumKind;
  /** premiumKind fixed: the premium. */
  fixedPremium: number | null;
  /** premiumKind rate: basis points of the vehicle price, at least minimumPremium. */
  rateBp: number | null;
  minimumPremium: number | null;
  /** Product codes that must be chosen with this one. */
  requires: string[];
  currency: string;
  active: boolean;
  sort: number;
};
