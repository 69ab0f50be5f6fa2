import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { type FinanceQuoteResult, type FinanceRequest, quoteFinance } from './quote-finance.ts';
import { type InsuranceQuoteResult, quoteInsurance } from './quote-insurance.ts';
import * as store from './store.ts';
import type { FinanceOffer, InsuranceProduct } from './types.ts';

/** Offers customers can choose now; with a model line, only those that cover it. */
export async function listFinanceOffers(
  ctx: Ctx,
  filter: { modelLine?: string } = {},
): Promise<FinanceOffer[]> {
  const offers = await store.listOffers(ctx, { activeOnly: true });
  const line = filter.modelLine;
  return line ? offers.filter((o) => o.modelLines.length === 0 || o.modelLines.includes(line)) : offers;
}

/** An offer by id, active or not (orders keep naming withdrawn offers). */
export async function findFinanceOffer(ctx: Ctx, id: string): Promise<FinanceOffer | undefined> {
  return store.findOffer(ctx, id);
}

export async function getFinanceOffer(ctx: Ctx, id: string): Promise<FinanceOffer> {
  const offer = await store.findOffer(ctx, id);
  if (!offer) throw offerNotFound(id);
  return offer;
}

export function offerNotFound(id: string): AppError {
  return new AppError('not_found', 'finance.offer_not_found', `No finance offer ${id}.`, {
    fields: [{ path: 'offerId', message: 'No such offer' }],
  });
}

export type OfferQuoteResult = FinanceQuoteResult | { ok: false; reason: 'offer_not_found'; detail: string };

/** Quotes a request under an offer by id; an unknown id is a value too (callers word it). */
export async function quoteFinanceOffer(
  ctx: Ctx,
  offerId: string,
  request: FinanceRequest,
): Promise<OfferQuoteResult> {
  const offer = await store.findOffer(ctx, offerId);
  if (!offer) return { ok: false, reason: 'offer_not_found', detail: `No finance offer ${offerId}.` };
  return quoteFinance(offer, request);
}

/** Insurance products customers can choose now. */
export async function listInsuranceProducts(ctx: Ctx): Promise<InsuranceProduct[]> {
  return store.listInsuranceProducts(ctx, { activeOnly: true });
}

/** Premiums of the chosen products for a vehicle price (refusals are values). */
export async function quoteInsuranceProducts(
  ctx: Ctx,
  codes: readonly string[],
  vehicle: { price: number; currency: string },
): Promise<InsuranceQuoteResult> {
  return quoteInsurance(await store.listInsuranceProducts(ctx, { activeOnly: true }), codes, vehicle);
}
