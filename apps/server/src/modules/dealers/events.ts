import { z } from 'zod';
import { defineEvent } from '../../platform/events/define-event.ts';

/** A dealer's profile was created or changed (the aggregate is the dealer organisation id). */
export const profileUpdated = defineEvent(
  'dealers.profile_updated',
  z.object({
    dealerId: z.string(),
    code: z.string(),
    services: z.array(z.string()),
    handoverCapacityPerDay: z.number().int(),
    active: z.boolean(),
  }),
  {
    description:
      "A dealer's profile (services, hand-over capacity, active) was created or changed. The aggregate is the dealer organisation id.",
  },
);
