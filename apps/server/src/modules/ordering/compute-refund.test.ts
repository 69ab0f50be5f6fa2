import { describe, expect, it } from 'vitest';
import { cancellationRefund } from './compute-refund.ts';
import { ORDER_STATES } from './order-state.ts';
import { currentOrderTerms, findOrderTerms, ORDER_TERMS_VERSIONS } from './order-terms.ts';

const terms = currentOrderTerms();

describe('order terms', () => {
  it('holds the money rules as numbers: ¥5,000 intention money, ¥20,000 lock deposit, 15 minutes to pay', () => {
    expect(terms).toMatchObject({
      currency: 'CNY',
      intentionMoney: 500_000,
      lockDeposit: 2_000_000,
      forfeitOnCustomerCancelAfterLock: 2_000_000,
      paymentWindowMinutes: 15,
    });
    expect(findOrderTerms(terms.version)).toBe(terms);
    expect(findOrderTerms('1999-01')).toBeUndefined();
    expect(new Set(ORDER_TERMS_VERSIONS.map((t) => t.version)).size).toBe(ORDER_TERMS_VERSIONS.length);
  });

  it('words the same numbers in both languages, with every clause bilingual', () => {
    const intention = terms.clauses.find((c) => c.id === 'intention');
    expect(intention?.body['zh-CN']).toContain('¥5,000');
    expect(intention?.body.en).toContain('¥5,000');
    const lock = terms.clauses.find((c) => c.id === 'lock');
    expect(lock?.body['zh-CN']).toContain('¥20,000');
    expect(lock?.acceptedAtLock).toBe(true);
    for (const c of terms.clauses) {
      for (const text of [c.title['zh-CN'], c.title.en, c.body['zh-CN'], c.body.en])
        expect(text.length).toBeGreaterThan(3);
      expect(c.body['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('cancellationRefund', () => {
  it('refunds everything when the customer cancels before lock', () => {
    expect(cancellationRefund(terms, { state: 'draft' }, 0, 'customer')).toEqual({ refund: 0, forfeited: 0 });
    expect(cancellationRefund(terms, { state: 'reserved' }, 500_000, 'customer')).toEqual({
      refund: 500_000,
      forfeited: 0,
    });
  });

  it('keeps the deposit and refunds anything above it when the customer cancels after lock', () => {
    expect(cancellationRefund(terms, { state: 'locked' }, 2_000_000, 'customer')).toEqual({
      refund: 0,
      forfeited: 2_000_000,
    });
    expect(cancellationRefund(terms, { state: 'scheduled' }, 5_000_000, 'customer')).toEqual({
      refund: 3_000_000,
      forfeited: 2_000_000,
    });
    // never more forfeited than paid
    expect(cancellationRefund(terms, { state: 'locked' }, 1_200_000, 'customer')).toEqual({
      refund: 0,
      forfeited: 1_200_000,
    });
  });

  it('refunds everything when the brand cancels, in every state', () => {
    for (const state of ORDER_STATES) {
      expect(cancellationRefund(terms, { state }, 7_000_000, 'brand')).toEqual({
        refund: 7_000_000,
        forfeited: 0,
      });
    }
  });

  it('never refunds more than was paid, nor a negative amount', () => {
    for (const state of ORDER_STATES) {
      for (const by of ['customer', 'brand'] as const) {
        for (const paid of [-5, 0, 1, 1_999_999, 2_000_000, 2_000_001, 30_000_000]) {
          const r = cancellationRefund(terms, { state }, paid, by);
          expect(r.refund).toBeGreaterThanOrEqual(0);
          expect(r.forfeited).toBeGreaterThanOrEqual(0);
          expect(r.refund + r.forfeited).toBe(Math.max(0, paid));
        }
      }
    }
  });
});
