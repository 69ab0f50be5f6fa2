import { describe, expect, it } from 'vitest';
import { fenToYuan, formatFen, yuanToFen } from './money.ts';

describe('yuan <-> fen', () => {
  it('reads yuan exactly, without floating-point drift', () => {
    expect(yuanToFen('0.29')).toBe(29);
    expect(yuanToFen('1299.5')).toBe(129950);
    expect(yuanToFen('1,299.50')).toBe(129950);
    expect(yuanToFen('¥ 12000')).toBe(1200000);
    expect(yuanToFen('-3000')).toBe(-300000);
    expect(yuanToFen('0')).toBe(0);
    expect(yuanToFen('-0')).toBe(0);
    expect(yuanToFen('19.99')).toBe(1999);
  });

  it('refuses what is not an amount in yuan', () => {
    for (const bad of ['', 'abc', '1.234', '1e3', '.5', '12.', '--1', '99999999999999']) {
      expect(yuanToFen(bad), bad).toBeNull();
    }
  });

  it('writes fen as yuan and round-trips', () => {
    expect(fenToYuan(129950)).toBe('1299.50');
    expect(fenToYuan(120000)).toBe('1200');
    expect(fenToYuan(-300000)).toBe('-3000');
    expect(fenToYuan(5)).toBe('0.05');
    expect(fenToYuan(-5)).toBe('-0.05');
    for (const fen of [0, 1, 29, 99, 100, 101, 2299999, -450001, 9_007_199_254_740]) {
      expect(yuanToFen(fenToYuan(fen))).toBe(fen);
    }
  });

  it('formats for reading', () => {
    expect(formatFen(129950, 'en')).toBe('CN¥1,299.50');
    expect(formatFen(1200000, 'zh-CN')).toBe('¥12,000');
  });
});
