import { type Selectable, sql } from 'kysely';
import type { Ctx } from '../../platform/context.ts';
import type { ChecklistEntry, ChecklistItem } from './handover-checklist.ts';
import type { DealersDb, HandoversTable, ProfilesTable, StockVehiclesTable } from './tables.ts';
import {
  DEALER_SERVICES,
  type DealerProfile,
  type DealerService,
  type Handover,
  type HandoverStatus,
  type StockStatus,
  type StockUsage,
  type StockVehicle,
} from './types.ts';

/** The only file of this module with SQL, and only on schema `dealers`. */
const db = (ctx: Ctx): DealersDb => ctx.db;

function toProfile(row: Selectable<ProfilesTable>): DealerProfile {
  const raw = typeof row.services === 'string' ? (JSON.parse(row.services) as string[]) : row.services;
  return {
    orgId: row.org_id,
    services: raw.filter((s): s is DealerService => (DEALER_SERVICES as readonly string[]).includes(s)),
    handoverCapacityPerDay: row.handover_capacity_per_day,
    active: row.active,
    updatedAt: row.updated_at instanceof Date ? row.updated_at : new Date(row.updated_at),
  };
}

export async function listProfiles(ctx: Ctx): Promise<DealerProfile[]> {
  return (await db(ctx).selectFrom('dealers.profiles').selectAll().execute()).map(toProfile);
}

export async function findProfile(ctx: Ctx, orgId: string): Promise<DealerProfile | undefined> {
  const row = await db(ctx)
    .selectFrom('dealers.profiles')
    .selectAll()
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row ? toProfile(row) : undefined;
}

export async function upsertProfile(
  ctx: Ctx,
  profile: Omit<DealerProfile, 'updatedAt'>,
  updatedBy: string | null,
): Promise<void> {
  const values = {
    services: JSON.stringify(profile.services),
    handover_capacity_per_day: profile.handoverCapacityPerDay,
    active: profile.active,
    updated_at: ctx.now,
    updated_by: updatedBy,
  };
  await db(ctx)
    .insertInto('dealers.profiles')
    .values({ org_id: profile.orgId, ...values })
    .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
    .execute();
}

// ---------------------------------------------------------------- stock vehicles

function toStockVehicle(row: Selectable<StockVehiclesTable>): StockVehicle {
  return {
    dealerOrgId: row.dealer_org_id,
    vin: row.vin,
    modelLine: row.model_line,
    configurationCode: row.configuration_code,
    usage: row.usage as StockUsage,
    status: row.status as StockStatus,
    createdAt: row.created_at instanceof Date ? row.created_at : new Date(row.created_at),
    updatedAt: row.updated_at instanceof Date ? row.updated_at : new Date(row.updated_at),
  };
}

export async function findStockVehicle(
  ctx: Ctx,
  dealerOrgId: string,
  vin: string,
): Promise<StockVehicle | undefined> {
  const row = await db(ctx)
    .selectFrom('dealers.stock_vehicles')
    .selectAll()
    .where('dealer_org_id', '=', dealerOrgId)
    .where('vin', '=', vin)
    .forUpdate()
    .executeTakeFirst();
  return row ? toStockVehicle(row) : undefined;
}

export async function saveStockVehicle(ctx: Ctx, v: StockVehicle): Promise<void> {
  const values = {
    model_line: v.modelLine,
    configuration_code: v.configurationCode,
    usage: v.usage,
    status: v.status,
    updated_at: v.updatedAt,
  };
  await db(ctx)
    .insertInto('dealers.stock_vehicles')
    .values({ dealer_org_id: v.dealerOrgId, vin: v.vin, created_at: v.createdAt, ...values })
    .onConflict((oc) => oc.columns(['dealer_org_id', 'vin']).doUpdateSet(values))
    .execute();
}

export type StockFilter = {
  dealerOrgId: string;
  usage?: StockUsage | undefined;
  status?: StockStatus | undefined;
  after?: string | undefined;
  limit: number;
};

