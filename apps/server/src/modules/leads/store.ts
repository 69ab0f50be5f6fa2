import type { Ctx } from '../../platform/context.ts';
import type { LeadsDb, LeadsTable } from './tables.ts';
import { type AssignmentRule, type Lead, type LeadStage, OPEN_STAGES } from './types.ts';

/** The only file of this module with SQL, and only schema `leads`. */
const db = (ctx: Ctx): LeadsDb => ctx.db;

const toDate = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));

type LeadRow = {
  [K in keyof LeadsTable]: K extends 'created_at' | 'updated_at' ? Date | string : LeadsTable[K];
};

function toLead(r: LeadRow): Lead {
  return {
    id: r.id,
    sourceSystem: r.source_system,
    sourceId: r.source_id,
    name: r.name,
    phone: r.phone,
    city: r.city,
    modelLine: r.model_line,
    preferredDealerCode: r.preferred_dealer_code,
    dealerOrgId: r.dealer_org_id,
    assignedBy: r.assigned_by as AssignmentRule | null,
    source: r.source,
    campaign: r.campaign,
    stage: r.stage as LeadStage,
    createdAt: toDate(r.created_at),
    updatedAt: toDate(r.updated_at),
  };
}

function values(l: Lead) {
  return {
    name: l.name,
    phone: l.phone,
    city: l.city,
    model_line: l.modelLine,
    preferred_dealer_code: l.preferredDealerCode,
    dealer_org_id: l.dealerOrgId,
    assigned_by: l.assignedBy,
    source: l.source,
    campaign: l.campaign,
    stage: l.stage,
    updated_at: l.updatedAt,
  };
}

export async function findLeadBySource(
  ctx: Ctx,
  sourceSystem: string,
  sourceId: string,
  options: { forUpdate?: boolean } = {},
): Promise<Lead | undefined> {
  let q = db(ctx)
    .selectFrom('leads.leads')
    .selectAll()
    .where('source_system', '=', sourceSystem)
    .where('source_id', '=', sourceId);
  if (options.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? toLead(row) : undefined;
}

export async function findLead(ctx: Ctx, id: string): Promise<Lead | undefined> {
  const row = await db(ctx).selectFrom('leads.leads').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toLead(row) : undefined;
}

export async function insertLead(ctx: Ctx, lead: Lead): Promise<void> {
  await db(ctx)
    .insertInto('leads.leads')
    .values({
      id: lead.id,
      source_system: lead.sourceSystem,
      source_id: lead.sourceId,
      ...values(lead),
      created_at: lead.createdAt,
    })
    .execute();
}

export async function updateLead(ctx: Ctx, lead: Lead): Promise<void> {
  await db(ctx).updateTable('leads.leads').set(values(lead)).where('id', '=', lead.id).execute();
}

/** Open leads per dealer, for the dealers given. */
export async function countOpenLeads(
  ctx: Ctx,
  dealerOrgIds: readonly string[],
): Promise<Map<string, number>> {
  if (dealerOrgIds.length === 0) return new Map();
  const rows = await db(ctx)
    .selectFrom('leads.leads')
    .select(['dealer_org_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('dealer_org_id', 'in', [...dealerOrgIds])
    .where('stage', 'in', [...OPEN_STAGES])
    .groupBy('dealer_org_id')
    .execute();
  return new Map(rows.map((r) => [r.dealer_org_id ?? '', Number(r.n)]));
}

export type LeadFilter = {
  dealerOrgId: string;
  stage?: LeadStage | undefined;
  before?: string | undefined;
  limit: number;
};

/** A dealer's leads, newest first; one more than `limit` so the caller knows whether more follow. */
export async function listLeads(ctx: Ctx, f: LeadFilter): Promise<Lead[]> {
  let q = db(ctx).selectFrom('leads.leads').selectAll().where('dealer_org_id', '=', f.dealerOrgId);
  if (f.stage !== undefined) q = q.where('stage', '=', f.stage);
  if (f.before !== undefined) q = q.where('id', '<', f.before);
  const rows = await q
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
  return rows.map(toLead);
}
