import type { Ctx } from '../../platform/context.ts';
import { isId } from '../../platform/ids.ts';
import { assertAuthorized, type Permission } from '../identity/index.ts';
import { ORDER_NOT_FOUND, orderNotFound } from './order-errors.ts';
import type { OrderState } from './order-state.ts';
import * as store from './store.ts';
import type { Order, Page, TimelineEntry } from './types.ts';
import { parseVehicleId } from './vehicle-id.ts';

/** The permissions an order is read with, one per audience (customer, dealer staff, HQ). */
export type OrderReadPermission = Extract<Permission, 'order.read' | 'dealer_order.read' | 'order.read_all'>;
/** The permissions an order is changed with. */
export type OrderWritePermission = Extract<
  Permission,
  'order.change' | 'order.pay' | 'order.cancel' | 'order.cancel_any' | 'order.advance'
>;

/** An order by its id (`ord_…`) or its vehicle id (`C2B-2026-000123`), unchecked. */
export async function findOrderByRef(
  ctx: Ctx,
  ref: string,
  options: { forUpdate?: boolean } = {},
): Promise<Order | undefined> {
  if (isId(ref, 'ord')) return store.findOrder(ctx, { id: ref }, options);
  const vehicle = parseVehicleId(ref);
  if (vehicle) return store.findOrder(ctx, { vehicleId: ref.trim().toUpperCase() }, options);
  return undefined;
}

/**
 * The record check: the buyer reaches their own orders (`self`), dealer staff their dealer's
 * (`org`), HQ all of them. Anything outside the reach answers 404 exactly like an order that
 * does not exist, so guessing ids or vehicle ids reveals nothing.
 */
export function assertOrderAccess(ctx: Ctx, permission: Permission, order: Order): void {
  assertAuthorized(ctx.actor, permission, {
    orgId: order.dealer.id,
    ownerUserId: order.customer.userId,
    notFoundCode: ORDER_NOT_FOUND,
  });
}

export async function getOrder(ctx: Ctx, ref: string, permission: OrderReadPermission): Promise<Order> {
  assertAuthorized(ctx.actor, permission);
  const order = await findOrderByRef(ctx, ref);
  if (!order) throw orderNotFound();
  assertOrderAccess(ctx, permission, order);
  return order;
}

/**
 * Locks the order row (`select ... for update`) in the caller's transaction, so that every
 * change and money movement of one order runs one after the other. With `access`, the actor
 * must reach the order with that permission (404 otherwise); without, the caller has decided
 * (a signed provider callback, a job, a flow of the system).
 */
export async function lockOrder(
  ctx: Ctx,
  ref: string,
  access?: { permission: OrderWritePermission | OrderReadPermission },
): Promise<Order> {
  if (!ctx.db.isTransaction) throw new Error('lockOrder needs a transaction (inTransaction)');
  if (access) assertAuthorized(ctx.actor, access.permission);
  const order = await findOrderByRef(ctx, ref, { forUpdate: true });
  if (!order) throw orderNotFound();
  if (access) assertOrderAccess(ctx, access.permission, order);
  return order;
}

export type OrderListQuery = {
  state?: OrderState | undefined;
  q?: string | undefined;
  /** HQ only: one dealer's orders. */
  dealerId?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
};

/** Orders the actor reaches with the permission, newest first, a page at a time. */
export async function listOrders(
  ctx: Ctx,
  permission: OrderReadPermission,
  query: OrderListQuery = {},
): Promise<Page<Order>> {
  const reach = assertAuthorized(ctx.actor, permission);
  const limit = Math.min(Math.max(query.limit ?? 20, 1), 100);
  const base = {
    limit,
    ...(query.state ? { state: query.state } : {}),
    ...(query.q ? { q: query.q } : {}),
    ...(query.cursor ? { cursor: query.cursor } : {}),
  };
  const actor = ctx.actor;
  if (reach === 'self') {
    const userId = actor.kind === 'customer' || actor.kind === 'staff' ? actor.userId : '';
    return store.listOrders(ctx, { ...base, customerUserId: userId });
  }
  if (reach === 'org') {
    const orgId = actor.kind === 'staff' || actor.kind === 'api_key' ? actor.orgId : '';
    return store.listOrders(ctx, { ...base, dealerId: orgId });
  }
  return store.listOrders(ctx, { ...base, ...(query.dealerId ? { dealerId: query.dealerId } : {}) });
}

/** The order's timeline, oldest first (the caller has the order, so access is decided). */
export async function listTimeline(ctx: Ctx, orderId: string): Promise<TimelineEntry[]> {
  return store.listTimeline(ctx, orderId);
}
