import {
  type ChecklistItem,
  cancelHandoverAppointment,
  checklistState,
  findHandoverOfVehicle,
  type Handover,
  recordKeysHandedOver,
} from '../modules/dealers/index.ts';
import { assertAuthorized, findDealerOrganisation } from '../modules/identity/index.ts';
import { lockOrder, ORDER_NOT_FOUND, recordOrderFact } from '../modules/ordering/index.ts';
import {
  applyVersioned,
  SIGNATURE_TOLERANCE_SECONDS,
  type VersionedResult,
} from '../modules/partner/index.ts';
import type { Ctx } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { bookLockedOrderHandover, checkLockedOrderHandoverItem } from './handover.ts';
import type { PartnerCall } from './partner-erp-parts.ts';

/** What a dealer's DMS knows of one car's hand-over (PUT /partner/dms/handovers/{vehicleId}). */
export type DmsHandover = {
  appointment: { status: 'booked'; day: string; slotStart: string } | { status: 'cancelled' };
  /** Items the dealer completed; items left out stay as they are (the DMS never unchecks). */
  checklistCompleted: ChecklistItem[];
  /** The keys handed over: only after the customer accepted the car in the app. */
  keysHandedOver?: { at: Date; staffName: string } | undefined;
};

/**
 * A dealer's DMS confirms the hand-over of one of its dealer's cars: the appointment (booked,
 * moved or cancelled), the checklist items completed, and, once the customer has accepted the
 * car in the app, the keys handed over (time, staff member). The DMS goes through the same rules
 * as the dealer's staff in the app, in one transaction under the order's row lock:
 * - booking only once the car is at the dealer, inside the opening hours, with capacity left;
 * - checklist items only while the appointment is booked;
 * - the acceptance (balance paid, checklist complete → delivered, owner) stays the customer's
 *   act: the DMS cannot give it, and records the keys only after it (409
 *   `dealers.handover_not_accepted` before).
 * The whole state is declarative: what already holds changes nothing (no event, no timeline
 * entry), so a new version with the same facts is applied without effects. The dealer is the
 * key's organisation; another dealer's car is 404 like an unknown one. Versions count per
 * (dealer, vehicle id).
 */
export async function confirmDmsHandover(
  ctx: Ctx,
  call: PartnerCall,
  vehicleId: string,
  input: DmsHandover,
): Promise<VersionedResult> {
  const dealer =
    ctx.actor.kind === 'api_key' ? await findDealerOrganisation(ctx, ctx.actor.orgId) : undefined;
  if (!dealer) {
    throw new AppError('forbidden', 'identity.forbidden', 'Only a dealer’s key confirms its hand-overs.');
  }
  const keys = input.keysHandedOver;
  if (keys && keys.at.getTime() > ctx.now.getTime() + SIGNATURE_TOLERANCE_SECONDS * 1000) {
    throw new AppError(
      'unprocessable',
      'dealers.keys_handed_over_in_future',
      'The keys cannot be handed over in the future.',
      {
        fields: [{ path: 'keysHandedOver.at', message: 'Not in the future' }],
      },
    );
  }
  return applyVersioned(
    ctx,
    {
      system: 'dms',
      entity: 'handover',
      naturalKey: `${dealer.code}/${vehicleId}`,
      version: call.version,
      payload: { ...input, keysHandedOver: keys ? { ...keys, at: keys.at.toISOString() } : null },
      endpoint: call.endpoint,
    },
    async (tx) => {
      let order = await lockOrder(tx, vehicleId);
      // The key's own dealer's cars only: another dealer's answers as an unknown one.
      assertAuthorized(tx.actor, 'dms_handover.confirm', {
        orgId: order.dealer.id,
        notFoundCode: ORDER_NOT_FOUND,
      });
      let handover: Handover | undefined = await findHandoverOfVehicle(tx, order.vehicleId);

      const appointment = input.appointment;
      if (appointment.status === 'booked') {
        const holds =
          handover !== undefined &&
          handover.status !== 'cancelled' &&
          handover.day === appointment.day &&
          handover.slotStart === appointment.slotStart;
        if (!holds) {
          ({ order, handover } = await bookLockedOrderHandover(tx, order, appointment));
        }
      } else {
        const cancelled = await cancelHandoverAppointment(tx, order.vehicleId);
        handover = cancelled.handover;
        if (cancelled.changed && handover) {
          order = await recordOrderFact(tx, order, {
            timeline: {
              kind: 'handover_cancelled',
              data: { handoverId: handover.id, day: handover.day, slotStart: handover.slotStart },
            },
          });
        }
      }

      for (const item of new Set(input.checklistCompleted)) {
        const open = handover ? checklistState(handover.checklist).left.includes(item) : true;
        if (open) handover = await checkLockedOrderHandoverItem(tx, order, { item, checked: true });
      }

      if (keys) await recordKeysHandedOver(tx, order.vehicleId, keys);
      return { id: order.vehicleId };
    },
  );
}
