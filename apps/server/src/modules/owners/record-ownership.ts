import { type Ctx, inTransaction } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { publish } from '../../platform/events/publish.ts';
import { assertAuthorized } from '../identity/index.ts';
import { ownershipRecorded } from './events.ts';
import * as store from './store.ts';
import type { OwnedVehicle } from './types.ts';

export const OWNED_VEHICLE_NOT_FOUND = 'owners.vehicle_not_found';

export type OwnershipInput = OwnedVehicle;

/**
 * Binds a delivered vehicle to its owner (the hand-over flow, in its transaction). Idempotent
 * per vehicle id: the same vehicle again answers what is stored; another owner for a bound
 * vehicle is a conflict (ownership changes are a later issue's, with their own rules).
 */
export async function recordOwnership(ctx: Ctx, input: OwnershipInput): Promise<OwnedVehicle> {
  return inTransaction(ctx, async (tx) => {
    if (!(await store.insertVehicle(tx, input))) {
      const stored = await store.findVehicle(tx, input.vehicleId);
      if (!stored || stored.customerUserId !== input.customerUserId) {
        throw new AppError('conflict', 'owners.vehicle_owned', 'This vehicle has another owner.');
      }
      return stored;
    }
    await publish(tx, ownershipRecorded, input.vehicleId, {
      vehicleId: input.vehicleId,
      vin: input.vin,
      orderId: input.orderId,
      customerId: input.customerUserId,
      modelLine: input.modelLine,
      configurationCode: input.configurationCode,
      dealerId: input.dealerOrgId,
      deliveredAt: input.deliveredAt.toISOString(),
    });
    return input;
  });
}

/** The signed-in customer's own vehicles, newest first. */
export async function listOwnVehicles(ctx: Ctx): Promise<OwnedVehicle[]> {
  assertAuthorized(ctx.actor, 'owned_vehicle.read');
  const actor = ctx.actor;
  return actor.kind === 'customer' ? store.listVehicles(ctx, actor.userId) : [];
}

/** One own vehicle (anyone else's, and unknown ids: 404). */
export async function getOwnVehicle(ctx: Ctx, vehicleId: string): Promise<OwnedVehicle> {
  assertAuthorized(ctx.actor, 'owned_vehicle.read');
  const vehicle = await store.findVehicle(ctx, vehicleId);
  if (!vehicle) throw new AppError('not_found', OWNED_VEHICLE_NOT_FOUND, 'No such vehicle.');
  assertAuthorized(ctx.actor, 'owned_vehicle.read', {
    orgId: vehicle.dealerOrgId,
    ownerUserId: vehicle.customerUserId,
    notFoundCode: OWNED_VEHICLE_NOT_FOUND,
  });
  return vehicle;
}
