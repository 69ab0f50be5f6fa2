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
import type { Line, OptionRule, Vehicle } from './types.ts';

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
 * Registers a car to build (called from a flow when its order is locked). Idempotent per vehicle
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
  const eligible = plan.candidates.filter((c) => c.reasons.length === 0).map((c) => c.day);
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
      await store.insertDeliveryChange(tx, vehicleId, newId('dch'), {
        at: tx.now,
        previousDate: current.deliveryDate,
        newDate: date,
        reason: 'reserved',
        detail: { productionDay: day, shipDate },
      });
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
