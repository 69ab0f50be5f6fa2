import { type Actor, actorId } from '../../platform/actor.ts';
import { type Ctx, inTransaction } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { publish } from '../../platform/events/publish.ts';
import { newId } from '../../platform/ids.ts';
import { assertAuthorized, type Permission } from '../identity/index.ts';
import { handoverBooked, handoverCancelled, handoverChecklistCompleted, keysHandedOver } from './events.ts';
import { type ChecklistItem, checklistState } from './handover-checklist.ts';
import { formatMinutes, slotStarts, slotWithinHours } from './opening-hours.ts';
import {
  dealerCapacity,
  handoverSlotsLeft,
  holdHandoverSlot,
  releaseHandoverSlot,
} from './reserve-handover.ts';
import * as store from './store.ts';
import type { Handover, HandoverStatus } from './types.ts';

/** Every hand-over takes one hour of a sales consultant and a delivery bay. */
export const HANDOVER_SLOT_MINUTES = 60;
/** Dealers' dates and times are local to China (the directory has no other time zone yet). */
export const DEALER_TIME_ZONE = 'Asia/Shanghai';

export const HANDOVER_NOT_FOUND = 'dealers.handover_not_found';
const notFound = () => new AppError('not_found', HANDOVER_NOT_FOUND, 'No such hand-over.');

/**
 * Who writes a hand-over: dealer staff in the app (`handover.manage`), or their dealer's DMS
 * through the partner API (`dms_handover.confirm`, scope `dms:handover`). Both reach their own
 * dealer's hand-overs only; the customer's acceptance is neither's to give.
 */
function writePermission(actor: Actor): Permission {
  return actor.kind === 'api_key' ? 'dms_handover.confirm' : 'handover.manage';
}

function assertMayWrite(ctx: Ctx, dealerOrgId: string): void {
  assertAuthorized(ctx.actor, writePermission(ctx.actor), {
    orgId: dealerOrgId,
    notFoundCode: HANDOVER_NOT_FOUND,
  });
}

export function localToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: DEALER_TIME_ZONE }).format(now);
}

/** The dealers' local time of day, HH:MM (as the slots are written). */
export function localTimeOfDay(now: Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: DEALER_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(now);
}

/**
 * Whether a slot (local date and HH:MM start) has started at `now`, the dealer's local time:
 * any slot of an earlier date, and today's from its start minute on.
 */
export function slotStarted(day: string, slotStart: string, now: Date): boolean {
  const today = localToday(now);
  return day < today || (day === today && slotStart <= localTimeOfDay(now));
}

export type BookHandoverInput = {
  dealerOrgId: string;
  vehicleId: string;
  orderId: string;
  day: string;
  slotStart: string;
};

/**
 * Books (or moves) the hand-over appointment of a car at its dealer: a date from today on, a
 * one-hour slot inside the opening hours that has not started yet (dealer's local time, 422
 * `dealers.handover_slot_passed`), and a hand-over slot of that date (the car's slot moves
 * from the date it held, conditionally: a full date is 409 `dealers.handover_full`). Dealer
 * staff of that dealer only (anyone else: 404). The caller (a flow) has checked the order.
 */
export async function bookHandover(ctx: Ctx, input: BookHandoverInput): Promise<Handover> {
  assertMayWrite(ctx, input.dealerOrgId);
  if (input.day < localToday(ctx.now)) {
    throw new AppError('unprocessable', 'dealers.handover_in_past', 'Choose a date from today on.', {
      fields: [{ path: 'day', message: 'Today or later' }],
    });
  }
  if (slotStarted(input.day, input.slotStart, ctx.now)) {
    throw new AppError(
      'unprocessable',
      'dealers.handover_slot_passed',
      `The slot at ${input.slotStart} today has already started; choose a later one.`,
      { fields: [{ path: 'slotStart', message: 'Not started yet' }] },
    );
  }
  const capacity = await dealerCapacity(ctx, input.dealerOrgId);
  if (!slotWithinHours(capacity.hours, input.day, input.slotStart, HANDOVER_SLOT_MINUTES)) {
    throw new AppError(
      'unprocessable',
      'dealers.handover_outside_hours',
      'The slot is outside the opening hours of the dealer on that date.',
      {
        fields: [{ path: 'slotStart', message: 'Inside the opening hours' }],
        extra: { slots: slotStarts(capacity.hours, input.day, HANDOVER_SLOT_MINUTES) },
      },
    );
  }
  const [h, m] = input.slotStart.split(':').map(Number);
  const slotEnd = formatMinutes((h ?? 0) * 60 + (m ?? 0) + HANDOVER_SLOT_MINUTES);
  return inTransaction(ctx, async (tx) => {
    const existing = await store.findHandover(tx, { vehicleId: input.vehicleId }, { forUpdate: true });
    if (existing?.status === 'completed') {
      throw new AppError('conflict', 'dealers.handover_completed', 'This car was handed over already.');
    }
    if (
      !(await holdHandoverSlot(tx, {
        vehicleId: input.vehicleId,
        dealerOrgId: input.dealerOrgId,
        day: input.day,
      }))
    ) {
      throw new AppError(
        'conflict',
        'dealers.handover_full',
        `The dealer has no hand-over left on ${input.day}.`,
        {
          extra: { day: input.day },
        },
      );
    }
    const handover: Handover =
      existing && existing.status === 'booked'
        ? {
            ...existing,
            day: input.day,
            slotStart: input.slotStart,
            slotEnd,
            bookedBy: actorId(tx.actor),
            updatedAt: tx.now,
          }
        : {
            id: existing?.id ?? newId('hnd'),
            dealerOrgId: input.dealerOrgId,
            vehicleId: input.vehicleId,
            orderId: input.orderId,
            day: input.day,
            slotStart: input.slotStart,
            slotEnd,
            status: 'booked',
            checklist: existing?.checklist ?? [],
            bookedBy: actorId(tx.actor),
            bookedAt: tx.now,
            updatedAt: tx.now,
            completedAt: null,
            keysHandedOver: null,
          };
    if (existing) await store.updateHandover(tx, handover);
    else await store.insertHandover(tx, handover);
    await publish(tx, handoverBooked, input.vehicleId, {
      handoverId: handover.id,
      dealerId: input.dealerOrgId,
      vehicleId: input.vehicleId,
      orderId: input.orderId,
      day: handover.day,
      slotStart: handover.slotStart,
      slotEnd: handover.slotEnd,
      previousDay: existing?.status === 'booked' ? existing.day : null,
    });
    return handover;
  });
}

