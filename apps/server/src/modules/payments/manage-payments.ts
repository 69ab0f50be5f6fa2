import { actorId } from '../../platform/actor.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { publish } from '../../platform/events/publish.ts';
import { newId } from '../../platform/ids.ts';
import {
  paymentCancelled,
  paymentCaptured,
  paymentCreated,
  paymentExpired,
  paymentFailed,
  refundFailed,
  refundRequested,
  refundSucceeded,
} from './events.ts';
import { allocateRefund, ledgerFigures, refundableCaptures } from './ledger-figures.ts';
import type { CallbackEvent } from './provider.ts';
import type { PaymentProviders } from './providers.ts';
import * as store from './store.ts';
import type {
  Bilingual,
  LedgerEntry,
  LedgerFigures,
  PaymentIntent,
  PaymentMethod,
  PaymentPurpose,
  Refund,
  RefundReason,
} from './types.ts';

/**
 * The money operations the flows compose. Every function runs in the caller's transaction, which
 * has locked the order's row first (ordering's lockOrder), so the movements of one order never
 * interleave. Who may pay or see an order is decided on the order, by the flows, before.
 */
function requireTransaction(ctx: Ctx, what: string): void {
  if (!ctx.db.isTransaction) throw new Error(`${what} needs the order's transaction`);
}

const paymentEvent = (i: PaymentIntent) => ({
  paymentId: i.id,
  orderId: i.orderId,
  purpose: i.purpose,
  amount: i.amount,
  currency: i.currency,
  method: i.method,
  provider: i.provider,
  providerRef: i.providerRef,
  status: i.status,
});

const refundEvent = (r: Refund) => ({
  refundId: r.id,
  paymentId: r.paymentId,
  orderId: r.orderId,
  amount: r.amount,
  currency: r.currency,
  reason: r.reason,
  status: r.status,
  provider: r.provider,
  providerRef: r.providerRef,
});

export type NewIntent = {
  orderId: string;
  purpose: PaymentPurpose;
  amount: number;
  currency: string;
  method: PaymentMethod;
  termsAccepted: boolean;
  description: Bilingual;
  returnUrl: string;
  expiresAt: Date;
};

/** A pending intent, opened at the provider (its hosted page URL is on the intent). */
export async function createIntent(
  ctx: Ctx,
  providers: PaymentProviders,
  input: NewIntent,
): Promise<PaymentIntent> {
  requireTransaction(ctx, 'createIntent');
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0)
    throw new RangeError('a payment is a positive whole amount');
  const provider = providers.forMethod(input.method);
  const intent: PaymentIntent = {
    id: newId('pay'),
    orderId: input.orderId,
    purpose: input.purpose,
    amount: input.amount,
    currency: input.currency,
    method: input.method,
    provider: provider.name,
    providerRef: null,
    payUrl: null,
    status: 'pending',
    failureReason: null,
    termsAccepted: input.termsAccepted,
    expiresAt: input.expiresAt,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    completedAt: null,
  };
  // The row first: the unique index allows one pending intent per order and purpose.
  await store.insertIntent(ctx, intent, actorId(ctx.actor));
  const opened = await provider.createPayment(ctx, {
    intentId: intent.id,
    amount: intent.amount,
    currency: intent.currency,
    method: intent.method,
    description: input.description,
    expiresAt: intent.expiresAt,
    returnUrl: input.returnUrl,
  });
  await store.setIntentProvider(ctx, intent.id, opened.providerRef, opened.payUrl);
  const created = { ...intent, providerRef: opened.providerRef, payUrl: opened.payUrl };
  await publish(ctx, paymentCreated, created.orderId, {
    ...paymentEvent(created),
    expiresAt: created.expiresAt.toISOString(),
  });
  return created;
}

/** Closes pending intents of an order (of one purpose, or all) at the provider and here. */
export async function cancelPendingIntents(
  ctx: Ctx,
  providers: PaymentProviders,
  orderId: string,
  options: { purpose?: PaymentPurpose; reason: string },
): Promise<PaymentIntent[]> {
  requireTransaction(ctx, 'cancelPendingIntents');
  const pending = await store.listIntents(ctx, orderId, {
    status: 'pending',
    ...(options.purpose ? { purpose: options.purpose } : {}),
  });
  const cancelled: PaymentIntent[] = [];
  for (const intent of pending) {
    if (intent.providerRef) await providers.get(intent.provider)?.cancelPayment(ctx, intent.providerRef);
    if (!(await store.setIntentStatus(ctx, intent.id, ['pending'], 'cancelled', options.reason))) continue;
    const done: PaymentIntent = { ...intent, status: 'cancelled', failureReason: options.reason };
    await publish(ctx, paymentCancelled, done.orderId, { ...paymentEvent(done), reason: options.reason });
    cancelled.push(done);
  }
  return cancelled;
}

