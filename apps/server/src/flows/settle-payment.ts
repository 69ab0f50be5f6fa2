import {
  amountDue,
  lockOrder,
  type Order,
  recordOrderFact,
  recordTimeline,
  transitionOrder,
} from '../modules/ordering/index.ts';
import {
  findIntent,
  findIntentOfCallback,
  getLedgerFigures,
  markIntentFailed,
  type PaymentIntent,
  type PaymentProviders,
  recordCallback,
  recordCapture,
  requestRefunds,
} from '../modules/payments/index.ts';
import { confirmVehicle, findVehicleById } from '../modules/production/index.ts';
import { systemActor } from '../platform/actor.ts';
import { type Ctx, inTransaction } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { enqueue } from '../platform/jobs/enqueue.ts';
import { dueBasisOf } from './order-money.ts';
import { paymentJobs } from './payment-jobs.ts';

export type SettleResult = { outcome: 'settled' | 'duplicate' | 'ignored'; paymentId: string | null };

/**
 * A provider's callback, from the public route or the simulator's job: verified first (a missing,
 * forged or mistyped signature is 400 `payments.callback_signature_invalid`, a stale one 400
 * `payments.callback_stale`; nothing changes; 400 rather than 401 because the caller is not a
 * person who could sign in), then settled in ONE transaction that locks the
 * order row first:
 * - handled once per provider event id (a replay answers `duplicate` and changes nothing), and at
 *   most one capture per payment;
 * - failed: the payment fails, the timeline says so;
 * - succeeded: the capture goes to the ledger; what the order is still owed for that purpose is
 *   kept and moves the order (intention paid in full: draft -> reserved; deposit paid in full:
 *   reserved -> locked, and the car is confirmed for build; balance: on the timeline); anything else (a capture for a cancelled
 *   order, a cancelled or expired payment, a purpose already paid, more than was due) is refunded
 *   at once by a retried job. Nothing is lost and nothing is kept twice.
 */
export async function settleProviderCallback(
  ctx: Ctx,
  providers: PaymentProviders,
  providerName: string,
  input: { headers: Record<string, string | undefined>; body: string },
): Promise<SettleResult> {
  const provider = providers.get(providerName);
  if (!provider)
    throw new AppError('not_found', 'payments.provider_not_found', `No payment provider ${providerName}.`);
  const check = provider.parseCallback({ ...input, now: ctx.now });
  if (!check.ok) {
    if (check.reason === 'stale') throw new AppError('bad_request', 'payments.callback_stale', check.detail);
    if (check.reason === 'malformed')
      throw new AppError('bad_request', 'payments.callback_malformed', check.detail);
    throw new AppError('bad_request', 'payments.callback_signature_invalid', check.detail);
  }
  const event = check.event;
  // A verified callback acts as the provider, not as whoever delivered it.
  const sys: Ctx = { ...ctx, actor: systemActor(`payments.${providerName}`) };
  return inTransaction(sys, async (tx) => {
    const known = await findIntent(tx, event.merchantReference);
    if (!known) {
      await recordCallback(tx, providerName, event, null);
      tx.log.warn('payment callback for an unknown payment', {
        eventId: event.eventId,
        ref: event.merchantReference,
      });
      return { outcome: 'ignored', paymentId: null };
    }
    const order = await lockOrder(tx, known.orderId);
    const intent = await findIntentOfCallback(tx, providerName, event);
    if (!intent) {
      await recordCallback(tx, providerName, event, null);
      tx.log.warn('payment callback does not match its payment', {
        eventId: event.eventId,
        paymentId: known.id,
      });
      return { outcome: 'ignored', paymentId: known.id };
    }
    if (!(await recordCallback(tx, providerName, event, intent.id)))
      return { outcome: 'duplicate', paymentId: intent.id };

    if (event.outcome === 'failed') {
      const failed = await markIntentFailed(tx, intent, event.failureReason ?? 'failed');
      if (failed) {
        await recordTimeline(tx, order, {
          kind: 'payment_failed',
          data: {
            paymentId: intent.id,
            purpose: intent.purpose,
            amount: intent.amount,
            currency: intent.currency,
            method: intent.method,
            reason: failed.failureReason,
          },
        });
      }
      return { outcome: 'settled', paymentId: intent.id };
    }

    if (event.currency !== intent.currency) {
      // A provider bug: money in another currency cannot join this order's ledger. Kept out and logged loudly.
      tx.log.error('payment captured in another currency; needs a person', {
        eventId: event.eventId,
        paymentId: intent.id,
      });
      return { outcome: 'ignored', paymentId: intent.id };
    }
    const before = await getLedgerFigures(tx, order.id);
    const captured = await recordCapture(tx, intent, { amount: event.amount, currency: event.currency });
    if (!captured) return { outcome: 'duplicate', paymentId: intent.id };

    const due = amountDue(order.terms, dueBasisOf(order), before.netPaid);
    const wanted =
      intent.status === 'pending' && event.amount === intent.amount && due?.purpose === intent.purpose
        ? Math.min(event.amount, due.amount)
        : 0;
    const excess = event.amount - wanted;
    let current: Order = order;
    if (wanted > 0) current = await applyCapture(tx, order, intent, wanted, before.netPaid + wanted);
    if (excess > 0) {
      const reason = wanted === 0 ? 'late_capture' : 'overpayment';
      const refunds = await requestRefunds(tx, order.id, excess, reason, { paymentId: intent.id });
      for (const r of refunds) await enqueue(tx, paymentJobs(providers).processRefund, { refundId: r.id });
      await recordTimeline(tx, current, {
        kind: 'late_payment_refunded',
        data: {
          paymentId: intent.id,
          purpose: intent.purpose,
          amount: excess,
          currency: intent.currency,
          reason,
          refundIds: refunds.map((r) => r.id),
        },
      });
    }
    return { outcome: 'settled', paymentId: intent.id };
  });
}

async function applyCapture(
  tx: Ctx,
  order: Order,
  intent: PaymentIntent,
  amount: number,
  paidAfter: number,
): Promise<Order> {
  const dueAfter = amountDue(order.terms, dueBasisOf(order), paidAfter);
  const common = { paymentId: intent.id, amount, currency: intent.currency, method: intent.method };
  if (intent.purpose === 'intention' && dueAfter?.amount === 0) {
    return transitionOrder(tx, order, 'reserve', {
      timeline: { data: common },
      details: { paymentId: intent.id, intentionPaid: amount },
    });
  }
  if (intent.purpose === 'deposit' && dueAfter?.amount === 0) {
    const locked = await transitionOrder(tx, order, 'lock', {
      patch: { lockTermsAcceptedAt: intent.termsAccepted ? tx.now : null },
      timeline: { data: { ...common, depositPaid: amount, paidTotal: paidAfter } },
      details: { paymentId: intent.id, depositPaid: amount, paidTotal: paidAfter },
    });
    // Locked: the car is confirmed for build in the same transaction (only confirmed cars are
    // sequenced, frozen and built).
    const car = await findVehicleById(tx, order.vehicleId);
    if (!car) return locked;
    const confirmed = await confirmVehicle(tx, order.vehicleId);
    return recordOrderFact(tx, locked, {
      timeline: {
        kind: 'confirmed_for_build',
        data: { deliveryDate: confirmed.deliveryDate, productionDay: confirmed.productionDay },
      },
    });
  }
  if (intent.purpose === 'balance') {
    await recordTimeline(tx, order, {
      kind: 'balance_paid',
      data: { ...common, balanceDue: dueAfter?.amount ?? 0 },
    });
  }
  return order;
}
