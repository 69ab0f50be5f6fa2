/**
 * Owners (我行): a delivered vehicle bound to the customer who accepted it at the hand-over:
 * vehicle id, VIN, model line, configuration code, customer, dealer, delivered at. The owner
 * features of later issues (service booking, parts for this exact build, reminders) start here.
 *
 * For flows: `recordOwnership(ctx, input)` (idempotent per vehicle id, in the caller's
 * transaction). For the customer: `listOwnVehicles(ctx)`, `getOwnVehicle(ctx, vehicleId)`.
 *
 * Must not: change orders, payments or the plant's records (flows do; this module keeps ids of
 * theirs only); show a vehicle to anyone but its owner (and HQ support). Only store.ts has SQL,
 * and only schema `owners`.
 */
export { ownershipRecorded } from './events.ts';
export type { OwnershipInput } from './record-ownership.ts';
export {
  getOwnVehicle,
  listOwnVehicles,
  OWNED_VEHICLE_NOT_FOUND,
  recordOwnership,
} from './record-ownership.ts';
export type { OwnedVehicle } from './types.ts';
