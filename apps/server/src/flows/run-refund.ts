import { lockOrder, recordTimeline } from '../modules/ordering/index.ts';
import { findRefund, type PaymentProviders, processRefund, type Refund } from '../modules/payments/index.ts';
import { systemActor } from '../platform/actor.ts';
import { type Ctx, inTransaction } from '../platform/context.ts';

/**
 * Pays a pending refund back through its provider (the `payments.process_refund` job), under the
 * order's row lock, and puts the outcome on the order's timeline. A provider error is thrown so
 * the job retries; a refund already completed or failed is left alone.
 */
export async function runRefund(
  ctx: Ctx,
  providers: PaymentProviders,
  refundId: string,
): Promise<Refund | undefined> {
  const sys: Ctx = {
    ...ctx,
    actor: ctx.actor.kind === 'system' ? ctx.actor : systemActor('payments.refunds'),
  };
  return inTransaction(sys, async (tx) => {
    const known = await findRefund(tx, refundId);
    if (known?.status !== 'pending') return known;
    const order = await lockOrder(tx, known.orderId);
    const refund = await processRefund(tx, providers, refundId);
    if (refund && refund.status !== 'pending') {
      await recordTimeline(tx, order, {
        kind: refund.status === 'succeeded' ? 'refund_completed' : 'refund_failed',
        data: {
          refundId: refund.id,
          paymentId: refund.paymentId,
          amount: refund.amount,
          currency: refund.currency,
          reason: refund.reason,
          ...(refund.failureReason ? { failureReason: refund.failureReason } : {}),
        },
      });
    }
    return refund;
  });
}
