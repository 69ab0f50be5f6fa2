/**
 * Chinese public holidays and make-up working days (调休上班) as a plant calendar sees them.
 *
 * 2026: the State Council's notice of 4 November 2025 (国务院办公厅关于2026年部分节假日安排的通知).
 * 2027: the notice was not at hand when this was written, so only the statutory days that follow
 * from the holiday rules (国务院令, as revised in 2024: New Year 1 day, Spring Festival 4 days from
 * New Year's Eve, Qingming 1, Labour Day 2, Dragon Boat 1, Mid-Autumn 1, National Day 3) on the
 * 2027 lunar dates are listed, marked provisional; bridging days and make-up working days are
 * decided by the notice each year and are not guessed. Planners add them through the calendar
 * routes; seeding never overrides a date a planner set.
 */
import type { Bilingual } from '../modules/production/index.ts';

export type HolidayDay = { date: string; kind: 'holiday' | 'makeup_workday'; reason: Bilingual };

const range = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (
    let d = new Date(`${from}T00:00:00Z`);
    d <= new Date(`${to}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1)
  ) {
    out.push(d.toISOString().slice(0, 10));
  }
  return out;
};

const holiday =
  (zh: string, en: string) =>
  (date: string): HolidayDay => ({
    date,
    kind: 'holiday',
    reason: { 'zh-CN': zh, en },
  });
const makeup =
  (zh: string, en: string) =>
  (date: string): HolidayDay => ({
    date,
    kind: 'makeup_workday',
    reason: { 'zh-CN': `${zh}调休上班`, en: `Make-up working day (${en})` },
  });

const PROVISIONAL = {
  zh: '（按法定规则推算，以国务院通知为准）',
  en: ' (statutory day; provisional until the State Council notice)',
};
const statutory = (zh: string, en: string) => holiday(`${zh}${PROVISIONAL.zh}`, `${en}${PROVISIONAL.en}`);

export const CHINA_HOLIDAYS: readonly HolidayDay[] = [
  // 2026, official
  ...range('2026-01-01', '2026-01-03').map(holiday('元旦', "New Year's Day")),
  makeup('元旦', "New Year's Day")('2026-01-04'),
  makeup('春节', 'Spring Festival')('2026-02-14'),
  ...range('2026-02-15', '2026-02-23').map(holiday('春节', 'Spring Festival')),
  makeup('春节', 'Spring Festival')('2026-02-28'),
  ...range('2026-04-04', '2026-04-06').map(holiday('清明节', 'Qingming Festival')),
  ...range('2026-05-01', '2026-05-05').map(holiday('劳动节', 'Labour Day')),
  makeup('劳动节', 'Labour Day')('2026-05-09'),
  ...range('2026-06-19', '2026-06-21').map(holiday('端午节', 'Dragon Boat Festival')),
  makeup('国庆节', 'National Day')('2026-09-20'),
  ...range('2026-09-25', '2026-09-27').map(holiday('中秋节', 'Mid-Autumn Festival')),
  ...range('2026-10-01', '2026-10-07').map(holiday('国庆节', 'National Day')),
  makeup('国庆节', 'National Day')('2026-10-10'),
  // 2027, statutory days only (see above)
  statutory('元旦', "New Year's Day")('2027-01-01'),
  ...range('2027-02-05', '2027-02-08').map(statutory('春节', 'Spring Festival')),
  statutory('清明节', 'Qingming Festival')('2027-04-05'),
  ...range('2027-05-01', '2027-05-02').map(statutory('劳动节', 'Labour Day')),
  statutory('端午节', 'Dragon Boat Festival')('2027-06-09'),
  statutory('中秋节', 'Mid-Autumn Festival')('2027-09-15'),
  ...range('2027-10-01', '2027-10-03').map(statutory('国庆节', 'National Day')),
];
