import type { Ctx } from '../../platform/context.ts';
import { publish } from '../../platform/events/publish.ts';
import { newId } from '../../platform/ids.ts';
import { partsBySupplier } from '../bom/index.ts';
import { addWorkingDays, type CapacityCalendar, type IsoDate } from './capacity-calendar.ts';
import { callOffsIssued } from './events.ts';
import { storePartsOf } from './lead-time.ts';
import * as store from './store.ts';
import type { CallOff, Line, Vehicle } from './types.ts';

/**
 * The supplier call-offs of a day being frozen (in the freeze's transaction, with the day
 * locked): per supplier its just-in-sequence parts, one item per car and part in the frozen
 * line sequence, due on the production day; and the daily totals of its other parts, due the
 * working day before (they are stocked at the line, not delivered car by car). Cars without a
 * stored parts list get one now; a car whose parts cannot be exploded fails the freeze (422
 * `production.parts_unknown`): the plan must not go final without its parts.
 */
export async function issueCallOffs(
  ctx: Ctx,
  line: Line,
  calendar: CapacityCalendar,
  day: IsoDate,
  cars: readonly Vehicle[],
): Promise<CallOff[]> {
  const building = cars.filter((c) => c.status === 'active');
  if (building.length === 0) return [];
  const order = building.map((c) => c.vehicleId);
  let demand = await partsBySupplier(ctx, order);
  if (demand.missingVehicleIds.length > 0) {
    for (const id of demand.missingVehicleIds) {
      const car = building.find((c) => c.vehicleId === id);
      if (car) await storePartsOf(ctx, car);
    }
    demand = await partsBySupplier(ctx, order);
  }
  const positionOf = new Map(building.map((c) => [c.vehicleId, c.sequencePosition]));
  const dayBefore = addWorkingDays(calendar, day, -1) ?? day;
  const callOffs: CallOff[] = [];
  for (const s of demand.suppliers) {
    const base = {
      lineId: line.id,
      plantOrgId: line.plantOrgId,
      day,
      supplierOrgId: s.supplierOrgId,
      status: 'open' as const,
      shippedAt: null,
      delayedUntil: null,
      delayReason: null,
      receivedAt: null,
      createdAt: ctx.now,
    };
    if (s.sequenced.length > 0) {
      callOffs.push({
        ...base,
        id: newId('cof'),
        kind: 'sequenced',
        dueDate: day,
        items: s.sequenced.map((d, i) => ({
          itemNo: i + 1,
          sequencePosition: positionOf.get(d.vehicleId) ?? d.position,
          vehicleId: d.vehicleId,
          partId: d.partId,
          partNumber: d.partNumber,
          name: d.name,
          quantity: d.quantity,
          unit: d.unit,
          station: d.station,
          vehicles: 1,
          received: 0,
        })),
      });
    }
    if (s.totals.length > 0) {
      callOffs.push({
        ...base,
        id: newId('cof'),
        kind: 'daily',
        dueDate: dayBefore,
        items: s.totals.map((d, i) => ({
          itemNo: i + 1,
          sequencePosition: null,
          vehicleId: null,
          partId: d.partId,
          partNumber: d.partNumber,
          name: d.name,
          quantity: d.quantity,
          unit: d.unit,
          station: null,
          vehicles: d.vehicles,
          received: 0,
        })),
      });
    }
  }
  for (const c of callOffs) await store.insertCallOff(ctx, c);
  await publish(ctx, callOffsIssued, `${line.id}:${day}`, {
    lineId: line.id,
    plantOrgId: line.plantOrgId,
    day,
    callOffs: callOffs.map((c) => ({
      callOffId: c.id,
      supplierOrgId: c.supplierOrgId,
      kind: c.kind,
      dueDate: c.dueDate,
      items: c.items.length,
    })),
  });
  return callOffs;
}
