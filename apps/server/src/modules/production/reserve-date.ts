import type { Selection } from '@openc2b/configurator';
import { type Ctx, inTransaction } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { publish } from '../../platform/events/publish.ts';
import { newId } from '../../platform/ids.ts';
import { deriveConfiguration, findModelLine, getLineVersion } from '../catalog/index.ts';
import { assertAuthorized } from '../identity/index.ts';
import {
  addDays,
  addWorkingDays,
  type CapacityCalendar,
  type IsoDate,
  isWorkingDay,
  maxDate,
} from './capacity-calendar.ts';
import { estimateSteps } from './estimate-steps.ts';
import {
  deliveryDateReserved,
  deliveryRepromised,
  vehicleCancelled,
  vehicleConfirmed,
  vehicleReconfigured,
  vehicleRegistered,
  vehicleReplanned,
} from './events.ts';
import { leadTimeOf, partsOf, storePartsOf } from './lead-time.ts';
import { optionDayLimit, rulesUsedBy } from './limit-options.ts';
import type { HandoverCapacity } from './ports.ts';
import { lineForModelLine, promiseContextFor, routeToDealer } from './promise-dates.ts';
import {
  capacityReasons,
  type PromiseContext,
  planDeliveryDate,
  promiseDate,
  promiseFigures,
  type Reason,
} from './promise-delivery.ts';
import { ensureDayRows, getLineFor, loadCalendar, todayOf } from './read-plant.ts';
import { hasStarted } from './step-machine.ts';
import * as store from './store.ts';
import type { Line, OptionRule, RepromiseReason, Vehicle } from './types.ts';

export const VEHICLE_NOT_FOUND = 'production.vehicle_not_found';

export const vehicleNotFound = () => new AppError('not_found', VEHICLE_NOT_FOUND, 'No such vehicle.');

export type RegisterVehicleInput = {
  vehicleId: string;
  orderId: string;
  customerUserId?: string | null;
  modelLine: string;
  /** The catalogue version the order was priced on. */
  versionId: string;
  configurationCode: string;
  selection: Selection;
  dealerOrgId: string;
};

/**
 * Registers a car to build (called from a flow when its order is placed; it is built only once
 * confirmed, see confirmVehicle). Idempotent per vehicle
 * id: registering the same vehicle and order again returns the record as it is. The
 * configuration is checked against the pinned catalogue version (code and selection must agree),
 * the model line must be built on a line, and the plant must deliver to the dealer.
 */
export async function registerVehicle(ctx: Ctx, input: RegisterVehicleInput): Promise<Vehicle> {
  const existing = await store.findVehicle(ctx, input.vehicleId);
  if (existing) return sameRegistration(existing, input);
  const byOrder = await store.findVehicleByOrder(ctx, input.orderId);
  if (byOrder) return sameRegistration(byOrder, input);

  const loaded = await getLineVersion(ctx, input.modelLine, input.versionId);
  const derived = deriveConfiguration(loaded.model, loaded.compiled, { code: input.configurationCode });
  if (!derived.ok || !sameSelection(derived.selection, input.selection)) {
    throw new AppError(
      'unprocessable',
      'production.configuration_mismatch',
      'The configuration code and selection do not describe the same valid car on that version.',
    );
  }
  const modelLine = await findModelLine(ctx, input.modelLine);
  const line = await lineForModelLine(ctx, input.modelLine);
  await routeToDealer(ctx, line, input.dealerOrgId);
  const vehicle: Vehicle = {
    vehicleId: input.vehicleId,
    orderId: input.orderId,
    customerUserId: input.customerUserId ?? null,
    modelLine: input.modelLine,
    modelYear: modelLine?.modelYear ?? new Date(ctx.now).getUTCFullYear(),
    versionId: input.versionId,
    configurationCode: derived.code,
    selection: derived.selection,
    colour: derived.selection[line.paintFamily] ?? 'none',
    dealerOrgId: input.dealerOrgId,
    plantOrgId: line.plantOrgId,
    lineId: line.id,
    deliveryDate: null,
    productionDay: null,
    shipDate: null,
    ruleIds: [],
    sequencePosition: null,
    vin: null,
    state: 'planned',
    estimates: {},
    status: 'active',
    registeredAt: ctx.now,
    confirmedAt: null,
    updatedAt: ctx.now,
  };
  return inTransaction(ctx, async (tx) => {
    if (!(await store.insertVehicle(tx, vehicle))) {
      // Registered concurrently (the same order locked twice at once): answer what is stored.
      const stored =
        (await store.findVehicle(tx, input.vehicleId)) ?? (await store.findVehicleByOrder(tx, input.orderId));
      if (!stored) throw new Error('vehicle vanished after a conflicting insert');
      return sameRegistration(stored, input);
    }
    await publish(tx, vehicleRegistered, vehicle.vehicleId, {
      vehicleId: vehicle.vehicleId,
      orderId: vehicle.orderId,
      modelLine: vehicle.modelLine,
      configurationCode: vehicle.configurationCode,
      lineId: vehicle.lineId,
      plantOrgId: vehicle.plantOrgId,
      dealerOrgId: vehicle.dealerOrgId,
    });
    return vehicle;
  });
}