/** A hand-over of the staff member's own dealer (another dealer's: 404). */
export async function getHandover(ctx: Ctx, id: string): Promise<Handover> {
  assertAuthorized(ctx.actor, 'handover.manage');
  const handover = await store.findHandover(ctx, { id });
  if (!handover) throw notFound();
  assertAuthorized(ctx.actor, 'handover.manage', {
    orgId: handover.dealerOrgId,
    notFoundCode: HANDOVER_NOT_FOUND,
  });
  return handover;
}

/** The hand-over of a vehicle, unchecked (flows and reads that decided access on the order). */
export async function findHandoverOfVehicle(ctx: Ctx, vehicleId: string): Promise<Handover | undefined> {
  return store.findHandover(ctx, { vehicleId });
}

/** The own dealer's appointments by date and time (optionally of some cars only). */
export async function listHandovers(
  ctx: Ctx,
  filter: { from?: string; to?: string; status?: HandoverStatus; vehicleIds?: readonly string[] } = {},
): Promise<Handover[]> {
  assertAuthorized(ctx.actor, 'handover.manage');
  const actor = ctx.actor;
  if (actor.kind !== 'staff') return [];
  return store.listHandovers(ctx, { dealerOrgId: actor.orgId, ...filter });
}

/**
 * Hand-over slots left per date at the own dealer, for booking: `slots` are those that have not
 * started at `ctx.now` (none on earlier dates), the ones `bookHandover` accepts; `started` are
 * the slots inside the opening hours that have (so a grid can say why they are gone).
 */
