import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error.ts';
import { translate } from '../i18n/translate.ts';
import { ProblemError, problemMember } from './api-problem.ts';
import { catalogLabels } from './catalog-labels.ts';
import { dayLabel } from './day-label.ts';
import { reasonsOf, reasonText } from './reason-text.ts';
import { conditionOf, conditionText, optionList, parseOptionCodes } from './rule-condition.ts';

const labels: Record<string, string> = { 'drive-4wd': '四驱', 'drive-awd': '全时四驱', 'eng-phev': '插混' };
const label = (code: string) => labels[code] ?? code;
const words = { or: ' 或 ', and: ' 且 ', not: (a: string) => `非 ${a}` };

describe('N/P rule conditions', () => {
  it('edits "any of these options" as a list of codes', () => {
    expect(optionList('sunroof-panoramic')).toEqual(['sunroof-panoramic']);
    expect(optionList({ any: ['drive-4wd', 'drive-awd'] })).toEqual(['drive-4wd', 'drive-awd']);
    expect(optionList({ all: ['drive-4wd', 'eng-phev'] })).toBeNull();
    expect(optionList({ any: ['drive-4wd', { not: 'eng-phev' }] })).toBeNull();
    expect(conditionOf(['x'])).toBe('x');
    expect(conditionOf(['x', 'y'])).toEqual({ any: ['x', 'y'] });
  });

  it('reads codes separated by commas (also Chinese ones), spaces or lines, once each', () => {
    expect(parseOptionCodes(' drive-4wd, drive-awd，drive-4wd\nroof-tent ')).toEqual([
      'drive-4wd',
      'drive-awd',
      'roof-tent',
    ]);
    expect(parseOptionCodes('  ')).toEqual([]);
  });

  it('says a condition in words with the option names', () => {
    expect(conditionText({ any: ['drive-4wd', 'drive-awd'] }, label, words)).toBe('四驱 或 全时四驱');
    expect(
      conditionText({ all: ['eng-phev', { not: { any: ['drive-4wd', 'drive-awd'] } }] }, label, words),
    ).toBe('插混 且 非 (四驱 或 全时四驱)');
  });
});

describe('reasons a day cannot take a car', () => {
  const conflict = (body: unknown) =>
    new ProblemError(new ApiError({ status: 409, code: 'production.day_unavailable' }), body);

  it('are read from the problem document, ignoring what is not a reason', () => {
    const error = conflict({
      code: 'production.day_unavailable',
      reasons: [
        { code: 'line_full', productionDay: '2027-01-19', capacity: 48, reserved: 48 },
        { code: 'mystery' },
        'text',
      ],
    });
    expect(reasonsOf(error).map((r) => r.code)).toEqual(['line_full']);
    expect(reasonsOf(new ApiError({ status: 409, code: 'x.y' }))).toEqual([]);
    expect(problemMember(error, 'code')).toBe('production.day_unavailable');
  });

  it('are told with their figures in both languages', () => {
    const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
      translate('en', key, params);
    const full = { code: 'line_full', productionDay: '2027-01-19', capacity: 48, reserved: 48 } as const;
    expect(reasonText(t, 'en', full)).toBe('The line is full on Tue, Jan 19 (48/48)');
    const limit = {
      code: 'option_limit',
      productionDay: '2027-01-19',
      rule: { id: 'r1', code: 'pano-roof', name: { 'zh-CN': '全景天窗装配', en: 'Panoramic roof fitting' } },
      limit: 16,
      reserved: 16,
    } as const;
    expect(reasonText(t, 'en', limit)).toBe(
      'No room left for “Panoramic roof fitting” on Tue, Jan 19 (16/16)',
    );
    const zh = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
      translate('zh-CN', key, params);
    expect(reasonText(zh, 'zh-CN', { code: 'day_frozen', productionDay: '2027-01-19' })).toContain('已冻结');
    expect(dayLabel(zh, '2027-01-19')).toBe('2027-01-19 周二');
    expect(dayLabel(t, '2027-01-17')).toBe('2027-01-17 Sun');
  });
});

describe('catalogue labels', () => {
  it('name model lines, families and options in the reader’s language, codes otherwise', () => {
    const lines = [
      {
        code: 'qc-d90-pro',
        name: { 'zh-CN': '启程 D90 Pro', en: 'Qicheng D90 Pro' },
        model: {
          families: [
            {
              code: 'paint',
              label: { 'zh-CN': '车身颜色', en: 'Paint' },
              options: [
                { code: 'paint-black', label: { 'zh-CN': '曜石黑', en: 'Obsidian black' }, swatch: '#111' },
              ],
            },
          ],
        },
      },
    ];
    const zh = catalogLabels(lines, 'zh-CN');
    expect(zh.modelLine('qc-d90-pro')).toBe('启程 D90 Pro');
    expect(zh.family('paint')).toBe('车身颜色');
    expect(zh.option('paint-black')).toBe('曜石黑');
    expect(zh.swatch('paint-black')).toBe('#111');
    expect(catalogLabels(lines, 'en').option('paint-black')).toBe('Obsidian black');
    expect(zh.option('paint-red')).toBe('paint-red');
    expect(zh.modelLine('qc-t90')).toBe('qc-t90');
    expect(zh.swatch('paint-red')).toBeUndefined();
    // A family's implicit "none" reads as the family with the word the page passes.
    expect(catalogLabels(lines, 'zh-CN', (f) => `${f}：无`).option('paint:none')).toBe('车身颜色：无');
    expect(zh.option('sunroof:none')).toBe('sunroof:none');
  });
});
