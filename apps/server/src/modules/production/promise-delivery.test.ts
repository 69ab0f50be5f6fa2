import { describe, expect, it } from 'vitest';
import type { CapacityCalendar } from './capacity-calendar.ts';
import { type DayLoad, type PromiseContext, promiseDate, promiseDelivery } from './promise-delivery.ts';

const holiday = { 'zh-CN': '元旦', en: "New Year's Day" };
const overtime = { 'zh-CN': '加班', en: 'Overtime' };
const sunroof = {
  id: 'npr_sunroof',
  code: 'sunroof',
  name: { 'zh-CN': '全景天窗', en: 'Panoramic roof' },
  n: 1,
  p: 3,
};

// Thursday 2026-12-03. Mon-Fri 2 shifts x 24 = 48 cars; overtime Saturday 12-12 (20 cars); New Year holiday.
const calendar: CapacityCalendar = {
  weekly: [
    ...Array.from({ length: 5 }, () => ({ shifts: 2, carsPerShift: 24 })),
    { shifts: 0, carsPerShift: 0 },
    { shifts: 0, carsPerShift: 0 },
  ],
  exceptions: new Map([
    [
      '2026-12-12',
      { date: '2026-12-12', kind: 'overtime' as const, shifts: 1, carsPerShift: 20, reason: overtime },
    ],
    [
      '2027-01-01',
      { date: '2027-01-01', kind: 'holiday' as const, shifts: 0, carsPerShift: 0, reason: holiday },
    ],
  ]),
};

const noSlots = (): number => 0;

const load = (reserved: number, extra: Partial<DayLoad> = {}): DayLoad => ({
  capacity: 48,
  reserved,
  frozen: false,
  optionReserved: new Map(),
  ...extra,
});

function context(over: Partial<PromiseContext> = {}, loads: Record<string, DayLoad> = {}): PromiseContext {
  return {
    today: '2026-12-03',
    calendar,
    frozenDays: 3, // frozen until Tuesday 12-08
    buildDays: 2,
    storageSlackDays: 1,
    transportDays: 2,
    leadTimeDays: 7, // parts ready on 12-10
    rules: [sunroof],
    loadOf: (day) => loads[day],
    handoverLeft: () => undefined,
    ...over,
  };
}

