/**
 * Leads: people interested in a car, pushed by the brand's CRM (source system and its own id as
 * the natural key; name in any script, phone in E.164, city, model line, preferred dealer,
 * source and campaign, stage), each assigned to one dealer: the preferred dealer when it exists,
 * else a dealer in the lead's city with the fewest open leads (assign-dealer.ts). Dealer staff
 * read their own dealer's leads; nobody else reads them (a lead is customer data).
 *
 * For flows: `upsertLead(ctx, input)` (no permission check: the partner route authorises the
 * CRM key; the partner module's `applyVersioned` decides whether it runs). For routes:
 * `listDealerLeads(ctx, query)`, `getDealerLead(ctx, id)` (`lead.read`, own dealer; another
 * dealer's lead is 404 `leads.lead_not_found`).
 * Events: `leads.lead_received`, `leads.lead_assigned`, `leads.lead_stage_changed`, without
 * the person's name or phone.
 *
 * Must not: hand a lead to anyone but its dealer's staff; put names or phones in events or
 * logs; touch another module's schema. Only store.ts has SQL, and only schema `leads`.
 */
export type { Assignment, DealerCandidate } from './assign-dealer.ts';
export { assignDealer, normalizeCity } from './assign-dealer.ts';
export { leadAssigned, leadReceived, leadStageChanged } from './events.ts';
export type { LeadQuery } from './read-leads.ts';
export { getDealerLead, listDealerLeads } from './read-leads.ts';
export type { AssignmentRule, Lead, LeadStage, Page } from './types.ts';
export { ASSIGNMENT_RULES, LEAD_STAGES, OPEN_STAGES } from './types.ts';
export type { LeadInput } from './upsert-lead.ts';
export { normalizeName, upsertLead } from './upsert-lead.ts';
