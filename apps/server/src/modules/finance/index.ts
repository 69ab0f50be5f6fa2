/**
 * Finance and insurance: finance partners' offers (APR, allowed terms, minimum down payment,
 * which model lines), insurance products and their premiums, and quotes: the annuity of a loan
 * and the premiums of chosen products for a vehicle price.
 *
 * Must not: know about orders, catalogue or prices of configurations (callers pass the vehicle
 * price the server derived); decide who may call it (it uses no other module: routes guard the
 * management functions with `finance.manage`, and reads are public); trust any figure a client
 * sends beyond its own choices (offer, down payment, term, product codes). Only store.ts has SQL,
 * and only schema `finance`.
 */
export { offerCreated, offerDeactivated } from './events.ts';
export type { NewFinanceOffer } from './manage-offers.ts';
export {
  createFinanceOffer,
  deactivateFinanceOffer,
  ensureFinanceOffer,
  ensureInsuranceProduct,
  listAllFinanceOffers,
} from './manage-offers.ts';
export type { Annuity, AnnuityInput } from './quote-annuity.ts';
export { minimumDownPayment, quoteAnnuity } from './quote-annuity.ts';
export type { FinanceQuote, FinanceQuoteResult, FinanceRefusal, FinanceRequest } from './quote-finance.ts';
export { FINANCE_REFUSALS, quoteFinance } from './quote-finance.ts';
export type { InsuranceQuote, InsuranceQuoteResult } from './quote-insurance.ts';
export { INSURANCE_PAYABLE_TO, premiumOf, quoteInsurance } from './quote-insurance.ts';
export type { OfferQuoteResult } from './read-finance.ts';
export {
  findFinanceOffer,
  getFinanceOffer,
  listFinanceOffers,
  listInsuranceProducts,
  quoteFinanceOffer,
  quoteInsuranceProducts,
} from './read-finance.ts';
export type { Bilingual, FinanceOffer, InsuranceKind, InsuranceProduct, PremiumKind } from './types.ts';
export { INSURANCE_KINDS, PREMIUM_KINDS } from './types.ts';
