import type { Selection } from '@openc2b/configurator';
import { type Selectable, sql } from 'kysely';
import type { Ctx } from '../../platform/context.ts';
import type { FinanceQuote, InsuranceQuote } from '../finance/index.ts';
import type { Canceller, OrderState } from './order-state.ts';
import type { Bilingual, OrderTerms } from './order-terms.ts';
import type { PriceSnapshot } from './price-snapshot.ts';
import type { OrderingDb, OrdersTable, TimelineTable } from './tables.ts';
import type { DealerSnapshot, Order, Page, TimelineEntry } from './types.ts';

/** The only file of this module with SQL, and only on schema `ordering`. */
const db = (ctx: Ctx): OrderingDb => ctx.db;
const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
const toDate = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));
const toDateOrNull = (v: Date | string | null): Date | null => (v === null ? null : toDate(v));

/** The next number of the year's vehicle counter, atomically (one row per year). */
export async function nextVehicleNumber(ctx: Ctx, year: number): Promise<number> {
  const row = await db(ctx)
    .insertInto('ordering.vehicle_counters')
    .values({ year, last_number: 1 })
    .onConflict((oc) =>
      oc.column('year').doUpdateSet({ last_number: sql<number>`ordering.vehicle_counters.last_number + 1` }),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return Number(row.last_number);
}

function toOrder(row: Selectable<OrdersTable>): Order {
  return {
    id: row.id,
    vehicleId: row.vehicle_id,
    state: row.state as OrderState,
    customer: {
      userId: row.customer_user_id,
      name: row.customer_name,
      phone: row.customer_phone,
      email: row.customer_email,
    },
    dealer: json<DealerSnapshot>(row.dealer),
    modelLine: { code: row.model_line, name: json<Bilingual>(row.model_line_name) },
    configuration: {
      code: row.configuration_code,
      versionId: row.version_id,
      versionNumber: row.version_number,
      selection: json<Selection>(row.selection),
    },
    price: json<PriceSnapshot>(row.price),
    terms: json<OrderTerms>(row.terms),
    termsAcceptedAt: toDate(row.terms_accepted_at),
    lockTermsAcceptedAt: toDateOrNull(row.lock_terms_accepted_at),
    finance: row.finance === null ? null : json<FinanceQuote>(row.finance),
    financedPrincipal: Number(row.financed_principal),
    insurance: row.insurance === null ? null : json<InsuranceQuote>(row.insurance),
    promisedDeliveryDate: row.promised_delivery_date,
    vin: row.vin,
    cancellation:
      row.cancelled_at === null
        ? null
        : { by: row.cancelled_by as Canceller, reason: row.cancel_reason, at: toDate(row.cancelled_at) },
    placedAt: toDate(row.placed_at),
    updatedAt: toDate(row.updated_at),
  };
}

export async function insertOrder(ctx: Ctx, o: Order): Promise<void> {
  await db(ctx)
    .insertInto('ordering.orders')
    .values({
      id: o.id,
      vehicle_id: o.vehicleId,
      state: o.state,
      customer_user_id: o.customer.userId,
      customer_name: o.customer.name,
      customer_phone: o.customer.phone,
      customer_email: o.customer.email,
      dealer_id: o.dealer.id,
      dealer: JSON.stringify(o.dealer),
      model_line: o.modelLine.code,
      model_line_name: JSON.stringify(o.modelLine.name),
      version_id: o.configuration.versionId,
      version_number: o.configuration.versionNumber,
      configuration_code: o.configuration.code,
      selection: JSON.stringify(o.configuration.selection),
      currency: o.price.currency,
      total_price: o.price.total,
      price: JSON.stringify(o.price),
      terms_version: o.terms.version,
      terms: JSON.stringify(o.terms),
      terms_accepted_at: o.termsAcceptedAt,
      lock_terms_accepted_at: o.lockTermsAcceptedAt,
      finance: o.finance === null ? null : JSON.stringify(o.finance),
      financed_principal: o.financedPrincipal,
      insurance: o.insurance === null ? null : JSON.stringify(o.insurance),
      promised_delivery_date: o.promisedDeliveryDate,
      vin: o.vin,
      cancelled_by: null,
      cancel_reason: null,
      cancelled_at: null,
      placed_at: o.placedAt,
      updated_at: o.updatedAt,
    })
    .execute();
}

/** Writes the changeable parts of an order (everything but its identity and its buyer). */
export async function updateOrder(ctx: Ctx, o: Order): Promise<void> {
  await db(ctx)
    .updateTable('ordering.orders')
    .set({
      state: o.state,
      version_id: o.configuration.versionId,
      version_number: o.configuration.versionNumber,
      configuration_code: o.configuration.code,
      selection: JSON.stringify(o.configuration.selection),
      currency: o.price.currency,
      total_price: o.price.total,
      price: JSON.stringify(o.price),
      lock_terms_accepted_at: o.lockTermsAcceptedAt,
      finance: o.finance === null ? null : JSON.stringify(o.finance),
      financed_principal: o.financedPrincipal,
      insurance: o.insurance === null ? null : JSON.stringify(o.insurance),
      promised_delivery_date: o.promisedDeliveryDate,
      vin: o.vin,
      cancelled_by: o.cancellation?.by ?? null,
      cancel_reason: o.cancellation?.reason ?? null,
      cancelled_at: o.cancellation?.at ?? null,
      updated_at: o.updatedAt,
    })
    .where('id', '=', o.id)
    .execute();
}

/** By order id or vehicle id; `forUpdate` locks the row until the transaction ends. */
export async function findOrder(
  ctx: Ctx,
  by: { id: string } | { vehicleId: string },
  options: { forUpdate?: boolean } = {},
): Promise<Order | undefined> {
  let q = db(ctx).selectFrom('ordering.orders').selectAll();
  q = 'id' in by ? q.where('id', '=', by.id) : q.where('vehicle_id', '=', by.vehicleId);
  if (options.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? toOrder(row) : undefined;
}

export type OrderListFilter = {
  customerUserId?: string;
  dealerId?: string;
  state?: OrderState;
  /** Vehicle id or buyer name, part of it, any case. */
  q?: string;
  /** The last id of the previous page. */
  cursor?: string;
  limit: number;
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Newest first (ids sort by creation time). */
export async function listOrders(ctx: Ctx, f: OrderListFilter): Promise<Page<Order>> {
  let q = db(ctx).selectFrom('ordering.orders').selectAll();
  if (f.customerUserId !== undefined) q = q.where('customer_user_id', '=', f.customerUserId);
  if (f.dealerId !== undefined) q = q.where('dealer_id', '=', f.dealerId);
  if (f.state !== undefined) q = q.where('state', '=', f.state);
  if (f.cursor !== undefined) q = q.where('id', '<', f.cursor);
  const text = f.q?.trim();
  if (text) {
    const pattern = `%${escapeLike(text)}%`;
    q = q.where((eb) => eb.or([eb('vehicle_id', 'ilike', pattern), eb('customer_name', 'ilike', pattern)]));
  }
  const rows = await q
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
  const items = rows.slice(0, f.limit).map(toOrder);
  return { items, nextCursor: rows.length > f.limit ? (items[items.length - 1]?.id ?? null) : null };
}

function toEntry(row: Selectable<TimelineTable>): TimelineEntry {
  return {
    id: row.id,
    orderId: row.order_id,
    at: toDate(row.at),
    kind: row.kind,
    state: row.state as OrderState,
    data: json<Record<string, unknown>>(row.data),
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    estimatedAt: toDateOrNull(row.estimated_at),
  };
}

export async function insertTimelineEntry(ctx: Ctx, e: TimelineEntry): Promise<void> {
  await db(ctx)
    .insertInto('ordering.timeline')
    .values({
      id: e.id,
      order_id: e.orderId,
      at: e.at,
      kind: e.kind,
      state: e.state,
      data: JSON.stringify(e.data),
      actor_kind: e.actorKind,
      actor_id: e.actorId,
      estimated_at: e.estimatedAt,
    })
    .execute();
}

/** Oldest first. */
export async function listTimeline(ctx: Ctx, orderId: string): Promise<TimelineEntry[]> {
  const rows = await db(ctx)
    .selectFrom('ordering.timeline')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map(toEntry);
}

/** Whether the timeline already has an entry written for this event (subscribers run at least once). */
export async function hasTimelineEntryForEvent(ctx: Ctx, orderId: string, eventId: string): Promise<boolean> {
  const row = await db(ctx)
    .selectFrom('ordering.timeline')
    .select('id')
    .where('order_id', '=', orderId)
    .where(sql<string>`data->>'eventId'`, '=', eventId)
    .executeTakeFirst();
  return row !== undefined;
}
