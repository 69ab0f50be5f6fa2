import { describe, expect, it } from 'vitest';
import { allocateRefund, ledgerFigures, refundableCaptures } from './ledger-figures.ts';
import type { LedgerEntry, Refund } from './types.ts';

const at = (m: number) => new Date(Date.UTC(2026, 0, 1, 0, m));
const capture = (
  paymentId: string,
  purpose: LedgerEntry['purpose'],
  amount: number,
  m: number,
): LedgerEntry => ({
  id: `led_${paymentId}`,
  orderId: 'ord_1',
  kind: 'capture',
  purpose,
  paymentId,
  refundId: null,
  amount,
  currency: 'CNY',
  at: at(m),
});
const refund = (id: string, paymentId: string, amount: number, status: Refund['status']): Refund => ({
  id,
  orderId: 'ord_1',
  paymentId,
  amount,
  currency: 'CNY',
  reason: 'order_cancelled',
  status,
  provider: 'sim',
  providerRef: null,
  failureReason: null,
  createdAt: at(9),
  completedAt: null,
});

const entries = [capture('pay_a', 'intention', 500_000, 1), capture('pay_b', 'deposit', 1_500_000, 2)];

describe('ledgerFigures', () => {
  it('sums captures per purpose and takes refunds that did not fail off what is paid', () => {
    const refunds = [
      refund('r1', 'pay_b', 300_000, 'succeeded'),
      refund('r2', 'pay_b', 200_000, 'pending'),
      refund('r3', 'pay_a', 500_000, 'failed'),
    ];
    const done = {
      ...capture('pay_b', 'deposit', 300_000, 3),
      id: 'led_r1',
      kind: 'refund' as const,
      refundId: 'r1',
    };
    expect(ledgerFigures([...entries, done], refunds)).toEqual({
      currency: 'CNY',
      captured: 2_000_000,
      refunded: 300_000,
      refundPending: 200_000,
      netPaid: 1_500_000,
      capturedByPurpose: { intention: 500_000, deposit: 1_500_000, balance: 0 },
    });
  });

  it('is all zero for an order without payments', () => {
    expect(ledgerFigures([], [])).toMatchObject({ currency: null, captured: 0, netPaid: 0 });
  });
});

describe('allocateRefund', () => {
  it('takes from the newest capture first and never more than each capture', () => {
    const captures = refundableCaptures(entries, [refund('r1', 'pay_b', 1_000_000, 'succeeded')]);
    expect(allocateRefund(800_000, captures)).toEqual([
      { paymentId: 'pay_b', amount: 500_000 },
      { paymentId: 'pay_a', amount: 300_000 },
    ]);
  });

  it('never refunds more than what was paid and is not yet refunded', () => {
    const captures = refundableCaptures(entries, [refund('r2', 'pay_a', 100_000, 'pending')]);
    expect(() => allocateRefund(1_900_001, captures)).toThrow(
      expect.objectContaining({ code: 'payments.refund_exceeds_paid' }),
    );
    expect(allocateRefund(1_900_000, captures).reduce((s, p) => s + p.amount, 0)).toBe(1_900_000);
    // a failed refund gives its amount back to what can be refunded
    const afterFailure = refundableCaptures(entries, [refund('r3', 'pay_a', 500_000, 'failed')]);
    expect(allocateRefund(2_000_000, afterFailure)).toHaveLength(2);
  });

  it('refuses zero, negative and fractional refunds', () => {
    expect(() => allocateRefund(0, [])).toThrow(RangeError);
    expect(() => allocateRefund(-1, [])).toThrow(RangeError);
    expect(() => allocateRefund(1.5, [])).toThrow(RangeError);
  });
});
