import type { Selection } from '@openc2b/configurator';
import type { Ctx } from '../../platform/context.ts';
import { AppError, isAppError } from '../../platform/errors.ts';
import { getVehicleParts, longestLeadTimeDays, storeVehicleParts, type VehicleParts } from '../bom/index.ts';

/**
 * Part lead times come from the super-BOM (module `bom`): the earliest production day of a car is
 * today plus the longest lead time of its parts (in calendar days). No parts list, no promise: a
 * model line without a published BOM, or a configuration its BOM cannot explode, answers 422
 * `production.parts_unknown` instead of a date nobody can keep.
 */
export async function partsLeadTimeDays(
  ctx: Ctx,
  input: { modelLine: string; selection: Selection },
): Promise<number> {
  try {
    return await longestLeadTimeDays(ctx, input);
  } catch (err) {
    throw partsUnknown(err, input.modelLine);
  }
}

/**
 * Explodes the car's configuration and stores its parts list against the vehicle id (idempotent),
 * so the lead time used for its date and the call-offs at freeze time come from the same list.
 */
export async function storePartsOf(
  ctx: Ctx,
  car: { vehicleId: string; modelLine: string; selection: Selection },
): Promise<VehicleParts> {
  try {
    return await storeVehicleParts(ctx, car.vehicleId, {
      modelLine: car.modelLine,
      selection: car.selection,
    });
  } catch (err) {
    throw partsUnknown(err, car.modelLine);
  }
}

/** The stored parts list of a car, stored now if it has none yet. */
export async function partsOf(
  ctx: Ctx,
  car: { vehicleId: string; modelLine: string; selection: Selection },
): Promise<VehicleParts> {
  try {
    return await getVehicleParts(ctx, car.vehicleId);
  } catch (err) {
    if (isAppError(err) && err.code === 'bom.vehicle_parts_not_found') return storePartsOf(ctx, car);
    throw err;
  }
}

export const leadTimeOf = (parts: VehicleParts): number => parts.longestLeadTime?.days ?? 0;

function partsUnknown(err: unknown, modelLine: string): unknown {
  // Only answers from inside the BOM (its own, or the catalogue version it was checked against)
  // mean "no parts data"; anything else is a real failure.
  if (!isAppError(err) || !(err.code.startsWith('bom.') || err.code.startsWith('catalog.'))) return err;
  return new AppError(
    'unprocessable',
    'production.parts_unknown',
    `The parts of this ${modelLine} configuration are not known yet (${err.code}); no delivery date can be promised.`,
    { extra: { cause: err.code }, cause: err },
  );
}
