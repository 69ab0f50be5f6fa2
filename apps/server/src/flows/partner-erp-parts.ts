import type { Bilingual, Money, PartUnit } from '../modules/bom/index.ts';
import { setPartPrice, upsertPartMaster } from '../modules/bom/index.ts';
import { findOrganisationByCode } from '../modules/identity/index.ts';
import { applyVersioned, type SourceVersion, type VersionedResult } from '../modules/partner/index.ts';
import type { Ctx } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';

/** What the ERP sends for a part (PUT /partner/erp/parts/{partNumber}). */
export type ErpPartMaster = {
  name: Bilingual;
  /** The supplier's organisation code as both sides know it (e.g. SUP-SEAT). */
  supplierCode: string;
  leadTimeDays: number;
  unit: PartUnit;
  sequenced?: boolean | undefined;
  active?: boolean | undefined;
};

/** The request: the source's version, and the route it came by (for the request log). */
export type PartnerCall = { version: SourceVersion; endpoint: string };

/**
 * The ERP's part master: creates or updates the bom part of that number, if the version is
 * newer than the one applied (`applyVersioned`). A lead-time change reaches the delivery
 * promise, which reads lead times live from the BOM.
 */
export async function upsertErpPart(
  ctx: Ctx,
  call: PartnerCall,
  partNumber: string,
  master: ErpPartMaster,
): Promise<VersionedResult> {
  return applyVersioned(
    ctx,
    {
      system: 'erp',
      entity: 'part',
      naturalKey: partNumber,
      version: call.version,
      payload: { partNumber, ...master },
      endpoint: call.endpoint,
    },
    async (tx) => {
      const supplier = await findOrganisationByCode(tx, master.supplierCode);
      if (supplier?.kind !== 'supplier') {
        throw new AppError('bad_request', 'partner.unknown_supplier', `No supplier ${master.supplierCode}.`, {
          fields: [{ path: 'supplierCode', message: 'No supplier organisation with this code' }],
        });
      }
      const { part } = await upsertPartMaster(tx, {
        partNumber,
        name: master.name,
        supplierOrgId: supplier.id,
        leadTimeDays: master.leadTimeDays,
        unit: master.unit,
        sequenced: master.sequenced,
        active: master.active,
      });
      return { id: part.id };
    },
  );
}

/** The ERP's unit price of a part (null clears it); the part must be known (404 `bom.part_not_found`). */
export async function setErpPartPrice(
  ctx: Ctx,
  call: PartnerCall,
  partNumber: string,
  unitPrice: Money | null,
): Promise<VersionedResult> {
  return applyVersioned(
    ctx,
    {
      system: 'erp',
      entity: 'part_price',
      naturalKey: partNumber,
      version: call.version,
      payload: { partNumber, unitPrice },
      endpoint: call.endpoint,
    },
    async (tx) => ({ id: (await setPartPrice(tx, partNumber, unitPrice)).id }),
  );
}
