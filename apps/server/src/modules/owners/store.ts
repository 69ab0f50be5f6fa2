import type { Selectable } from 'kysely';
import type { Ctx } from '../../platform/context.ts';
import type { OwnersDb, VehiclesTable } from './tables.ts';
import type { OwnedVehicle } from './types.ts';

/** The only file of this module with SQL, and only on schema `owners`. */
const db = (ctx: Ctx): OwnersDb => ctx.db;

const toVehicle = (r: Selectable<VehiclesTable>): OwnedVehicle => ({
  vehicleId: r.vehicle_id,
  vin: r.vin,
  orderId: r.order_id,
  customerUserId: r.customer_user_id,
  modelLine: r.model_line,
  configurationCode: r.configuration_code,
  dealerOrgId: r.dealer_org_id,
  deliveredAt: r.delivered_at instanceof Date ? r.delivered_at : new Date(r.delivered_at),
});

/** False when the vehicle is bound already. */
export async function insertVehicle(ctx: Ctx, v: OwnedVehicle): Promise<boolean> {
  const rows = await db(ctx)
    .insertInto('owners.vehicles')
    .values({
      vehicle_id: v.vehicleId,
      vin: v.vin,
      order_id: v.orderId,
      customer_user_id: v.customerUserId,
      model_line: v.modelLine,
      configuration_code: v.configurationCode,
      dealer_org_id: v.dealerOrgId,
      delivered_at: v.deliveredAt,
    })
    .onConflict((oc) => oc.column('vehicle_id').doNothing())
    .returning('vehicle_id')
    .execute();
  return rows.length > 0;
}

export async function findVehicle(ctx: Ctx, vehicleId: string): Promise<OwnedVehicle | undefined> {
  const row = await db(ctx)
    .selectFrom('owners.vehicles')
    .selectAll()
    .where('vehicle_id', '=', vehicleId)
    .executeTakeFirst();
  return row ? toVehicle(row) : undefined;
}

export async function listVehicles(ctx: Ctx, customerUserId: string): Promise<OwnedVehicle[]> {
  const rows = await db(ctx)
    .selectFrom('owners.vehicles')
    .selectAll()
    .where('customer_user_id', '=', customerUserId)
    .orderBy('delivered_at', 'desc')
    .orderBy('vehicle_id')
    .execute();
  return rows.map(toVehicle);
}
