import { assertAuthorized } from '../modules/identity/index.ts';
import {
  amountDue,
  BALANCE_STATES,
  illegalTransition,
  lockOrder,
  nextState,
  type Order,
} from '../modules/ordering/index.ts';
import {
  cancelPendingIntents,
  createIntent,
  getLedgerFigures,
  type PaymentIntent,
  type PaymentMethod,
  type PaymentProviders,
  type PaymentPurpose,
} from '../modules/payments/index.ts';
import { type Ctx, inTransaction } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { enqueue } from '../platform/jobs/enqueue.ts';
import { dueBasisOf } from './order-money.ts';
import { paymentJobs } from './payment-jobs.ts';

export type StartPaymentInput = {
  purpose: PaymentPurpose;
  method: PaymentMethod;
  /** The lock clauses of the order terms; required (true) for the deposit. */
  acceptTerms?: boolean | undefined;
};

const PURPOSE_LABEL = {
  intention: { 'zh-CN': '意向金', en: 'intention money' },
  deposit: { 'zh-CN': '锁单定金', en: 'lock deposit' },
  balance: { 'zh-CN': '尾款', en: 'balance' },
} as const;

/** Where the provider's page sends the customer back: the order's page in the web app. */
export const orderPagePath = (orderId: string) => `/orders/${orderId}`;

/**
 * Starts a payment on the customer's own order, in one transaction under the order's row lock:
 * the amount is what is due now by the order's terms and ledger (the client never sends one);
 * intention money in draft, the rest of the lock deposit when reserved (with `acceptTerms: true`
 * for the lock clauses), the balance from lock to hand-over. A payment of the wrong stage is 409
 * (`ordering.illegal_transition` with the state for intention and deposit, so a cancelled order
 * cannot be locked; `payments.purpose_not_due` for the balance); nothing due is 409
 * `payments.nothing_due`. An older pending payment of the same purpose is cancelled at the
 * provider first (at most one pending per order and purpose). Its expiry is a job.
 */
export async function startPayment(
  ctx: Ctx,
  providers: PaymentProviders,
  orderRef: string,
  input: StartPaymentInput,
): Promise<{ order: Order; intent: PaymentIntent }> {
  assertAuthorized(ctx.actor, 'order.pay');
  return inTransaction(ctx, async (tx) => {
    const order = await lockOrder(tx, orderRef, { permission: 'order.pay' });
    if (input.purpose === 'intention' && !nextState(order.state, 'reserve').ok) {
      throw illegalTransition(order.state, 'reserve');
    }
    if (input.purpose === 'deposit') {
      if (!nextState(order.state, 'lock').ok) throw illegalTransition(order.state, 'lock');
      if (input.acceptTerms !== true) {
        throw new AppError(
          'unprocessable',
          'payments.lock_terms_not_accepted',
          'Accept the lock terms to pay the deposit.',
          {
            fields: [{ path: 'acceptTerms', message: 'Must be true for the deposit' }],
          },
        );
      }
    }
    if (input.purpose === 'balance' && !BALANCE_STATES.includes(order.state)) {
      throw new AppError(
        'conflict',
        'payments.purpose_not_due',
        `No balance is due on an order in state ${order.state}.`,
        {
          extra: { state: order.state, purpose: input.purpose },
        },
      );
    }
    const figures = await getLedgerFigures(tx, order.id);
    const due = amountDue(order.terms, dueBasisOf(order), figures.netPaid);
    if (!due || due.purpose !== input.purpose || due.amount <= 0) {
      throw new AppError('conflict', 'payments.nothing_due', `Nothing is due for the ${input.purpose} now.`, {
        extra: { state: order.state, purpose: input.purpose },
      });
    }
    await cancelPendingIntents(tx, providers, order.id, { purpose: input.purpose, reason: 'replaced' });
    const label = PURPOSE_LABEL[input.purpose];
    const intent = await createIntent(tx, providers, {
      orderId: order.id,
      purpose: input.purpose,
      amount: due.amount,
      currency: order.price.currency,
      method: input.method,
      termsAccepted: input.purpose === 'deposit',
      description: {
        'zh-CN': `${order.modelLine.name['zh-CN']} ${order.vehicleId} ${label['zh-CN']}`,
        en: `${order.modelLine.name.en} ${order.vehicleId} ${label.en}`,
      },
      returnUrl: orderPagePath(order.id),
      expiresAt: new Date(tx.now.getTime() + order.terms.paymentWindowMinutes * 60_000),
    });
    await enqueue(
      tx,
      paymentJobs(providers).expirePayment,
      { paymentId: intent.id },
      { runAt: intent.expiresAt },
    );
    return { order, intent };
  });
}
