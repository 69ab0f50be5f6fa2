import { type Ctx, inTransaction } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { publish } from '../../platform/events/publish.ts';
import { assertAuthorized } from '../identity/index.ts';
import { type IsoDate, localDate } from './capacity-calendar.ts';
import { callOffDelayed, callOffShipped } from './events.ts';
import { partsOf } from './lead-time.ts';
import { getLineFor } from './read-plant.ts';
import { repromiseForLatePart } from './repromise-late-part.ts';
import * as store from './store.ts';
import type { CallOff, CallOffStatus } from './types.ts';

const CALLOFF_NOT_FOUND = 'production.calloff_not_found';
const callOffNotFound = () => new AppError('not_found', CALLOFF_NOT_FOUND, 'No such call-off.');

/** The signed-in supplier's own call-offs (a supplier never sees another's), soonest due first. */
export async function listSupplierCallOffs(
  ctx: Ctx,
  filter: { status?: CallOffStatus; dueFrom?: IsoDate; dueTo?: IsoDate } = {},
): Promise<CallOff[]> {
  const reach = assertAuthorized(ctx.actor, 'calloff.read');
  const own = ctx.actor.kind === 'staff' || ctx.actor.kind === 'api_key' ? ctx.actor.orgId : undefined;
  if (reach !== 'all' && !own) return [];
  return store.listCallOffs(ctx, { ...filter, ...(reach === 'all' ? {} : { supplierOrgId: own }) });
}

/** One call-off of the supplier's own; another supplier's call-off is 404. */
export async function getCallOff(ctx: Ctx, callOffId: string): Promise<CallOff> {
  return callOffFor(ctx, callOffId, 'calloff.read');
}

async function callOffFor(
  ctx: Ctx,
  callOffId: string,
  permission: 'calloff.read' | 'calloff.respond',
  options: { forUpdate?: boolean } = {},
): Promise<CallOff> {
  assertAuthorized(ctx.actor, permission);
  const callOff = await store.findCallOff(ctx, callOffId, options);
  if (!callOff) throw callOffNotFound();
  assertAuthorized(ctx.actor, permission, { orgId: callOff.supplierOrgId, notFoundCode: CALLOFF_NOT_FOUND });
  return callOff;
}

/** The call-offs of one production day (planner console). */
export async function listDayCallOffs(ctx: Ctx, lineId: string, day: IsoDate): Promise<CallOff[]> {
  const line = await getLineFor(ctx, lineId, 'production_plan.read');
  return store.listCallOffs(ctx, { lineId: line.id, day });
}

/** The supplier confirms the call-off is on its way. Idempotent. */
export async function confirmShipment(ctx: Ctx, callOffId: string): Promise<CallOff> {
  return inTransaction(ctx, async (tx) => {
    const callOff = await callOffFor(tx, callOffId, 'calloff.respond', { forUpdate: true });
    if (callOff.status === 'shipped') return callOff;
    await store.updateCallOff(tx, callOff.id, { status: 'shipped', shippedAt: tx.now }, tx.now);
    await publish(tx, callOffShipped, callOff.id, {
      callOffId: callOff.id,
      supplierOrgId: callOff.supplierOrgId,
      lineId: callOff.lineId,
      day: callOff.day,
      kind: callOff.kind,
      shippedAt: tx.now.toISOString(),
    });
    return { ...callOff, status: 'shipped', shippedAt: tx.now };
  });
}

/**
 * The supplier reports that a call-off will arrive late, on `newDate`. Every car of the day that
 * needs one of its parts and has not passed its quality check yet is re-promised when the late
 * part pushes it past its delivery date (reason `part_late`, so the customer is told why).
 * A shipped call-off cannot be late any more (409).
 */
export async function reportDelay(
  ctx: Ctx,
  callOffId: string,
  input: { newDate: IsoDate; reason: string },
): Promise<{ callOff: CallOff; repromisedVehicleIds: string[] }> {
  return inTransaction(ctx, async (tx) => {
    const callOff = await callOffFor(tx, callOffId, 'calloff.respond', { forUpdate: true });
    if (callOff.status === 'shipped') {
      throw new AppError('conflict', 'production.calloff_shipped', 'This call-off is shipped already.', {
        extra: { status: callOff.status },
      });
    }
    if (input.newDate <= callOff.dueDate) {
      throw new AppError(
        'bad_request',
        'production.not_a_delay',
        `The call-off is due on ${callOff.dueDate}.`,
        {
          fields: [{ path: 'newDate', message: `Must be after the due date ${callOff.dueDate}` }],
        },
      );
    }
    await store.updateCallOff(
      tx,
      callOff.id,
      { status: 'delayed', delayedUntil: input.newDate, delayReason: input.reason },
      tx.now,
    );

    const partIds = new Set(callOff.items.map((i) => i.partId));
    const perCar = new Set(callOff.items.flatMap((i) => (i.vehicleId ? [i.vehicleId] : [])));
    const dayCars = (await store.listDayVehicles(tx, callOff.lineId, callOff.day)).filter(
      (v) => v.status === 'active',
    );
    const line = await store.findLine(tx, callOff.lineId);
    if (!line) throw new Error(`call-off ${callOff.id} is on a missing line`);
    const repromised: string[] = [];
    for (const listed of dayCars) {
      const needs =
        callOff.kind === 'sequenced'
          ? perCar.has(listed.vehicleId)
          : (await partsOf(tx, listed)).parts.some((p) => partIds.has(p.partId));
      if (!needs) continue;
      const detail = {
        callOffId: callOff.id,
        supplierOrgId: callOff.supplierOrgId,
        partNumbers: callOff.items
          .filter((i) => callOff.kind === 'daily' || i.vehicleId === listed.vehicleId)
          .map((i) => i.partNumber),
        partsArriveOn: input.newDate,
        supplierReason: input.reason,
        reportedOn: localDate(tx.now, line.timeZone),
      };
      if (await repromiseForLatePart(tx, listed.vehicleId, input.newDate, detail))
        repromised.push(listed.vehicleId);
    }
    await publish(tx, callOffDelayed, callOff.id, {
      callOffId: callOff.id,
      supplierOrgId: callOff.supplierOrgId,
      lineId: callOff.lineId,
      day: callOff.day,
      kind: callOff.kind,
      newDate: input.newDate,
      reason: input.reason,
      repromisedVehicleIds: repromised,
    });
    return {
      callOff: { ...callOff, status: 'delayed', delayedUntil: input.newDate, delayReason: input.reason },
      repromisedVehicleIds: repromised,
    };
  });
}
