import { findOrganisation, findOrganisationByCode } from '../modules/identity/index.ts';
import { applyVersioned, type VersionedResult } from '../modules/partner/index.ts';
import { recordPartArrival } from '../modules/production/index.ts';
import type { Ctx } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';

/** What the WMS reports about one delivery at a plant (PUT /partner/wms/arrivals/{arrivalId}). */
export type WmsArrival = {
  /** Required for the brand's central WMS; a plant's own WMS may leave it out (its key's plant). */
  plantCode?: string | undefined;
  partNumber: string;
  quantity: number;
  arrivedAt: Date;
  /** The call-off id the delivery note names (`cof_…`), if any. */
  callOffReference?: string | null | undefined;
};

/**
 * An arrival is a fact: it has no versions. Sent again it is a duplicate (the same answer);
 * with other content it is refused (409 `partner.fact_changed`). The plant is the key's own
 * (a plant's WMS), or the one the brand's WMS names.
 */
export async function recordWmsArrival(
  ctx: Ctx,
  call: { endpoint: string },
  arrivalId: string,
  arrival: WmsArrival,
): Promise<VersionedResult> {
  const keyOrg = ctx.actor.kind === 'api_key' ? await findOrganisation(ctx, ctx.actor.orgId) : undefined;
  let plant = keyOrg?.kind === 'plant' ? keyOrg : undefined;
  if (plant && arrival.plantCode !== undefined && arrival.plantCode !== plant.code) {
    throw new AppError(
      'forbidden',
      'partner.plant_not_yours',
      'This key reports arrivals of its own plant only.',
    );
  }
  if (!plant && keyOrg?.kind === 'brand') {
    const named =
      arrival.plantCode === undefined ? undefined : await findOrganisationByCode(ctx, arrival.plantCode);
    if (named?.kind !== 'plant') {
      throw new AppError('bad_request', 'partner.unknown_plant', 'Name the plant by its code.', {
        fields: [{ path: 'plantCode', message: 'A plant organisation code is required for the brand’s WMS' }],
      });
    }
    plant = named;
  }
  if (!plant)
    throw new AppError(
      'forbidden',
      'identity.forbidden',
      'Only a plant’s or the brand’s key reports arrivals.',
    );
  const plantOrgId = plant.id;
  return applyVersioned(
    ctx,
    {
      system: 'wms',
      entity: 'part_arrival',
      naturalKey: `${plant.code}/${arrivalId}`,
      payload: { ...arrival, plantCode: plant.code, arrivedAt: arrival.arrivedAt.toISOString(), arrivalId },
      endpoint: call.endpoint,
    },
    async (tx) => {
      await recordPartArrival(tx, {
        arrivalId: `${plant.code}/${arrivalId}`,
        plantOrgId,
        partNumber: arrival.partNumber,
        quantity: arrival.quantity,
        arrivedAt: arrival.arrivedAt,
        callOffId: arrival.callOffReference ?? null,
      });
      return { id: arrivalId };
    },
  );
}
