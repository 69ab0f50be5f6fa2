import { type Ctx, inTransaction } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { publish } from '../../platform/events/publish.ts';
import { newId } from '../../platform/ids.ts';
import { findActiveDealer } from '../dealers/index.ts';
import { assertAuthorized, findUser } from '../identity/index.ts';
import { orderPlaced } from './events.ts';
import { currentOrderTerms } from './order-terms.ts';
import { priceConfiguration } from './price-configuration.ts';
import { type FinanceChoice, quoteFinanceFor, quoteInsuranceFor } from './quote-extras.ts';
import { recordTimeline } from './record-timeline.ts';
import * as store from './store.ts';
import { eventConfigurationOf, eventRefOf } from './transition-order.ts';
import type { Order } from './types.ts';
import { formatVehicleId, vehicleIdYear } from './vehicle-id.ts';

export type PlaceOrderInput = {
  modelLine: string;
  configurationCode: string;
  /** The version the customer configured on, if the client knows it (must be live). */
  versionId?: string | undefined;
  /** An active dealer organisation of the directory. */
  dealerId: string;
  finance?: FinanceChoice | undefined;
  /** Insurance product codes. */
  insurance?: string[] | undefined;
  acceptTerms: boolean;
  /** The order terms version the customer read and accepted. */
  termsVersion: string;
};

/**
 * Places an order: one vehicle, `draft`, with its vehicle id. The configuration is re-derived and
 * priced on the live catalogue version (see priceConfiguration), the dealer must be active in
 * the directory (422 `ordering.dealer_unavailable`), the terms accepted must be the current ones
 * (409 `ordering.stale_terms`), finance and insurance are quoted on the server's price.
 */
export async function placeOrder(ctx: Ctx, input: PlaceOrderInput): Promise<Order> {
  assertAuthorized(ctx.actor, 'order.place');
  const actor = ctx.actor;
  if (actor.kind !== 'customer')
    throw new AppError('forbidden', 'identity.forbidden', 'Only customers place orders.');
  if (!input.acceptTerms) {
    throw new AppError(
      'unprocessable',
      'ordering.terms_not_accepted',
      'Accept the order terms to place an order.',
      {
        fields: [{ path: 'acceptTerms', message: 'Must be true' }],
      },
    );
  }
  const terms = currentOrderTerms();
  if (input.termsVersion !== terms.version) {
    throw new AppError(
      'conflict',
      'ordering.stale_terms',
      `The order terms changed (now version ${terms.version}); read and accept them again.`,
      {
        extra: { currentVersion: terms.version },
        fields: [{ path: 'termsVersion', message: 'Not the current version' }],
      },
    );
  }
  const priced = await priceConfiguration(ctx, input);
  if (priced.price.currency !== terms.currency) {
    throw new AppError(
      'unprocessable',
      'ordering.currency_not_supported',
      `Orders are taken in ${terms.currency}.`,
    );
  }
  const dealer = await findActiveDealer(ctx, input.dealerId);
  if (!dealer) {
    throw new AppError(
      'unprocessable',
      'ordering.dealer_unavailable',
      'This dealer does not take orders; choose another one.',
      {
        fields: [{ path: 'dealerId', message: 'Not an active dealer' }],
      },
    );
  }
  const vehicle = {
    modelLine: priced.modelLine.code,
    price: priced.price.total,
    currency: priced.price.currency,
  };
  const finance = input.finance
    ? await quoteFinanceFor(ctx, vehicle, input.finance, { fieldPrefix: 'finance.', terms })
    : null;
  const insurance = await quoteInsuranceFor(ctx, vehicle, input.insurance ?? [], 'insurance');
  const buyer = await findUser(ctx, actor.userId);
  if (!buyer) throw new AppError('unauthenticated', 'identity.unauthenticated', 'Sign in to continue.');

  return inTransaction(ctx, async (tx) => {
    const vehicleId = formatVehicleId(
      vehicleIdYear(tx.now),
      await store.nextVehicleNumber(tx, vehicleIdYear(tx.now)),
    );
    const order: Order = {
      id: newId('ord'),
      vehicleId,
      state: 'draft',
      customer: { userId: buyer.id, name: buyer.name, phone: buyer.phone, email: buyer.email },
      dealer: {
        id: dealer.id,
        code: dealer.code,
        name: dealer.name,
        city: dealer.city,
        address: dealer.address,
        phone: dealer.phone,
        openingHours: dealer.openingHours,
      },
      modelLine: priced.modelLine,
      configuration: {
        code: priced.code,
        versionId: priced.price.versionId,
        versionNumber: priced.price.versionNumber,
        selection: priced.selection,
      },
      price: priced.price,
      terms,
      termsAcceptedAt: tx.now,
      lockTermsAcceptedAt: null,
      finance,
      financedPrincipal: finance?.principal ?? 0,
      insurance,
      promisedDeliveryDate: null,
      vin: null,
      cancellation: null,
      placedAt: tx.now,
      updatedAt: tx.now,
    };
    await store.insertOrder(tx, order);
    await recordTimeline(tx, order, {
      kind: 'placed',
      data: {
        vehicleId,
        modelLine: order.modelLine.code,
        configurationCode: order.configuration.code,
        total: order.price.total,
        currency: order.price.currency,
        dealerId: dealer.id,
      },
    });
    await publish(tx, orderPlaced, order.id, {
      ...eventRefOf(order, null),
      ...eventConfigurationOf(order),
      termsVersion: terms.version,
      finance: financeSummaryOf(order),
      financedPrincipal: order.financedPrincipal,
      insuranceProducts: order.insurance?.items.map((i) => i.code) ?? [],
      placedAt: tx.now.toISOString(),
    });
    return order;
  });
}

export function financeSummaryOf(order: Order) {
  const f = order.finance;
  return f
    ? {
        offerId: f.offerId,
        offerCode: f.offerCode,
        aprBp: f.aprBp,
        termMonths: f.termMonths,
        downPayment: f.downPayment,
        principal: f.principal,
        instalment: f.instalment,
      }
    : null;
}