/** A dealer's stock by VIN; one more than `limit` so the caller knows whether more follow. */
export async function listStockVehicles(ctx: Ctx, f: StockFilter): Promise<StockVehicle[]> {
  let q = db(ctx).selectFrom('dealers.stock_vehicles').selectAll().where('dealer_org_id', '=', f.dealerOrgId);
  if (f.usage !== undefined) q = q.where('usage', '=', f.usage);
  if (f.status !== undefined) q = q.where('status', '=', f.status);
  if (f.after !== undefined) q = q.where('vin', '>', f.after);
  const rows = await q
    .orderBy('vin')
    .limit(f.limit + 1)
    .execute();
  return rows.map(toStockVehicle);
}

// ---------------------------------------------------------------- hand-over capacity

/** Bookings per date of a dealer in a range. */
export async function listHandoverDays(
  ctx: Ctx,
  dealerOrgId: string,
  range: { from: string; to: string },
): Promise<Map<string, number>> {
  const rows = await db(ctx)
    .selectFrom('dealers.handover_days')
    .select(['day', 'reserved'])
    .where('dealer_org_id', '=', dealerOrgId)
    .where('day', '>=', range.from)
    .where('day', '<=', range.to)
    .execute();
  return new Map(rows.map((r) => [dateText(r.day), r.reserved]));
}

export async function ensureHandoverDay(ctx: Ctx, dealerOrgId: string, day: string): Promise<void> {
  await db(ctx)
    .insertInto('dealers.handover_days')
    .values({ dealer_org_id: dealerOrgId, day, reserved: 0 })
    .onConflict((oc) => oc.columns(['dealer_org_id', 'day']).doNothing())
    .execute();
}

/**
 * Takes one hand-over of a date in one conditional update (`reserved < capacity`), so concurrent
 * reservations never exceed it; `capacity` undefined: not limited. False when the date is full.
 */
export async function takeHandoverDay(
  ctx: Ctx,
  dealerOrgId: string,
  day: string,
  capacity: number | undefined,
): Promise<boolean> {
  let q = db(ctx)
    .updateTable('dealers.handover_days')
    .set({ reserved: sql`reserved + 1` })
    .where('dealer_org_id', '=', dealerOrgId)
    .where('day', '=', day);
  if (capacity !== undefined) q = q.where('reserved', '<', capacity);
  const rows = await q.returning('reserved').execute();
  return rows.length > 0;
}

export async function releaseHandoverDay(ctx: Ctx, dealerOrgId: string, day: string): Promise<void> {
  await db(ctx)
    .updateTable('dealers.handover_days')
    .set({ reserved: sql`greatest(reserved - 1, 0)` })
    .where('dealer_org_id', '=', dealerOrgId)
    .where('day', '=', day)
    .execute();
}

export type SlotRow = { vehicleId: string; dealerOrgId: string; day: string };

export async function findSlot(
  ctx: Ctx,
  vehicleId: string,
  options: { forUpdate?: boolean } = {},
): Promise<SlotRow | undefined> {
  let q = db(ctx)
    .selectFrom('dealers.handover_slots')
    .select(['vehicle_id', 'dealer_org_id', 'day'])
    .where('vehicle_id', '=', vehicleId);
  if (options.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row
    ? { vehicleId: row.vehicle_id, dealerOrgId: row.dealer_org_id, day: dateText(row.day) }
    : undefined;
}

export async function putSlot(ctx: Ctx, slot: SlotRow): Promise<void> {
  const values = { dealer_org_id: slot.dealerOrgId, day: slot.day, taken_at: ctx.now };
  await db(ctx)
    .insertInto('dealers.handover_slots')
    .values({ vehicle_id: slot.vehicleId, ...values })
    .onConflict((oc) => oc.column('vehicle_id').doUpdateSet(values))
    .execute();
}

export async function deleteSlot(ctx: Ctx, vehicleId: string): Promise<void> {
  await db(ctx).deleteFrom('dealers.handover_slots').where('vehicle_id', '=', vehicleId).execute();
}

// ---------------------------------------------------------------- hand-over appointments

const dateText = (d: unknown): string =>
  d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10);
const toDateValue = (d: Date | string) => (d instanceof Date ? d : new Date(d));

