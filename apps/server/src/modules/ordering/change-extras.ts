import { type Ctx, inTransaction } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { publish } from '../../platform/events/publish.ts';
import { assertAuthorized } from '../identity/index.ts';
import { orderFinanceChanged, orderInsuranceChanged } from './events.ts';
import { illegalTransition } from './order-errors.ts';
import { nextState } from './order-state.ts';
import { financeSummaryOf } from './place-order.ts';
import { type FinanceChoice, quoteFinanceFor, quoteInsuranceFor } from './quote-extras.ts';
import { lockOrder } from './read-orders.ts';
import { recordTimeline } from './record-timeline.ts';
import * as store from './store.ts';
import { eventRefOf } from './transition-order.ts';
import type { Order } from './types.ts';

const vehicleOf = (o: Order) => ({
  modelLine: o.modelLine.code,
  price: o.price.total,
  currency: o.price.currency,
});

/**
 * Attaches, changes or (with `null`) removes the finance of an order the caller has locked, until
 * the order is shipped. Changes the balance, so the caller passes what the ledger holds: a
 * change is refused (409 `ordering.finance_change_after_payment`) when the customer has already
 * paid more than the new cash part of the price (total - financed principal).
 */
export async function applyFinanceChange(
  ctx: Ctx,
  order: Order,
  choice: FinanceChoice | null,
  ledger: { netPaid: number },
): Promise<Order> {
  if (!nextState(order.state, 'change_finance').ok) throw illegalTransition(order.state, 'change_finance');
  const finance = choice
    ? await quoteFinanceFor(ctx, vehicleOf(order), choice, { terms: order.terms })
    : null;
  const principal = finance?.principal ?? 0;
  if (ledger.netPaid > order.price.total - principal) {
    throw new AppError(
      'conflict',
      'ordering.finance_change_after_payment',
      'You have already paid more than the cash part of the price with this finance; choose a smaller loan.',
      { extra: { paid: ledger.netPaid, maxPrincipal: Math.max(0, order.price.total - ledger.netPaid) } },
    );
  }
  const next: Order = { ...order, finance, financedPrincipal: principal, updatedAt: ctx.now };
  await store.updateOrder(ctx, next);
  await recordTimeline(ctx, next, {
    kind: 'finance_changed',
    data: {
      offerCode: finance?.offerCode ?? null,
      previousOfferCode: order.finance?.offerCode ?? null,
      principal,
      previousPrincipal: order.financedPrincipal,
      instalment: finance?.instalment ?? null,
      termMonths: finance?.termMonths ?? null,
      currency: order.price.currency,
    },
  });
  await publish(ctx, orderFinanceChanged, next.id, {
    ...eventRefOf(next, order.state),
    finance: financeSummaryOf(next),
    financedPrincipal: principal,
    currency: next.price.currency,
  });
  return next;
}

/** Chooses the order's insurance products (empty: none), re-priced now, until the order is shipped. */
export async function changeInsurance(ctx: Ctx, ref: string, products: string[]): Promise<Order> {
  assertAuthorized(ctx.actor, 'order.change');
  return inTransaction(ctx, async (tx) => {
    const order = await lockOrder(tx, ref, { permission: 'order.change' });
    if (!nextState(order.state, 'change_finance').ok) throw illegalTransition(order.state, 'change_finance');
    const insurance = await quoteInsuranceFor(tx, vehicleOf(order), products);
    const next: Order = { ...order, insurance, updatedAt: tx.now };
    await store.updateOrder(tx, next);
    const codes = insurance?.items.map((i) => i.code) ?? [];
    await recordTimeline(tx, next, {
      kind: 'insurance_changed',
      data: {
        products: codes,
        previousProducts: order.insurance?.items.map((i) => i.code) ?? [],
        premiumTotal: insurance?.total ?? 0,
        currency: order.price.currency,
      },
    });
    await publish(tx, orderInsuranceChanged, next.id, {
      ...eventRefOf(next, order.state),
      insuranceProducts: codes,
      premiumTotal: insurance?.total ?? 0,
      currency: next.price.currency,
    });
    return next;
  });
}
