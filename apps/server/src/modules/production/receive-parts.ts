import { type Ctx, inTransaction } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { publish } from '../../platform/events/publish.ts';
import { allocateArrival, outstanding } from './allocate-arrival.ts';
import { addDays, localDate, maxDate } from './capacity-calendar.ts';
import { partsReceived } from './events.ts';
import { partsOf } from './lead-time.ts';
import { repromiseForLatePart } from './repromise-late-part.ts';
import * as store from './store.ts';
import type { CallOff, PartArrival } from './types.ts';

export type ArrivalOutcome = {
  arrivalId: string;
  /** What the arrival covered, item by item. */
  allocated: { callOffId: string; itemNo: number; quantity: number }[];
  /** Arrived beyond what any open call-off needs. */
  unallocated: number;
  receivedCallOffIds: string[];
  late: boolean;
  short: boolean;
  repromisedVehicleIds: string[];
};

/**
 * Parts arrived at the plant (the WMS's fact, by its arrival id). The quantity goes to the
 * call-offs of that plant that still need the part: the one the delivery note names, else the
 * soonest due first, item by item in line order. A call-off whose every item has arrived is
 * `received`. Then, with the same re-promise as a supplier's delay report (reason `part_late`):
 * - late: arrived after the call-off's due date: the cars of that call-off that need the part;
 * - short: a call-off due by the arrival day still misses some of the part: the cars not
 *   covered (in line order), with the rest expected when the supplier said (a reported delay)
 *   or else one lead time of the part after this arrival.
 * For flows (the partner WMS endpoint): no permission check. Idempotent per arrival id (the
 * same fact again changes nothing; other content under a known id is 409
 * `production.arrival_conflict`). 422 `production.arrival_not_in_calloff` when the named
 * call-off is another plant's or has no such part.
 */
export async function recordPartArrival(ctx: Ctx, arrival: PartArrival): Promise<ArrivalOutcome> {
  return inTransaction(ctx, async (tx) => {
    const known = await store.findArrival(tx, arrival.arrivalId);
    if (known) {
      const same =
        known.plantOrgId === arrival.plantOrgId &&
        known.partNumber === arrival.partNumber &&
        known.quantity === arrival.quantity &&
        known.arrivedAt.getTime() === arrival.arrivedAt.getTime() &&
        known.callOffId === arrival.callOffId;
      if (!same) {
        throw new AppError(
          'conflict',
          'production.arrival_conflict',
          `Arrival ${arrival.arrivalId} is recorded with other content.`,
        );
      }
      const allocated = await store.listReceiptsOf(tx, arrival.arrivalId);
      const used = allocated.reduce((n, r) => n + r.quantity, 0);
      return {
        arrivalId: arrival.arrivalId,
        allocated,
        unallocated: arrival.quantity - used,
        receivedCallOffIds: [],
        late: false,
        short: false,
        repromisedVehicleIds: [],
      };
    }

    const candidates = await candidateCallOffs(tx, arrival);
    // Soonest due first (the list's order), then line order within a call-off.
    const { allocated, unallocated } = allocateArrival(arrival.quantity, arrival.partNumber, candidates);
    for (const a of allocated) {
      const item = candidates.find((c) => c.id === a.callOffId)?.items.find((i) => i.itemNo === a.itemNo);
      if (item) item.received += a.quantity;
    }
    await store.insertArrival(tx, arrival, tx.now);
    await store.insertReceipts(tx, arrival.arrivalId, allocated);

    const touched = candidates.filter((c) => allocated.some((a) => a.callOffId === c.id));
    const receivedCallOffIds: string[] = [];
    for (const callOff of touched) {
      if (callOff.items.every((i) => outstanding(i) === 0)) {
        await store.updateCallOff(
          tx,
          callOff.id,
          { status: 'received', receivedAt: arrival.arrivedAt },
          tx.now,
        );
        receivedCallOffIds.push(callOff.id);
      }
    }

    const repromised = new Set<string>();
    let late = false;
    let short = false;
    for (const callOff of candidates) {
      const line = await store.findLine(tx, callOff.lineId);
      if (!line) continue;
      const arrivedOn = localDate(arrival.arrivedAt, line.timeZone);
      const partItems = callOff.items.filter((i) => i.partNumber === arrival.partNumber);
      const detail = {
        arrivalId: arrival.arrivalId,
        callOffId: callOff.id,
        supplierOrgId: callOff.supplierOrgId,
        partNumbers: [arrival.partNumber],
        arrivedOn,
      };
      const gotSome = allocated.some((a) => a.callOffId === callOff.id);
      if (gotSome && arrivedOn > callOff.dueDate) {
        late = true;
        const cars = await carsNeeding(tx, callOff, arrival.partNumber);
        for (const car of cars) {
          const moved = await repromiseForLatePart(tx, car.vehicleId, arrivedOn, {
            ...detail,
            partsArriveOn: arrivedOn,
            cause: 'late_arrival',
          });
          if (moved) repromised.add(car.vehicleId);
        }
      }
      const missing = partItems.reduce((n, i) => n + outstanding(i), 0);
      if (missing > 0 && callOff.dueDate <= arrivedOn && (gotSome || arrival.callOffId === callOff.id)) {
        short = true;
        for (const car of await carsNotCovered(tx, callOff, arrival.partNumber)) {
          const rest = maxDate(
            callOff.delayedUntil ?? arrivedOn,
            addDays(arrivedOn, Math.max(1, car.leadTimeDays)),
          );
          const moved = await repromiseForLatePart(tx, car.vehicleId, rest, {
            ...detail,
            partsArriveOn: rest,
            missing,
            cause: 'short_arrival',
          });
          if (moved) repromised.add(car.vehicleId);
        }
      }
    }

    const outcome: ArrivalOutcome = {
      arrivalId: arrival.arrivalId,
      allocated,
      unallocated,
      receivedCallOffIds,
      late,
      short,
      repromisedVehicleIds: [...repromised],
    };
    await publish(tx, partsReceived, arrival.arrivalId, {
      arrivalId: arrival.arrivalId,
      plantOrgId: arrival.plantOrgId,
      partNumber: arrival.partNumber,
      quantity: arrival.quantity,
      arrivedAt: arrival.arrivedAt.toISOString(),
      callOffIds: touched.map((c) => c.id),
      receivedCallOffIds,
      late,
      short,
      repromisedVehicleIds: outcome.repromisedVehicleIds,
    });
    return outcome;
  });
}

