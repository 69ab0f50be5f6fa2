import { AppError } from '../../platform/errors.ts';
import { type LedgerEntry, type LedgerFigures, PAYMENT_PURPOSES, type Refund } from './types.ts';

/**
 * An order's figures from its ledger entries and refunds, never from a running number. A refund
 * that did not fail (pending or completed) is money on its way back: it no longer counts as paid
 * and can not be refunded again, so `netPaid` is also what is refundable.
 */
export function ledgerFigures(entries: readonly LedgerEntry[], refunds: readonly Refund[]): LedgerFigures {
  const capturedByPurpose = Object.fromEntries(
    PAYMENT_PURPOSES.map((p) => [p, 0]),
  ) as LedgerFigures['capturedByPurpose'];
  let captured = 0;
  for (const e of entries) {
    if (e.kind !== 'capture') continue;
    captured += e.amount;
    capturedByPurpose[e.purpose] += e.amount;
  }
  let refunded = 0;
  let refundPending = 0;
  for (const r of refunds) {
    if (r.status === 'succeeded') refunded += r.amount;
    else if (r.status === 'pending') refundPending += r.amount;
  }
  const currencies = new Set([...entries.map((e) => e.currency), ...refunds.map((r) => r.currency)]);
  if (currencies.size > 1) throw new Error(`one order, several currencies: ${[...currencies].join(', ')}`);
  return {
    currency: [...currencies][0] ?? null,
    captured,
    refunded,
    refundPending,
    netPaid: captured - refunded - refundPending,
    capturedByPurpose,
  };
}

export type RefundableCapture = { paymentId: string; captured: number; refunded: number; at: Date };

/** Per captured payment: what was captured and what is refunded or being refunded (not failed). */
export function refundableCaptures(
  entries: readonly LedgerEntry[],
  refunds: readonly Refund[],
): RefundableCapture[] {
  return entries
    .filter((e) => e.kind === 'capture')
    .map((e) => ({
      paymentId: e.paymentId,
      captured: e.amount,
      refunded: refunds
        .filter((r) => r.paymentId === e.paymentId && r.status !== 'failed')
        .reduce((s, r) => s + r.amount, 0),
      at: e.at,
    }));
}

/**
 * Splits a refund over the captured payments it returns money of, newest capture first (the
 * provider refunds against a payment, never more than that payment). More than the refundable
 * total is refused: 409 `payments.refund_exceeds_paid`.
 */
export function allocateRefund(
  amount: number,
  captures: readonly RefundableCapture[],
): { paymentId: string; amount: number }[] {
  if (!Number.isSafeInteger(amount) || amount <= 0)
    throw new RangeError('a refund is a positive whole amount');
  const refundable = captures.reduce((s, c) => s + Math.max(0, c.captured - c.refunded), 0);
  if (amount > refundable) {
    throw new AppError(
      'conflict',
      'payments.refund_exceeds_paid',
      `A refund of ${amount} exceeds the ${refundable} that can be refunded.`,
      {
        extra: { amount, refundable },
      },
    );
  }
  const parts: { paymentId: string; amount: number }[] = [];
  let left = amount;
  for (const c of [...captures].sort((a, b) => b.at.getTime() - a.at.getTime())) {
    const take = Math.min(left, Math.max(0, c.captured - c.refunded));
    if (take > 0) parts.push({ paymentId: c.paymentId, amount: take });
    left -= take;
    if (left === 0) break;
  }
  return parts;
}
