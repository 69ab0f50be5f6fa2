import { describe, expect, it } from 'vitest';
import {
  CHECKOUT_STEPS,
  type CheckoutState,
  canOpen,
  checkoutReducer,
  EMPTY_DRAFT,
  firstIncomplete,
  initialCheckout,
  type StepDefinition,
  stepStatuses,
} from './checkout-steps.ts';

const steps = CHECKOUT_STEPS;
const run = (
  state: CheckoutState,
  ...actions: Parameters<typeof checkoutReducer<(typeof steps)[number]['id']>>[2][]
) => actions.reduce((s, a) => checkoutReducer(steps, s, a), state);
const choice = { offerId: 'fo_1', downPayment: 9_000_000, termMonths: 36 };

describe('checkout steps', () => {
  it('starts at the dealer; nothing past it opens before a dealer is chosen', () => {
    const start = initialCheckout(steps);
    expect(start.current).toBe('dealer');
    expect(run(start, { type: 'next' }).current).toBe('dealer');
    expect(run(start, { type: 'go', step: 'terms' }).current).toBe('dealer');
    expect(stepStatuses(steps, start).map((s) => s.status)).toEqual([
      'current',
      'locked',
      'locked',
      'locked',
      'locked',
      'locked',
    ]);
  });

  it('walks dealer -> delivery -> finance -> insurance -> terms -> review, marking the visited steps done', () => {
    let s = run(initialCheckout(steps), { type: 'update', patch: { dealerId: 'org_sh' } }, { type: 'next' });
    expect(s.current).toBe('delivery');
    expect(run(s, { type: 'next' }).current).toBe('delivery');
    s = run(s, { type: 'update', patch: { deliveryDate: '2026-12-17' } }, { type: 'next' });
    expect(s.current).toBe('finance');
    s = run(s, { type: 'next' }, { type: 'next' });
    expect(s.current).toBe('terms');
    expect(run(s, { type: 'next' }).current).toBe('terms');
    s = run(s, { type: 'update', patch: { termsAccepted: true } }, { type: 'next' });
    expect(s.current).toBe('review');
    expect(stepStatuses(steps, s).map((x) => x.status)).toEqual([
      'done',
      'done',
      'done',
      'done',
      'done',
      'current',
    ]);
    expect(run(s, { type: 'back' }).current).toBe('terms');
    expect(run(s, { type: 'go', step: 'dealer' }).current).toBe('dealer');
  });

  it('holds finance until the server has quoted the choice; paying in full needs nothing', () => {
    let s = run(
      initialCheckout(steps),
      { type: 'update', patch: { dealerId: 'org_sh', deliveryDate: '2026-12-17' } },
      { type: 'go', step: 'finance' },
    );
    s = run(s, { type: 'update', patch: { finance: { choice, quoted: false } } }, { type: 'next' });
    expect(s.current).toBe('finance');
    expect(canOpen(steps, s.draft, 'insurance')).toBe(false);
    // A loan whose amount is still being typed is not a choice yet.
    expect(canOpen(steps, { ...s.draft, finance: { choice: null, quoted: true } }, 'insurance')).toBe(false);
    s = run(s, { type: 'update', patch: { finance: { choice, quoted: true } } }, { type: 'next' });
    expect(s.current).toBe('insurance');
  });

  it('a change that undoes an earlier step sends the customer back to it', () => {
    let s = run(
      initialCheckout(steps),
      { type: 'update', patch: { dealerId: 'org_sh', deliveryDate: '2026-12-17', termsAccepted: true } },
      { type: 'go', step: 'review' },
    );
    expect(s.current).toBe('review');
    s = run(s, { type: 'update', patch: { finance: { choice, quoted: false } } });
    expect(s.current).toBe('finance');
    expect(firstIncomplete(steps, s.draft)?.id).toBe('finance');
    expect(stepStatuses(steps, s).find((x) => x.id === 'review')?.status).toBe('locked');
  });

  it('another dealer needs the date picked again: it has its own calendar', () => {
    let s = run(
      initialCheckout(steps),
      { type: 'update', patch: { dealerId: 'org_sh', deliveryDate: '2026-12-17', termsAccepted: true } },
      { type: 'go', step: 'review' },
    );
    expect(s.current).toBe('review');
    // The same dealer again keeps the date.
    expect(run(s, { type: 'update', patch: { dealerId: 'org_sh' } }).draft.deliveryDate).toBe('2026-12-17');
    s = run(s, { type: 'update', patch: { dealerId: 'org_cd' } });
    expect(s.draft.deliveryDate).toBeNull();
    expect(s.current).toBe('delivery');
    expect(canOpen(steps, s.draft, 'finance')).toBe(false);
  });

  it('a date gone when placing sends the customer back to the calendar', () => {
    let s = run(
      initialCheckout(steps),
      { type: 'update', patch: { dealerId: 'org_sh', deliveryDate: '2026-12-17', termsAccepted: true } },
      { type: 'go', step: 'review' },
    );
    s = run(s, { type: 'update', patch: { deliveryDate: null } });
    expect(s.current).toBe('delivery');
    expect(s.draft).toMatchObject({ dealerId: 'org_sh', termsAccepted: true });
    s = run(s, { type: 'update', patch: { deliveryDate: '2026-12-18' } }, { type: 'go', step: 'review' });
    expect(s.current).toBe('review');
  });

  it('takes another list of steps, e.g. a delivery date between dealer and finance', () => {
    type Id = 'dealer' | 'delivery' | 'review';
    let date: string | null = null;
    const withDate: StepDefinition<Id>[] = [
      { id: 'dealer', complete: (d) => d.dealerId !== null },
      { id: 'delivery', complete: () => date !== null },
      { id: 'review', complete: () => false },
    ];
    let s = checkoutReducer(withDate, initialCheckout(withDate, { ...EMPTY_DRAFT, dealerId: 'org_sh' }), {
      type: 'next',
    });
    expect(s.current).toBe('delivery');
    expect(checkoutReducer(withDate, s, { type: 'next' }).current).toBe('delivery');
    date = '2026-05-01';
    s = checkoutReducer(withDate, s, { type: 'next' });
    expect(s.current).toBe('review');
  });
});
