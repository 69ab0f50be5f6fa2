import { cancelHandoverOf } from '../modules/dealers/index.ts';
import { assertAuthorized } from '../modules/identity/index.ts';
import {
  assertOrderAccess,
  type Canceller,
  cancellationRefund,
  findOrderByRef,
  illegalTransition,
  lockOrder,
  nextState,
  type Order,
  orderNotFound,
  transitionOrder,
} from '../modules/ordering/index.ts';
import {
  cancelPendingIntents,
  getLedgerFigures,
  type PaymentProviders,
  type Refund,
  requestRefunds,
} from '../modules/payments/index.ts';
import { cancelVehicle, findVehicleById } from '../modules/production/index.ts';
import { type Ctx, inTransaction } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { enqueue } from '../platform/jobs/enqueue.ts';
import { paymentJobs } from './payment-jobs.ts';

const permissionOf = (by: Canceller) => (by === 'brand' ? 'order.cancel_any' : 'order.cancel');

/** What cancelling would do, shown before the customer (or HQ) confirms. */
export type CancellationPreview = {
  order: Order;
  by: Canceller;
  allowed: boolean;
  /** Paid so far (captured minus refunds that did not fail). */
  paid: number;
  refund: number;
  /** Kept by the terms (the deposit after lock, on a customer cancellation). */
  forfeited: number;
  currency: string;
};

export async function previewCancellation(
  ctx: Ctx,
  ref: string,
  by: Canceller,
): Promise<CancellationPreview> {
  const permission = permissionOf(by);
  assertAuthorized(ctx.actor, permission);
  const order = await findOrderByRef(ctx, ref);
  if (!order) throw orderNotFound();
  assertOrderAccess(ctx, permission, order);
  const figures = await getLedgerFigures(ctx, order.id);
  const allowed = nextState(order.state, 'cancel', {
    by,
    customerCancellableStates: order.terms.customerCancellableStates,
  }).ok;
  const { refund, forfeited } = cancellationRefund(order.terms, order, figures.netPaid, by);
  return { order, by, allowed, paid: figures.netPaid, refund, forfeited, currency: order.price.currency };
}

export type CancelInput = {
  by: Canceller;
  /** Required from the brand; optional from the customer. */
  reason?: string | null | undefined;
  /** The refund the preview showed; when given and different now, 409 `ordering.refund_changed`. */
  expectedRefund?: number | undefined;
};

/**
 * Cancels an order by the order terms, in one transaction under the order's row lock: pending
 * payments are closed at the provider, the refund is computed from the ledger (everything before
 * lock or when the brand cancels; above the deposit after lock), requested per captured payment
 * and paid back by a retried job; the order goes to `cancelled` with its event and timeline entry.
 * A customer cannot cancel once production has started; nobody after delivery (409
 * `ordering.illegal_transition` with the state). The car is cancelled with production in the
 * same transaction (capacity and the dealer's hand-over slot go back; a car already being built
 * cannot be cancelled: 409 `production.vehicle_in_production`). The system cancels drafts that
 * were not paid in time (`by: 'system'`).
 */
export async function cancelOrder(
  ctx: Ctx,
  providers: PaymentProviders,
  ref: string,
  input: CancelInput,
): Promise<{ order: Order; refund: number; forfeited: number; refunds: Refund[] }> {
  const permission = permissionOf(input.by);
  assertAuthorized(ctx.actor, permission);
  if (input.by === 'brand' && !input.reason?.trim()) {
    throw new AppError(
      'bad_request',
      'ordering.cancel_reason_required',
      'Say why the brand cancels this order.',
      {
        fields: [{ path: 'reason', message: 'Required' }],
      },
    );
  }
  return inTransaction(ctx, async (tx) => {
    const order = await lockOrder(tx, ref, { permission });
    const allowed = nextState(order.state, 'cancel', {
      by: input.by,
      customerCancellableStates: order.terms.customerCancellableStates,
    });
    if (!allowed.ok) throw illegalTransition(order.state, 'cancel');
    const figures = await getLedgerFigures(tx, order.id);
    const { refund, forfeited } = cancellationRefund(order.terms, order, figures.netPaid, input.by);
    if (input.expectedRefund !== undefined && input.expectedRefund !== refund) {
      throw new AppError(
        'conflict',
        'ordering.refund_changed',
        `The refund is now ${refund} fen, not ${input.expectedRefund}; review it and confirm again.`,
        { extra: { refund, forfeited, expectedRefund: input.expectedRefund } },
      );
    }
    const reason = input.reason?.trim() || null;
    // The car first: once it is being built it cannot be cancelled (409 production.vehicle_in_production,
    // and nothing else changes); otherwise its production capacity and its dealer slot go back.
    if (await findVehicleById(tx, order.vehicleId)) {
      await cancelVehicle(tx, order.vehicleId, reason ?? `cancelled_by_${input.by}`);
    }
    await cancelHandoverOf(tx, order.vehicleId);
    await cancelPendingIntents(tx, providers, order.id, { reason: 'order_cancelled' });
    const cancelled = await transitionOrder(tx, order, 'cancel', {
      by: input.by,
      reason,
      details: { refund, forfeited },
      timeline: {
        data: {
          by: input.by,
          reason,
          paid: figures.netPaid,
          refund,
          forfeited,
          currency: order.price.currency,
        },
      },
    });
    const refunds = refund > 0 ? await requestRefunds(tx, order.id, refund, 'order_cancelled') : [];
    for (const r of refunds) await enqueue(tx, paymentJobs(providers).processRefund, { refundId: r.id });
    return { order: cancelled, refund, forfeited, refunds };
  });
}