/** Expires a pending intent whose time is up (closing it at the provider); undefined when it was not due. */
export async function expireIntent(
  ctx: Ctx,
  providers: PaymentProviders,
  intentId: string,
): Promise<PaymentIntent | undefined> {
  requireTransaction(ctx, 'expireIntent');
  const intent = await store.findIntent(ctx, intentId, { forUpdate: true });
  if (intent?.status !== 'pending' || ctx.now.getTime() < intent.expiresAt.getTime()) return undefined;
  if (intent.providerRef) await providers.get(intent.provider)?.cancelPayment(ctx, intent.providerRef);
  await store.setIntentStatus(ctx, intent.id, ['pending'], 'expired');
  const expired: PaymentIntent = { ...intent, status: 'expired' };
  await publish(ctx, paymentExpired, expired.orderId, paymentEvent(expired));
  return expired;
}

export async function findIntent(ctx: Ctx, id: string, options: { forUpdate?: boolean } = {}) {
  return store.findIntent(ctx, id, options);
}

/** The intent a verified callback is about: ours by merchant reference, and the provider's payment must match. */
export async function findIntentOfCallback(ctx: Ctx, provider: string, event: CallbackEvent) {
  const intent = await store.findIntent(ctx, event.merchantReference, { forUpdate: true });
  return intent && intent.provider === provider && intent.providerRef === event.providerRef
    ? intent
    : undefined;
}

/** Records a provider callback by its event id: false when it was handled before (a replay). */
export async function recordCallback(
  ctx: Ctx,
  provider: string,
  event: CallbackEvent,
  intentId: string | null,
): Promise<boolean> {
  return store.insertCallback(ctx, {
    provider,
    eventId: event.eventId,
    intentId,
    outcome: event.outcome,
    payload: event,
  });
}

export async function markIntentFailed(
  ctx: Ctx,
  intent: PaymentIntent,
  reason: string,
): Promise<PaymentIntent | undefined> {
  requireTransaction(ctx, 'markIntentFailed');
  if (!(await store.setIntentStatus(ctx, intent.id, ['pending'], 'failed', reason))) return undefined;
  const failed: PaymentIntent = { ...intent, status: 'failed', failureReason: reason };
  await publish(ctx, paymentFailed, failed.orderId, { ...paymentEvent(failed), failureReason: reason });
  return failed;
}

/**
 * Money the provider captured for an intent: one ledger capture (a second one for the same
 * intent is refused by the database: undefined) and the intent marked succeeded, whatever it was
 * before (a late capture of a cancelled or expired intent is still money we hold).
 */
export async function recordCapture(
  ctx: Ctx,
  intent: PaymentIntent,
  captured: { amount: number; currency: string },
): Promise<{ intent: PaymentIntent; entry: LedgerEntry } | undefined> {
  requireTransaction(ctx, 'recordCapture');
  const entry: LedgerEntry = {
    id: newId('led'),
    orderId: intent.orderId,
    kind: 'capture',
    purpose: intent.purpose,
    paymentId: intent.id,
    refundId: null,
    amount: captured.amount,
    currency: captured.currency,
    at: ctx.now,
  };
  if (!(await store.appendLedger(ctx, entry))) return undefined;
  await store.setIntentStatus(ctx, intent.id, ['pending', 'failed', 'expired', 'cancelled'], 'succeeded');
  const succeeded: PaymentIntent = { ...intent, status: 'succeeded', failureReason: null };
  await publish(ctx, paymentCaptured, succeeded.orderId, {
    ...paymentEvent(succeeded),
    ledgerEntryId: entry.id,
    capturedAt: ctx.now.toISOString(),
  });
  return { intent: succeeded, entry };
}

/**
 * Requests refunds of `amount` for an order, split over its captured payments (newest first).
 * Never more than captured minus refunds that did not fail: 409 `payments.refund_exceeds_paid`.
 * The refunds are pending; the provider is asked by processRefund (a retried job).
 */
export async function requestRefunds(
  ctx: Ctx,
  orderId: string,
  amount: number,
  reason: RefundReason,
  options: { paymentId?: string } = {},
): Promise<Refund[]> {
  requireTransaction(ctx, 'requestRefunds');
  const [entries, refunds] = await Promise.all([
    store.listLedger(ctx, [orderId]),
    store.listRefunds(ctx, [orderId]),
  ]);
  const captures = refundableCaptures(entries, refunds).filter(
    (c) => options.paymentId === undefined || c.paymentId === options.paymentId,
  );
  const parts = allocateRefund(amount, captures);
  const created: Refund[] = [];
  for (const part of parts) {
    const intent = await store.findIntent(ctx, part.paymentId);
    if (!intent) throw new Error(`captured payment ${part.paymentId} has no intent`);
    const refund: Refund = {
      id: newId('rfd'),
      orderId,
      paymentId: part.paymentId,
      amount: part.amount,
      currency: intent.currency,
      reason,
      status: 'pending',
      provider: intent.provider,
      providerRef: null,
      failureReason: null,
      createdAt: ctx.now,
      completedAt: null,
    };
    await store.insertRefund(ctx, refund);
    await publish(ctx, refundRequested, orderId, refundEvent(refund));
    created.push(refund);
  }
  return created;
}

