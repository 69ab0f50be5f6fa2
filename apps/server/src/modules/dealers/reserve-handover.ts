import { type Ctx, inTransaction } from '../../platform/context.ts';
import { findDealerOrganisation } from '../identity/index.ts';
import { isOpenOn, parseOpeningHours, type WeeklyHours } from './opening-hours.ts';
import * as store from './store.ts';

/**
 * Hand-over capacity per dealer and date: the profile's `handoverCapacityPerDay` on the days the
 * dealer is open (its opening hours; closed days have none), minus the slots held. Each vehicle
 * holds at most one slot at its dealer: the promised delivery date from checkout, later the date
 * of its appointment. Taking a slot is one conditional update, so concurrent reservations never
 * exceed the capacity; a dealer without a profile is not limited (its slots are still counted).
 */
export type DealerCapacity = { perDay: number | undefined; hours: WeeklyHours | undefined };

export async function dealerCapacity(ctx: Ctx, dealerOrgId: string): Promise<DealerCapacity> {
  const [profile, org] = await Promise.all([
    store.findProfile(ctx, dealerOrgId),
    findDealerOrganisation(ctx, dealerOrgId),
  ]);
  return { perDay: profile?.handoverCapacityPerDay, hours: parseOpeningHours(org?.openingHours) };
}

const capacityOn = (c: DealerCapacity, day: string): number | undefined =>
  c.perDay === undefined ? undefined : isOpenOn(c.hours, day) ? c.perDay : 0;

/** Slots left per date (undefined: not limited), for the delivery promise. */
export async function handoverSlotsLeft(
  ctx: Ctx,
  dealerOrgId: string,
  range: { from: string; to: string },
): Promise<(date: string) => number | undefined> {
  const capacity = await dealerCapacity(ctx, dealerOrgId);
  if (capacity.perDay === undefined) return () => undefined;
  const booked = await store.listHandoverDays(ctx, dealerOrgId, range);
  return (date) => {
    const cap = capacityOn(capacity, date);
    return cap === undefined ? undefined : Math.max(0, cap - (booked.get(date) ?? 0));
  };
}

/**
 * The vehicle holds a hand-over slot on `day` at the dealer: taken if there is room (moving it
 * from the date it held before, if any), all in the caller's transaction. False when the date is
 * full or the dealer is closed; then nothing changed. Holding the same date again is a no-op.
 */
export async function holdHandoverSlot(
  ctx: Ctx,
  input: { vehicleId: string; dealerOrgId: string; day: string },
): Promise<boolean> {
  return inTransaction(ctx, async (tx) => {
    const held = await store.findSlot(tx, input.vehicleId, { forUpdate: true });
    if (held && held.day === input.day && held.dealerOrgId === input.dealerOrgId) return true;
    const capacity = await dealerCapacity(tx, input.dealerOrgId);
    await store.ensureHandoverDay(tx, input.dealerOrgId, input.day);
    if (!(await store.takeHandoverDay(tx, input.dealerOrgId, input.day, capacityOn(capacity, input.day)))) {
      return false;
    }
    if (held) await store.releaseHandoverDay(tx, held.dealerOrgId, held.day);
    await store.putSlot(tx, input);
    return true;
  });
}

/** Gives the vehicle's slot back (cancelled order); the date it held, or null. Idempotent. */
export async function releaseHandoverSlot(ctx: Ctx, vehicleId: string): Promise<string | null> {
  return inTransaction(ctx, async (tx) => {
    const held = await store.findSlot(tx, vehicleId, { forUpdate: true });
    if (!held) return null;
    await store.releaseHandoverDay(tx, held.dealerOrgId, held.day);
    await store.deleteSlot(tx, vehicleId);
    return held.day;
  });
}

/** The date a vehicle holds a slot on, if any. */
export async function findHandoverSlot(ctx: Ctx, vehicleId: string): Promise<string | null> {
  return (await store.findSlot(ctx, vehicleId))?.day ?? null;
}

/**
 * Moves the vehicle's slot to the first date from `from` on with room (within `days`), for a
 * date the plant re-promised: the car cannot be handed over before it arrives, and a full day at
 * the dealer pushes the hand-over on. The date taken, or null when none has room.
 */
export async function holdFirstHandoverSlotFrom(
  ctx: Ctx,
  input: { vehicleId: string; dealerOrgId: string; from: string; days?: number },
): Promise<string | null> {
  for (let i = 0; i < (input.days ?? 56); i++) {
    const day = addDays(input.from, i);
    if (await holdHandoverSlot(ctx, { vehicleId: input.vehicleId, dealerOrgId: input.dealerOrgId, day })) {
      return day;
    }
  }
  return null;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
