import { describe, expect, it } from 'vitest';
import {
  addDays,
  addWorkingDays,
  type CalendarException,
  type CapacityCalendar,
  capacityOn,
  daysBetween,
  frozenUntil,
  isIsoDate,
  isWorkingDay,
  localDate,
  nextWorkingDay,
  weekdayOf,
  zonedDateTime,
} from './capacity-calendar.ts';

const text = { 'zh-CN': '测试', en: 'test' };
const weekdays = (shifts: number, cars: number) => [
  ...Array.from({ length: 5 }, () => ({ shifts, carsPerShift: cars })),
  { shifts: 0, carsPerShift: 0 },
  { shifts: 0, carsPerShift: 0 },
];
const calendar = (exceptions: Omit<CalendarException, 'reason'>[] = []): CapacityCalendar => ({
  weekly: weekdays(2, 24),
  exceptions: new Map(exceptions.map((e) => [e.date, { ...e, reason: text }])),
});

describe('dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
    expect(isIsoDate('26-01-01')).toBe(false);
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-12-25', '2027-01-04')).toBe(10);
    expect(daysBetween('2027-01-04', '2026-12-25')).toBe(-10);
  });

  it('names ISO weekdays, Monday = 1', () => {
    expect(weekdayOf('2026-12-07')).toBe(1); // Monday
    expect(weekdayOf('2026-12-12')).toBe(6);
    expect(weekdayOf('2026-12-13')).toBe(7);
  });

  it('takes the plant-local date and wall-clock time of Asia/Shanghai', () => {
    // 17:30 UTC is already the next day in China (UTC+8).
    expect(localDate(new Date('2026-12-03T17:30:00Z'), 'Asia/Shanghai')).toBe('2026-12-04');
    expect(localDate(new Date('2026-12-03T15:59:00Z'), 'Asia/Shanghai')).toBe('2026-12-03');
    expect(zonedDateTime('2026-12-07', 8, 0, 'Asia/Shanghai').toISOString()).toBe('2026-12-07T00:00:00.000Z');
    expect(zonedDateTime('2026-12-07', 8, 0, 'Europe/Berlin').toISOString()).toBe('2026-12-07T07:00:00.000Z');
    expect(zonedDateTime('2026-07-07', 8, 0, 'Europe/Berlin').toISOString()).toBe('2026-07-07T06:00:00.000Z');
  });
});

describe('capacity', () => {
  it('is shifts x cars per shift by weekday, unless an exception says otherwise', () => {
    const cal = calendar([
      { date: '2027-01-01', kind: 'holiday', shifts: 0, carsPerShift: 0 },
      { date: '2026-12-12', kind: 'overtime', shifts: 1, carsPerShift: 20 },
      { date: '2026-12-13', kind: 'makeup_workday', shifts: 2, carsPerShift: 24 },
      { date: '2026-12-14', kind: 'reduced', shifts: 1, carsPerShift: 24 },
    ]);
    expect(capacityOn(cal, '2026-12-11')).toBe(48); // Friday
    expect(capacityOn(cal, '2026-12-12')).toBe(20); // overtime Saturday
    expect(capacityOn(cal, '2026-12-13')).toBe(48); // make-up Sunday
    expect(capacityOn(cal, '2026-12-14')).toBe(24); // reduced Monday
    expect(capacityOn(cal, '2026-12-19')).toBe(0); // plain Saturday
    expect(capacityOn(cal, '2027-01-01')).toBe(0); // holiday on a Friday
    expect(isWorkingDay(cal, '2026-12-12')).toBe(true);
    expect(isWorkingDay(cal, '2027-01-01')).toBe(false);
  });

  it('ignores shifts on a holiday', () => {
    const cal = calendar([{ date: '2026-12-07', kind: 'holiday', shifts: 3, carsPerShift: 30 }]);
    expect(capacityOn(cal, '2026-12-07')).toBe(0);
  });
});

describe('working-day arithmetic', () => {
  const cal = calendar([
    { date: '2027-01-01', kind: 'holiday', shifts: 0, carsPerShift: 0 },
    { date: '2026-12-26', kind: 'makeup_workday', shifts: 2, carsPerShift: 24 },
  ]);

  it('counts working days forward, skipping weekends and holidays, not counting the start', () => {
    expect(addWorkingDays(cal, '2026-12-04', 1)).toBe('2026-12-07'); // Fri -> Mon
    expect(addWorkingDays(cal, '2026-12-07', 0)).toBe('2026-12-07');
    expect(addWorkingDays(cal, '2026-12-31', 1)).toBe('2027-01-04'); // over the New Year holiday
    expect(addWorkingDays(cal, '2026-12-24', 2)).toBe('2026-12-26'); // Thu -> Fri, make-up Sat
  });

  it('counts backwards the same way', () => {
    expect(addWorkingDays(cal, '2026-12-07', -1)).toBe('2026-12-04');
    expect(addWorkingDays(cal, '2027-01-04', -1)).toBe('2026-12-31');
    expect(addWorkingDays(cal, '2026-12-28', -1)).toBe('2026-12-26');
    expect(addWorkingDays(cal, '2026-12-28', -3)).toBe('2026-12-24');
  });

  it('finds the next working day, or the day itself', () => {
    expect(nextWorkingDay(cal, '2026-12-05')).toBe('2026-12-07');
    expect(nextWorkingDay(cal, '2026-12-07')).toBe('2026-12-07');
  });

  it('gives up on a calendar without working days instead of looping', () => {
    const closed: CapacityCalendar = { weekly: weekdays(0, 0), exceptions: new Map() };
    expect(addWorkingDays(closed, '2026-12-07', 1)).toBeUndefined();
    expect(addWorkingDays(closed, '2026-12-07', -2)).toBeUndefined();
  });

  it('ends the frozen horizon on the n-th working day after today', () => {
    expect(frozenUntil(cal, '2026-12-03', 3)).toBe('2026-12-08'); // Thu + Fri, Mon, Tue
    expect(frozenUntil(cal, '2026-12-05', 1)).toBe('2026-12-07'); // Saturday + Monday
    expect(frozenUntil(cal, '2026-12-03', 0)).toBe('2026-12-03');
  });
});
