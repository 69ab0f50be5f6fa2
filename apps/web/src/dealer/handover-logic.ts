// The dealer hand-over pages' rules, pure: which cars wait for an appointment, the booking grid
// of days × slots with the reason a cell cannot be taken, when the car arrives, and what the
// hand-over waits for.
import type { Handover, HandoverAvailability, OrderSummary, VehicleProgress } from '../api/types.ts';

/** The list's filters: cars still without an appointment, booked ones, handed-over ones. */
export const HANDOVER_FILTERS = ['to_book', 'booked', 'completed'] as const;
export type HandoverFilter = (typeof HANDOVER_FILTERS)[number];

export function isHandoverFilter(value: unknown): value is HandoverFilter {
  return typeof value === 'string' && (HANDOVER_FILTERS as readonly string[]).includes(value);
}

/** Order states of a car that is on its way to the dealer or standing there. */
export const ARRIVING_STATES = ['shipped', 'at_dealer'] as const satisfies readonly OrderSummary['state'][];

/**
 * The cars to book: on their way (shipped) or at the dealer, without a booked or completed
 * hand-over (a cancelled one is booked again). Cars at the dealer first, then by promised date.
 */
export function carsToBook(
  orders: readonly OrderSummary[],
  handovers: readonly Pick<Handover, 'vehicleId' | 'status'>[],
): OrderSummary[] {
  const taken = new Set(handovers.filter((h) => h.status !== 'cancelled').map((h) => h.vehicleId));
  const seen = new Set<string>();
  const rows: OrderSummary[] = [];
  for (const o of orders) {
    if (!(ARRIVING_STATES as readonly string[]).includes(o.state)) continue;
    if (taken.has(o.vehicleId) || seen.has(o.vehicleId)) continue;
    seen.add(o.vehicleId);
    rows.push(o);
  }
  const rank = (o: OrderSummary) => (o.state === 'at_dealer' ? 0 : 1);
  return rows.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.promisedDeliveryDate ?? '9999').localeCompare(b.promisedDeliveryDate ?? '9999') ||
      a.vehicleId.localeCompare(b.vehicleId),
  );
}

export type Arrival =
  | { kind: 'arrived'; at: string }
  | { kind: 'eta'; at: string }
  | { kind: 'eta_date'; date: string }
  | { kind: 'unknown' };

/**
 * When the car is (or was) at the dealer: the plant's actual time of the at_dealer step, else
 * its estimate, else the promised delivery date.
 */
export function arrivalOf(
  progress: Pick<VehicleProgress, 'steps' | 'deliveryDate'> | null,
  promisedDeliveryDate: string | null,
): Arrival {
  const step = progress?.steps.find((s) => s.step === 'at_dealer');
  if (step?.actualAt) return { kind: 'arrived', at: step.actualAt };
  if (step?.estimatedAt) return { kind: 'eta', at: step.estimatedAt };
  const date = progress?.deliveryDate ?? promisedDeliveryDate;
  return date ? { kind: 'eta_date', date } : { kind: 'unknown' };
}

/** Why a slot cannot be taken: the day has no hand-over left, or it is the car's own slot. */
export type SlotBlock = 'full' | 'current' | 'closed';
export type SlotCell = { slotStart: string; block: SlotBlock | null };
export type SlotDay = { day: string; left: number | null; full: boolean; cells: SlotCell[] };
export type SlotGrid = { times: string[]; days: SlotDay[] };

/**
 * The booking grid: one row per day, one column per slot start any day has. A day without
 * hand-overs left is full, except the day the car already holds (moving within it keeps the
 * car's place); a time outside that day's opening hours is closed; the booked slot is current.
 */
export function slotGrid(
  availability: readonly HandoverAvailability[],
  current: Pick<Handover, 'day' | 'slotStart' | 'status'> | null,
): SlotGrid {
  const held = current?.status === 'booked' ? current : null;
  const times = [...new Set(availability.flatMap((d) => d.slots))].sort();
  const days = availability.map((d) => {
    const holdsDay = held?.day === d.day;
    const full = d.left !== null && d.left <= 0 && !holdsDay;
    const open = new Set(d.slots);
    const cells = times.map((slotStart): SlotCell => {
      if (!open.has(slotStart)) return { slotStart, block: 'closed' };
      if (holdsDay && held?.slotStart === slotStart) return { slotStart, block: 'current' };
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

/** YYYY-MM-DD plus days, in UTC arithmetic (dates only). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Dealers' dates are local to China (the server's DEALER_TIME_ZONE). */
export const DEALER_TIME_ZONE = 'Asia/Shanghai';

/** Today at the dealer, YYYY-MM-DD. */
export function dealerToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: DEALER_TIME_ZONE }).format(now);
}