async function candidateCallOffs(tx: Ctx, arrival: PartArrival): Promise<CallOff[]> {
  if (arrival.callOffId === null) {
    return store.listCallOffs(tx, {
      openWithPart: { plantOrgId: arrival.plantOrgId, partNumber: arrival.partNumber },
    });
  }
  const named = await store.findCallOff(tx, arrival.callOffId, { forUpdate: true });
  if (
    !named ||
    named.plantOrgId !== arrival.plantOrgId ||
    !named.items.some((i) => i.partNumber === arrival.partNumber)
  ) {
    throw new AppError(
      'unprocessable',
      'production.arrival_not_in_calloff',
      `Call-off ${arrival.callOffId} of this plant has no part ${arrival.partNumber}.`,
      { fields: [{ path: 'callOffReference', message: 'No call-off of this plant with this part' }] },
    );
  }
  return [named];
}

type CarNeed = { vehicleId: string; quantity: number; leadTimeDays: number };

/** The day's active cars that need the part, in line order, with how many they need. */
async function carsNeeding(tx: Ctx, callOff: CallOff, partNumber: string): Promise<CarNeed[]> {
  const cars = (await store.listDayVehicles(tx, callOff.lineId, callOff.day)).filter(
    (v) => v.status === 'active',
  );
  const needs: CarNeed[] = [];
  for (const car of cars) {
    if (
      callOff.kind === 'sequenced' &&
      !callOff.items.some((i) => i.vehicleId === car.vehicleId && i.partNumber === partNumber)
    )
      continue;
    const lines = (await partsOf(tx, car)).parts.filter((p) => p.partNumber === partNumber);
    if (lines.length === 0) continue;
    needs.push({
      vehicleId: car.vehicleId,
      quantity: lines.reduce((n, p) => n + p.quantity, 0),
      leadTimeDays: Math.max(...lines.map((p) => p.leadTimeDays)),
    });
  }
  return needs;
}

/**
 * The cars a call-off's arrived quantity of the part does not cover: per car for sequenced
 * call-offs (their own items), in line order for daily totals (the first cars get the parts).
 */
async function carsNotCovered(tx: Ctx, callOff: CallOff, partNumber: string): Promise<CarNeed[]> {
  const cars = await carsNeeding(tx, callOff, partNumber);
  if (callOff.kind === 'sequenced') {
    const short = new Set(
      callOff.items.filter((i) => i.partNumber === partNumber && outstanding(i) > 0).map((i) => i.vehicleId),
    );
    return cars.filter((c) => short.has(c.vehicleId));
  }
  let covered = callOff.items.filter((i) => i.partNumber === partNumber).reduce((n, i) => n + i.received, 0);
  const uncovered: CarNeed[] = [];
  for (const car of cars) {
    if (covered >= car.quantity) covered -= car.quantity;
    else {
      covered = 0;
      uncovered.push(car);
    }
  }
  return uncovered;
}
