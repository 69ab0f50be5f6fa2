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

/** A hand-over appointment was booked or moved (the aggregate is the vehicle id). */
export const handoverBooked = defineEvent(
  'dealers.handover_booked',
  z.object({
    handoverId: z.string(),
    dealerId: z.string(),
    vehicleId: z.string(),
    orderId: z.string(),
    day: z.string(),
    slotStart: z.string(),
    slotEnd: z.string(),
    previousDay: z.string().nullable(),
  }),
  {
    description:
      'A hand-over appointment was booked or moved by the dealer (date and time slot). The aggregate is the vehicle id.',
  },
);

/** The pre-delivery checklist of a hand-over is complete (every item checked). */
export const handoverChecklistCompleted = defineEvent(
  'dealers.handover_checklist_completed',
  z.object({ handoverId: z.string(), dealerId: z.string(), vehicleId: z.string(), orderId: z.string() }),
  {
    description:
      'Every item of the pre-delivery checklist of a hand-over is checked. The aggregate is the vehicle id.',
  },
);