function sameRegistration(existing: Vehicle, input: RegisterVehicleInput): Vehicle {
  if (existing.vehicleId !== input.vehicleId || existing.orderId !== input.orderId) {
    throw new AppError(
      'conflict',
      'production.vehicle_conflict',
      'That vehicle id or order id is registered with another order or vehicle.',
      { extra: { vehicleId: existing.vehicleId, orderId: existing.orderId } },
    );
  }
  return existing;
}

function sameSelection(a: Selection, b: Selection): boolean {
  // Optional families may be missing on one side and `<family>:none` on the other.
  const norm = (s: Selection) =>
    Object.entries(s)
      .filter(([family, option]) => option !== `${family}:none`)
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

/** The vehicle, for an actor allowed to act on it with `permission` (404 for anyone else's car). */
export async function getVehicleFor(
  ctx: Ctx,
  vehicleId: string,
  permission: 'delivery_date.reserve' | 'vehicle_progress.read' | 'station.record' | 'production_plan.edit',
): Promise<Vehicle> {
  assertAuthorized(ctx.actor, permission);
  const vehicle = await store.findVehicle(ctx, vehicleId);
  if (!vehicle) throw vehicleNotFound();
  assertAuthorized(ctx.actor, permission, {
    ...vehicleTarget(ctx, vehicle),
    notFoundCode: VEHICLE_NOT_FOUND,
  });
  return vehicle;
}

/**
 * The organisation a staff member reaches a car through: their plant's cars (planners, station
 * operators) or their dealer's (dealer staff); a customer reaches their own car only.
 */
export function vehicleTarget(ctx: Ctx, vehicle: Vehicle): { orgId: string; ownerUserId: string | null } {
  const org = ctx.actor.kind === 'staff' || ctx.actor.kind === 'api_key' ? ctx.actor.orgId : null;
  return {
    orgId: org === vehicle.plantOrgId ? vehicle.plantOrgId : vehicle.dealerOrgId,
    ownerUserId: vehicle.customerUserId,
  };
}

export type ReservationResult =
  | {
      ok: true;
      vehicleId: string;
      deliveryDate: IsoDate;
      productionDay: IsoDate;
      shipDate: IsoDate;
      /** Working days the car waits at the plant because it is built early. */
      storageDays: number;
      /** False when the car already had this date (nothing changed). */
      changed: boolean;
    }
  | {
      ok: false;
      /** date_unavailable: the calendar does not offer the date; no_capacity: it was just taken. */
      reason: 'date_unavailable' | 'no_capacity';
      reasons: Reason[];
      /** The first date on or after the one asked for that is available now, if any in the next weeks. */
      nextAvailable: IsoDate | null;
    };

const NEXT_AVAILABLE_DAYS = 8 * 7;

/**
 * Reserves a delivery date for a registered car: one unit of the production day's line
 * capacity and of every option limit the car counts towards, all or nothing, in one
 * transaction with the day rows locked. A car that had another date gives that date's
 * capacity back in the same transaction. A full date is an answer (`ok: false` with the next
 * available date), not an error. Customers reserve for their own car; flows as the system.
 */
export async function reserveDeliveryDate(
  ctx: Ctx,
  vehicleId: string,
  date: IsoDate,
  options: { handoverCapacity?: HandoverCapacity } = {},
): Promise<ReservationResult> {
  const vehicle = await getVehicleFor(ctx, vehicleId, 'delivery_date.reserve');
  return reserveFor(ctx, vehicle, date, options);
}

type ReserveOptions = {
  handoverCapacity?: HandoverCapacity | undefined;
  /** A re-promise by the plant instead of the customer's choice (recorded and announced as such). */
  repromise?: { reason: RepromiseReason; previousDate: IsoDate; detail: Record<string, unknown> };
  /** Only production days after this one (the day being frozen). */
  after?: IsoDate;
};

/** The reservation itself, for a car the caller may act on (no permission check here). */
async function reserveFor(
  ctx: Ctx,
  vehicle: Vehicle,
  date: IsoDate,
  options: ReserveOptions,
): Promise<ReservationResult> {
  const vehicleId = vehicle.vehicleId;
  assertChangeable(vehicle);
  if (vehicle.deliveryDate === date && vehicle.productionDay) return unchanged(vehicle, 0);
  const line = await store.findLine(ctx, vehicle.lineId);
  if (!line) throw new Error(`vehicle ${vehicleId} is on a missing line`);
  const route = await routeToDealer(ctx, line, vehicle.dealerOrgId);
  // The car's parts list, stored once and for good (it does not depend on the date): its
  // longest lead time is the one the date must respect, and the call-offs use the same list.
  const leadTimeDays = leadTimeOf(await storePartsOf(ctx, vehicle));
  const until = maxDate(addDays(date, NEXT_AVAILABLE_DAYS), addDays(todayOf(ctx, line), NEXT_AVAILABLE_DAYS));
  const context = await promiseContextFor(ctx, {
    line,
    modelLine: vehicle.modelLine,
    selection: vehicle.selection,
    route,
    until,
    handoverCapacity: options.handoverCapacity,
    leadTimeDays,
  });
  const plan = planDeliveryDate(context, date);
  const eligible = plan.candidates
    .filter((c) => c.reasons.length === 0 && (!options.after || c.day > options.after))
    .map((c) => c.day);
  if (plan.dateReasons.length > 0 || eligible.length === 0 || !plan.shipDate) {
    return refused('date_unavailable', promiseDate(context, date).reasons, context, date);
  }
  const shipDate = plan.shipDate;
  const rules = await store.listRules(ctx, line.id);
  // Day rows are created before the transaction (each insert on its own), so concurrent
  // reservations only ever wait for each other on the row locks, always in the same order.
  await ensureDayRows(
    ctx,
    line,
    context.calendar,
    [...eligible, ...(vehicle.productionDay ? [vehicle.productionDay] : [])],
    rules,
  );

  const outcome = await inTransaction(ctx, async (tx) => {
    const current = await store.findVehicle(tx, vehicleId, { forUpdate: true });
    if (!current) throw vehicleNotFound();
    assertChangeable(current);
    if (current.deliveryDate === date && current.productionDay) return unchanged(current, 0);
    const old = current.productionDay;
    const keys = [...eligible, ...(old ? [old] : [])];
    if (old && old !== vehicle.productionDay) await ensureDayRows(tx, line, context.calendar, [old], rules);
    await store.lockDays(
      tx,
      keys.map((day) => ({ lineId: line.id, day })),
    );
    if (old && (await store.findDay(tx, line.id, old))?.frozenAt) throw dayFrozen(old);
    const used = rulesUsedBy(rules, current.selection);
    for (const [storageDays, day] of eligible.entries()) {
      if (!(await hasRoom(tx, line, day, used, current))) continue;
      await moveCapacity(tx, line, current, old, day, used);
      const estimates = estimateSteps({
        calendar: context.calendar,
        timeZone: line.timeZone,
        buildDays: line.buildDays,
        productionDay: day,
        shipDate,
        deliveryDate: date,
      });
      await store.updateVehicle(
        tx,
        vehicleId,
        {
          deliveryDate: date,
          productionDay: day,
          shipDate,
          ruleIds: used.map((r) => r.id),
          sequencePosition: old === day ? current.sequencePosition : null,
          estimates,
          reservedAt: tx.now,
        },
        tx.now,
      );
      const repromise = options.repromise;
      await store.insertDeliveryChange(tx, vehicleId, newId('dch'), {
        at: tx.now,
        previousDate: repromise?.previousDate ?? current.deliveryDate,
        newDate: date,
        reason: repromise?.reason ?? 'reserved',
        detail: { ...repromise?.detail, productionDay: day, shipDate },
      });
      if (repromise) {
        await publish(tx, deliveryRepromised, vehicleId, {
          vehicleId,
          orderId: current.orderId,
          previousDate: repromise.previousDate,
          newDate: date,
          reason: repromise.reason,
          detail: { ...repromise.detail, productionDay: day, shipDate },
        });
      } else
        await publish(tx, deliveryDateReserved, vehicleId, {
          vehicleId,
          orderId: current.orderId,
          deliveryDate: date,
          previousDate: current.deliveryDate,
          productionDay: day,
          shipDate,
          lineId: line.id,
          plantOrgId: line.plantOrgId,
          dealerOrgId: current.dealerOrgId,
        });
      return {
        ok: true as const,
        vehicleId,
        deliveryDate: date,
        productionDay: day,
        shipDate,
        storageDays,
        changed: true,
      };
    }
    return undefined;
  });
  if (outcome) return outcome;
  // Someone took the last unit between the calendar read and the locks: read again and say so.
  const fresh = await promiseContextFor(ctx, {
    line,
    modelLine: vehicle.modelLine,
    selection: vehicle.selection,
    route,
    until,
    handoverCapacity: options.handoverCapacity,
    leadTimeDays,
  });
  return refused('no_capacity', promiseDate(fresh, date).reasons, fresh, date);
}

function unchanged(v: Vehicle, storageDays: number): ReservationResult {
  return {
    ok: true,
    vehicleId: v.vehicleId,
    deliveryDate: v.deliveryDate ?? '',
    productionDay: v.productionDay ?? '',
    shipDate: v.shipDate ?? '',
    storageDays,
    changed: false,
  };
}

function refused(
  reason: 'date_unavailable' | 'no_capacity',
  reasons: Reason[],
  context: PromiseContext,
  date: IsoDate,
): ReservationResult {
  const figures = promiseFigures(context);
  let nextAvailable: IsoDate | null = null;
  for (let i = 1; i <= NEXT_AVAILABLE_DAYS * 2; i++) {
    const d = addDays(context.today, i);
    if (d < date) continue;
    if (promiseDate(context, d, figures).available) {
      nextAvailable = d;
      break;
    }
  }
  return { ok: false, reason, reasons, nextAvailable };
}

function assertChangeable(v: Vehicle): void {
  if (v.status === 'cancelled') {
    throw new AppError('conflict', 'production.vehicle_cancelled', 'This car is cancelled.', {
      extra: { vehicleId: v.vehicleId },
    });
  }
  if (hasStarted(v.state)) {
    throw new AppError(
      'conflict',
      'production.vehicle_in_production',
      'The car is already being built; its plan can no longer change.',
      { extra: { vehicleId: v.vehicleId, currentStep: v.state } },
    );
  }
}

export function dayFrozen(day: IsoDate): AppError {
  return new AppError(
    'conflict',
    'production.day_frozen',
    `The plan of ${day} is frozen and can no longer change.`,
    {
      extra: { day },
    },
  );
}

/** Under the day's lock: capacity left and room under every rule the car counts towards. */
async function hasRoom(
  ctx: Ctx,
  line: Line,
  day: IsoDate,
  used: OptionRule[],
  car: Vehicle,
): Promise<boolean> {
  if (car.productionDay === day) return true; // it already holds its place there
  const row = await store.findDay(ctx, line.id, day);
  if (!row || row.frozenAt || row.reserved >= row.capacity) return false;
  return used.every((rule) => {
    const load = row.optionLoads.find((l) => l.ruleId === rule.id);
    const max = load?.maxCars ?? optionDayLimit(row.capacity, rule.n, rule.p);
    return (load?.reserved ?? 0) < max;
  });
}

/** Gives the old day's units back and takes the new day's; both days are locked by the caller. */
async function moveCapacity(
  ctx: Ctx,
  line: Line,
  car: Vehicle,
  from: IsoDate | null,
  to: IsoDate,
  used: OptionRule[],
): Promise<void> {
  if (from === to) return;
  if (from) await store.releaseDayCapacity(ctx, line.id, from, car.ruleIds);
  if (!(await store.takeDayCapacity(ctx, line.id, to)))
    throw new Error(`capacity of ${to} vanished under its lock`);
  for (const rule of used) {
    if (!(await store.takeOptionCapacity(ctx, line.id, to, rule.id))) {
      throw new Error(`option capacity ${rule.code} of ${to} vanished under its lock`);
    }
  }
}

/**
 * The order was cancelled: the car will not be built. Its capacity goes back unless its day is
 * frozen (a frozen plan keeps the slot; the car simply is not built). Refused once the car is
 * in production. Idempotent.
 */
export async function cancelVehicle(ctx: Ctx, vehicleId: string, reason: string): Promise<Vehicle> {
  return inTransaction(ctx, async (tx) => {
    const car = await store.findVehicle(tx, vehicleId, { forUpdate: true });
    if (!car) throw vehicleNotFound();
    if (car.status === 'cancelled') return car;
    if (hasStarted(car.state)) {
      throw new AppError('conflict', 'production.vehicle_in_production', 'The car is already being built.', {
        extra: { vehicleId, currentStep: car.state },
      });
    }
    let releasedDay: IsoDate | null = null;
    if (car.productionDay) {
      await store.lockDays(tx, [{ lineId: car.lineId, day: car.productionDay }]);
      const day = await store.findDay(tx, car.lineId, car.productionDay);
      if (!day?.frozenAt) {
        await store.releaseDayCapacity(tx, car.lineId, car.productionDay, car.ruleIds);
        releasedDay = car.productionDay;
      }
    }
    const patch = releasedDay
      ? {
          status: 'cancelled' as const,
          cancelledAt: tx.now,
          deliveryDate: null,
          productionDay: null,
          shipDate: null,
          ruleIds: [],
          sequencePosition: null,
        }
      : { status: 'cancelled' as const, cancelledAt: tx.now };
    await store.updateVehicle(tx, vehicleId, patch, tx.now);
    if (car.deliveryDate) {
      await store.insertDeliveryChange(tx, vehicleId, newId('dch'), {
        at: tx.now,
        previousDate: car.deliveryDate,
        newDate: null,
        reason: 'released',
        detail: { reason, slotKept: releasedDay === null && car.productionDay !== null },
      });
    }
    await publish(tx, vehicleCancelled, vehicleId, { vehicleId, orderId: car.orderId, releasedDay, reason });
    return { ...car, ...patch, updatedAt: tx.now } as Vehicle;
  });
}

export type MoveResult =
  | { ok: true; vehicle: Vehicle; repromised: boolean }
  | { ok: false; reasons: Reason[] };

/**
 * The planner moves a car to another production day of its line: the day must be after the
 * frozen horizon, not frozen, a working day, not before the car's parts arrive, with line
 * capacity and room under the car's option limits. Built earlier, the car waits at the plant
 * and its promise holds; built later than its promise allows, the delivery date is re-promised
 * (reason `replanned`) and the customer is told.
 */
export async function moveVehicle(ctx: Ctx, vehicleId: string, productionDay: IsoDate): Promise<MoveResult> {
  const vehicle = await getVehicleFor(ctx, vehicleId, 'production_plan.edit');
  const line = await getLineFor(ctx, vehicle.lineId, 'production_plan.edit');
  assertChangeable(vehicle);
  if (!vehicle.productionDay || !vehicle.deliveryDate || !vehicle.shipDate) {
    throw new AppError('conflict', 'production.vehicle_not_planned', 'The car has no delivery date yet.');
  }
  if (vehicle.productionDay === productionDay) return { ok: true, vehicle, repromised: false };
  const route = await routeToDealer(ctx, line, vehicle.dealerOrgId);
  const context = await promiseContextFor(ctx, {
    line,
    modelLine: vehicle.modelLine,
    selection: vehicle.selection,
    route,
    until: maxDate(addDays(productionDay, 60), vehicle.deliveryDate),
    leadTimeDays: leadTimeOf(await partsOf(ctx, vehicle)),
  });
  const reasons = timeReasons(context, productionDay);
  if (reasons.length > 0) return { ok: false, reasons };
  const rules = await store.listRules(ctx, line.id);
  await ensureDayRows(ctx, line, context.calendar, [vehicle.productionDay, productionDay], rules);

  return inTransaction(ctx, async (tx) => {
    const car = await store.findVehicle(tx, vehicleId, { forUpdate: true });
    if (!car?.productionDay || !car.deliveryDate || !car.shipDate) throw vehicleNotFound();
    assertChangeable(car);
    const from = car.productionDay;
    if (from !== vehicle.productionDay) await ensureDayRows(tx, line, context.calendar, [from], rules);
    await store.lockDays(tx, [
      { lineId: line.id, day: from },
      { lineId: line.id, day: productionDay },
    ]);
    if ((await store.findDay(tx, line.id, from))?.frozenAt) throw dayFrozen(from);
    const used = rulesUsedBy(rules, car.selection);
    if (!(await hasRoom(tx, line, productionDay, used, car))) {
      const fresh = await store.findDay(tx, line.id, productionDay);
      const capacityContext: PromiseContext = {
        ...context,
        loadOf: (day) =>
          day === productionDay && fresh
            ? {
                capacity: fresh.capacity,
                reserved: fresh.reserved,
                frozen: fresh.frozenAt !== null,
                optionReserved: new Map(fresh.optionLoads.map((l) => [l.ruleId, l.reserved])),
              }
            : context.loadOf(day),
      };
      return { ok: false as const, reasons: capacityReasons(capacityContext, productionDay) };
    }
    await moveCapacity(tx, line, car, from, productionDay, used);
    const ready = addWorkingDays(context.calendar, productionDay, line.buildDays) ?? productionDay;
    const late = ready > car.shipDate;
    const shipDate = late ? ready : car.shipDate;
    const deliveryDate = late ? addDays(ready, route.days) : car.deliveryDate;
    const estimates = estimateSteps({
      calendar: context.calendar,
      timeZone: line.timeZone,
      buildDays: line.buildDays,
      productionDay,
      shipDate,
      deliveryDate,
    });
    await store.updateVehicle(
      tx,
      vehicleId,
      {
        productionDay,
        shipDate,
        deliveryDate,
        ruleIds: used.map((r) => r.id),
        sequencePosition: null,
        estimates,
      },
      tx.now,
    );
    await publish(tx, vehicleReplanned, vehicleId, {
      vehicleId,
      orderId: car.orderId,
      previousDay: from,
      productionDay,
      deliveryDate,
      lineId: line.id,
    });
    if (late) {
      const detail = { previousProductionDay: from, productionDay, shipDate };
      await store.insertDeliveryChange(tx, vehicleId, newId('dch'), {
        at: tx.now,
        previousDate: car.deliveryDate,
        newDate: deliveryDate,
        reason: 'replanned',
        detail,
      });
      await publish(tx, deliveryRepromised, vehicleId, {
        vehicleId,
        orderId: car.orderId,
        previousDate: car.deliveryDate,
        newDate: deliveryDate,
        reason: 'replanned',
        detail,
      });
    }
    const moved = await store.findVehicle(tx, vehicleId);
    if (!moved) throw vehicleNotFound();
    return { ok: true as const, vehicle: moved, repromised: late };
  });
}

/** Why a production day cannot take a car, by time and calendar alone. */
function timeReasons(context: PromiseContext, day: IsoDate): Reason[] {
  const figures = promiseFigures(context);
  const reasons: Reason[] = [];
  if (!isWorkingDay(context.calendar, day)) {
    const exception = context.calendar.exceptions.get(day);
    reasons.push({
      code: 'no_production_day',
      shipDate: day,
      exception: exception ? { kind: exception.kind, reason: exception.reason } : null,
    });
  }
  if (day <= figures.frozenUntil)
    reasons.push({ code: 'frozen_horizon', productionDay: day, frozenUntil: figures.frozenUntil });
  else if (context.loadOf(day)?.frozen) reasons.push({ code: 'day_frozen', productionDay: day });
  if (day < figures.partsReadyOn) {
    reasons.push({
      code: 'part_lead_time',
      productionDay: day,
      leadTimeDays: context.leadTimeDays,
      partsReadyOn: figures.partsReadyOn,
    });
  }
  return reasons;
}

/** The calendar and route of a car's line (for re-promising from tracking and call-offs). */
export async function carContext(
  ctx: Ctx,
  car: Vehicle,
): Promise<{ line: Line; calendar: CapacityCalendar; transportDays: number }> {
  const line = await store.findLine(ctx, car.lineId);
  if (!line) throw new Error(`vehicle ${car.vehicleId} is on a missing line`);
  const route = await store.findRoute(ctx, line.plantOrgId, car.dealerOrgId);
  const today = todayOf(ctx, line);
  const calendar = await loadCalendar(ctx, line, {
    from: today,
    to: addDays(maxDate(today, car.deliveryDate ?? today), 60),
  });
  return { line, calendar, transportDays: route?.days ?? 0 };
}

/**
 * The car's order was locked: from now on it is sequenced, frozen and built (a car whose order
 * is not locked is moved off its day when the day freezes). Idempotent.
 */
export async function confirmVehicle(ctx: Ctx, vehicleId: string): Promise<Vehicle> {
  return inTransaction(ctx, async (tx) => {
    const car = await store.findVehicle(tx, vehicleId, { forUpdate: true });
    if (!car) throw vehicleNotFound();
    if (car.status === 'cancelled') {
      throw new AppError('conflict', 'production.vehicle_cancelled', 'This car is cancelled.', {
        extra: { vehicleId },
      });
    }
    if (car.confirmedAt) return car;
    await store.updateVehicle(tx, vehicleId, { confirmedAt: tx.now }, tx.now);
    if (car.productionDay) await store.bumpPlanVersion(tx, car.lineId, car.productionDay);
    await publish(tx, vehicleConfirmed, vehicleId, {
      vehicleId,
      orderId: car.orderId,
      deliveryDate: car.deliveryDate,
      productionDay: car.productionDay,
    });
    return { ...car, confirmedAt: tx.now, updatedAt: tx.now };
  });
}

/** A car by its vehicle id, for flows (no permission check: the flow decided on the order). */
export async function findVehicleById(ctx: Ctx, vehicleId: string): Promise<Vehicle | undefined> {
  return store.findVehicle(ctx, vehicleId);
}

export type DateCheck = {
  holds: boolean;
  reasons: Reason[];
  nextAvailable: IsoDate | null;
};

/**
 * Would `date` hold for the car with another configuration (a change before lock)? Read only:
 * the car's own place on its day counts as free, since the change gives it back first.
 */
export async function checkDateForConfiguration(
  ctx: Ctx,
  vehicleId: string,
  configuration: { modelLine: string; selection: Selection },
  date: IsoDate,
  options: { handoverCapacity?: HandoverCapacity } = {},
): Promise<DateCheck> {
  const car = await store.findVehicle(ctx, vehicleId);
  if (!car) throw vehicleNotFound();
  const line = await store.findLine(ctx, car.lineId);
  if (!line) throw new Error(`vehicle ${vehicleId} is on a missing line`);
  const route = await routeToDealer(ctx, line, car.dealerOrgId);
  const base = await promiseContextFor(ctx, {
    line,
    modelLine: configuration.modelLine,
    selection: configuration.selection,
    route,
    until: maxDate(addDays(date, NEXT_AVAILABLE_DAYS), addDays(todayOf(ctx, line), NEXT_AVAILABLE_DAYS)),
    handoverCapacity: options.handoverCapacity,
  });
  const rules = await store.listRules(ctx, line.id);
  const ownRules = new Set(car.ruleIds);
  const ownSlot = car.deliveryDate;
  // Without this car on its current day (and its dealer slot on its current date).
  const context: PromiseContext = {
    ...base,
    loadOf: (day) => {
      const load = base.loadOf(day);
      if (!load || day !== car.productionDay) return load;
      const optionReserved = new Map(load.optionReserved);
      for (const rule of rules) {
        if (ownRules.has(rule.id))
          optionReserved.set(rule.id, Math.max(0, (optionReserved.get(rule.id) ?? 0) - 1));
      }
      return { ...load, reserved: Math.max(0, load.reserved - 1), optionReserved };
    },
    handoverLeft: (d) => {
      const left = base.handoverLeft(d);
      return left !== undefined && d === ownSlot ? left + 1 : left;
    },
  };
  const promised = promiseDate(context, date);
  if (promised.available) return { holds: true, reasons: [], nextAvailable: date };
  const refusal = refused('date_unavailable', promised.reasons, context, date);
  return {
    holds: false,
    reasons: promised.reasons,
    nextAvailable: refusal.ok ? null : refusal.nextAvailable,
  };
}

/**
 * The car's configuration changed before lock: its old day's units (and option loads) go back,
 * the new configuration is stored with its parts list, and `date` (the one it had, or a new one)
 * is reserved for the new mix, all in the caller's transaction. A refusal is the value
 * `{ ok: false, ... }`: the caller rolls its transaction back. Refused once the car is confirmed.
 */
export async function reconfigureVehicle(
  ctx: Ctx,
  vehicleId: string,
  configuration: { versionId: string; configurationCode: string; selection: Selection },
  date: IsoDate | null,
  options: { handoverCapacity?: HandoverCapacity } = {},
): Promise<ReservationResult | { ok: true; vehicleId: string; deliveryDate: null; changed: boolean }> {
  return inTransaction(ctx, async (tx) => {
    const car = await store.findVehicle(tx, vehicleId, { forUpdate: true });
    if (!car) throw vehicleNotFound();
    assertChangeable(car);
    if (car.confirmedAt) {
      throw new AppError(
        'conflict',
        'production.vehicle_confirmed',
        'The order is locked: the configuration of its car is frozen.',
        { extra: { vehicleId } },
      );
    }
    const loaded = await getLineVersion(tx, car.modelLine, configuration.versionId);
    const derived = deriveConfiguration(loaded.model, loaded.compiled, {
      code: configuration.configurationCode,
    });
    if (!derived.ok || !sameSelection(derived.selection, configuration.selection)) {
      throw new AppError(
        'unprocessable',
        'production.configuration_mismatch',
        'The configuration code and selection do not describe the same valid car on that version.',
      );
    }
    const line = await store.findLine(tx, car.lineId);
    if (!line) throw new Error(`vehicle ${vehicleId} is on a missing line`);
    const previousDate = car.deliveryDate;
    if (car.productionDay) {
      await store.lockDays(tx, [{ lineId: car.lineId, day: car.productionDay }]);
      if ((await store.findDay(tx, car.lineId, car.productionDay))?.frozenAt)
        throw dayFrozen(car.productionDay);
      await store.releaseDayCapacity(tx, car.lineId, car.productionDay, car.ruleIds);
    }
    const patch = {
      versionId: configuration.versionId,
      configurationCode: derived.code,
      selection: derived.selection,
      colour: derived.selection[line.paintFamily] ?? 'none',
      deliveryDate: null,
      productionDay: null,
      shipDate: null,
      ruleIds: [],
      sequencePosition: null,
      estimates: {},
    };
    await store.updateVehicle(tx, vehicleId, patch, tx.now);
    const updated: Vehicle = { ...car, ...patch, updatedAt: tx.now };
    const result = date
      ? await reserveFor(tx, updated, date, {
          handoverCapacity: options.handoverCapacity,
        })
      : ({ ok: true, vehicleId, deliveryDate: null, changed: true } as const);
    if (!result.ok) return result;
    await publish(tx, vehicleReconfigured, vehicleId, {
      vehicleId,
      orderId: car.orderId,
      configurationCode: derived.code,
      previousConfigurationCode: car.configurationCode,
      deliveryDate: date,
      previousDate,
    });
    return result;
  });
}

/**
 * The plant moves a car to its next available delivery date (its production day froze before
 * the order was locked): the first date from `from` on whose production day is after `after`,
 * with room for the car. Re-promised with `reason` (the customer is told). Undefined when no
 * date in the next weeks has room: the car then waits without a date.
 */
export async function repromiseToNextAvailable(
  ctx: Ctx,
  car: Vehicle,
  input: { reason: RepromiseReason; previousDate: IsoDate; after: IsoDate; detail: Record<string, unknown> },
): Promise<ReservationResult | undefined> {
  const line = await store.findLine(ctx, car.lineId);
  if (!line) throw new Error(`vehicle ${car.vehicleId} is on a missing line`);
  const route = await routeToDealer(ctx, line, car.dealerOrgId);
  // From the day after the old date: the car is built later than it was to be.
  const start = maxDate(addDays(input.previousDate, 1), addDays(todayOf(ctx, line), 1));
  const until = addDays(start, NEXT_AVAILABLE_DAYS * 2);
  const context = await promiseContextFor(ctx, {
    line,
    modelLine: car.modelLine,
    selection: car.selection,
    route,
    until,
    leadTimeDays: leadTimeOf(await partsOf(ctx, car)),
  });
  for (let d = start; d <= until; d = addDays(d, 1)) {
    const plan = planDeliveryDate(context, d);
    if (plan.dateReasons.length > 0 || !plan.shipDate) continue;
    if (!plan.candidates.some((c) => c.reasons.length === 0 && c.day > input.after)) continue;
    const result = await reserveFor(ctx, car, d, {
      after: input.after,
      repromise: { reason: input.reason, previousDate: input.previousDate, detail: input.detail },
    });
    if (result.ok) return result;
  }
  ctx.log.warn('no date with room for a car moved off its day', { vehicleId: car.vehicleId });
  return undefined;
}
