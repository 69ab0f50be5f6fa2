/**
 * The order state machine, as data and one pure function. One order is one vehicle:
 *
 *   draft -reserve-> reserved -lock-> locked -schedule-> scheduled -start_production->
 *   in_production -complete_build-> built -ship-> shipped -arrive_at_dealer-> at_dealer
 *   -deliver-> delivered
 *
 * plus `reschedule` (the promised date moved: stays in any state from draft to shipped; the
 * customer sees "rescheduled" on the timeline), `change_configuration` (draft | reserved, stays),
 * `change_finance` (any state before shipped, stays: finance and insurance can be changed until
 * the car leaves the plant) and `cancel`: by the customer in the states the order terms allow
 * (draft, reserved, locked, scheduled), by the brand in any state but delivered and cancelled,
 * by the system only a draft that was not paid in time.
 * `deliver` is guarded: the balance must be paid (the caller passes the figure from the ledger).
 */
export const ORDER_STATES = [
  'draft',
  'reserved',
  'locked',
  'scheduled',
  'in_production',
  'built',
  'shipped',
  'at_dealer',
  'delivered',
  'cancelled',
] as const;
export type OrderState = (typeof ORDER_STATES)[number];

export const ORDER_ACTIONS = [
  'reserve',
  'lock',
  'change_configuration',
  'change_finance',
  'schedule',
  'reschedule',
  'start_production',
  'complete_build',
  'ship',
  'arrive_at_dealer',
  'deliver',
  'cancel',
] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

/**
 * Who cancels: the customer (by the order terms), the brand (HQ, with a reason) or the system
 * (a draft whose intention money was not paid in time).
 */
export const CANCELLERS = ['customer', 'brand', 'system'] as const;
export type Canceller = (typeof CANCELLERS)[number];

/** The one-step moves of the production and delivery path. */
const FORWARD: Partial<Record<OrderAction, readonly [OrderState, OrderState]>> = {
  reserve: ['draft', 'reserved'],
  lock: ['reserved', 'locked'],
  schedule: ['locked', 'scheduled'],
  start_production: ['scheduled', 'in_production'],
  complete_build: ['in_production', 'built'],
  ship: ['built', 'shipped'],
  arrive_at_dealer: ['shipped', 'at_dealer'],
  deliver: ['at_dealer', 'delivered'],
};

/** States in which the promised delivery date can still move (re-promise, the customer's change). */
export const RESCHEDULABLE_STATES: readonly OrderState[] = [
  'draft',
  'reserved',
  'locked',
  'scheduled',
  'in_production',
  'built',
  'shipped',
];

/** States in which the configuration may still change (before lock). */
export const CONFIGURABLE_STATES: readonly OrderState[] = ['draft', 'reserved'];

/** States in which finance and insurance may still change (until shipped). */
export const FINANCE_EDITABLE_STATES: readonly OrderState[] = [
  'draft',
  'reserved',
  'locked',
  'scheduled',
  'in_production',
  'built',
];

/** States at or after lock (the deposit rules apply), excluding the end states. */
export const LOCKED_STATES: readonly OrderState[] = [
  'locked',
  'scheduled',
  'in_production',
  'built',
  'shipped',
  'at_dealer',
];

export type TransitionContext = {
  /** For `cancel`. */
  by?: Canceller;
  /** For customer cancellation: the states the order's terms allow. */
  customerCancellableStates?: readonly OrderState[];
  /** For `deliver`: what is still owed on the vehicle (from the ledger). */
  balanceDue?: number;
};

export type Transition =
  | { ok: true; from: OrderState; to: OrderState }
  | { ok: false; reason: 'illegal_transition' | 'balance_unpaid' };

const DEFAULT_CUSTOMER_CANCELLABLE: readonly OrderState[] = ['draft', 'reserved', 'locked', 'scheduled'];

export function nextState(
  state: OrderState,
  action: OrderAction,
  context: TransitionContext = {},
): Transition {
  const stay = (allowed: readonly OrderState[]): Transition =>
    allowed.includes(state)
      ? { ok: true, from: state, to: state }
      : { ok: false, reason: 'illegal_transition' };
  switch (action) {
    case 'change_configuration':
      return stay(CONFIGURABLE_STATES);
    case 'change_finance':
      return stay(FINANCE_EDITABLE_STATES);
    case 'reschedule':
      return stay(RESCHEDULABLE_STATES);
    case 'cancel': {
      const by = context.by ?? 'customer';
      const allowed =
        by === 'brand'
          ? state !== 'delivered' && state !== 'cancelled'
          : by === 'system'
            ? state === 'draft'
            : (context.customerCancellableStates ?? DEFAULT_CUSTOMER_CANCELLABLE).includes(state);
      return allowed
        ? { ok: true, from: state, to: 'cancelled' }
        : { ok: false, reason: 'illegal_transition' };
    }
    default: {
      const move = FORWARD[action];
      if (!move || move[0] !== state) return { ok: false, reason: 'illegal_transition' };
      // Fail safe: an unknown balance is an unpaid one.
      if (action === 'deliver' && context.balanceDue !== 0) return { ok: false, reason: 'balance_unpaid' };
      return { ok: true, from: state, to: move[1] };
    }
  }
}

export function isOrderState(value: string): value is OrderState {
  return (ORDER_STATES as readonly string[]).includes(value);
}
