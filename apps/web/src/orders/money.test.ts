import { describe, expect, it } from 'vitest';
import {
  ceilToYuan,
  formatApr,
  formatMoney,
  formatMoneyDelta,
  parseYuan,
  suggestedDownPayment,
  yuanInputOf,
} from './money.ts';

describe('order money', () => {
  it('shows fen as the locale writes money, without decimals when whole', () => {
    expect(formatMoney(500_000, 'CNY', 'zh-CN')).toBe('¥5,000');
    expect(formatMoney(500_000, 'CNY', 'en')).toBe('CN¥5,000');
    expect(formatMoney(1_234_567, 'CNY', 'zh-CN')).toBe('¥12,345.67');
    expect(formatMoneyDelta(-400_000, 'CNY', 'zh-CN')).toBe('−¥4,000');
    expect(formatMoneyDelta(0, 'CNY', 'zh-CN')).toBe('±¥0');
  });

  it('shows an APR from basis points', () => {
    expect(formatApr(388, 'zh-CN')).toBe('3.88%');
    expect(formatApr(299, 'en')).toBe('2.99%');
    expect(formatApr(0, 'en')).toBe('0%');
    expect(formatApr(450, 'en')).toBe('4.5%');
  });

  it('reads amounts people type in yuan', () => {
    expect(parseYuan('50000')).toBe(5_000_000);
    expect(parseYuan(' 50,000 ')).toBe(5_000_000);
    expect(parseYuan('¥50,000.5')).toBe(5_000_050);
    expect(parseYuan('50000.05元')).toBe(5_000_005);
    expect(parseYuan('５００００')).toBe(5_000_000);
    expect(parseYuan('0')).toBe(0);
    for (const bad of ['', '-1', '1.234', 'abc', '1e5', '.5', '12.']) expect(parseYuan(bad), bad).toBeNull();
  });

  it('writes fen back as a typed amount, and rounds up to whole yuan', () => {
    expect(yuanInputOf(5_000_000)).toBe('50000');
    expect(yuanInputOf(1_250)).toBe('12.5');
    expect(yuanInputOf(1_205)).toBe('12.05');
    expect(parseYuan(yuanInputOf(7_654_321))).toBe(7_654_321);
    expect(ceilToYuan(10_001)).toBe(10_100);
    expect(ceilToYuan(10_000)).toBe(10_000);
  });

  it('suggests 30 % down, at least the offer minimum and the lock deposit, in whole yuan', () => {
    expect(suggestedDownPayment(30_000_000, 1500, 2_000_000)).toBe(9_000_000);
    expect(suggestedDownPayment(30_000_001, 1500, 2_000_000)).toBe(9_000_100);
    // the offer asks more than 30 %
    expect(suggestedDownPayment(30_000_000, 4000, 2_000_000)).toBe(12_000_000);
    // a cheap car: the lock deposit is the floor
    expect(suggestedDownPayment(5_000_000, 1500, 2_000_000)).toBe(2_000_000);
  });
});
