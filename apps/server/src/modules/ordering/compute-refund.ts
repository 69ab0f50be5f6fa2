import { type Canceller, LOCKED_STATES, type OrderState } from './order-state.ts';
import type { OrderTerms } from './order-terms.ts';

/**
 * The refund of a cancellation by the order terms:
 * - the brand cancels: everything paid is refunded, in any stage before delivery;
 * - the customer cancels before lock (draft, reserved): everything paid is refunded;
 * - the customer cancels after lock (locked, scheduled): the deposit is kept (up to what was
 *   paid), anything paid above it is refunded.
 * `netPaid` is what the ledger holds for the order (captures minus refunds that did not fail).
 */
export type CancellationRefund = { refund: number; forfeited: number };

export function cancellationRefund(
  terms: OrderTerms,
  order: { state: OrderState },
  netPaid: number,
  by: Canceller,
): CancellationRefund {
  const paid = Math.max(0, netPaid);
  if (by !== 'customer' || !LOCKED_STATES.includes(order.state)) return { refund: paid, forfeited: 0 };
  const forfeited = Math.min(paid, terms.forfeitOnCustomerCancelAfterLock);
  return { refund: paid - forfeited, forfeited };
}
