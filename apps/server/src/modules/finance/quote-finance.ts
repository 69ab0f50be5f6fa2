import { type Annuity, minimumDownPayment, quoteAnnuity } from './quote-annuity.ts';
import type { Bilingual, FinanceOffer } from './types.ts';

/** A finance quote for one vehicle price under one offer: what the order keeps as its snapshot. */
export type FinanceQuote = Annuity & {
  offerId: string;
  offerCode: string;
  partner: Bilingual;
  product: Bilingual;
  aprBp: number;
  termMonths: number;
  /** The vehicle price the quote is for. */
  price: number;
  downPayment: number;
  currency: string;
};

export const FINANCE_REFUSALS = [
  'offer_inactive',
  'model_line_not_covered',
  'currency_mismatch',
  'term_not_offered',
  'down_payment_too_low',
  'down_payment_too_high',
] as const;
export type FinanceRefusal = (typeof FINANCE_REFUSALS)[number];

export type FinanceRequest = {
  modelLine: string;
  price: number;
  currency: string;
  downPayment: number;
  termMonths: number;
};

export type FinanceQuoteResult =
  | { ok: true; quote: FinanceQuote }
  | { ok: false; reason: FinanceRefusal; detail: string; minDownPayment: number; termsMonths: number[] };

/** Checks a request against an offer and quotes it; refusals are values the caller words. */
export function quoteFinance(offer: FinanceOffer, request: FinanceRequest): FinanceQuoteResult {
  const minDownPayment = minimumDownPayment(request.price, offer.minDownBp);
  const refuse = (reason: FinanceRefusal, detail: string): FinanceQuoteResult => ({
    ok: false,
    reason,
    detail,
    minDownPayment,
    termsMonths: offer.termsMonths,
  });
  if (!offer.active) return refuse('offer_inactive', `Offer ${offer.code} is no longer available.`);
  if (offer.modelLines.length > 0 && !offer.modelLines.includes(request.modelLine)) {
    return refuse('model_line_not_covered', `Offer ${offer.code} is not for ${request.modelLine}.`);
  }
  if (offer.currency !== request.currency) {
    return refuse('currency_mismatch', `Offer ${offer.code} is in ${offer.currency}.`);
  }
  if (!offer.termsMonths.includes(request.termMonths)) {
    return refuse(
      'term_not_offered',
      `Offer ${offer.code} has terms of ${offer.termsMonths.join(', ')} months, not ${request.termMonths}.`,
    );
  }
  if (request.downPayment < minDownPayment) {
    return refuse(
      'down_payment_too_low',
      `The down payment must be at least ${minDownPayment} fen (${offer.minDownBp / 100} % of the price).`,
    );
  }
  if (request.downPayment >= request.price) {
    return refuse('down_payment_too_high', 'The down payment covers the whole price: nothing to finance.');
  }
  const annuity = quoteAnnuity({
    price: request.price,
    downPayment: request.downPayment,
    aprBp: offer.aprBp,
    termMonths: request.termMonths,
  });
  return {
    ok: true,
    quote: {
      ...annuity,
      offerId: offer.id,
      offerCode: offer.code,
      partner: offer.partner,
      product: offer.product,
      aprBp: offer.aprBp,
      termMonths: request.termMonths,
      price: request.price,
      downPayment: request.downPayment,
      currency: offer.currency,
    },
  };
}
