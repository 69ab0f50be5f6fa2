import { holdHandoverSlot, releaseHandoverSlot } from '../modules/dealers/index.ts';
import {
  changeConfiguration,
  lockOrder,
  type Order,
  type PlaceOrderInput,
  placeOrder,
  quoteConfigurationChange,
  recordOrderFact,
  transitionOrder,
} from '../modules/ordering/index.ts';
import type { PaymentProviders } from '../modules/payments/index.ts';
import {
  checkDateForConfiguration,
  type DateCheck,
  getDeliveryCalendar,
  type IsoDate,
  type Reason,
  type ReservationResult,
  reconfigureVehicle,
  registerVehicle,
  reserveDeliveryDate,
} from '../modules/production/index.ts';
import { type Ctx, inTransaction } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { enqueue } from '../platform/jobs/enqueue.ts';
import { dealerHandoverCapacity } from './dealer-handover-capacity.ts';
import { DRAFT_EXPIRY_MS, orderJobs } from './order-jobs.ts';

/**
 * The delivery date of an order (日历订车), reserved where the plant and the dealer both have
 * room: one unit of the production day and of each option limit (production) and one hand-over
 * slot of the dealer on that date (dealers), in the caller's transaction. If either is gone the
 * whole transaction is rolled back with 409 `production.date_unavailable` (`reason`, `reasons`,
 * `nextAvailable`), so nothing is half reserved.
 */
export function dateUnavailable(
  reason: 'date_unavailable' | 'no_capacity',
  reasons: Reason[],
  nextAvailable: IsoDate | null,
): AppError {
  return new AppError(
    'conflict',
    'production.date_unavailable',
    reason === 'no_capacity'
      ? 'That date was just taken; choose another one.'
      : 'That date cannot be promised; choose another one.',
    { extra: { reason, reasons, nextAvailable } },
  );
}

type Reserved = Extract<ReservationResult, { ok: true }>;

/** Production and the dealer's slot for the order's car, or a thrown 409 (the caller's transaction rolls back). */
async function reserveBoth(tx: Ctx, order: Order, date: IsoDate): Promise<Reserved> {
  const result = await reserveDeliveryDate(tx, order.vehicleId, date, {
    handoverCapacity: dealerHandoverCapacity,
  });
  if (!result.ok) throw dateUnavailable(result.reason, result.reasons, result.nextAvailable);
  await holdSlotOrThrow(tx, order, date);
  return result;
}

async function holdSlotOrThrow(tx: Ctx, order: Order, date: IsoDate): Promise<void> {
  if (await holdHandoverSlot(tx, { vehicleId: order.vehicleId, dealerOrgId: order.dealer.id, day: date }))
    return;
  // Taken by someone else between the calendar read and this update.
  throw dateUnavailable(
    'no_capacity',
    [{ code: 'dealer_full', handoverLeft: 0 }],
    await nextAvailableFor(tx, order, date),
  );
}

/** The first date from `date` on that the calendar offers for the order's car now. */
async function nextAvailableFor(ctx: Ctx, order: Order, date: IsoDate): Promise<IsoDate | null> {
  const calendar = await getDeliveryCalendar(
    ctx,
    {
      modelLine: order.modelLine.code,
      configurationCode: order.configuration.code,
      dealerOrgId: order.dealer.id,
      weeks: 12,
    },
    { handoverCapacity: dealerHandoverCapacity },
  );
  return calendar.days.find((d) => d.date > date && d.available)?.date ?? null;
}

export type PlaceForBuildInput = PlaceOrderInput & { deliveryDate?: IsoDate | undefined };

/**
 * Places an order and makes it the car to build, in the caller's transaction (the route's
 * idempotency transaction): the order (draft, vehicle id), the car registered with production
 * on the same vehicle id, and, with `deliveryDate`, the date reserved at the plant and the
 * dealer. A date that is gone is 409 with the next available one and nothing is created. A
 * draft whose intention money is not paid within 24 hours is cancelled by the system (a job),
 * which gives its date back.
 */
export async function placeOrderForBuild(
  ctx: Ctx,
  providers: PaymentProviders,
  input: PlaceForBuildInput,
): Promise<Order> {
  const { deliveryDate, ...orderInput } = input;
  return inTransaction(ctx, async (tx) => {
    let order = await placeOrder(tx, orderInput);
    await registerVehicle(tx, {
      vehicleId: order.vehicleId,
      orderId: order.id,
      customerUserId: order.customer.userId,
      modelLine: order.modelLine.code,
      versionId: order.configuration.versionId,
      configurationCode: order.configuration.code,
      selection: order.configuration.selection,
      dealerOrgId: order.dealer.id,
    });
    if (deliveryDate) {
      const reserved = await reserveBoth(tx, order, deliveryDate);
      order = await recordOrderFact(tx, order, {
        patch: { promisedDeliveryDate: deliveryDate },
        timeline: {
          kind: 'delivery_date_reserved',
          data: { deliveryDate, productionDay: reserved.productionDay, shipDate: reserved.shipDate },
        },
      });
    }
    await enqueue(
      tx,
      orderJobs(providers).expireDraft,
      { orderId: order.id },
      { key: order.id, runAt: new Date(order.placedAt.getTime() + DRAFT_EXPIRY_MS) },
    );
    return order;
  });
}

