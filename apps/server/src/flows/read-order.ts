import { findHandoverOfVehicle, type Handover } from '../modules/dealers/index.ts';
import {
  getOrder,
  listOrders,
  listTimeline,
  type Order,
  type OrderListQuery,
  type OrderReadPermission,
  type Page,
  type TimelineEntry,
} from '../modules/ordering/index.ts';
import {
  getLedgerFiguresOf,
  type LedgerEntry,
  type PaymentIntent,
  type Refund,
  readOrderPayments,
} from '../modules/payments/index.ts';
import { readVehicleProgress, type VehicleProgress } from '../modules/production/index.ts';
import type { Ctx } from '../platform/context.ts';
import { type OrderMoney, orderMoneyOf } from './order-money.ts';

/**
 * Reads that combine an order with its money (ordering and payments), for the customer's order
 * page, the dealer's order detail and HQ. Access is decided on the order (404 outside the reach).
 */
export type OrderView = {
  order: Order;
  money: OrderMoney;
  payments: PaymentIntent[];
  refunds: Refund[];
  ledger: LedgerEntry[];
  timeline: TimelineEntry[];
  /** The car at the plant (steps with estimated and actual times, VIN, build position) and its hand-over. */
  build: { vehicle: VehicleProgress | null; handover: Handover | null };
};

export async function readOrder(ctx: Ctx, ref: string, permission: OrderReadPermission): Promise<OrderView> {
  const order = await getOrder(ctx, ref, permission);
  return viewOf(ctx, order);
}

/** The view of an order the caller already holds (e.g. right after changing it, in its transaction). */
export async function viewOf(ctx: Ctx, order: Order): Promise<OrderView> {
  const [payments, timeline, vehicle, handover] = await Promise.all([
    readOrderPayments(ctx, order.id),
    listTimeline(ctx, order.id),
    readVehicleProgress(ctx, order.vehicleId),
    findHandoverOfVehicle(ctx, order.vehicleId),
  ]);
  return {
    order,
    money: orderMoneyOf(order, payments.figures),
    payments: payments.intents,
    refunds: payments.refunds,
    ledger: payments.ledger,
    timeline,
    build: { vehicle: vehicle ?? null, handover: handover ?? null },
  };
}

export type OrderSummary = { order: Order; money: OrderMoney };

export async function listOrderSummaries(
  ctx: Ctx,
  permission: OrderReadPermission,
  query: OrderListQuery,
): Promise<Page<OrderSummary>> {
  const page = await listOrders(ctx, permission, query);
  const figures = await getLedgerFiguresOf(
    ctx,
    page.items.map((o) => o.id),
  );
  return {
    items: page.items.map((order) => {
      const f = figures.get(order.id);
      if (!f) throw new Error(`no figures for ${order.id}`);
      return { order, money: orderMoneyOf(order, f) };
    }),
    nextCursor: page.nextCursor,
  };
}
