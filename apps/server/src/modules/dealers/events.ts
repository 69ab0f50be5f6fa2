import { z } from 'zod';
import { defineEvent } from '../../platform/events/define-event.ts';
import { STOCK_STATUSES, STOCK_USAGES } from './types.ts';

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

/** A vehicle of a dealer's own stock was reported new or changed (the aggregate is the VIN). */
export const stockVehicleUpdated = defineEvent(
  'dealers.stock_vehicle_updated',
  z.object({
    dealerId: z.string(),
    vin: z.string(),
    modelLine: z.string(),
    configurationCode: z.string().nullable(),
    usage: z.enum(STOCK_USAGES),
    status: z.enum(STOCK_STATUSES),
    previousStatus: z.enum(STOCK_STATUSES).nullable(),
  }),
  {
    description:
      "A vehicle of a dealer's own stock (demo, test drive, for sale) was reported new or changed by the dealer's DMS. The aggregate is the VIN.",
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

/**
 * A booked hand-over appointment was cancelled at the dealer (the car stays at the dealer and
 * waits for a new appointment; its hand-over slot of that date went back). The aggregate is the
 * vehicle id.
 */
export const handoverCancelled = defineEvent(
  'dealers.handover_cancelled',
  z.object({
    handoverId: z.string(),
    dealerId: z.string(),
    vehicleId: z.string(),
    orderId: z.string(),
    day: z.string(),
    slotStart: z.string(),
  }),
  {
    description:
      'A booked hand-over appointment was cancelled by the dealer (the car waits at the dealer for a new appointment). The aggregate is the vehicle id.',
  },
);

/**
 * The dealer handed the keys over, after the customer accepted the car (the aggregate is the
 * vehicle id). The staff member's name stays on the hand-over record: events travel to other
 * systems and carry no person's name.
 */
export const keysHandedOver = defineEvent(
  'dealers.keys_handed_over',
  z.object({
    handoverId: z.string(),
    dealerId: z.string(),
    vehicleId: z.string(),
    orderId: z.string(),
    handedOverAt: z.string(),
  }),
  {
    description:
      "The dealer handed the keys over (the time, as the dealer's DMS confirmed it), after the customer accepted the car in the app. The aggregate is the vehicle id.",
  },
);
