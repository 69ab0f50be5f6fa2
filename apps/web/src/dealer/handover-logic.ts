// The dealer hand-over pages' rules, pure: the booking grid of days × slots with the reason a
// cell cannot be taken, when the car arrives, and what the hand-over waits for. Which cars wait
// for an appointment is the server's (GET /dealer/handovers/to-book).
import type { Handover, HandoverArrival, HandoverAvailability, OrderSummary } from '../api/types.ts';
import { dateIn } from '../factory/iso-date.ts';

/** The list's filters: cars still without an appointment, booked ones, handed-over ones. */
export const HANDOVER_FILTERS = ['to_book', 'booked', 'completed'] as const;
export type HandoverFilter = (typeof HANDOVER_FILTERS)[number];

export function isHandoverFilter(value: unknown): value is HandoverFilter {
  return typeof value === 'string' && (HANDOVER_FILTERS as readonly string[]).includes(value);
}

export type Arrival =
  | { kind: 'arrived'; at: string }
  | { kind: 'eta'; at: string }
  | { kind: 'eta_date'; date: string }
  | { kind: 'unknown' };

/**
 * When the car is (or was) at the dealer, from the arrival the list carries (the plant's record):
 * the actual time of the at_dealer step, else its estimate, else the promised delivery date.
 */
export function arrivalOf(arrival: HandoverArrival | null, promisedDeliveryDate: string | null): Arrival {
  if (arrival?.arrivedAt) return { kind: 'arrived', at: arrival.arrivedAt };
  if (arrival?.estimatedAt) return { kind: 'eta', at: arrival.estimatedAt };
  const date = arrival?.deliveryDate ?? promisedDeliveryDate;
  return date ? { kind: 'eta_date', date } : { kind: 'unknown' };
}

/**
 * Why a slot cannot be taken: the day has no hand-over left, it is the car's own slot, the
 * dealer is closed then, or it has already started (by the server's clock).
 */
export type SlotBlock = 'full' | 'current' | 'closed' | 'started';
export type SlotCell = { slotStart: string; block: SlotBlock | null };
export type SlotDay = { day: string; left: number | null; full: boolean; cells: SlotCell[] };
export type SlotGrid = { times: string[]; days: SlotDay[] };

/**
 * The booking grid: one row per day, one column per slot start any day has (bookable or
 * started). A day without hand-overs left is full, except the day the car already holds (moving
 * within it keeps the car's place); a slot that has started is never offered; a time outside
 * that day's opening hours is closed; the booked slot is current.
 */
export function slotGrid(
  availability: readonly HandoverAvailability[],
  current: Pick<Handover, 'day' | 'slotStart' | 'status'> | null,
): SlotGrid {
  const held = current?.status === 'booked' ? current : null;
  const times = [...new Set(availability.flatMap((d) => [...d.slots, ...d.started]))].sort();
  const days = availability.map((d) => {
    const holdsDay = held?.day === d.day;
    const full = d.left !== null && d.left <= 0 && !holdsDay;
    const open = new Set(d.slots);
    const started = new Set(d.started);
    const cells = times.map((slotStart): SlotCell => {
      if (holdsDay && held?.slotStart === slotStart) return { slotStart, block: 'current' };
      if (started.has(slotStart)) return { slotStart, block: 'started' };
      if (!open.has(slotStart)) return { slotStart, block: 'closed' };
      return { slotStart, block: full ? 'full' : null };
    });
    return { day: d.day, left: d.left, full, cells };
  });
  return { times, days };
}

/** What the hand-over waits for, in the order a dealer works through it. */
export type HandoverStage =
  | 'cancelled'
  | 'delivered'
  | 'not_arrived'
  | 'to_book'
  | 'checklist_open'
  | 'balance_due'
  | 'waiting_acceptance';

export function handoverStage(
  order: Pick<OrderSummary, 'state'> & { money: Pick<OrderSummary['money'], 'balance'> },
  handover: Pick<Handover, 'status' | 'checklistComplete'> | null,
): HandoverStage {
  if (order.state === 'delivered' || handover?.status === 'completed') return 'delivered';
  if (order.state === 'cancelled') return 'cancelled';
  if (order.state !== 'at_dealer') return 'not_arrived';
  if (handover?.status !== 'booked') return 'to_book';
  if (!handover.checklistComplete) return 'checklist_open';
  if (order.money.balance > 0) return 'balance_due';
  return 'waiting_acceptance';
}

/** Booking is possible once the car is at the dealer and until it is handed over. */
export function canBook(order: Pick<OrderSummary, 'state'>, handover: Pick<Handover, 'status'> | null) {
  return order.state === 'at_dealer' && handover?.status !== 'completed';
}

/** The checklist can be ticked while the appointment is booked and the car not yet delivered. */
export function canCheck(order: Pick<OrderSummary, 'state'>, handover: Pick<Handover, 'status'> | null) {
  return order.state === 'at_dealer' && handover?.status === 'booked';
}

export { addDays } from '../factory/iso-date.ts';

/** Dealers' dates are local to China (the server's DEALER_TIME_ZONE). */
export const DEALER_TIME_ZONE = 'Asia/Shanghai';

/** Today at the dealer, YYYY-MM-DD. */
export function dealerToday(now: Date): string {
  return dateIn(DEALER_TIME_ZONE, now);
}
