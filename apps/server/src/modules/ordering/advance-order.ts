import { type Ctx, inTransaction } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { assertAuthorized } from '../identity/index.ts';
import { lockOrder } from './read-orders.ts';
import { type StateAction, transitionOrder } from './transition-order.ts';
import type { Order } from './types.ts';

/** The later stages, driven by production (issue #6) and the hand-over, through flows. */
export const ADVANCE_ACTIONS = [
  'schedule',
  'reschedule',
  'start_production',
  'complete_build',
  'ship',
  'arrive_at_dealer',
  'deliver',
] as const satisfies readonly StateAction[];
export type AdvanceAction = (typeof ADVANCE_ACTIONS)[number];

export type AdvanceData = {
  /** schedule, reschedule: the promised delivery date, YYYY-MM-DD. */
  promisedDeliveryDate?: string;
  /** reschedule: why (codes or text the customer is told). */
  reason?: string;
  /** The VIN once the body shop has given it (17 characters). */
  vin?: string;
  /** When the step is expected (the timeline shows estimated next to actual). */
  estimatedAt?: Date | null;
  /** deliver: what is still owed, from the ledger (the flow computes it); must be 0. */
  balanceDue?: number;
  /** Codes and figures for the timeline entry (station, plant, ...). */
  timelineData?: Record<string, unknown>;
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
// The shape only; production, which assigns VINs, owns their rules (ISO 3779, check digit).
const VIN = /^[A-Z0-9]{17}$/;

/**
 * Moves an order one stage on: scheduled with a promised date, rescheduled, production started,
 * built, shipped, at the dealer, delivered (only with the balance paid). Each step is a state
 * transition with its event and timeline entry; an illegal one is 409 with the current state.
 * For system flows (`order.advance`).
 */
export async function advanceOrder(
  ctx: Ctx,
  ref: string,
  action: AdvanceAction,
  data: AdvanceData = {},
): Promise<Order> {
  assertAuthorized(ctx.actor, 'order.advance');
  if ((action === 'schedule' || action === 'reschedule') && !DATE.test(data.promisedDeliveryDate ?? '')) {
    throw new AppError(
      'bad_request',
      'ordering.promised_date_required',
      'A promised delivery date (YYYY-MM-DD) is required.',
      {
        fields: [{ path: 'promisedDeliveryDate', message: 'YYYY-MM-DD' }],
      },
    );
  }
  if (data.vin !== undefined && !VIN.test(data.vin)) {
    throw new AppError('bad_request', 'ordering.invalid_vin', 'A VIN is 17 letters and digits.', {
      fields: [{ path: 'vin', message: '17 upper-case letters and digits' }],
    });
  }
  return inTransaction(ctx, async (tx) => {
    const order = await lockOrder(tx, ref);
    return transitionOrder(tx, order, action, {
      ...(data.balanceDue !== undefined ? { balanceDue: data.balanceDue } : {}),
      ...(data.reason !== undefined ? { reason: data.reason } : {}),
      patch: {
        ...(data.promisedDeliveryDate ? { promisedDeliveryDate: data.promisedDeliveryDate } : {}),
        ...(data.vin ? { vin: data.vin } : {}),
      },
      timeline: {
        data: {
          ...data.timelineData,
          ...(data.promisedDeliveryDate ? { promisedDeliveryDate: data.promisedDeliveryDate } : {}),
          ...(action === 'reschedule'
            ? { previousDeliveryDate: order.promisedDeliveryDate, reason: data.reason ?? null }
            : {}),
          ...(data.vin ? { vin: data.vin } : {}),
        },
        ...(data.estimatedAt !== undefined ? { estimatedAt: data.estimatedAt } : {}),
      },
    });
  });
}
