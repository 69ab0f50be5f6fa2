import { type LeadInput, upsertLead } from '../modules/leads/index.ts';
import { applyVersioned, type VersionedResult } from '../modules/partner/index.ts';
import type { Ctx } from '../platform/context.ts';
import type { PartnerCall } from './partner-erp-parts.ts';

/**
 * The CRM's lead (the whole lead, by the CRM's own id): created or updated and assigned to a
 * dealer if the version is newer than the one applied. The answer carries only the ids.
 */
export async function upsertCrmLead(
  ctx: Ctx,
  call: PartnerCall,
  leadId: string,
  lead: Omit<LeadInput, 'sourceSystem' | 'sourceId'>,
): Promise<VersionedResult> {
  return applyVersioned(
    ctx,
    {
      system: 'crm',
      entity: 'lead',
      naturalKey: leadId,
      version: call.version,
      payload: { leadId, ...lead },
      endpoint: call.endpoint,
    },
    async (tx) => ({
      id: (await upsertLead(tx, { ...lead, sourceSystem: 'crm', sourceId: leadId })).lead.id,
    }),
  );
}
