import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { assertAuthorized } from '../identity/index.ts';
import * as store from './store.ts';
import type { Lead, LeadStage, Page } from './types.ts';

const NOT_FOUND = 'leads.lead_not_found';

export type LeadQuery = {
  stage?: LeadStage | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
};

function ownDealer(ctx: Ctx): string {
  // lead.read reaches the staff member's own dealer: the list is always that dealer's.
  if (ctx.actor.kind !== 'staff') throw new AppError('forbidden', 'identity.forbidden', 'Dealer staff only.');
  return ctx.actor.orgId;
}

/** The leads of the signed-in staff member's dealer, newest first. */
export async function listDealerLeads(ctx: Ctx, query: LeadQuery = {}): Promise<Page<Lead>> {
  assertAuthorized(ctx.actor, 'lead.read');
  const limit = Math.min(Math.max(query.limit ?? 50, 1), 200);
  const rows = await store.listLeads(ctx, {
    dealerOrgId: ownDealer(ctx),
    stage: query.stage,
    before: query.cursor,
    limit,
  });
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}

/** One lead of the own dealer; another dealer's lead, or an unassigned one, answers 404. */
export async function getDealerLead(ctx: Ctx, id: string): Promise<Lead> {
  assertAuthorized(ctx.actor, 'lead.read');
  const lead = await store.findLead(ctx, id);
  if (!lead) throw new AppError('not_found', NOT_FOUND, 'No such lead.');
  assertAuthorized(ctx.actor, 'lead.read', { orgId: lead.dealerOrgId, notFoundCode: NOT_FOUND });
  return lead;
}
