import { assertAuthorized } from '../modules/identity/index.ts';
import { applyFinanceChange, type FinanceChoice, lockOrder, type Order } from '../modules/ordering/index.ts';
import { getLedgerFigures } from '../modules/payments/index.ts';
import { type Ctx, inTransaction } from '../platform/context.ts';

/**
 * Attaches, changes or (null) removes the finance of the customer's own order until it ships.
 * The balance depends on it, so the ledger is read under the order's row lock: a loan that would
 * leave the customer having paid more than the new cash part is refused (see applyFinanceChange).
 */
export async function changeOrderFinance(
  ctx: Ctx,
  ref: string,
  choice: FinanceChoice | null,
): Promise<Order> {
  assertAuthorized(ctx.actor, 'order.change');
  return inTransaction(ctx, async (tx) => {
    const order = await lockOrder(tx, ref, { permission: 'order.change' });
    const figures = await getLedgerFigures(tx, order.id);
    return applyFinanceChange(tx, order, choice, { netPaid: figures.netPaid });
  });
}
