import { describe, expect, it } from 'vitest';
import { nextState, ORDER_ACTIONS, ORDER_STATES, type OrderAction, type OrderState } from './order-state.ts';
import { currentOrderTerms } from './order-terms.ts';

/**
 * The whole table, written out by hand: every legal (state, action) and where it goes. Every pair
 * not listed must be refused as illegal.
 */
const LEGAL: Record<string, OrderState> = {
  'draft reserve': 'reserved',
  'reserved lock': 'locked',
  'locked schedule': 'scheduled',
  // the promised date moves (re-promise by the plant, the customer's change) in every state before at_dealer
  'draft reschedule': 'draft',
  'reserved reschedule': 'reserved',
  'locked reschedule': 'locked',
  'scheduled reschedule': 'scheduled',
  'in_production reschedule': 'in_production',
  'built reschedule': 'built',
  'shipped reschedule': 'shipped',
  'scheduled start_production': 'in_production',
  'in_production complete_build': 'built',
  'built ship': 'shipped',
  'shipped arrive_at_dealer': 'at_dealer',
  'at_dealer deliver': 'delivered',
  'draft change_configuration': 'draft',
  'reserved change_configuration': 'reserved',
  'draft change_finance': 'draft',
  'reserved change_finance': 'reserved',
  'locked change_finance': 'locked',
  'scheduled change_finance': 'scheduled',
  'in_production change_finance': 'in_production',
  'built change_finance': 'built',
  // customer cancellation (the default); brand cancellation is tested below
  'draft cancel': 'cancelled',
  'reserved cancel': 'cancelled',
  'locked cancel': 'cancelled',
  'scheduled cancel': 'cancelled',
};

const pairs = ORDER_STATES.flatMap((s) => ORDER_ACTIONS.map((a) => [s, a] as [OrderState, OrderAction]));
const terms = currentOrderTerms();

describe('order state machine: every (state, action) pair', () => {
  it.each(pairs)('%s + %s', (state, action) => {
    const expected = LEGAL[`${state} ${action}`];
    const result = nextState(state, action, {
      by: 'customer',
      customerCancellableStates: terms.customerCancellableStates,
      balanceDue: 0,
    });
    if (expected) expect(result).toEqual({ ok: true, from: state, to: expected });
    else expect(result).toEqual({ ok: false, reason: 'illegal_transition' });
  });

  it('covers all 120 pairs', () => {
    expect(pairs).toHaveLength(ORDER_STATES.length * ORDER_ACTIONS.length);
    expect(pairs).toHaveLength(120);
  });
});

describe('cancel', () => {
  it.each(ORDER_STATES)('by the brand from %s: any state but delivered and cancelled', (state) => {
    const result = nextState(state, 'cancel', { by: 'brand' });
    if (state === 'delivered' || state === 'cancelled') expect(result.ok).toBe(false);
    else expect(result).toEqual({ ok: true, from: state, to: 'cancelled' });
  });

  it('by the customer follows the states the order terms allow', () => {
    expect(nextState('in_production', 'cancel', { by: 'customer' })).toMatchObject({ ok: false });
    expect(
      nextState('locked', 'cancel', { by: 'customer', customerCancellableStates: ['draft'] }),
    ).toMatchObject({
      ok: false,
    });
    expect(terms.customerCancellableStates).toEqual(['draft', 'reserved', 'locked', 'scheduled']);
  });

  it.each(ORDER_STATES)('by the system from %s: only a draft (not paid in time)', (state) => {
    const result = nextState(state, 'cancel', { by: 'system' });
    if (state === 'draft') expect(result).toEqual({ ok: true, from: 'draft', to: 'cancelled' });
    else expect(result).toEqual({ ok: false, reason: 'illegal_transition' });
  });

  it('defaults to the stricter customer rule when no canceller is given', () => {
    expect(nextState('built', 'cancel')).toMatchObject({ ok: false, reason: 'illegal_transition' });
  });
});

describe('deliver guard', () => {
  it('needs the balance paid: an unpaid or unknown balance is refused', () => {
    expect(nextState('at_dealer', 'deliver', { balanceDue: 0 })).toEqual({
      ok: true,
      from: 'at_dealer',
      to: 'delivered',
    });
    expect(nextState('at_dealer', 'deliver', { balanceDue: 1 })).toEqual({
      ok: false,
      reason: 'balance_unpaid',
    });
    expect(nextState('at_dealer', 'deliver')).toEqual({ ok: false, reason: 'balance_unpaid' });
    // an illegal state wins over the guard
    expect(nextState('shipped', 'deliver', { balanceDue: 0 })).toEqual({
      ok: false,
      reason: 'illegal_transition',
    });
  });
});