export async function handoverAvailability(
  ctx: Ctx,
  dealerOrgId: string,
  range: { from: string; to: string },
): Promise<{ day: string; left: number | null; slots: string[]; started: string[] }[]> {
  assertAuthorized(ctx.actor, 'handover.manage', { orgId: dealerOrgId, notFoundCode: HANDOVER_NOT_FOUND });
  const left = await handoverSlotsLeft(ctx, dealerOrgId, range);
  const capacity = await dealerCapacity(ctx, dealerOrgId);
  const days: { day: string; left: number | null; slots: string[]; started: string[] }[] = [];
  for (let d = range.from; d <= range.to; ) {
    const all = slotStarts(capacity.hours, d, HANDOVER_SLOT_MINUTES);
    const started = all.filter((s) => slotStarted(d, s, ctx.now));
    const slots = all.filter((s) => !started.includes(s));
    days.push({ day: d, left: left(d) ?? null, slots, started });
    const next = new Date(`${d}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    d = next.toISOString().slice(0, 10);
  }
  return days;
}

/**
 * Checks (or unchecks) one item of the pre-delivery checklist, with an optional note; the last
 * entry per item counts. Only while the appointment is booked.
 */
export async function checkHandoverItem(
  ctx: Ctx,
  id: string,
  input: { item: ChecklistItem; checked: boolean; note?: string | null },
): Promise<Handover> {
  return inTransaction(ctx, async (tx) => {
    const current = await store.findHandover(tx, { id }, { forUpdate: true });
    if (!current) throw notFound();
    assertMayWrite(tx, current.dealerOrgId);
    if (current.status !== 'booked') {
      throw new AppError('conflict', 'dealers.handover_not_open', `The hand-over is ${current.status}.`, {
        extra: { status: current.status },
      });
    }
    const wasComplete = checklistState(current.checklist).complete;
    const next: Handover = {
      ...current,
      checklist: [
        ...current.checklist,
        {
          item: input.item,
          checked: input.checked,
          note: input.note?.trim() || null,
          at: tx.now,
          by: actorId(tx.actor),
        },
      ],
      updatedAt: tx.now,
    };
    await store.updateHandover(tx, next);
    if (!wasComplete && checklistState(next.checklist).complete) {
      await publish(tx, handoverChecklistCompleted, current.vehicleId, {
        handoverId: current.id,
        dealerId: current.dealerOrgId,
        vehicleId: current.vehicleId,
        orderId: current.orderId,
      });
    }
    return next;
  });
}

/** The customer accepted the car (the flow checked checklist and balance): the hand-over is done. */
export async function completeHandover(ctx: Ctx, vehicleId: string): Promise<Handover> {
  return inTransaction(ctx, async (tx) => {
    const current = await store.findHandover(tx, { vehicleId }, { forUpdate: true });
    if (!current) throw notFound();
    if (current.status === 'completed') return current;
    const next: Handover = { ...current, status: 'completed', completedAt: tx.now, updatedAt: tx.now };
    await store.updateHandover(tx, next);
    return next;
  });
}

/**
 * The dealer cancels a booked appointment (the customer cannot come): the car stays at the
 * dealer and waits for a new appointment, its hand-over slot of that date goes back. Nothing to
 * cancel (none booked, or cancelled already) changes nothing; a completed hand-over is 409
 * `dealers.handover_completed`. Own dealer only (another's: 404).
 */
export async function cancelHandoverAppointment(
  ctx: Ctx,
  vehicleId: string,
): Promise<{ handover: Handover | undefined; changed: boolean }> {
  return inTransaction(ctx, async (tx) => {
    const current = await store.findHandover(tx, { vehicleId }, { forUpdate: true });
    if (current) assertMayWrite(tx, current.dealerOrgId);
    if (current?.status === 'completed') {
      throw new AppError('conflict', 'dealers.handover_completed', 'This car was handed over already.');
    }
    if (current?.status !== 'booked') return { handover: current, changed: false };
    const next: Handover = { ...current, status: 'cancelled', updatedAt: tx.now };
    await store.updateHandover(tx, next);
    await releaseHandoverSlot(tx, vehicleId);
    await publish(tx, handoverCancelled, vehicleId, {
      handoverId: current.id,
      dealerId: current.dealerOrgId,
      vehicleId,
      orderId: current.orderId,
      day: current.day,
      slotStart: current.slotStart,
    });
    return { handover: next, changed: true };
  });
}

/**
 * The keys were handed over (time, staff member's name), as the dealer's DMS confirms it: only
 * after the customer accepted the car in the app (the hand-over is completed), otherwise 409
 * `dealers.handover_not_accepted`. The same record again changes nothing; a corrected one
 * replaces it. Own dealer only (another's: 404).
 */
export async function recordKeysHandedOver(
  ctx: Ctx,
  vehicleId: string,
  input: { at: Date; staffName: string },
): Promise<{ handover: Handover; changed: boolean }> {
  return inTransaction(ctx, async (tx) => {
    const current = await store.findHandover(tx, { vehicleId }, { forUpdate: true });
    if (!current) throw notFound();
    assertMayWrite(tx, current.dealerOrgId);
    if (current.status !== 'completed') {
      throw new AppError(
        'conflict',
        'dealers.handover_not_accepted',
        'The customer has not accepted the car in the app yet; hand the keys over after the acceptance.',
        { extra: { status: current.status } },
      );
    }
    const staffName = input.staffName.trim();
    const same =
      current.keysHandedOver?.staffName === staffName &&
      current.keysHandedOver.at.getTime() === input.at.getTime();
    if (same) return { handover: current, changed: false };
    const next: Handover = { ...current, keysHandedOver: { at: input.at, staffName }, updatedAt: tx.now };
    await store.updateHandover(tx, next);
    await publish(tx, keysHandedOver, vehicleId, {
      handoverId: current.id,
      dealerId: current.dealerOrgId,
      vehicleId,
      orderId: current.orderId,
      handedOverAt: input.at.toISOString(),
    });
    return { handover: next, changed: true };
  });
}

/** The order was cancelled: the appointment is cancelled and the slot goes back. Idempotent. */
export async function cancelHandoverOf(ctx: Ctx, vehicleId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const current = await store.findHandover(tx, { vehicleId }, { forUpdate: true });
    if (current && current.status === 'booked') {
      await store.updateHandover(tx, { ...current, status: 'cancelled', updatedAt: tx.now });
    }
    await releaseHandoverSlot(tx, vehicleId);
  });
}
