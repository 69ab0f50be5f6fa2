import {
  type AdvanceAction,
  type AdvanceData,
  advanceOrder,
  amountDue,
  lockOrder,
  type Order,
} from '../modules/ordering/index.ts';
import { getLedgerFigures } from '../modules/payments/index.ts';
import { type Ctx, inTransaction } from '../platform/context.ts';
import { dueBasisOf } from './order-money.ts';

/**
 * The entry for the later stages (production, issue #6, and the hand-over): moves the order one
 * stage on with ordering's advanceOrder, in one transaction under the order's row lock; for
 * `deliver` the balance still due comes from the ledger, so a car is never handed over unpaid
 * (409 `ordering.balance_unpaid`).
 */
export async function advanceOrderStage(
  ctx: Ctx,
  ref: string,
  action: AdvanceAction,
  data: Omit<AdvanceData, 'balanceDue'> = {},
): Promise<Order> {
  return inTransaction(ctx, async (tx) => {
    const order = await lockOrder(tx, ref);
    if (action !== 'deliver') return advanceOrder(tx, ref, action, data);
    const figures = await getLedgerFigures(tx, order.id);
    const due = amountDue(order.terms, dueBasisOf(order), figures.netPaid);
    return advanceOrder(tx, ref, action, { ...data, balanceDue: due?.amount ?? 0 });
  });
}
