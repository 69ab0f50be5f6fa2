import type { OrderState } from './order-state.ts';
import type { OrderTerms } from './order-terms.ts';

/**
 * What the customer owes now, derived from the order and the ledger, never stored:
 * - draft: the intention money minus what is paid;
 * - reserved: the lock deposit minus what is paid (the intention money counts towards it);
 * - locked .. at_dealer: the balance, total price - financed principal - paid;
 * - delivered, cancelled: nothing.
 * `netPaid` is captured money minus refunds that did not fail (a pending refund is already
 * money on its way back). Never negative: an overpayment is owed nothing (and refunded by the
 * payment flows).
 */
export const PAYMENT_PURPOSES = ['intention', 'deposit', 'balance'] as const;
export type PaymentPurpose = (typeof PAYMENT_PURPOSES)[number];

export type Due = { purpose: PaymentPurpose; amount: number };

export type DueBasis = { state: OrderState; totalPrice: number; financedPrincipal: number };

export const BALANCE_STATES: readonly OrderState[] = [
  'locked',
  'scheduled',
  'in_production',
  'built',
  'shipped',
  'at_dealer',
];

/** The purpose payable in a state, or undefined when nothing can be paid in it. */
export function purposeOf(state: OrderState): PaymentPurpose | undefined {
  if (state === 'draft') return 'intention';
  if (state === 'reserved') return 'deposit';
  return BALANCE_STATES.includes(state) ? 'balance' : undefined;
}

export function amountDue(terms: OrderTerms, order: DueBasis, netPaid: number): Due | null {
  const purpose = purposeOf(order.state);
  if (!purpose) return null;
  const target =
    purpose === 'intention'
      ? terms.intentionMoney
      : purpose === 'deposit'
        ? terms.lockDeposit
        : order.totalPrice - order.financedPrincipal;
  return { purpose, amount: Math.max(0, target - netPaid) };
}

/** The remaining vehicle price to pay in cash (whatever the stage): total - financed - paid, >= 0. */
export function balanceOf(order: Omit<DueBasis, 'state'>, netPaid: number): number {
  return Math.max(0, order.totalPrice - order.financedPrincipal - netPaid);
}
