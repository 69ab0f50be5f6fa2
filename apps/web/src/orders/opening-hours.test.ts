import { describe, expect, it } from 'vitest';
import { formatOpeningHours } from './opening-hours.ts';

describe('opening hours', () => {
  it('reads the common OpenStreetMap forms in both languages', () => {
    expect(formatOpeningHours('Mo-Su 09:00-20:00', 'zh-CN')).toBe('每天 09:00–20:00');
    expect(formatOpeningHours('Mo-Su 09:00-20:00', 'en')).toBe('Daily 09:00–20:00');
    expect(formatOpeningHours('Mo-Fr 09:30-19:00; Sa,Su 09:00-20:00', 'zh-CN')).toBe(
      '周一至周五 09:30–19:00；周六、周日 09:00–20:00',
    );
    expect(formatOpeningHours('Mo-Fr 09:30-19:00; Sa,Su 09:00-20:00', 'en')).toBe(
      'Mon–Fri 09:30–19:00; Sat, Sun 09:00–20:00',
    );
    expect(formatOpeningHours('Mo-Sa 09:00-12:00,13:00-18:00; Su off', 'en')).toBe(
      'Mon–Sat 09:00–12:00, 13:00–18:00; Sun closed',
    );
    expect(formatOpeningHours('24/7', 'zh-CN')).toBe('全天营业');
  });

  it('shows what it cannot read as written, and nothing for nothing', () => {
    expect(formatOpeningHours('Mo-Fr 09:00-18:00; PH off', 'en')).toBe('Mo-Fr 09:00-18:00; PH off');
    expect(formatOpeningHours('sunrise-sunset', 'en')).toBe('sunrise-sunset');
    expect(formatOpeningHours('Mo-Fr 9-18', 'en')).toBe('Mo-Fr 9-18');
    expect(formatOpeningHours(null, 'en')).toBeUndefined();
    expect(formatOpeningHours('  ', 'en')).toBeUndefined();
  });
});
