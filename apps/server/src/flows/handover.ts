import {
  bookHandover,
  type ChecklistItem,
  checkHandoverItem,
  checklistState,
  completeHandover,
  findHandoverOfVehicle,
  getHandover,
  type Handover,
  type HandoverStatus,
  listHandovers,
} from '../modules/dealers/index.ts';
import { assertAuthorized } from '../modules/identity/index.ts';
import {
  amountDue,
  getOrder,
  illegalTransition,
  lockOrder,
  ORDER_NOT_FOUND,
  type Order,
  recordOrderFact,
  transitionOrder,
} from '../modules/ordering/index.ts';
import { type OwnedVehicle, recordOwnership } from '../modules/owners/index.ts';
import { getLedgerFigures, getLedgerFiguresOf } from '../modules/payments/index.ts';
import { readArrivals } from '../modules/production/index.ts';
import { type Ctx, inTransaction } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { ARRIVING_STATES, carsToBook } from './cars-to-book.ts';
import { dueBasisOf, orderMoneyOf } from './order-money.ts';
import { listOrderSummaries, type OrderSummary } from './read-order.ts';

/**
 * The hand-over (交车): the dealer books the appointment once the car is at the dealer, runs the
 * pre-delivery checklist, and the customer accepts the car in the app once the checklist is
 * complete and the balance is paid (the ledger says so). Accepting delivers the order, completes
 * the hand-over and makes the customer the owner of the vehicle, in one transaction under the
 * order's row lock.
 */
export async function bookOrderHandover(
  ctx: Ctx,
  vehicleRef: string,
  input: { day: string; slotStart: string },
): Promise<{ order: Order; handover: Handover }> {
  assertAuthorized(ctx.actor, 'handover.manage');
  return inTransaction(ctx, async (tx) => {
    // Dealer staff reach their own dealer's orders only (another dealer's is 404).
    const order = await lockOrder(tx, vehicleRef, { permission: 'dealer_order.read' });
    return bookLockedOrderHandover(tx, order, input);
  });
}

/**
 * Books (or moves) the appointment of an order the caller has locked and whose access it has
 * decided (the staff flow above, the DMS flow): only once the car is at the dealer; the promised
 * date follows the appointment; timeline `handover_booked`.
 */
export async function bookLockedOrderHandover(
  tx: Ctx,
  order: Order,
  input: { day: string; slotStart: string },
): Promise<{ order: Order; handover: Handover }> {
  if (order.state !== 'at_dealer') throw illegalTransition(order.state, 'book_handover');
  const previous = await findHandoverOfVehicle(tx, order.vehicleId);
  const handover = await bookHandover(tx, {
    dealerOrgId: order.dealer.id,
    vehicleId: order.vehicleId,
    orderId: order.id,
    day: input.day,
    slotStart: input.slotStart,
  });
  const next = await recordOrderFact(tx, order, {
    patch: { promisedDeliveryDate: handover.day },
    timeline: {
      kind: 'handover_booked',
      data: {
        handoverId: handover.id,
        day: handover.day,
        slotStart: handover.slotStart,
        slotEnd: handover.slotEnd,
        previousDay: previous?.status === 'booked' ? previous.day : null,
      },
    },
  });
  return { order: next, handover };
}

/** One checklist item at the dealer; the order's timeline says when the checklist is complete. */
export async function checkOrderHandoverItem(
  ctx: Ctx,
  vehicleRef: string,
  input: { item: ChecklistItem; checked: boolean; note?: string | null },
): Promise<Handover> {
  assertAuthorized(ctx.actor, 'handover.manage');
  return inTransaction(ctx, async (tx) => {
    const order = await lockOrder(tx, vehicleRef, { permission: 'dealer_order.read' });
    return checkLockedOrderHandoverItem(tx, order, input);
  });
}

/** One checklist item of an order the caller has locked and whose access it has decided. */
export async function checkLockedOrderHandoverItem(
  tx: Ctx,
  order: Order,
  input: { item: ChecklistItem; checked: boolean; note?: string | null },
): Promise<Handover> {
  const booked = await findHandoverOfVehicle(tx, order.vehicleId);
  if (!booked) throw noHandover();
  const wasComplete = checklistState(booked.checklist).complete;
  // The module checks the dealer (staff or the dealer's DMS) and that the appointment is open.
  const handover = await checkHandoverItem(tx, booked.id, input);
  if (!wasComplete && checklistState(handover.checklist).complete) {
    await recordOrderFact(tx, order, {
      timeline: { kind: 'handover_checklist_completed', data: { handoverId: handover.id } },
    });
  }
  return handover;
}

/** The dealer's view of one hand-over by vehicle id (the order decides the reach: another dealer's is 404). */
export async function readOrderHandover(
  ctx: Ctx,
  vehicleRef: string,
): Promise<{ order: Order; handover: Handover }> {
  assertAuthorized(ctx.actor, 'handover.manage');
  const order = await getOrder(ctx, vehicleRef, 'dealer_order.read');
  const handover = await findHandoverOfVehicle(ctx, order.vehicleId);
  if (!handover) throw noHandover();
  return { order, handover: await getHandover(ctx, handover.id) };
}

const noHandover = () =>
  new AppError('not_found', 'dealers.handover_not_found', 'No hand-over is booked for this car yet.');

export type AcceptanceMissing = {
  balanceDue: number;
  currency: string;
  handoverBooked: boolean;
  checklistLeft: ChecklistItem[];
  vin: boolean;
};

/**
 * The customer accepts their car: only when it is at the dealer, the hand-over is booked with
 * its checklist complete, and the balance is paid by the ledger; otherwise 409
 * `ordering.delivery_not_ready` with what is missing (balance due and currency, checklist items
 * left). Then the order is `delivered`, the hand-over completed and the customer the owner.
 */
