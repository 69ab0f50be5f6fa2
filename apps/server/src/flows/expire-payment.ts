import { lockOrder, recordTimeline } from '../modules/ordering/index.ts';
import { expireIntent, findIntent, type PaymentProviders } from '../modules/payments/index.ts';
import { systemActor } from '../platform/actor.ts';
import { type Ctx, inTransaction } from '../platform/context.ts';

/**
 * At a payment's expiry (the `payments.expire_payment` job): a payment still pending is closed at
 * the provider and marked expired, on the order's timeline too. Run early (clock skew), it throws
 * so the job tries again later; a payment no longer pending is left alone.
 */
export async function expirePayment(ctx: Ctx, providers: PaymentProviders, paymentId: string): Promise<void> {
  const sys: Ctx = {
    ...ctx,
    actor: ctx.actor.kind === 'system' ? ctx.actor : systemActor('payments.expiry'),
  };
  await inTransaction(sys, async (tx) => {
    const known = await findIntent(tx, paymentId);
    if (known?.status !== 'pending') return;
    const order = await lockOrder(tx, known.orderId);
    const expired = await expireIntent(tx, providers, paymentId);
    if (!expired) {
      const still = await findIntent(tx, paymentId);
      if (still?.status === 'pending')
        throw new Error(`payment ${paymentId} is not due to expire until ${still.expiresAt.toISOString()}`);
      return;
    }
    await recordTimeline(tx, order, {
      kind: 'payment_expired',
      data: {
        paymentId: expired.id,
        purpose: expired.purpose,
        amount: expired.amount,
        currency: expired.currency,
        method: expired.method,
      },
    });
  });
}
