import { describe, expect, it } from 'vitest';
import {
  type CalendarDay,
  calendarRange,
  calendarWeeks,
  dayKind,
  daysToPlan,
  fullOptionLimits,
  loadShare,
  MAX_WEEKS,
  rangeTotals,
  shiftRange,
} from './calendar-grid.ts';
import { addDays, dateIn, daysBetween, formatIsoDate, isIsoDate, mondayOf, weekdayOf } from './iso-date.ts';

const day = (date: string, over: Partial<CalendarDay> = {}): CalendarDay => ({
  date,
  weekday: weekdayOf(date),
  working: true,
  capacity: 48,
  reserved: 0,
  exception: null,
  frozen: false,
  insideHorizon: false,
  optionLoads: [],
  ...over,
});

const holiday = {
  date: '2027-01-01',
  kind: 'holiday' as const,
  shifts: 0,
  carsPerShift: 0,
  reason: { 'zh-CN': '元旦', en: "New Year's Day" },
};

describe('plant dates', () => {
  it('count in whole days whatever the browser time zone', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(daysBetween('2026-12-28', '2027-01-04')).toBe(7);
    expect(weekdayOf('2026-12-07')).toBe(1); // Monday
    expect(weekdayOf('2026-12-13')).toBe(7); // Sunday
    expect(mondayOf('2026-12-13')).toBe('2026-12-07');
    expect(mondayOf('2026-12-07')).toBe('2026-12-07');
  });

  it("takes today in the plant's time zone", () => {
    // 17:30 UTC on Dec 3 is already Dec 4 in Nanjing.
    expect(dateIn('Asia/Shanghai', new Date('2026-12-03T17:30:00Z'))).toBe('2026-12-04');
    expect(dateIn('UTC', new Date('2026-12-03T17:30:00Z'))).toBe('2026-12-03');
  });

  it('tells a calendar date from anything else', () => {
    expect(isIsoDate('2026-12-09')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('9.12.2026')).toBe(false);
  });

  it('formats a date for people in their language', () => {
    expect(formatIsoDate('en', '2026-12-09', { weekday: true })).toBe('Wed, Dec 9');
    expect(formatIsoDate('zh-CN', '2026-12-09')).toBe('12月9日');
    expect(formatIsoDate('en', 'soon')).toBe('soon');
  });
});

describe('calendar grid', () => {
  it('shows whole weeks from the Monday of the anchor, within what the API answers', () => {
    expect(calendarRange('2026-12-03')).toEqual({ from: '2026-11-30', to: '2027-01-10', weeks: 6 });
    expect(calendarRange('2026-12-03', 40).weeks).toBe(MAX_WEEKS);
    // 17 weeks = 119 days: the calendar route answers at most 120.
    const widest = calendarRange('2026-12-03', MAX_WEEKS);
    expect(daysBetween(widest.from, widest.to)).toBeLessThan(120);
    expect(shiftRange(calendarRange('2026-12-03', 2), 1)).toEqual({
      from: '2026-12-14',
      to: '2026-12-27',
      weeks: 2,
    });
    expect(shiftRange(calendarRange('2026-12-03', 2), -1).from).toBe('2026-11-16');
  });

  it('lays the days out as weeks x 7, Monday first, marking today and new months', () => {
    const range = calendarRange('2026-12-28', 2);
    const weeks = calendarWeeks(range, [day('2026-12-29', { reserved: 3 }), day('2027-01-01')], '2026-12-29');
    expect(weeks).toHaveLength(2);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks[0]?.[0]?.date).toBe('2026-12-28');
    expect(weeks[1]?.[6]?.date).toBe('2027-01-10');
    expect(weeks[0]?.[1]).toMatchObject({ date: '2026-12-29', isToday: true });
    expect(weeks[0]?.[1]?.day?.reserved).toBe(3);
    expect(weeks[0]?.[0]?.day).toBeNull();
    expect(weeks[0]?.[4]).toMatchObject({ date: '2027-01-01', firstOfMonth: true });
  });

  it('says what each day is, the most important first', () => {
    expect(dayKind(day('2027-01-01', { working: false, capacity: 0, exception: holiday }))).toBe('holiday');
    expect(dayKind(day('2026-12-13', { working: false, capacity: 0 }))).toBe('closed');
    expect(dayKind(day('2026-12-09', { frozen: true, insideHorizon: true, reserved: 48 }))).toBe('frozen');
    expect(dayKind(day('2026-12-04', { insideHorizon: true }))).toBe('horizon');
    expect(dayKind(day('2026-12-10', { reserved: 48 }))).toBe('full');
    expect(dayKind(day('2026-12-11', { reserved: 12 }))).toBe('open');
    // A make-up working day (an exception that is not a holiday) is a working day like any other.
    expect(
      dayKind(
        day('2027-02-20', { exception: { ...holiday, kind: 'makeup_workday', shifts: 2, carsPerShift: 24 } }),
      ),
    ).toBe('open');
  });

  it('measures how full a day is, and which option limits are used up', () => {
    expect(loadShare(day('2026-12-10', { reserved: 12 }))).toBe(0.25);
    expect(loadShare(day('2026-12-13', { capacity: 0 }))).toBeNull();
    const rule = { id: 'r1', code: 'pano-roof', name: { 'zh-CN': '全景天窗', en: 'Roof' }, n: 1, p: 3 };
    const loads = [
      { rule, maxCars: 16, reserved: 16 },
      { rule: { ...rule, id: 'r2', code: 'phev' }, maxCars: 19, reserved: 4 },
    ];
    expect(fullOptionLimits(day('2026-12-10', { optionLoads: loads })).map((l) => l.rule.code)).toEqual([
      'pano-roof',
    ]);
  });

  it('lists the days the planner still has to sequence and freeze, soonest first', () => {
    const days = [
      day('2026-12-11', { reserved: 5 }),
      day('2026-12-09', { reserved: 30, frozen: true }),
      day('2026-12-10', { reserved: 0 }),
      day('2026-12-08', { reserved: 2 }),
    ];
    expect(daysToPlan(days).map((d) => d.date)).toEqual(['2026-12-08', '2026-12-11']);
    expect(rangeTotals(days)).toEqual({ workingDays: 4, capacity: 192, reserved: 37 });
  });
});