export async function findRefund(ctx: Ctx, id: string, options: { forUpdate?: boolean } = {}) {
  return store.findRefund(ctx, id, options);
}

/**
 * Asks the provider to pay a pending refund back. Succeeded: a ledger refund entry. Failed: the
 * refund is marked failed (its amount counts as paid again, so it can be refunded anew). A
 * provider error is thrown, so the job retries. A refund that is not pending is returned as is.
 */
export async function processRefund(
  ctx: Ctx,
  providers: PaymentProviders,
  refundId: string,
): Promise<Refund | undefined> {
  requireTransaction(ctx, 'processRefund');
  const refund = await store.findRefund(ctx, refundId, { forUpdate: true });
  if (refund?.status !== 'pending') return refund;
  const intent = await store.findIntent(ctx, refund.paymentId);
  const provider = providers.get(refund.provider);
  if (!intent?.providerRef || !provider) {
    throw new AppError(
      'unavailable',
      'payments.provider_unavailable',
      `Provider ${refund.provider} is not configured.`,
    );
  }
  const result = await provider.refund(ctx, {
    providerRef: intent.providerRef,
    refundId: refund.id,
    amount: refund.amount,
    currency: refund.currency,
  });
  if (result.status === 'pending') {
    await store.finishRefund(ctx, refund.id, {
      status: 'pending',
      providerRef: result.providerRef,
      failureReason: null,
    });
    return { ...refund, providerRef: result.providerRef };
  }
  if (result.status === 'failed') {
    await store.finishRefund(ctx, refund.id, {
      status: 'failed',
      providerRef: null,
      failureReason: result.failureReason,
    });
    const failed: Refund = {
      ...refund,
      status: 'failed',
      failureReason: result.failureReason,
      completedAt: ctx.now,
    };
    await publish(ctx, refundFailed, refund.orderId, {
      ...refundEvent(failed),
      failureReason: result.failureReason,
    });
    return failed;
  }
  await store.finishRefund(ctx, refund.id, {
    status: 'succeeded',
    providerRef: result.providerRef,
    failureReason: null,
  });
  const entry: LedgerEntry = {
    id: newId('led'),
    orderId: refund.orderId,
    kind: 'refund',
    purpose: intent.purpose,
    paymentId: intent.id,
    refundId: refund.id,
    amount: refund.amount,
    currency: refund.currency,
    at: ctx.now,
  };
  await store.appendLedger(ctx, entry);
  const done: Refund = {
    ...refund,
    status: 'succeeded',
    providerRef: result.providerRef,
    completedAt: ctx.now,
  };
  await publish(ctx, refundSucceeded, refund.orderId, { ...refundEvent(done), ledgerEntryId: entry.id });
  return done;
}

export type OrderPayments = {
  intents: PaymentIntent[];
  refunds: Refund[];
  ledger: LedgerEntry[];
  figures: LedgerFigures;
};

/** Everything about one order's money (its access was checked on the order). */
export async function readOrderPayments(ctx: Ctx, orderId: string): Promise<OrderPayments> {
  const [intents, refunds, ledger] = await Promise.all([
    store.listIntents(ctx, orderId),
    store.listRefunds(ctx, [orderId]),
    store.listLedger(ctx, [orderId]),
  ]);
  return { intents, refunds, ledger, figures: ledgerFigures(ledger, refunds) };
}

export async function getLedgerFigures(ctx: Ctx, orderId: string): Promise<LedgerFigures> {
  return (await getLedgerFiguresOf(ctx, [orderId])).get(orderId) ?? ledgerFigures([], []);
}

/** Figures of several orders in two queries (order lists). */
export async function getLedgerFiguresOf(
  ctx: Ctx,
  orderIds: readonly string[],
): Promise<Map<string, LedgerFigures>> {
  const [ledger, refunds] = await Promise.all([
    store.listLedger(ctx, orderIds),
    store.listRefunds(ctx, orderIds),
  ]);
  return new Map(
    orderIds.map((id) => [
      id,
      ledgerFigures(
        ledger.filter((e) => e.orderId === id),
        refunds.filter((r) => r.orderId === id),
      ),
    ]),
  );
}
