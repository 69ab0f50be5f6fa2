import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error.ts';
import { ProblemError } from '../../factory/api-problem.ts';
import { dateGoneOf, deliveryWeeks, isChoosable, type PromisedDate } from './delivery-calendar.ts';

const day = (date: string, available: boolean, reasons: PromisedDate['reasons'] = []): PromisedDate => ({
  date,
  available,
  productionDay: available ? '2026-11-20' : null,
  shipDate: available ? '2026-11-21' : null,
  storageDays: 0,
  reasons,
});

describe('delivery weeks', () => {
  it('lays the dates out in whole weeks from Monday, with the days outside the answer empty', () => {
    // Thursday 2026-10-29 .. Tuesday 2026-11-10
    const days = Array.from({ length: 13 }, (_, i) => {
      const date = new Date(Date.UTC(2026, 9, 29 + i)).toISOString().slice(0, 10);
      return day(date, i % 2 === 0);
    });
    const weeks = deliveryWeeks(days);
    expect(weeks).toHaveLength(3);
    expect(weeks.map((w) => w[0]?.date)).toEqual(['2026-10-26', '2026-11-02', '2026-11-09']);
    expect(weeks[0]?.slice(0, 3).map((c) => c.day)).toEqual([null, null, null]);
    expect(weeks[0]?.[3]?.day?.date).toBe('2026-10-29');
    expect(weeks[2]?.[1]?.day?.date).toBe('2026-11-10');
    expect(weeks[2]?.slice(2).every((c) => c.day === null)).toBe(true);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
  });

  it('has no weeks without dates', () => {
    expect(deliveryWeeks([])).toEqual([]);
  });
});

describe('choosable dates', () => {
  const days = [day('2026-12-01', false, [{ code: 'past' }]), day('2026-12-02', true)];
  it('are in the answer and available', () => {
    expect(isChoosable(days, '2026-12-02')).toBe(true);
    expect(isChoosable(days, '2026-12-01')).toBe(false);
    expect(isChoosable(days, '2026-12-03')).toBe(false);
    expect(isChoosable(days, null)).toBe(false);
  });
});

describe('a date gone meanwhile', () => {
  const problem = (code: string, body: Record<string, unknown>) =>
    new ProblemError(new ApiError({ status: 409, code }), { code, ...body });

  it('reads the reasons and the next available date of production.date_unavailable', () => {
    const gone = dateGoneOf(
      problem('production.date_unavailable', {
        reason: 'no_capacity',
        reasons: [{ code: 'dealer_full', handoverLeft: 0 }, { code: 'nonsense' }],
        nextAvailable: '2026-12-09',
      }),
    );
    expect(gone).toEqual({
      code: 'production.date_unavailable',
      reasons: [{ code: 'dealer_full', handoverLeft: 0 }],
      nextAvailable: '2026-12-09',
    });
  });

  it('takes a frozen day as gone too, without a next date when the server has none', () => {
    expect(dateGoneOf(problem('production.day_frozen', { nextAvailable: 'soon' }))).toEqual({
      code: 'production.day_frozen',
      reasons: [],
      nextAvailable: null,
    });
  });

  it('is not any other error', () => {
    expect(dateGoneOf(problem('ordering.stale_terms', {}))).toBeUndefined();
    expect(dateGoneOf(new Error('boom'))).toBeUndefined();
  });
});
