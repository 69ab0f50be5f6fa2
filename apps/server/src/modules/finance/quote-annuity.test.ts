import { describe, expect, it } from 'vitest';
import { minimumDownPayment, quoteAnnuity } from './quote-annuity.ts';

describe('quoteAnnuity', () => {
  it('matches the textbook value: 1,000,000 at 12 % over 12 months is 88,848.79 a month', () => {
    // r = 1 % a month: 1,000,000 * 0.01 / (1 - 1.01^-12) = 88,848.7887...
    expect(quoteAnnuity({ price: 100_000_000, downPayment: 0, aprBp: 1200, termMonths: 12 })).toEqual({
      principal: 100_000_000,
      instalment: 8_884_879,
      finalInstalment: 8_884_879,
      totalInterest: 8_884_879 * 12 - 100_000_000,
      totalRepayable: 8_884_879 * 12,
    });
  });

  it('quotes a 3.88 % bank loan over 36 months by hand-worked values', () => {
    // P = 250,000 - 37,500 = 212,500 yuan; r = 0.0388 / 12; P*r/(1-(1+r)^-36) = 6,262.5095939...
    const q = quoteAnnuity({ price: 25_000_000, downPayment: 3_750_000, aprBp: 388, termMonths: 36 });
    expect(q.principal).toBe(21_250_000);
    expect(q.instalment).toBe(626_251);
    expect(q.totalRepayable).toBe(626_251 * 36);
    expect(q.totalInterest).toBe(1_295_036);
  });

  it('quotes 4.99 % over 60 months and 2.99 % over 12 months', () => {
    // 100,000 yuan at 4.99 %: 1,886.6652...; 140,000 yuan at 2.99 %: 11,856.4801...
    expect(quoteAnnuity({ price: 10_000_000, downPayment: 0, aprBp: 499, termMonths: 60 })).toMatchObject({
      instalment: 188_667,
      totalInterest: 1_320_020,
    });
    expect(
      quoteAnnuity({ price: 20_000_000, downPayment: 6_000_000, aprBp: 299, termMonths: 12 }),
    ).toMatchObject({ principal: 14_000_000, instalment: 1_185_648, totalInterest: 227_776 });
  });

  it('divides evenly at 0 % and puts the rounding in the last instalment, so interest is exactly 0', () => {
    const q = quoteAnnuity({ price: 20_000_000, downPayment: 6_000_000, aprBp: 0, termMonths: 24 });
    // 14,000,000 / 24 = 583,333.33 -> 583,333; the last one is 14,000,000 - 23 * 583,333
    expect(q).toEqual({
      principal: 14_000_000,
      instalment: 583_333,
      finalInstalment: 583_341,
      totalInterest: 0,
      totalRepayable: 14_000_000,
    });
    expect(quoteAnnuity({ price: 100, downPayment: 0, aprBp: 0, termMonths: 3 })).toMatchObject({
      instalment: 33,
      finalInstalment: 34,
      totalInterest: 0,
    });
  });

  it('has nothing to repay when the down payment is the whole price', () => {
    expect(quoteAnnuity({ price: 500, downPayment: 500, aprBp: 388, termMonths: 12 })).toMatchObject({
      principal: 0,
      instalment: 0,
      totalInterest: 0,
    });
  });

  it('refuses negative, fractional and impossible inputs', () => {
    expect(() => quoteAnnuity({ price: -1, downPayment: 0, aprBp: 0, termMonths: 12 })).toThrow(RangeError);
    expect(() => quoteAnnuity({ price: 1.5, downPayment: 0, aprBp: 0, termMonths: 12 })).toThrow(RangeError);
    expect(() => quoteAnnuity({ price: 100, downPayment: 101, aprBp: 0, termMonths: 12 })).toThrow(
      RangeError,
    );
    expect(() => quoteAnnuity({ price: 100, downPayment: 0, aprBp: 0, termMonths: 0 })).toThrow(RangeError);
  });
});

describe('minimumDownPayment', () => {
  it('is the share of the price in basis points, rounded up to the fen', () => {
    expect(minimumDownPayment(25_000_000, 1500)).toBe(3_750_000);
    expect(minimumDownPayment(25_880_001, 3000)).toBe(7_764_001); // 7,764,000.3 -> up
    expect(minimumDownPayment(10_000, 0)).toBe(0);
  });
});
