import { amountDue, balanceOf, type Due, type Order } from '../modules/ordering/index.ts';
import type { LedgerFigures } from '../modules/payments/index.ts';

/**
 * An order's money as the customer, the dealer and HQ see it: the price, what finance pays,
 * what was paid and refunded (from the ledger), what is due now (by the order's terms) and the
 * balance left. Insurance premiums are listed apart: paid to the insurer at hand-over, never part
 * of the balance. Derived on every read; nothing here is stored.
 */
export type OrderMoney = {
  currency: string;
  totalPrice: number;
  financedPrincipal: number;
  /** total - financed principal: what the customer pays us in cash. */
  cashPrice: number;
  captured: number;
  refunded: number;
  refundPending: number;
  /** captured - refunds that did not fail. */
  paid: number;
  /** cashPrice - paid, never negative. */
  balance: number;
  /** What to pay next, by the order's stage (null when nothing can be paid). */
  due: Due | null;
  insurancePremiums: number;
};

export function orderMoneyOf(order: Order, figures: LedgerFigures): OrderMoney {
  const basis = { totalPrice: order.price.total, financedPrincipal: order.financedPrincipal };
  return {
    currency: order.price.currency,
    totalPrice: order.price.total,
    financedPrincipal: order.financedPrincipal,
    cashPrice: order.price.total - order.financedPrincipal,
    captured: figures.captured,
    refunded: figures.refunded,
    refundPending: figures.refundPending,
    paid: figures.netPaid,
    balance: balanceOf(basis, figures.netPaid),
    due: amountDue(order.terms, { ...basis, state: order.state }, figures.netPaid),
    insurancePremiums: order.insurance?.total ?? 0,
  };
}

export const dueBasisOf = (order: Order) => ({
  state: order.state,
  totalPrice: order.price.total,
  financedPrincipal: order.financedPrincipal,
});
