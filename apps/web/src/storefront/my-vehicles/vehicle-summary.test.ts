import { describe, expect, it } from 'vitest';
import { configurationSummary, newestFirst } from './vehicle-summary.ts';

const option = (family: string, option: string, zh: string | null, en: string | null) => ({
  family,
  option,
  familyLabel: { 'zh-CN': family, en: family },
  optionLabel: zh && en ? { 'zh-CN': zh, en } : null,
  price: 0,
});

describe('an owned vehicle in a line', () => {
  const options = [
    option('paint', 'paint-white', '珍珠白', 'Pearl white'),
    option('drive', 'awd', '四驱', 'All-wheel drive'),
    option('seats', 'seats-7', '7 座', '7 seats'),
    option('wheels', 'w20', '20 英寸轮毂', '20" wheels'),
    option('tow', 'tow-bar', null, null),
    option('roof', 'sunroof', '全景天窗', 'Panoramic roof'),
  ];

  it('names the first options in the language and counts the rest', () => {
    expect(configurationSummary(options, 'en')).toEqual({
      shown: ['Pearl white', 'All-wheel drive', '7 seats', '20" wheels'],
      more: 2,
    });
    expect(configurationSummary(options, 'zh-CN', 2)).toEqual({ shown: ['珍珠白', '四驱'], more: 4 });
  });

  it('falls back to the option code without a label, and has nothing to count for a short list', () => {
    expect(configurationSummary(options.slice(4, 5), 'en')).toEqual({ shown: ['tow-bar'], more: 0 });
    expect(configurationSummary([], 'en')).toEqual({ shown: [], more: 0 });
  });

  it('lists the newest delivery first', () => {
    const list = [
      { id: 'a', deliveredAt: '2026-01-02T00:00:00Z' },
      { id: 'b', deliveredAt: '2026-03-02T00:00:00Z' },
      { id: 'c', deliveredAt: '2026-02-02T00:00:00Z' },
    ];
    expect(newestFirst(list).map((v) => v.id)).toEqual(['b', 'c', 'a']);
  });
});
