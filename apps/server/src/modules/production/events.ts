import { z } from 'zod';
import { defineEvent } from '../../platform/events/define-event.ts';

/**
 * Production events. Vehicle events have the vehicle id as aggregate (so they arrive in order
 * per car) and always carry the order id, so ordering can move the order and its timeline
 * without asking production. Day events have `<lineId>:<day>` as aggregate.
 */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const vehicle = { vehicleId: z.string(), orderId: z.string() };

/** A car to build was registered (normally when its order is locked). */
export const vehicleRegistered = defineEvent(
  'production.vehicle_registered',
  z.object({
    ...vehicle,
    modelLine: z.string(),
    configurationCode: z.string(),
    lineId: z.string(),
    plantOrgId: z.string(),
    dealerOrgId: z.string(),
  }),
  { description: 'A car to build was registered (normally when its order is locked).' },
);

/**
 * A delivery date was reserved for the car (first time: `previousDate` null; a change of date
 * by the customer: the old one). Ordering: schedule (or reschedule) the order with `deliveryDate`.
 */
export const deliveryDateReserved = defineEvent(
  'production.delivery_date_reserved',
  z.object({
    ...vehicle,
    deliveryDate: isoDate,
    previousDate: isoDate.nullable(),
    productionDay: isoDate,
    shipDate: isoDate,
    lineId: z.string(),
    plantOrgId: z.string(),
    dealerOrgId: z.string(),
  }),
  {
    description:
      'A delivery date was reserved for the car (first time: `previousDate` null; a change of date by the customer: the old one). Ordering: schedule (or reschedule) the order with `deliveryDate`.',
  },
);

/**
 * The promised delivery date changed without the customer asking: the customer must be told
 * why. `reason`: qc_failed (rework after the quality check), part_late (a supplier reported a
 * delay), replanned (the planner moved the car to a later production day), not_locked (its
 * production day froze before the order was locked: moved to the next available date).
 */
export const deliveryRepromised = defineEvent(
  'production.delivery_repromised',
  z.object({
    ...vehicle,
    previousDate: isoDate,
    newDate: isoDate,
    reason: z.enum(['qc_failed', 'part_late', 'replanned', 'not_locked']),
    /** Figures behind the reason (defect codes, part number and supplier's new date, days). */
    detail: z.record(z.string(), z.unknown()),
  }),
  {
    description:
      'The promised delivery date changed without the customer asking: the customer must be told why. `reason`: qc_failed (rework after the quality check), part_late (a supplier reported a delay), replanned (the planner moved the car to a later production day), not_locked (its production day froze before the order was locked: moved to the next available date).',
  },
);

/** The planner moved the car to another production day (its delivery date may be unchanged). */
export const vehicleReplanned = defineEvent(
  'production.vehicle_replanned',
  z.object({
    ...vehicle,
    previousDay: isoDate,
    productionDay: isoDate,
    deliveryDate: isoDate,
    lineId: z.string(),
  }),
  {
    description: 'The planner moved the car to another production day (its delivery date may be unchanged).',
  },
);

/** A station recorded the car's next step. `vin` is known from the body shop on. */
export const vehicleStepRecorded = defineEvent(
  'production.vehicle_step_recorded',
  z.object({
    ...vehicle,
    step: z.enum(['stamping', 'body', 'paint', 'assembly', 'qc', 'rework', 'shipped', 'at_dealer']),
    result: z.enum(['pass', 'fail']).nullable(),
    defects: z.array(z.object({ code: z.string(), description: z.string() })),
    at: z.string(),
    estimatedAt: z.string().nullable(),
    vin: z.string().nullable(),
    lineId: z.string(),
    plantOrgId: z.string(),
    dealerOrgId: z.string(),
  }),
  { description: "A station recorded the car's next step. `vin` is known from the body shop on." },
);

/** The car's order was locked: it may now be sequenced, frozen and built. */
export const vehicleConfirmed = defineEvent(
  'production.vehicle_confirmed',
  z.object({ ...vehicle, deliveryDate: isoDate.nullable(), productionDay: isoDate.nullable() }),
  { description: "The car's order was locked: it may now be sequenced, frozen and built." },
);

