import { type Ctx, inTransaction } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { publish } from '../../platform/events/publish.ts';
import { assertAuthorized, findDealerOrganisation } from '../identity/index.ts';
import { stockVehicleUpdated } from './events.ts';
import * as store from './store.ts';
import type { StockStatus, StockUsage, StockVehicle } from './types.ts';

/** 17 characters, digits and capitals without I, O and Q (ISO 3779); the check digit is production's rule. */
export const VIN_PATTERN = /^[A-HJ-NPR-Z0-9]{17}$/;

export type StockVehicleInput = {
  vin: string;
  modelLine: string;
  configurationCode?: string | null | undefined;
  usage: StockUsage;
  status: StockStatus;
};

/**
 * Records a vehicle of a dealer's own stock as the dealer's DMS reports it (the whole record).
 * For flows: no permission check (the partner route authorises the dealer's key, and the
 * dealer is the key's organisation). 404 `dealers.dealer_not_found` for an organisation that
 * is not a dealer. Publishes `dealers.stock_vehicle_updated` when something changed.
 */
export async function upsertStockVehicle(
  ctx: Ctx,
  dealerOrgId: string,
  input: StockVehicleInput,
): Promise<StockVehicle> {
  if (!VIN_PATTERN.test(input.vin)) {
    throw new AppError('bad_request', 'dealers.invalid_vin', 'Not a VIN.', {
      fields: [{ path: 'vin', message: '17 characters: digits and capitals without I, O, Q' }],
    });
  }
  if (!(await findDealerOrganisation(ctx, dealerOrgId))) {
    throw new AppError('not_found', 'dealers.dealer_not_found', 'No such dealer.');
  }
  return inTransaction(ctx, async (tx) => {
    const before = await store.findStockVehicle(tx, dealerOrgId, input.vin);
    const vehicle: StockVehicle = {
      dealerOrgId,
      vin: input.vin,
      modelLine: input.modelLine,
      configurationCode: input.configurationCode ?? null,
      usage: input.usage,
      status: input.status,
      createdAt: before?.createdAt ?? tx.now,
      updatedAt: tx.now,
    };
    const same =
      before !== undefined &&
      (['modelLine', 'configurationCode', 'usage', 'status'] as const).every((k) => before[k] === vehicle[k]);
    if (same) return before;
    await store.saveStockVehicle(tx, vehicle);
    await publish(tx, stockVehicleUpdated, vehicle.vin, {
      dealerId: dealerOrgId,
      vin: vehicle.vin,
      modelLine: vehicle.modelLine,
      configurationCode: vehicle.configurationCode,
      usage: vehicle.usage,
      status: vehicle.status,
      previousStatus: before?.status ?? null,
    });
    return vehicle;
  });
}

export type StockQuery = {
  usage?: StockUsage | undefined;
  status?: StockStatus | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
};

/** The signed-in staff member's dealer's stock, by VIN. */
export async function listOwnStock(
  ctx: Ctx,
  query: StockQuery = {},
): Promise<{ items: StockVehicle[]; nextCursor: string | null }> {
  assertAuthorized(ctx.actor, 'dealer_stock.read');
  if (ctx.actor.kind !== 'staff') throw new AppError('forbidden', 'identity.forbidden', 'Dealer staff only.');
  const limit = Math.min(Math.max(query.limit ?? 100, 1), 500);
  const rows = await store.listStockVehicles(ctx, {
    dealerOrgId: ctx.actor.orgId,
    usage: query.usage,
    status: query.status,
    after: query.cursor,
    limit,
  });
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.vin ?? null) : null };
}
