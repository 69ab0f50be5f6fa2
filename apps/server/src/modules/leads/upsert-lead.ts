import { type Ctx, inTransaction } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { publish } from '../../platform/events/publish.ts';
import { newId } from '../../platform/ids.ts';
import { findModelLine } from '../catalog/index.ts';
import { listDealerOrganisations, normalizePhone } from '../identity/index.ts';
import { assignDealer } from './assign-dealer.ts';
import { leadAssigned, leadReceived, leadStageChanged } from './events.ts';
import * as store from './store.ts';
import type { Lead, LeadStage } from './types.ts';

/**
 * A lead as its system of record sends it: the whole lead each time (an omitted optional field
 * is cleared), so one version is one complete snapshot.
 */
export type LeadInput = {
  sourceSystem: string;
  sourceId: string;
  name: string;
  phone: string;
  city?: string | null | undefined;
  modelLine?: string | null | undefined;
  preferredDealerCode?: string | null | undefined;
  source?: string | null | undefined;
  campaign?: string | null | undefined;
  stage: LeadStage;
};

const NAME_MAX = 100;
// Letters and marks of any script, spaces, and the punctuation names use (·, ., ', -).
const NAME_PATTERN = /^[\p{L}\p{M}\p{N} .'’·-]+$/u;

/** A person's name as given, in any script: NFC, trimmed, inner spaces collapsed; undefined if unusable. */
export function normalizeName(input: string): string | undefined {
  const name = input.normalize('NFC').trim().replace(/\s+/gu, ' ');
  if (name.length === 0 || [...name].length > NAME_MAX || !NAME_PATTERN.test(name)) return undefined;
  return name;
}

const optional = (v: string | null | undefined): string | null => {
  const t = v?.normalize('NFC').trim();
  return t ? t : null;
};

function badField(code: string, path: string, message: string): AppError {
  return new AppError('bad_request', code, message, { fields: [{ path, message }] });
}

/**
 * Creates or updates a lead by (source system, source id) and assigns its dealer
 * (assign-dealer.ts). For flows: it does not check permissions (the partner route authorises
 * the CRM's key). 400 `leads.invalid_name` / `leads.invalid_phone` / `leads.unknown_model_line`.
 * Publishes `leads.lead_received`, `leads.lead_assigned` and `leads.lead_stage_changed`.
 */
export async function upsertLead(ctx: Ctx, input: LeadInput): Promise<{ lead: Lead; created: boolean }> {
  const name = normalizeName(input.name);
  if (!name)
    throw badField('leads.invalid_name', 'name', `1-${NAME_MAX} letters, spaces, "·", ".", "'" or "-".`);
  const phone = normalizePhone(input.phone);
  if (!phone)
    throw badField('leads.invalid_phone', 'phone', 'A mobile number, +86 or with its country code.');
  const modelLine = optional(input.modelLine);
  if (modelLine !== null && !(await findModelLine(ctx, modelLine))) {
    throw badField('leads.unknown_model_line', 'modelLine', `No model line ${modelLine} in the catalogue.`);
  }
  const city = optional(input.city);
  const preferredDealerCode = optional(input.preferredDealerCode);

  return inTransaction(ctx, async (tx) => {
    const before = await store.findLeadBySource(tx, input.sourceSystem, input.sourceId, { forUpdate: true });
    const dealers = await listDealerOrganisations(tx);
    const open = await store.countOpenLeads(
      tx,
      dealers.map((d) => d.id),
    );
    const assignment = assignDealer({
      preferredDealerCode,
      city,
      dealers: dealers.map((d) => ({ id: d.id, code: d.code, city: d.city, openLeads: open.get(d.id) ?? 0 })),
      current: before,
    });
    const lead: Lead = {
      id: before?.id ?? newId('lead'),
      sourceSystem: input.sourceSystem,
      sourceId: input.sourceId,
      name,
      phone,
      city,
      modelLine,
      preferredDealerCode,
      dealerOrgId: assignment?.dealerOrgId ?? null,
      assignedBy: assignment?.assignedBy ?? null,
      source: optional(input.source),
      campaign: optional(input.campaign),
      stage: input.stage,
      createdAt: before?.createdAt ?? tx.now,
      updatedAt: tx.now,
    };
    if (!before) {
      await store.insertLead(tx, lead);
      await publish(tx, leadReceived, lead.id, {
        leadId: lead.id,
        sourceSystem: lead.sourceSystem,
        modelLine: lead.modelLine,
        city: lead.city,
        source: lead.source,
        campaign: lead.campaign,
        stage: lead.stage,
      });
    } else {
      await store.updateLead(tx, lead);
      if (before.stage !== lead.stage) {
        await publish(tx, leadStageChanged, lead.id, {
          leadId: lead.id,
          dealerOrgId: lead.dealerOrgId,
          stage: lead.stage,
          previousStage: before.stage,
        });
      }
    }
    if (lead.dealerOrgId !== null && lead.assignedBy !== null && lead.dealerOrgId !== before?.dealerOrgId) {
      await publish(tx, leadAssigned, lead.id, {
        leadId: lead.id,
        dealerOrgId: lead.dealerOrgId,
        previousDealerOrgId: before?.dealerOrgId ?? null,
        assignedBy: lead.assignedBy,
      });
    }
    return { lead, created: !before };
  });
}
