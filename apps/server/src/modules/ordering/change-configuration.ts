import { type Ctx, inTransaction } from '../../platform/context.ts';
import { AppError, isAppError } from '../../platform/errors.ts';
import { publish } from '../../platform/events/publish.ts';
import type { FinanceQuote, InsuranceQuote } from '../finance/index.ts';
import { assertAuthorized } from '../identity/index.ts';
import { orderConfigurationChanged } from './events.ts';
import { illegalTransition, orderNotFound } from './order-errors.ts';
import { nextState } from './order-state.ts';
import { type PricedConfiguration, priceConfiguration } from './price-configuration.ts';
import { comparePrices, type PriceComparison } from './price-snapshot.ts';
import { quoteFinanceFor, quoteInsuranceFor } from './quote-extras.ts';
import { assertOrderAccess, findOrderByRef, lockOrder } from './read-orders.ts';
import { recordTimeline } from './record-timeline.ts';
import * as store from './store.ts';
import { eventConfigurationOf, eventRefOf } from './transition-order.ts';
import type { Order } from './types.ts';

export type Refusal = { code: string; detail: string };

/** What changing the configuration would do, for the customer to see before confirming. */
export type ConfigurationChangeQuote = {
  order: Order;
  proposed: PricedConfiguration;
  comparison: PriceComparison;
  /** The attached finance re-quoted on the new price; `refusal` when the offer no longer fits it. */
  finance: { current: FinanceQuote | null; proposed: FinanceQuote | null; refusal: Refusal | null };
  insurance: { current: InsuranceQuote | null; proposed: InsuranceQuote | null; refusal: Refusal | null };
};

async function propose(ctx: Ctx, order: Order, configurationCode: string): Promise<ConfigurationChangeQuote> {
  if (!nextState(order.state, 'change_configuration').ok)
    throw illegalTransition(order.state, 'change_configuration');
  const proposed = await priceConfiguration(ctx, { modelLine: order.modelLine.code, configurationCode });
  const vehicle = {
    modelLine: proposed.modelLine.code,
    price: proposed.price.total,
    currency: proposed.price.currency,
  };
  const refusalOf = (err: unknown): Refusal => {
    if (isAppError(err) && err.kind === 'unprocessable')
      return { code: err.code, detail: err.detail ?? err.code };
    throw err;
  };
  const finance: ConfigurationChangeQuote['finance'] = {
    current: order.finance,
    proposed: null,
    refusal: null,
  };
  if (order.finance) {
    const { offerId, downPayment, termMonths } = order.finance;
    try {
      finance.proposed = await quoteFinanceFor(
        ctx,
        vehicle,
        { offerId, downPayment, termMonths },
        { terms: order.terms },
      );
    } catch (err) {
      finance.refusal = refusalOf(err);
    }
  }
  const insurance: ConfigurationChangeQuote['insurance'] = {
    current: order.insurance,
    proposed: null,
    refusal: null,
  };
  if (order.insurance) {
    try {
      insurance.proposed = await quoteInsuranceFor(
        ctx,
        vehicle,
        order.insurance.items.map((i) => i.code),
      );
    } catch (err) {
      insurance.refusal = refusalOf(err);
    }
  }
  return { order, proposed, comparison: comparePrices(order.price, proposed.price), finance, insurance };
}

/** The quote of a configuration change: proposed price vs current, per line, with finance re-quoted. */
export async function quoteConfigurationChange(
  ctx: Ctx,
  ref: string,
  configurationCode: string,
): Promise<ConfigurationChangeQuote> {
  assertAuthorized(ctx.actor, 'order.change');
  const order = await findOrderByRef(ctx, ref);
  if (!order) throw orderNotFound();
  assertOrderAccess(ctx, 'order.change', order);
  return propose(ctx, order, configurationCode);
}

/**
 * Confirms a configuration change before lock: re-validated and re-priced on the live version;
 * `expectedTotal` is the total the customer saw, and a different price is 409
 * `ordering.price_changed` with the new total (nothing changes). Attached finance is re-quoted
 * (422 `ordering.finance_no_longer_valid` when the offer does not fit the new price), insurance
 * premiums follow the new price. The same car on the same version changes nothing.
 */
export async function changeConfiguration(
  ctx: Ctx,
  ref: string,
  input: { configurationCode: string; expectedTotal: number },
): Promise<Order> {
  assertAuthorized(ctx.actor, 'order.change');
  return inTransaction(ctx, async (tx) => {
    const order = await lockOrder(tx, ref, { permission: 'order.change' });
    const quote = await propose(tx, order, input.configurationCode);
    const { proposed } = quote;
    if (proposed.price.total !== input.expectedTotal) {
      throw new AppError(
        'conflict',
        'ordering.price_changed',
        `The price of this configuration is now ${proposed.price.total} fen, not ${input.expectedTotal}; review it and confirm again.`,
        {
          extra: {
            newTotal: proposed.price.total,
            expectedTotal: input.expectedTotal,
            currency: proposed.price.currency,
          },
        },
      );
    }
    if (quote.finance.refusal) {
      throw new AppError(
        'unprocessable',
        'ordering.finance_no_longer_valid',
        `The attached finance offer does not fit the new price: ${quote.finance.refusal.detail} Change or remove the finance first.`,
        { extra: { reason: quote.finance.refusal.code } },
      );
    }
    if (quote.insurance.refusal) {
      throw new AppError(
        'unprocessable',
        'ordering.insurance_no_longer_valid',
        `The chosen insurance cannot be quoted for the new configuration: ${quote.insurance.refusal.detail}`,
        { extra: { reason: quote.insurance.refusal.code } },
      );
    }
    if (
      proposed.code === order.configuration.code &&
      proposed.price.versionId === order.configuration.versionId
    ) {
      return order;
    }
    const next: Order = {
      ...order,
      configuration: {
        code: proposed.code,
        versionId: proposed.price.versionId,
        versionNumber: proposed.price.versionNumber,
        selection: proposed.selection,
      },
      price: proposed.price,
      finance: quote.finance.proposed,
      financedPrincipal: quote.finance.proposed?.principal ?? 0,
      insurance: quote.insurance.proposed,
      updatedAt: tx.now,
    };
    await store.updateOrder(tx, next);
    await recordTimeline(tx, next, {
      kind: 'configuration_changed',
      data: {
        fromCode: order.configuration.code,
        toCode: next.configuration.code,
        fromVersionId: order.configuration.versionId,
        toVersionId: next.configuration.versionId,
        previousTotal: order.price.total,
        newTotal: next.price.total,
        difference: quote.comparison.difference,
        currency: next.price.currency,
        lines: quote.comparison.lines.map((l) => ({
          kind: l.kind,
          key: l.key,
          from: l.current?.code ?? null,
          to: l.proposed?.code ?? null,
          difference: l.difference,
        })),
      },
    });
    await publish(tx, orderConfigurationChanged, next.id, {
      ...eventRefOf(next, order.state),
      ...eventConfigurationOf(next),
      previous: {
        configurationCode: order.configuration.code,
        versionId: order.configuration.versionId,
        total: order.price.total,
      },
      difference: quote.comparison.difference,
    });
    return next;
  });
}
