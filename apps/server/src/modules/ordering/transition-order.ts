import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { publish } from '../../platform/events/publish.ts';
import {
  orderArrivedAtDealer,
  orderBuilt,
  orderCancelled,
  orderDelivered,
  orderLocked,
  orderProductionStarted,
  orderRescheduled,
  orderReserved,
  orderScheduled,
  orderShipped,
} from './events.ts';
import { illegalTransition } from './order-errors.ts';
import { type Canceller, nextState, type OrderAction, type OrderState } from './order-state.ts';
import { recordTimeline } from './record-timeline.ts';
import * as store from './store.ts';
import type { Order, TimelineKind } from './types.ts';

/** Actions that move the order from one state to another (the two change_* actions stay). */
export type StateAction = Exclude<OrderAction, 'change_configuration' | 'change_finance'>;

export type TransitionOptions = {
  /** For `cancel`. */
  by?: Canceller;
  reason?: string | null;
  /** For `deliver`: from the ledger. */
  balanceDue?: number;
  /** `at`: when it happened, if not now (a plant step reported by its event). */
  timeline?: { kind?: TimelineKind; data?: Record<string, unknown>; estimatedAt?: Date | null; at?: Date };
  /** Fields of the action's event beyond the order's own (payment id and amounts, refund...). */
  details?: Record<string, unknown>;
  /** Changes written with the transition. */
  patch?: Partial<Pick<Order, 'promisedDeliveryDate' | 'vin' | 'lockTermsAcceptedAt'>>;
};

const TIMELINE_OF: Record<StateAction, TimelineKind> = {
  reserve: 'intention_paid',
  lock: 'locked',
  schedule: 'scheduled',
  reschedule: 'rescheduled',
  start_production: 'production_started',
  complete_build: 'built',
  ship: 'shipped',
  arrive_at_dealer: 'arrived_at_dealer',
  deliver: 'delivered',
  cancel: 'cancelled',
};

/** The part every order event starts with. */
export function eventRefOf(order: Order, previousState: OrderState | null) {
  return {
    orderId: order.id,
    vehicleId: order.vehicleId,
    customerId: order.customer.userId,
    dealerId: order.dealer.id,
    state: order.state,
    previousState,
  };
}

export function eventConfigurationOf(order: Order) {
  return {
    modelLine: order.modelLine.code,
    versionId: order.configuration.versionId,
    versionNumber: order.configuration.versionNumber,
    configurationCode: order.configuration.code,
    selection: order.configuration.selection,
    total: order.price.total,
    currency: order.price.currency,
  };
}

/**
 * Applies a state action to an order the caller has locked (see lockOrder): the state machine
 * decides (409 `ordering.illegal_transition` with the current state, or `ordering.balance_unpaid`),
 * then the row, a timeline entry and the action's event are written in the caller's transaction.
 */
export async function transitionOrder(
  ctx: Ctx,
  order: Order,
  action: StateAction,
  options: TransitionOptions = {},
): Promise<Order> {
  const t = nextState(order.state, action, {
    ...(options.by ? { by: options.by } : {}),
    customerCancellableStates: order.terms.customerCancellableStates,
    ...(options.balanceDue !== undefined ? { balanceDue: options.balanceDue } : {}),
  });
  if (!t.ok) {
    if (t.reason === 'balance_unpaid') {
      throw new AppError(
        'conflict',
        'ordering.balance_unpaid',
        'The balance must be paid before hand-over.',
        {
          extra: { state: order.state, action, balanceDue: options.balanceDue ?? null },
        },
      );
    }
    throw illegalTransition(order.state, action);
  }
  const next: Order = {
    ...order,
    ...options.patch,
    state: t.to,
    updatedAt: ctx.now,
    cancellation:
      action === 'cancel'
        ? { by: options.by ?? 'customer', reason: options.reason ?? null, at: ctx.now }
        : order.cancellation,
  };
  await store.updateOrder(ctx, next);
  await recordTimeline(ctx, next, {
    kind: options.timeline?.kind ?? TIMELINE_OF[action],
    data: { from: order.state, ...options.timeline?.data },
    ...(options.timeline?.estimatedAt !== undefined ? { estimatedAt: options.timeline.estimatedAt } : {}),
    ...(options.timeline?.at ? { at: options.timeline.at } : {}),
  });
  await publishTransition(ctx, next, order, action, options);
  return next;
}

async function publishTransition(
  ctx: Ctx,
  order: Order,
  previous: Order,
  action: StateAction,
  options: TransitionOptions,
): Promise<void> {
  const ref = eventRefOf(order, previous.state);
  const details = options.details ?? {};
  const at = ctx.now.toISOString();
  const stage = { ...ref, at, vin: order.vin, promisedDeliveryDate: order.promisedDeliveryDate };
  switch (action) {
    case 'reserve':
      await publish(ctx, orderReserved, order.id, {
        ...ref,
        currency: order.price.currency,
        ...(details as { paymentId: string; intentionPaid: number }),
      });
      return;
    case 'lock':
      await publish(ctx, orderLocked, order.id, {
        ...ref,
        ...eventConfigurationOf(order),
        financedPrincipal: order.financedPrincipal,
        termsVersion: order.terms.version,
        lockedAt: at,
        ...(details as { paymentId: string; depositPaid: number; paidTotal: number }),
      });
      return;
    case 'cancel':
      await publish(ctx, orderCancelled, order.id, {
        ...ref,
        by: options.by ?? 'customer',
        reason: options.reason ?? null,
        currency: order.price.currency,
        cancelledAt: at,
        ...(details as { refund: number; forfeited: number }),
      });
      return;
    case 'schedule':
      await publish(ctx, orderScheduled, order.id, stage);
      return;
    case 'reschedule':
      await publish(ctx, orderRescheduled, order.id, {
        ...stage,
        previousDeliveryDate: previous.promisedDeliveryDate,
        reason: options.reason ?? null,
      });
      return;
    case 'start_production':
      await publish(ctx, orderProductionStarted, order.id, stage);
      return;
    case 'complete_build':
      await publish(ctx, orderBuilt, order.id, stage);
      return;
    case 'ship':
      await publish(ctx, orderShipped, order.id, stage);
      return;
    case 'arrive_at_dealer':
      await publish(ctx, orderArrivedAtDealer, order.id, stage);
      return;
    case 'deliver':
      await publish(ctx, orderDelivered, order.id, stage);
      return;
  }
}