/**
 * The customer picks or changes the delivery date of their own car, before its production day
 * is frozen: the old date's units and dealer slot go back and the new ones are taken in one
 * transaction under the order's row lock; the order's promised date, timeline (`delivery_date_
 * changed`) and event (`ordering.order_rescheduled`, reason `customer_request`) follow. 409
 * `production.date_unavailable` with the next available date when it is gone (nothing changes),
 * `production.day_frozen` once the plan is final.
 */
export async function changeDeliveryDate(
  ctx: Ctx,
  vehicleRef: string,
  date: IsoDate,
): Promise<{ order: Order } & Reserved> {
  return inTransaction(ctx, async (tx) => {
    const order = await lockOrder(tx, vehicleRef, { permission: 'order.change' });
    // Given back first, so the calendar read inside the reservation counts this car's slot as free.
    const heldBefore = await releaseHandoverSlot(tx, order.vehicleId);
    const reserved = await reserveBoth(tx, order, date);
    if (!reserved.changed && heldBefore === date && order.promisedDeliveryDate === date)
      return { order, ...reserved };
    const previous = order.promisedDeliveryDate;
    const data = {
      previousDate: previous,
      deliveryDate: date,
      productionDay: reserved.productionDay,
      shipDate: reserved.shipDate,
    };
    const next = await transitionOrder(tx, order, 'reschedule', {
      reason: 'customer_request',
      patch: { promisedDeliveryDate: date },
      timeline: { kind: previous ? 'delivery_date_changed' : 'delivery_date_reserved', data },
    });
    return { order: next, ...reserved };
  });
}

export type ConfigurationChangeDelivery = DateCheck & { date: IsoDate | null };

/**
 * The quote of a configuration change (ordering's price comparison) with what it does to the
 * delivery date: the new mix and lead time are checked against the date the order holds
 * (`holds`), with the next available date when it does not.
 */
export async function quoteOrderConfigurationChange(ctx: Ctx, ref: string, configurationCode: string) {
  const quote = await quoteConfigurationChange(ctx, ref, configurationCode);
  const date = quote.order.promisedDeliveryDate;
  let delivery: ConfigurationChangeDelivery = { date, holds: true, reasons: [], nextAvailable: date };
  if (date) {
    const check = await checkDateForConfiguration(
      ctx,
      quote.order.vehicleId,
      { modelLine: quote.order.modelLine.code, selection: quote.proposed.selection },
      date,
      { handoverCapacity: dealerHandoverCapacity },
    );
    delivery = { date, ...check };
  }
  return { ...quote, delivery };
}

/**
 * Confirms a configuration change before lock: ordering re-prices (409 `ordering.price_changed`
 * if the total differs from the quote) and production re-reserves the car's date for the new
 * mix, all in one transaction. The date kept is `deliveryDate` when given, else the one the
 * order holds; if it no longer holds, 409 `production.date_unavailable` with the next available
 * date and nothing changes: the customer confirms again with a new date.
 */
export async function changeOrderConfiguration(
  ctx: Ctx,
  ref: string,
  input: { configurationCode: string; expectedTotal: number; deliveryDate?: IsoDate | undefined },
): Promise<Order> {
  return inTransaction(ctx, async (tx) => {
    const before = await lockOrder(tx, ref, { permission: 'order.change' });
    let order = await changeConfiguration(tx, ref, {
      configurationCode: input.configurationCode,
      expectedTotal: input.expectedTotal,
    });
    const date = input.deliveryDate ?? before.promisedDeliveryDate;
    const sameCar =
      order.configuration.code === before.configuration.code &&
      order.configuration.versionId === before.configuration.versionId;
    if (sameCar && date === before.promisedDeliveryDate) return order;
    await releaseHandoverSlot(tx, order.vehicleId);
    const result = await reconfigureVehicle(
      tx,
      order.vehicleId,
      {
        versionId: order.configuration.versionId,
        configurationCode: order.configuration.code,
        selection: order.configuration.selection,
      },
      date,
      { handoverCapacity: dealerHandoverCapacity },
    );
    if (!result.ok) throw dateUnavailable(result.reason, result.reasons, result.nextAvailable);
    if (date) await holdSlotOrThrow(tx, order, date);
    if (date && date !== before.promisedDeliveryDate) {
      order = await transitionOrder(tx, order, 'reschedule', {
        reason: 'configuration_changed',
        patch: { promisedDeliveryDate: date },
        timeline: {
          kind: before.promisedDeliveryDate ? 'delivery_date_changed' : 'delivery_date_reserved',
          data: {
            previousDate: before.promisedDeliveryDate,
            deliveryDate: date,
            reason: 'configuration_changed',
          },
        },
      });
    }
    return order;
  });
}
