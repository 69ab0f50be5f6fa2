import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordTimeline, type TimelineInput } from './record-timeline.ts';
import * as store from './store.ts';
import type { Order } from './types.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
// The shape only; production, which assigns VINs, owns their rules (ISO 3779, check digit).
const VIN = /^[A-Z0-9]{17}$/;

export type OrderFact = {
  /** What changes on the order without a state transition (the VIN from the body shop, a date). */
  patch?: Partial<Pick<Order, 'promisedDeliveryDate' | 'vin'>>;
  timeline: TimelineInput;
};

/**
 * Records something that happened to the car without moving the order's state (a plant step
 * between two stages, the VIN, the date reserved at checkout, the hand-over appointment): the
 * row (when patched) and a timeline entry, in the caller's transaction, on an order the caller
 * has locked (`lockOrder`).
 */
export async function recordOrderFact(ctx: Ctx, order: Order, fact: OrderFact): Promise<Order> {
  const patch = fact.patch ?? {};
  if (patch.promisedDeliveryDate && !DATE.test(patch.promisedDeliveryDate)) {
    throw new AppError('bad_request', 'ordering.promised_date_required', 'A date is YYYY-MM-DD.');
  }
  if (patch.vin && !VIN.test(patch.vin)) {
    throw new AppError('bad_request', 'ordering.invalid_vin', 'A VIN is 17 letters and digits.');
  }
  const changed = Object.entries(patch).some(([k, v]) => order[k as keyof typeof patch] !== v);
  const next: Order = changed ? { ...order, ...patch, updatedAt: ctx.now } : order;
  if (changed) await store.updateOrder(ctx, next);
  await recordTimeline(ctx, next, fact.timeline);
  return next;
}

/** Whether an entry written for this event id is on the timeline (subscribers run at least once). */
export async function timelineHasEvent(ctx: Ctx, orderId: string, eventId: string): Promise<boolean> {
  return store.hasTimelineEntryForEvent(ctx, orderId, eventId);
}