/** The car's configuration changed before lock (its parts list and option loads were recounted). */
export const vehicleReconfigured = defineEvent(
  'production.vehicle_reconfigured',
  z.object({
    ...vehicle,
    configurationCode: z.string(),
    previousConfigurationCode: z.string(),
    deliveryDate: isoDate.nullable(),
    previousDate: isoDate.nullable(),
  }),
  {
    description:
      "The car's configuration changed before lock (its parts list and option loads were recounted); its delivery date held or moved.",
  },
);

/** The car will not be built (its order was cancelled); its capacity went back unless its day was frozen. */
export const vehicleCancelled = defineEvent(
  'production.vehicle_cancelled',
  z.object({ ...vehicle, releasedDay: isoDate.nullable(), reason: z.string() }),
  {
    description:
      'The car will not be built (its order was cancelled); its capacity went back unless its day was frozen.',
  },
);

/** A production day was sequenced and the new order applied to its plan. */
export const daySequenced = defineEvent(
  'production.day_sequenced',
  z.object({
    lineId: z.string(),
    day: isoDate,
    runId: z.string(),
    objectiveBefore: z.number(),
    objectiveAfter: z.number(),
    vehicleIds: z.array(z.string()),
  }),
  { description: 'A production day was sequenced and the new order applied to its plan.' },
);

/** A production day was frozen: its plan and sequence are final (by hand or at the horizon). */
export const dayFrozen = defineEvent(
  'production.day_frozen',
  z.object({
    lineId: z.string(),
    plantOrgId: z.string(),
    day: isoDate,
    automatic: z.boolean(),
    /** The cars of the day in line order. */
    vehicleIds: z.array(z.string()),
  }),
  {
    description: 'A production day was frozen: its plan and sequence are final (by hand or at the horizon).',
  },
);

/** The call-offs of a frozen day went to the suppliers (one per supplier and kind). */
export const callOffsIssued = defineEvent(
  'production.calloffs_issued',
  z.object({
    lineId: z.string(),
    plantOrgId: z.string(),
    day: isoDate,
    callOffs: z.array(
      z.object({
        callOffId: z.string(),
        supplierOrgId: z.string(),
        kind: z.enum(['sequenced', 'daily']),
        dueDate: isoDate,
        items: z.number().int(),
      }),
    ),
  }),
  { description: 'The call-offs of a frozen day went to the suppliers (one per supplier and kind).' },
);

/** A supplier confirmed that a call-off is shipped. */
export const callOffShipped = defineEvent(
  'production.calloff_shipped',
  z.object({
    callOffId: z.string(),
    supplierOrgId: z.string(),
    lineId: z.string(),
    day: isoDate,
    kind: z.enum(['sequenced', 'daily']),
    shippedAt: z.string(),
  }),
  { description: 'A supplier confirmed that a call-off is shipped.' },
);

/** A supplier reported that a call-off will be late; the cars it holds up were re-promised. */
export const callOffDelayed = defineEvent(
  'production.calloff_delayed',
  z.object({
    callOffId: z.string(),
    supplierOrgId: z.string(),
    lineId: z.string(),
    day: isoDate,
    kind: z.enum(['sequenced', 'daily']),
    newDate: isoDate,
    reason: z.string(),
    /** Cars whose delivery date moved because of it. */
    repromisedVehicleIds: z.array(z.string()),
  }),
  { description: 'A supplier reported that a call-off will be late; the cars it holds up were re-promised.' },
);

/** Parts arrived at a plant (WMS); the call-offs they covered, and the cars a late or short arrival moved. */
export const partsReceived = defineEvent(
  'production.parts_received',
  z.object({
    arrivalId: z.string(),
    plantOrgId: z.string(),
    partNumber: z.string(),
    quantity: z.number().int(),
    arrivedAt: z.string(),
    /** Call-offs the arrival covered, and those now complete. */
    callOffIds: z.array(z.string()),
    receivedCallOffIds: z.array(z.string()),
    late: z.boolean(),
    short: z.boolean(),
    repromisedVehicleIds: z.array(z.string()),
  }),
  {
    description:
      'Parts arrived at a plant, as its WMS reports them: the call-offs they covered (complete ones are received), whether the arrival was late or short, and the cars re-promised because of it. The aggregate is the arrival id.',
  },
);
