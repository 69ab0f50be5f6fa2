import { z } from 'zod';
import { defineEvent } from '../../platform/events/define-event.ts';

/** The customer accepted the car at the hand-over: they own it now (the aggregate is the vehicle id). */
export const ownershipRecorded = defineEvent(
  'owners.ownership_recorded',
  z.object({
    vehicleId: z.string(),
    vin: z.string(),
    orderId: z.string(),
    customerId: z.string(),
    modelLine: z.string(),
    configurationCode: z.string(),
    dealerId: z.string(),
    deliveredAt: z.string(),
  }),
  {
    description:
      'The customer accepted the car at the hand-over and owns it now (vehicle id, VIN, model line, configuration, dealer). The aggregate is the vehicle id.',
  },
);