describe('delivery promise: one date', () => {
  it.each([
    // [label, date, context overrides, loads, expected codes]
    ['today is past', '2026-12-03', {}, {}, ['past']],
    ['yesterday is past', '2026-12-02', {}, {}, ['past']],
    [
      'inside the frozen horizon and before the parts',
      '2026-12-09',
      {},
      {},
      ['frozen_horizon', 'part_lead_time'],
    ],
    ['ship date on a plain Sunday', '2026-12-15', {}, {}, ['no_production_day']],
    ['ship date on a holiday', '2027-01-03', {}, {}, ['no_production_day']],
    ['before the slowest part arrives', '2026-12-14', { leadTimeDays: 10 }, {}, ['part_lead_time']],
    [
      'production day and the storage-slack day both full',
      '2026-12-18',
      {},
      { '2026-12-14': load(48), '2026-12-12': load(20, { capacity: 20 }) },
      ['line_full'],
    ],
    [
      'option limit reached (1 in 3 of 48 = 16)',
      '2026-12-25',
      { storageSlackDays: 0 },
      { '2026-12-21': load(30, { optionReserved: new Map([['npr_sunroof', 16]]) }) },
      ['option_limit'],
    ],
    ['dealer has no hand-over slot left', '2026-12-14', { handoverLeft: noSlots }, {}, ['dealer_full']],
    [
      'frozen by hand (and the slack day before the parts)',
      '2026-12-14',
      {},
      { '2026-12-10': load(0, { frozen: true }) },
      ['day_frozen', 'part_lead_time'],
    ],
    [
      'dealer full and the plant full: every reason',
      '2026-12-25',
      { storageSlackDays: 0, handoverLeft: noSlots },
      { '2026-12-21': load(48) },
      ['dealer_full', 'line_full'],
    ],
  ] as const)('%s', (_label, date, over, loads, codes) => {
    const promised = promiseDate(
      context(over as Partial<PromiseContext>, loads as Record<string, DayLoad>),
      date,
    );
    expect(promised.available).toBe(false);
    expect(promised.reasons.map((r) => r.code)).toEqual(codes);
  });

  it('maps a delivery date back through transport (calendar days) and build days (working days)', () => {
    // Mon 12-14 - 2 days = Sat 12-12 (overtime, so the plant ships); - 2 working days = Thu 12-10.
    expect(promiseDate(context(), '2026-12-14')).toEqual({
      date: '2026-12-14',
      available: true,
      productionDay: '2026-12-10',
      shipDate: '2026-12-12',
      storageDays: 0,
      reasons: [],
    });
  });

  it('builds up to storageSlackDays early when the production day is full', () => {
    const promised = promiseDate(context({}, { '2026-12-14': load(48) }), '2026-12-18');
    expect(promised).toMatchObject({ available: true, productionDay: '2026-12-12', storageDays: 1 });
  });

  it('only counts option limits of rules the configuration uses, with the figures', () => {
    const full = { '2026-12-21': load(30, { optionReserved: new Map([['npr_sunroof', 16]]) }) };
    expect(promiseDate(context({ storageSlackDays: 0, rules: [] }, full), '2026-12-25').available).toBe(true);
    const [reason] = promiseDate(context({ storageSlackDays: 0 }, full), '2026-12-25').reasons;
    expect(reason).toEqual({
      code: 'option_limit',
      productionDay: '2026-12-21',
      rule: { id: sunroof.id, code: sunroof.code, name: sunroof.name },
      limit: 16,
      reserved: 16,
    });
  });

  it('gives the figures of each reason', () => {
    const holidayReason = promiseDate(context(), '2027-01-03').reasons[0];
    expect(holidayReason).toEqual({
      code: 'no_production_day',
      shipDate: '2027-01-01',
      exception: { kind: 'holiday', reason: holiday },
    });
    const [frozen, lead] = promiseDate(context(), '2026-12-09').reasons;
    expect(frozen).toEqual({
      code: 'frozen_horizon',
      productionDay: '2026-12-03',
      frozenUntil: '2026-12-08',
    });
    expect(lead).toEqual({
      code: 'part_lead_time',
      productionDay: '2026-12-03',
      leadTimeDays: 7,
      partsReadyOn: '2026-12-10',
    });
    const full = promiseDate(context({ storageSlackDays: 0 }, { '2026-12-21': load(48) }), '2026-12-25')
      .reasons[0];
    expect(full).toEqual({ code: 'line_full', productionDay: '2026-12-21', capacity: 48, reserved: 48 });
  });

  it('treats an undefined dealer capacity as "not limited by the dealer"', () => {
    expect(promiseDate(context({ handoverLeft: () => undefined }), '2026-12-14').available).toBe(true);
    expect(promiseDate(context({ handoverLeft: () => 3 }), '2026-12-14').available).toBe(true);
  });

  it('a day with no capacity at all is full', () => {
    const promised = promiseDate(
      context({ storageSlackDays: 0 }, { '2026-12-21': load(0, { capacity: 0 }) }),
      '2026-12-25',
    );
    expect(promised.reasons.map((r) => r.code)).toContain('line_full');
  });
});

describe('delivery promise: the calendar', () => {
  it('covers tomorrow to today + days, with the earliest available date', () => {
    const cal = promiseDelivery(context(), { days: 56 });
    expect(cal.days).toHaveLength(56);
    expect(cal.days[0]?.date).toBe('2026-12-04');
    expect(cal.days.at(-1)?.date).toBe('2027-01-28');
    // 12-12 (Sat) + 2 = Mon 12-14 is the first date whose production day (12-10) is open and has parts.
    expect(cal.earliest).toBe('2026-12-14');
    expect(cal.days.filter((d) => d.date < '2026-12-14').every((d) => !d.available)).toBe(true);
    expect(cal.figures).toEqual({
      today: '2026-12-03',
      frozenUntil: '2026-12-08',
      partsReadyOn: '2026-12-10',
      transportDays: 2,
      buildDays: 2,
      leadTimeDays: 7,
      storageSlackDays: 1,
    });
  });

  it('stops at the earliest date when asked (the configurator badge)', () => {
    const cal = promiseDelivery(context(), { days: 56, stopAtFirst: true });
    expect(cal.earliest).toBe('2026-12-14');
    expect(cal.days.at(-1)?.date).toBe('2026-12-14');
  });

  it('has no earliest date when nothing is available', () => {
    const cal = promiseDelivery(context({ handoverLeft: () => 0 }), { days: 14 });
    expect(cal.earliest).toBeNull();
    expect(cal.days.every((d) => !d.available)).toBe(true);
  });
});