function toHandover(row: Selectable<HandoversTable>): Handover {
  const raw = (typeof row.checklist === 'string' ? JSON.parse(row.checklist) : row.checklist) as {
    item: ChecklistItem;
    checked: boolean;
    note: string | null;
    at: string;
    by: string | null;
  }[];
  return {
    id: row.id,
    dealerOrgId: row.dealer_org_id,
    vehicleId: row.vehicle_id,
    orderId: row.order_id,
    day: dateText(row.day),
    slotStart: row.slot_start,
    slotEnd: row.slot_end,
    status: row.status as HandoverStatus,
    checklist: raw.map((e) => ({ ...e, at: new Date(e.at) })),
    bookedBy: row.booked_by,
    bookedAt: toDateValue(row.booked_at),
    updatedAt: toDateValue(row.updated_at),
    completedAt: row.completed_at === null ? null : toDateValue(row.completed_at),
    keysHandedOver:
      row.keys_handed_over_at === null || row.keys_handed_over_by === null
        ? null
        : { at: toDateValue(row.keys_handed_over_at), staffName: row.keys_handed_over_by },
  };
}

const checklistJson = (entries: ChecklistEntry[]) =>
  JSON.stringify(entries.map((e) => ({ ...e, at: e.at.toISOString() })));

export async function findHandover(
  ctx: Ctx,
  by: { id: string } | { vehicleId: string },
  options: { forUpdate?: boolean } = {},
): Promise<Handover | undefined> {
  let q = db(ctx).selectFrom('dealers.handovers').selectAll();
  q = 'id' in by ? q.where('id', '=', by.id) : q.where('vehicle_id', '=', by.vehicleId);
  if (options.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? toHandover(row) : undefined;
}

export async function insertHandover(ctx: Ctx, h: Handover): Promise<void> {
  await db(ctx)
    .insertInto('dealers.handovers')
    .values({
      id: h.id,
      dealer_org_id: h.dealerOrgId,
      vehicle_id: h.vehicleId,
      order_id: h.orderId,
      day: h.day,
      slot_start: h.slotStart,
      slot_end: h.slotEnd,
      status: h.status,
      checklist: checklistJson(h.checklist),
      booked_by: h.bookedBy,
      booked_at: h.bookedAt,
      updated_at: h.updatedAt,
      completed_at: h.completedAt,
      keys_handed_over_at: h.keysHandedOver?.at ?? null,
      keys_handed_over_by: h.keysHandedOver?.staffName ?? null,
    })
    .execute();
}

export async function updateHandover(ctx: Ctx, h: Handover): Promise<void> {
  await db(ctx)
    .updateTable('dealers.handovers')
    .set({
      day: h.day,
      slot_start: h.slotStart,
      slot_end: h.slotEnd,
      status: h.status,
      checklist: checklistJson(h.checklist),
      booked_by: h.bookedBy,
      updated_at: h.updatedAt,
      completed_at: h.completedAt,
      keys_handed_over_at: h.keysHandedOver?.at ?? null,
      keys_handed_over_by: h.keysHandedOver?.staffName ?? null,
    })
    .where('id', '=', h.id)
    .execute();
}

/** A dealer's appointments, by date and time. */
export async function listHandovers(
  ctx: Ctx,
  filter: {
    dealerOrgId: string;
    from?: string;
    to?: string;
    status?: HandoverStatus;
    vehicleIds?: readonly string[];
  },
): Promise<Handover[]> {
  if (filter.vehicleIds?.length === 0) return [];
  let q = db(ctx).selectFrom('dealers.handovers').selectAll().where('dealer_org_id', '=', filter.dealerOrgId);
  if (filter.vehicleIds) q = q.where('vehicle_id', 'in', [...filter.vehicleIds]);
  if (filter.from) q = q.where('day', '>=', filter.from);
  if (filter.to) q = q.where('day', '<=', filter.to);
  if (filter.status) q = q.where('status', '=', filter.status);
  const rows = await q.orderBy('day').orderBy('slot_start').orderBy('id').limit(500).execute();
  return rows.map(toHandover);
}
