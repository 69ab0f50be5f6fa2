import { findModelLine } from '../modules/catalog/index.ts';
import { type StockVehicleInput, upsertStockVehicle } from '../modules/dealers/index.ts';
import { findDealerOrganisation } from '../modules/identity/index.ts';
import { applyVersioned, type VersionedResult } from '../modules/partner/index.ts';
import { isValidVin } from '../modules/production/index.ts';
import type { Ctx } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import type { PartnerCall } from './partner-erp-parts.ts';

/**
 * A dealer's DMS reports one of its stock vehicles. The dealer is the key's organisation, never
 * a field of the request, so a DMS can only write its own dealer's stock. Versions are kept per
 * (dealer, VIN): each dealer's DMS counts its own versions.
 */
export async function upsertDmsStockVehicle(
  ctx: Ctx,
  call: PartnerCall,
  input: StockVehicleInput,
): Promise<VersionedResult> {
  // A VIN on a Chinese car carries its check digit (GB 16735 / ISO 3779): production's rule.
  if (!isValidVin(input.vin)) {
    throw new AppError(
      'bad_request',
      'dealers.invalid_vin',
      `${input.vin} is not a valid VIN (check digit).`,
      {
        fields: [{ path: 'vin', message: 'Not a valid VIN: the 9th character is its check digit' }],
      },
    );
  }
  const dealer =
    ctx.actor.kind === 'api_key' ? await findDealerOrganisation(ctx, ctx.actor.orgId) : undefined;
  if (!dealer)
    throw new AppError('forbidden', 'identity.forbidden', 'Only a dealer’s key reports dealer stock.');
  return applyVersioned(
    ctx,
    {
      system: 'dms',
      entity: 'stock_vehicle',
      naturalKey: `${dealer.code}/${input.vin}`,
      version: call.version,
      payload: input,
      endpoint: call.endpoint,
    },
    async (tx) => {
      if (!(await findModelLine(tx, input.modelLine))) {
        throw new AppError('bad_request', 'partner.unknown_model_line', `No model line ${input.modelLine}.`, {
          fields: [{ path: 'modelLine', message: 'No model line with this code in the catalogue' }],
        });
      }
      const vehicle = await upsertStockVehicle(tx, dealer.id, input);
      return { id: vehicle.vin };
    },
  );
}
