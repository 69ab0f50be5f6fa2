import { describe, expect, it } from 'vitest';
import { amountDue, balanceOf, purposeOf } from './compute-amount-due.ts';
import { ORDER_STATES } from './order-state.ts';
import { currentOrderTerms } from './order-terms.ts';

const terms = currentOrderTerms();
const order = { totalPrice: 25_980_000, financedPrincipal: 0 };

describe('amountDue', () => {
  it('asks for the intention money in draft', () => {
    expect(amountDue(terms, { ...order, state: 'draft' }, 0)).toEqual({
      purpose: 'intention',
      amount: 500_000,
    });
  });

  it('asks for the rest of the lock deposit when reserved (the intention money counts towards it)', () => {
    expect(amountDue(terms, { ...order, state: 'reserved' }, 500_000)).toEqual({
      purpose: 'deposit',
      amount: 1_500_000,
    });
  });

  it('asks for total - financed principal - paid from lock to hand-over', () => {
    for (const state of ['locked', 'scheduled', 'in_production', 'built', 'shipped', 'at_dealer'] as const) {
      expect(amountDue(terms, { ...order, state }, 2_000_000)).toEqual({
        purpose: 'balance',
        amount: 23_980_000,
      });
      expect(
        amountDue(terms, { state, totalPrice: 25_980_000, financedPrincipal: 18_000_000 }, 2_000_000),
      ).toEqual({
        purpose: 'balance',
        amount: 5_980_000,
      });
    }
  });

  it('asks nothing once delivered or cancelled', () => {
    expect(amountDue(terms, { ...order, state: 'delivered' }, 0)).toBeNull();
    expect(amountDue(terms, { ...order, state: 'cancelled' }, 0)).toBeNull();
  });

  it('is never negative, whatever was paid', () => {
    for (const state of ORDER_STATES) {
      for (const paid of [0, 1, 500_000, 2_000_000, 30_000_000, 99_999_999]) {
        const due = amountDue(terms, { ...order, state, financedPrincipal: 20_000_000 }, paid);
        if (due) expect(due.amount).toBeGreaterThanOrEqual(0);
      }
    }
    expect(amountDue(terms, { ...order, state: 'draft' }, 600_000)).toEqual({
      purpose: 'intention',
      amount: 0,
    });
  });

  it('names the purpose of each state', () => {
    expect(ORDER_STATES.map(purposeOf)).toEqual([
      'intention',
      'deposit',
      'balance',
      'balance',
      'balance',
      'balance',
      'balance',
      'balance',
      undefined,
      undefined,
    ]);
  });
});

describe('balanceOf', () => {
  it('is the remaining cash price and never negative', () => {
    expect(balanceOf({ totalPrice: 100, financedPrincipal: 60 }, 30)).toBe(10);
    expect(balanceOf({ totalPrice: 100, financedPrincipal: 60 }, 50)).toBe(0);
  });
});
