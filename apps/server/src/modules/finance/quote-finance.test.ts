import { describe, expect, it } from 'vitest';
import { type FinanceRequest, quoteFinance } from './quote-finance.ts';
import { quoteInsurance } from './quote-insurance.ts';
import type { FinanceOffer, InsuranceProduct } from './types.ts';

const text = (en: string) => ({ 'zh-CN': en, en });
const bank: FinanceOffer = {
  id: 'fin_1',
  code: 'bank-loan',
  partner: text('Bank'),
  product: text('Loan'),
  description: text(''),
  aprBp: 388,
  termsMonths: [12, 24, 36],
  minDownBp: 1500,
  modelLines: [],
  currency: 'CNY',
  active: true,
  sort: 0,
};
const request = {
  modelLine: 'qc-d90-pro',
  price: 25_000_000,
  currency: 'CNY',
  downPayment: 3_750_000,
  termMonths: 36,
};

describe('quoteFinance', () => {
  it('quotes a valid request with the offer named in the snapshot', () => {
    const r = quoteFinance(bank, request);
    expect(r).toMatchObject({
      ok: true,
      quote: { offerCode: 'bank-loan', principal: 21_250_000, instalment: 626_251, price: 25_000_000 },
    });
  });

  it.each<[FinanceOffer, FinanceRequest, string]>([
    [{ ...bank, active: false }, request, 'offer_inactive'],
    [{ ...bank, modelLines: ['qc-t90'] }, request, 'model_line_not_covered'],
    [bank, { ...request, currency: 'USD' }, 'currency_mismatch'],
    [bank, { ...request, termMonths: 48 }, 'term_not_offered'],
    [bank, { ...request, downPayment: 3_749_999 }, 'down_payment_too_low'],
    [bank, { ...request, downPayment: 25_000_000 }, 'down_payment_too_high'],
  ])('refuses %#: %s', (offer, req, reason) => {
    const r = quoteFinance(offer, req);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe(reason);
      expect(r.minDownPayment).toBe(3_750_000);
    }
  });
});

const product = (
  p: Partial<InsuranceProduct> & Pick<InsuranceProduct, 'code' | 'kind'>,
): InsuranceProduct => ({
  insurer: text('Insurer'),
  name: text(p.code),
  description: text(''),
  premiumKind: 'fixed',
  fixedPremium: 0,
  rateBp: null,
  minimumPremium: null,
  requires: [],
  currency: 'CNY',
  active: true,
  sort: 0,
  ...p,
});
const products = [
  product({ code: 'ctpl', kind: 'compulsory', fixedPremium: 95_000, sort: 1 }),
  product({
    code: 'commercial',
    kind: 'commercial',
    premiumKind: 'rate',
    fixedPremium: null,
    rateBp: 250,
    minimumPremium: 300_000,
    requires: ['ctpl'],
    sort: 2,
  }),
  product({ code: 'glass', kind: 'addon', fixedPremium: 45_000, requires: ['commercial'], sort: 3 }),
  product({ code: 'old', kind: 'addon', active: false }),
];

describe('quoteInsurance', () => {
  it('prices fixed and rated products (with the minimum) and keeps them out of the balance', () => {
    const r = quoteInsurance(products, ['glass', 'commercial', 'ctpl'], {
      price: 25_000_000,
      currency: 'CNY',
    });
    expect(r).toMatchObject({
      ok: true,
      quote: {
        items: [
          { code: 'ctpl', premium: 95_000 },
          { code: 'commercial', premium: 625_000 },
          { code: 'glass', premium: 45_000 },
        ],
        total: 765_000,
        payableTo: 'insurer_at_handover',
        includedInBalance: false,
      },
    });
    const cheap = quoteInsurance(products, ['ctpl', 'commercial'], { price: 10_000_000, currency: 'CNY' });
    expect(cheap.ok && cheap.quote.items[1]?.premium).toBe(300_000); // 250,000 would be below the minimum
  });

  it('refuses unknown, inactive, duplicate and incomplete choices', () => {
    const v = { price: 25_000_000, currency: 'CNY' };
    expect(quoteInsurance(products, ['nope'], v)).toMatchObject({ ok: false, reason: 'unknown_product' });
    expect(quoteInsurance(products, ['old'], v)).toMatchObject({ ok: false, reason: 'unknown_product' });
    expect(quoteInsurance(products, ['ctpl', 'ctpl'], v)).toMatchObject({
      ok: false,
      reason: 'duplicate_product',
    });
    expect(quoteInsurance(products, ['glass', 'ctpl'], v)).toMatchObject({
      ok: false,
      reason: 'requires_product',
      code: 'glass',
      requires: ['commercial'],
    });
    expect(quoteInsurance(products, [], v)).toMatchObject({ ok: true, quote: { items: [], total: 0 } });
  });
});
