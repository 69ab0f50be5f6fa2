import { recordAudit } from '../../platform/audit.ts';
import { type Ctx, inTransaction } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { publish } from '../../platform/events/publish.ts';
import { newId } from '../../platform/ids.ts';
import { offerCreated, offerDeactivated } from './events.ts';
import { offerNotFound } from './read-finance.ts';
import * as store from './store.ts';
import type { FinanceOffer, InsuranceProduct } from './types.ts';

/**
 * HQ's management of finance offers. This module uses no other module, so who may call these is
 * decided before: by the route's permission guard (`finance.manage`) or by the seed.
 */
export type NewFinanceOffer = Omit<FinanceOffer, 'id' | 'active'>;

const MAX_TERM_MONTHS = 96;

/** Every offer, withdrawn ones included. */
export async function listAllFinanceOffers(ctx: Ctx): Promise<FinanceOffer[]> {
  return store.listOffers(ctx, { activeOnly: false });
}

export async function createFinanceOffer(ctx: Ctx, input: NewFinanceOffer): Promise<FinanceOffer> {
  const terms = [...input.termsMonths].sort((a, b) => a - b);
  if (terms.some((t, i) => !Number.isInteger(t) || t < 1 || t > MAX_TERM_MONTHS || t === terms[i - 1])) {
    throw new AppError(
      'bad_request',
      'finance.invalid_terms',
      `Terms are distinct whole months, 1-${MAX_TERM_MONTHS}.`,
      {
        fields: [{ path: 'termsMonths', message: `Distinct whole months, 1-${MAX_TERM_MONTHS}` }],
      },
    );
  }
  const offer: FinanceOffer = { ...input, termsMonths: terms, id: newId('fin'), active: true };
  return inTransaction(ctx, async (tx) => {
    if (!(await store.insertOffer(tx, offer, tx.now))) {
      throw new AppError('conflict', 'finance.offer_code_taken', `An offer ${input.code} exists already.`, {
        fields: [{ path: 'code', message: 'Taken' }],
      });
    }
    await publish(tx, offerCreated, offer.id, eventOf(offer));
    await recordAudit(tx, {
      action: 'finance.offer_created',
      targetType: 'finance.offer',
      targetId: offer.id,
      orgId: null,
      data: { code: offer.code, aprBp: offer.aprBp },
    });
    return offer;
  });
}

/** Withdraws an offer: no new quotes with it; orders that have it keep their snapshot. */
export async function deactivateFinanceOffer(ctx: Ctx, id: string): Promise<FinanceOffer> {
  return inTransaction(ctx, async (tx) => {
    const offer = await store.findOffer(tx, id);
    if (!offer) throw offerNotFound(id);
    if (await store.setOfferActive(tx, id, false, tx.now)) {
      await publish(tx, offerDeactivated, id, eventOf(offer));
      await recordAudit(tx, {
        action: 'finance.offer_deactivated',
        targetType: 'finance.offer',
        targetId: id,
        orgId: null,
        data: { code: offer.code },
      });
    }
    return { ...offer, active: false };
  });
}

/** Demo data: creates the offer unless one with its code exists. True when created. */
export async function ensureFinanceOffer(ctx: Ctx, input: NewFinanceOffer): Promise<boolean> {
  if (await store.findOfferByCode(ctx, input.code)) return false;
  await createFinanceOffer(ctx, input);
  return true;
}

/** Demo data: creates the product unless one with its code exists. True when created. */
export async function ensureInsuranceProduct(ctx: Ctx, product: InsuranceProduct): Promise<boolean> {
  return store.insertInsuranceProduct(ctx, product, ctx.now);
}

function eventOf(o: FinanceOffer) {
  return {
    offerId: o.id,
    code: o.code,
    aprBp: o.aprBp,
    termsMonths: o.termsMonths,
    minDownBp: o.minDownBp,
    modelLines: o.modelLines,
    currency: o.currency,
  };
}
