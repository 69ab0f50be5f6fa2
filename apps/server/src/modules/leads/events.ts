import { z } from 'zod';
import { defineEvent } from '../../platform/events/define-event.ts';
import { ASSIGNMENT_RULES, LEAD_STAGES } from './types.ts';

// Lead events carry no name or phone: they travel to other systems, the person's data does not.
// A subscriber that needs it reads the lead through its dealer's access.

/** A system of record sent a lead that was not known yet (the aggregate is the lead id). */
export const leadReceived = defineEvent(
  'leads.lead_received',
  z.object({
    leadId: z.string(),
    sourceSystem: z.string(),
    modelLine: z.string().nullable(),
    city: z.string().nullable(),
    source: z.string().nullable(),
    campaign: z.string().nullable(),
    stage: z.enum(LEAD_STAGES),
  }),
  {
    description:
      'A system of record (the CRM) sent a lead that was not known yet. No name or phone: only its dealer reads those. The aggregate is the lead id.',
  },
);

/** A lead got a dealer, or another one. */
export const leadAssigned = defineEvent(
  'leads.lead_assigned',
  z.object({
    leadId: z.string(),
    dealerOrgId: z.string(),
    previousDealerOrgId: z.string().nullable(),
    assignedBy: z.enum(ASSIGNMENT_RULES),
  }),
  {
    description:
      'A lead was assigned to a dealer, first or another one: by its preferred dealer or by its city. The aggregate is the lead id.',
  },
);

/** A lead moved to another stage. */
export const leadStageChanged = defineEvent(
  'leads.lead_stage_changed',
  z.object({
    leadId: z.string(),
    dealerOrgId: z.string().nullable(),
    stage: z.enum(LEAD_STAGES),
    previousStage: z.enum(LEAD_STAGES),
  }),
  {
    description:
      'A lead moved to another stage (new, contacted, test drive, negotiating, won, lost). The aggregate is the lead id.',
  },
);
