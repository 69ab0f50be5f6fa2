import { holdFirstHandoverSlotFrom } from '../modules/dealers/index.ts';
import {
  findOrderByRef,
  lockOrder,
  type Order,
  type OrderState,
  RESCHEDULABLE_STATES,
  recordOrderFact,
  type StateAction,
  timelineHasEvent,
  transitionOrder,
} from '../modules/ordering/index.ts';
import {
  dayFrozen,
  deliveryDateReserved,
  deliveryRepromised,
  findVehicleById,
  vehicleStepRecorded,
} from '../modules/production/index.ts';
import type { Ctx } from '../platform/context.ts';
import type { EventBus } from '../platform/events/event-bus.ts';

/**
 * The order follows the plant. Production announces what happened to a car (its day froze, a
 * station recorded a step, its date was re-promised) and these in-process subscribers move the
 * order, its VIN, its promised date and its timeline, each in one transaction with the
 * delivery mark (platform/events/event-bus.ts), so the order never moves without the event and
 * the event is applied once. Delivery is at least once, so every handler is idempotent: state
 * moves are guarded by the order's state, timeline facts by the event id in their data.
 * The same events still go out to NATS and webhooks.
 *
 * Why subscribers and not calls from the routes: the plant's facts come from many places (the
 * station route, the planner's freeze, the hourly freeze job, a supplier's delay report, the
 * sequencing job), and production must not know orders. Commands of a person that must be
 * atomic with the plant (placing with a date, lock, cancel, a date change, the hand-over) are
 * flows called by the routes instead.
 */
export function subscribeBuildChain(events: EventBus): void {
  events.subscribe(dayFrozen, 'ordering.follow_day_frozen', async (ctx, event) => {
    const { day, lineId, vehicleIds } = event.payload;
    for (const [i, vehicleId] of vehicleIds.entries()) {
      const car = await findVehicleById(ctx, vehicleId);
      if (car?.status !== 'active') continue;
      const order = await lockKnownOrder(ctx, car.orderId);
      if (order?.state !== 'locked') continue; // scheduled already, or not an order of ours
      await transitionOrder(ctx, order, 'schedule', {
        patch: { promisedDeliveryDate: order.promisedDeliveryDate ?? car.deliveryDate },
        timeline: {
          at: new Date(event.occurredAt),
          data: {
            productionDay: day,
            sequencePosition: i + 1,
            carsOnDay: vehicleIds.length,
            lineId,
            shipDate: car.shipDate,
            promisedDeliveryDate: order.promisedDeliveryDate ?? car.deliveryDate,
            eventId: event.id,
          },
        },
      });
    }
  });

  events.subscribe(vehicleStepRecorded, 'ordering.follow_plant_steps', async (ctx, event) => {
    const p = event.payload;
    const order = await lockKnownOrder(ctx, p.orderId);
    if (!order || order.state === 'cancelled') return;
    const at = new Date(p.at);
    const estimatedAt = p.estimatedAt ? new Date(p.estimatedAt) : null;
    const data = {
      step: p.step,
      result: p.result,
      defects: p.defects.map((d) => d.code),
      vin: p.vin,
      lineId: p.lineId,
      eventId: event.id,
    };
    const move = STAGE_OF_STEP[`${p.step}${p.result ? `:${p.result}` : ''}`];
    if (move) {
      const [from, action] = move;
      if (rank(order.state) > rank(from)) return; // applied already
      if (order.state !== from) {
        // Behind: the freeze that schedules it has not been applied yet. Thrown, so the bus
        // retries this event (and holds this car's later events back) until it has.
        throw new Error(`order ${order.id} is ${order.state}; ${p.step} needs ${from}`);
      }
      await transitionOrder(ctx, order, action, {
        ...(p.vin && !order.vin ? { patch: { vin: p.vin } } : {}),
        timeline: { data, at, estimatedAt },
      });
      return;
    }
    if (await timelineHasEvent(ctx, order.id, event.id)) return;
    await recordOrderFact(ctx, order, {
      ...(p.vin && p.vin !== order.vin ? { patch: { vin: p.vin } } : {}),
      timeline: { kind: 'plant_step', data, at, estimatedAt },
    });
  });

  events.subscribe(deliveryRepromised, 'ordering.follow_repromise', async (ctx, event) => {
    const p = event.payload;
    const order = await lockKnownOrder(ctx, p.orderId);
    if (!order || !RESCHEDULABLE_STATES.includes(order.state)) return;
    if (await timelineHasEvent(ctx, order.id, event.id)) return;
    // The hand-over slot moves with the car; a full day at the dealer pushes the hand-over on.
    const handover =
      (await holdFirstHandoverSlotFrom(ctx, {
        vehicleId: order.vehicleId,
        dealerOrgId: order.dealer.id,
        from: p.newDate,
      })) ?? p.newDate;
    await transitionOrder(ctx, order, 'reschedule', {
      reason: p.reason,
      patch: { promisedDeliveryDate: handover },
      timeline: {
        at: new Date(event.occurredAt),
        data: {
          reason: p.reason,
          previousDeliveryDate: order.promisedDeliveryDate ?? p.previousDate,
          promisedDeliveryDate: handover,
          plantDate: p.newDate,
          dealerFull: handover !== p.newDate,
          detail: p.detail,
          eventId: event.id,
        },
      },
    });
  });

  // A date reserved at production directly (the flows set it on the order themselves): the
  // order learns it too, once.
  events.subscribe(deliveryDateReserved, 'ordering.follow_date_reserved', async (ctx, event) => {
    const p = event.payload;
    const order = await lockKnownOrder(ctx, p.orderId);
    if (!order || !RESCHEDULABLE_STATES.includes(order.state)) return;
    if (order.promisedDeliveryDate === p.deliveryDate) return;
    if (await timelineHasEvent(ctx, order.id, event.id)) return;
    await recordOrderFact(ctx, order, {
      patch: { promisedDeliveryDate: p.deliveryDate },
      timeline: {
        kind: 'delivery_date_reserved',
        at: new Date(event.occurredAt),
        data: {
          deliveryDate: p.deliveryDate,
          productionDay: p.productionDay,
          shipDate: p.shipDate,
          eventId: event.id,
        },
      },
    });
  });
}

/** The steps that move the order to its next stage: [the stage it must be in, the action]. */
const STAGE_OF_STEP: Record<string, readonly [OrderState, StateAction]> = {
  stamping: ['scheduled', 'start_production'],
  'qc:pass': ['in_production', 'complete_build'],
  shipped: ['built', 'ship'],
  at_dealer: ['shipped', 'arrive_at_dealer'],
};

const STAGES: readonly OrderState[] = [
  'draft',
  'reserved',
  'locked',
  'scheduled',
  'in_production',
  'built',
  'shipped',
  'at_dealer',
  'delivered',
];
const rank = (s: OrderState) => (s === 'cancelled' ? Number.POSITIVE_INFINITY : STAGES.indexOf(s));

/** The order row locked, or undefined for a car registered without an order (tests, tools). */
async function lockKnownOrder(ctx: Ctx, orderId: string): Promise<Order | undefined> {
  if (!(await findOrderByRef(ctx, orderId))) return undefined;
  return lockOrder(ctx, orderId);
}
