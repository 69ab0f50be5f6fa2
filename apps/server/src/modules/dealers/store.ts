import type { Selectable } from 'kysely';
import type { Ctx } from '../../platform/context.ts';
import type { DealersDb, ProfilesTable, StockVehiclesTable } from './tables.ts';
import {
  DEALER_SERVICES,
  type DealerProfile,
  type DealerService,
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
