import { describe, expect, it } from 'vitest';
import type { CapacityCalendar } from './capacity-calendar.ts';
import { estimateSteps, planLatePart, planRework, shiftAfterStep } from './estimate-steps.ts';

const calendar: CapacityCalendar = {
  weekly: [
    ...Array.from({ length: 5 }, () => ({ shifts: 2, carsPerShift: 24 })),
    { shifts: 0, carsPerShift: 0 },
    { shifts: 0, carsPerShift: 0 },
  ],
  exceptions: new Map(),
};
const tz = 'Asia/Shanghai';
const cst = (local: string) => new Date(`${local}+08:00`).toISOString();

describe('step estimates', () => {
  it('spreads the shop steps over the build days and ships and arrives as planned', () => {
    const e = estimateSteps({
      calendar,
      timeZone: tz,
      buildDays: 2,
      productionDay: '2026-12-10', // Thursday
      shipDate: '2026-12-14',
      deliveryDate: '2026-12-16',
    });
    expect(e).toEqual({
      stamping: cst('2026-12-10T08:00:00'),
      body: cst('2026-12-10T10:00:00'),
      paint: cst('2026-12-10T12:00:00'),
      assembly: cst('2026-12-11T08:00:00'),
      qc: cst('2026-12-11T10:00:00'),
      shipped: cst('2026-12-14T09:00:00'),
      at_dealer: cst('2026-12-16T10:00:00'),
    });
  });

  it('moves later shop steps by a delay, never earlier, and leaves shipping alone', () => {
    const e = estimateSteps({
      calendar,
      timeZone: tz,
      buildDays: 1,
      productionDay: '2026-12-10',
      shipDate: '2026-12-11',
      deliveryDate: '2026-12-13',
    });
    const late = shiftAfterStep(e, 'stamping', new Date(cst('2026-12-10T09:30:00')));
    expect(late.body).toBe(cst('2026-12-10T11:30:00'));
    expect(late.qc).toBe(cst('2026-12-10T17:30:00'));
    expect(late.shipped).toBe(e.shipped);
    expect(shiftAfterStep(e, 'stamping', new Date(cst('2026-12-10T07:00:00')))).toEqual(e);
  });

  it('plans rework after a failed check: re-check after the rework days, ship the working day after', () => {
    const plan = planRework({
      calendar,
      timeZone: tz,
      today: '2026-12-11', // Friday
      failedAt: new Date(cst('2026-12-11T10:00:00')),
      reworkDays: 1,
      shipDate: '2026-12-14',
      transportDays: 2,
      estimates: {},
    });
    expect(plan.shipDate).toBe('2026-12-15'); // re-check Mon 12-14, ship Tue
    expect(plan.deliveryDate).toBe('2026-12-17');
    expect(plan.estimates.qc).toBe(cst('2026-12-14T16:00:00'));
  });

  it('keeps the planned ship date when the car was built early enough to absorb the rework', () => {
    const plan = planRework({
      calendar,
      timeZone: tz,
      today: '2026-12-07',
      failedAt: new Date(cst('2026-12-07T10:00:00')),
      reworkDays: 1,
      shipDate: '2026-12-14',
      transportDays: 2,
      estimates: {},
    });
    expect(plan.shipDate).toBe('2026-12-14');
    expect(plan.deliveryDate).toBe('2026-12-16');
  });

  it('ships a car with a late part the working day after the part arrives', () => {
    const plan = planLatePart({
      calendar,
      timeZone: tz,
      partsArriveOn: '2026-12-19', // Saturday: completed Monday, shipped Tuesday
      shipDate: '2026-12-14',
      transportDays: 3,
      estimates: {},
    });
    expect(plan.shipDate).toBe('2026-12-22');
    expect(plan.deliveryDate).toBe('2026-12-25');
    const early = planLatePart({
      calendar,
      timeZone: tz,
      partsArriveOn: '2026-12-08',
      shipDate: '2026-12-14',
      transportDays: 3,
      estimates: {},
    });
    expect(early.shipDate).toBe('2026-12-14');
  });
});
