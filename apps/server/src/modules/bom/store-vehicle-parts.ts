import type { Selection } from '@openc2b/configurator';
import { type Ctx, inTransaction } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { publish } from '../../platform/events/publish.ts';
import { vehiclePartsStored } from './events.ts';
import { type ExplodeInput, explodeConfiguration, longestOf, sortParts } from './explode-configuration.ts';
import * as store from './store.ts';
import type { PartsDemand, SequencedDemand, SupplierDemand, TotalDemand, VehicleParts } from './types.ts';

/** Vehicle ids as the order module gives them, e.g. `C2B-2026-000123`. */
export const VEHICLE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{2,63}$/;
const MAX_VEHICLES = 5000;

/**
 * Explodes the configuration and stores the parts list against the vehicle id, replacing any
 * list stored before (the order was re-planned or changed before the freeze). Idempotent: the
 * same BOM version and selection again returns the stored list unchanged and publishes nothing;
 * otherwise `bom.vehicle_parts_stored` is published in the same transaction. Errors as
 * `explodeConfiguration`, and 400 `bom.invalid_vehicle_id`. Authorisation is the caller's.
 */
export async function storeVehicleParts(
  ctx: Ctx,
  vehicleId: string,
  input: ExplodeInput,
): Promise<VehicleParts> {
  assertVehicleId(vehicleId);
  const list = await explodeConfiguration(ctx, input);
  return inTransaction(ctx, async (tx) => {
    const existing = await store.findVehicle(tx, vehicleId, { forUpdate: true });
    if (
      existing &&
      existing.versionId === list.bomVersionId &&
      sameSelection(existing.selection, list.selection)
    ) {
      return getVehicleParts(tx, vehicleId);
    }
    const storedAt = tx.now;
    await store.replaceVehicleParts(
      tx,
      {
        vehicleId,
        modelLine: list.modelLine,
        versionId: list.bomVersionId,
        catalogVersionId: list.catalogVersionId,
        selection: list.selection,
        storedAt,
      },
      list.parts,
    );
    await publish(tx, vehiclePartsStored, vehicleId, {
      vehicleId,
      modelLine: list.modelLine,
      bomVersionId: list.bomVersionId,
      catalogVersionId: list.catalogVersionId,
      partCount: list.parts.length,
      longestLeadTimeDays: list.longestLeadTime?.days ?? 0,
    });
    return { ...list, vehicleId, storedAt };
  });
}

/** The parts list stored against a vehicle (404 `bom.vehicle_parts_not_found`). Authorisation is the caller's. */
export async function getVehicleParts(ctx: Ctx, vehicleId: string): Promise<VehicleParts> {
  const [found] = await store.listVehicleParts(ctx, [vehicleId]);
  if (!found) {
    throw new AppError('not_found', 'bom.vehicle_parts_not_found', `No parts list for vehicle ${vehicleId}.`);
  }
  const parts = sortParts(found.parts);
  return {
    vehicleId,
    modelLine: found.modelLine,
    bomVersionId: found.versionId,
    bomVersionNumber: found.versionNumber,
    catalogVersionId: found.catalogVersionId,
    selection: found.selection,
    parts,
    longestLeadTime: longestOf(parts),
    storedAt: found.storedAt,
  };
}

/**
 * What the supplier call-offs of a set of vehicles need, from their stored parts lists, per
 * supplier: just-in-sequence parts one per vehicle and part in the order the vehicles are given
 * (give them in line sequence), and every other part as a total over the vehicles. Vehicles
 * without a stored list are named in `missingVehicleIds`; an id given twice counts once, at its
 * first position. `supplierOrgId` restricts the answer to one supplier. Authorisation is the caller's.
 */
export async function partsBySupplier(
  ctx: Ctx,
  vehicleIds: readonly string[],
  filter: { supplierOrgId?: string | undefined } = {},
): Promise<PartsDemand> {
  const order = [...new Set(vehicleIds)];
  if (order.length > MAX_VEHICLES) {
    throw new AppError('bad_request', 'bom.too_many_vehicles', `At most ${MAX_VEHICLES} vehicles at once.`, {
      fields: [{ path: 'vehicleIds', message: `At most ${MAX_VEHICLES}` }],
    });
  }
  const stored = await store.listVehicleParts(ctx, order, filter);
  const byVehicle = new Map(stored.map((v) => [v.vehicleId, v]));
  const suppliers = new Map<string, { sequenced: SequencedDemand[]; totals: Map<string, TotalDemand> }>();
  const supplier = (id: string) => {
    let s = suppliers.get(id);
    if (!s) {
      s = { sequenced: [], totals: new Map() };
      suppliers.set(id, s);
    }
    return s;
  };
  order.forEach((vehicleId, index) => {
    const vehicle = byVehicle.get(vehicleId);
    if (!vehicle) return;
    for (const p of sortParts([...vehicle.parts])) {
      const s = supplier(p.supplierOrgId);
      if (p.sequenced) {
        s.sequenced.push({
          position: index + 1,
          vehicleId,
          lineNo: p.lineNo,
          partId: p.partId,
          partNumber: p.partNumber,
          name: p.name,
          quantity: p.quantity,
          unit: p.unit,
          station: p.station,
        });
        continue;
      }
      const total = s.totals.get(p.partId);
      if (total) {
        total.quantity += p.quantity;
        total.vehicles++;
        total.leadTimeDays = Math.max(total.leadTimeDays, p.leadTimeDays);
      } else {
        s.totals.set(p.partId, {
          partId: p.partId,
          partNumber: p.partNumber,
          name: p.name,
          unit: p.unit,
          quantity: p.quantity,
          vehicles: 1,
          leadTimeDays: p.leadTimeDays,
        });
      }
    }
  });
  const result: SupplierDemand[] = [...suppliers]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([supplierOrgId, s]) => ({
      supplierOrgId,
      sequenced: s.sequenced,
      totals: [...s.totals.values()].sort((a, b) => (a.partNumber < b.partNumber ? -1 : 1)),
    }));
  // A vehicle with a list but no part of the filtered supplier is not missing.
  const missingVehicleIds = order.filter((id) => !byVehicle.has(id));
  return { suppliers: result, missingVehicleIds };
}

function assertVehicleId(vehicleId: string): void {
  if (!VEHICLE_ID_PATTERN.test(vehicleId)) {
    throw new AppError(
      'bad_request',
      'bom.invalid_vehicle_id',
      `Not a vehicle id: ${vehicleId.slice(0, 70)}`,
      {
        fields: [{ path: 'vehicleId', message: 'Letters, digits, "-" and "_" (3-64)' }],
      },
    );
  }
}

function sameSelection(a: Selection, b: Selection): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}