export async function acceptDelivery(
  ctx: Ctx,
  ref: string,
): Promise<{ order: Order; owned: OwnedVehicle; handover: Handover }> {
  assertAuthorized(ctx.actor, 'delivery.accept');
  return inTransaction(ctx, async (tx) => {
    const order = await lockOrder(tx, ref);
    assertAuthorized(tx.actor, 'delivery.accept', {
      orgId: order.dealer.id,
      ownerUserId: order.customer.userId,
      notFoundCode: ORDER_NOT_FOUND,
    });
    if (order.state !== 'at_dealer') throw illegalTransition(order.state, 'deliver');
    const figures = await getLedgerFigures(tx, order.id);
    const due = amountDue(order.terms, dueBasisOf(order), figures.netPaid);
    const handover = await findHandoverOfVehicle(tx, order.vehicleId);
    const booked = handover?.status === 'booked';
    const missing: AcceptanceMissing = {
      balanceDue: due?.amount ?? 0,
      currency: order.price.currency,
      handoverBooked: booked,
      checklistLeft: handover ? checklistState(handover.checklist).left : checklistState([]).left,
      vin: order.vin !== null,
    };
    if (missing.balanceDue > 0 || !booked || missing.checklistLeft.length > 0 || !order.vin) {
      throw new AppError(
        'conflict',
        'ordering.delivery_not_ready',
        missing.balanceDue > 0
          ? `Pay the balance of ${missing.balanceDue} fen first.`
          : 'The hand-over is not ready yet.',
        { extra: { state: order.state, ...missing } },
      );
    }
    const delivered = await transitionOrder(tx, order, 'deliver', {
      balanceDue: 0,
      timeline: { data: { handoverId: handover?.id ?? null, vin: order.vin } },
    });
    const completed = await completeHandover(tx, order.vehicleId);
    const owned = await recordOwnership(tx, {
      vehicleId: order.vehicleId,
      vin: order.vin ?? '',
      orderId: order.id,
      customerUserId: order.customer.userId,
      modelLine: order.modelLine.code,
      configurationCode: order.configuration.code,
      dealerOrgId: order.dealer.id,
      deliveredAt: tx.now,
    });
    return { order: delivered, owned, handover: completed };
  });
}

/**
 * When a car is (or was) at the dealer, from the plant's record: the actual time of its
 * `at_dealer` step, else that step's estimate, else the plant's promised date (the order's
 * without a car at the plant).
 */
export type Arrival = { arrivedAt: Date | null; estimatedAt: string | null; deliveryDate: string | null };

/** The arrivals of orders whose access the caller decided, in the orders' order (one batch read). */
async function arrivalsOf(ctx: Ctx, orders: readonly Order[]): Promise<Arrival[]> {
  const plant = await readArrivals(
    ctx,
    orders.map((o) => o.vehicleId),
  );
  return orders.map((order) => {
    const car = plant.get(order.vehicleId);
    return {
      arrivedAt: car?.arrivedAt ?? null,
      estimatedAt: car?.estimatedAt ?? null,
      deliveryDate: car?.deliveryDate ?? order.promisedDeliveryDate,
    };
  });
}

/**
 * The own dealer's appointments by date and time, each with its order (buyer, model line, VIN,
 * money due) and the car's arrival for the hand-over page.
 */
export async function listOwnHandovers(
  ctx: Ctx,
  filter: { from?: string; to?: string; status?: HandoverStatus },
): Promise<{ handover: Handover; order: OrderSummary; arrival: Arrival }[]> {
  const handovers = await listHandovers(ctx, filter);
  const orders = await Promise.all(handovers.map((h) => getOrder(ctx, h.orderId, 'dealer_order.read')));
  const figures = await getLedgerFiguresOf(
    ctx,
    orders.map((o) => o.id),
  );
  const arrivals = await arrivalsOf(ctx, orders);
  return handovers.map((handover, i) => {
    const order = orders[i] as Order;
    const f = figures.get(order.id);
    if (!f) throw new Error(`no figures for ${order.id}`);
    return { handover, order: { order, money: orderMoneyOf(order, f) }, arrival: arrivals[i] as Arrival };
  });
}

/** At most this many pages of 100 orders per state: a dealership has far fewer cars arriving. */
const MAX_PAGES = 5;

/**
 * The own dealer's cars waiting for a hand-over appointment: on their way (shipped) or at the
 * dealer, without a booked or completed hand-over (a cancelled one is booked again); cars at
 * the dealer first, then by promised date. Each with its arrival.
 */
export async function listCarsToBook(ctx: Ctx): Promise<{ order: OrderSummary; arrival: Arrival }[]> {
  assertAuthorized(ctx.actor, 'handover.manage');
  const summaries: OrderSummary[] = [];
  for (const state of ARRIVING_STATES) {
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const result = await listOrderSummaries(ctx, 'dealer_order.read', { state, limit: 100, cursor });
      summaries.push(...result.items);
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
  }
  // Only these cars' hand-overs: the dealer's whole history would grow without bound.
  const handovers = await listHandovers(ctx, { vehicleIds: summaries.map((s) => s.order.vehicleId) });
  const byVehicle = new Map(summaries.map((s) => [s.order.vehicleId, s]));
  const waiting = carsToBook(
    summaries.map((s) => s.order),
    handovers,
  ).map((order) => byVehicle.get(order.vehicleId) as OrderSummary);
  const arrivals = await arrivalsOf(
    ctx,
    waiting.map((s) => s.order),
  );
  return waiting.map((order, i) => ({ order, arrival: arrivals[i] as Arrival }));
}
