import { describe, expect, it } from 'vitest';
import {
  addDays,
  arrivalOf,
  canBook,
  canCheck,
  dealerToday,
  handoverStage,
  isHandoverFilter,
  slotGrid,
} from './handover-logic.ts';

describe('arrivalOf', () => {
  const arrival = (arrivedAt: string | null, estimatedAt: string | null, deliveryDate: string | null) => ({
    arrivedAt,
    estimatedAt,
    deliveryDate,
  });
  it('prefers the actual arrival, then the estimate, then the plant’s date, then the promised date', () => {
    expect(arrivalOf(arrival('2026-12-03T01:00:00Z', 'x', null), null)).toEqual({
      kind: 'arrived',
      at: '2026-12-03T01:00:00Z',
    });
    expect(arrivalOf(arrival(null, '2026-12-04T01:00:00Z', null), null)).toEqual({
      kind: 'eta',
      at: '2026-12-04T01:00:00Z',
    });
    expect(arrivalOf(arrival(null, null, '2026-12-05'), '2026-12-06')).toEqual({
      kind: 'eta_date',
      date: '2026-12-05',
    });
    expect(arrivalOf(arrival(null, null, null), '2026-12-06')).toEqual({
      kind: 'eta_date',
      date: '2026-12-06',
    });
    expect(arrivalOf(null, null)).toEqual({ kind: 'unknown' });
  });
});

describe('slotGrid', () => {
  const availability = [
    { day: '2026-12-05', left: 2, slots: ['09:00', '10:00', '11:00'], started: [] },
    { day: '2026-12-06', left: 0, slots: ['09:00', '10:00', '11:00'], started: [] },
    { day: '2026-12-07', left: 0, slots: ['10:00', '11:00'], started: [] },
    { day: '2026-12-08', left: null, slots: ['10:00', '12:00'], started: [] },
  ];

  it('has a column for every slot start, closed where a day is not open, full where no hand-over is left', () => {
    const grid = slotGrid(availability, null);
    expect(grid.times).toEqual(['09:00', '10:00', '11:00', '12:00']);
    const blocks = grid.days.map((d) => d.cells.map((c) => c.block));
    expect(blocks).toEqual([
      [null, null, null, 'closed'],
      ['full', 'full', 'full', 'closed'],
      ['closed', 'full', 'full', 'closed'],
      ['closed', null, 'closed', null],
    ]);
    expect(grid.days.map((d) => d.full)).toEqual([false, true, true, false]);
  });

  it('leaves the day the car holds open to move within, and marks its slot as current', () => {
    const grid = slotGrid(availability, { day: '2026-12-07', slotStart: '10:00', status: 'booked' });
    const held = grid.days.find((d) => d.day === '2026-12-07');
    expect(held?.full).toBe(false);
    expect(held?.cells.map((c) => c.block)).toEqual(['closed', 'current', null, 'closed']);
    // A completed or cancelled hand-over holds nothing.
    const done = slotGrid(availability, { day: '2026-12-07', slotStart: '10:00', status: 'cancelled' });
    expect(done.days.find((d) => d.day === '2026-12-07')?.full).toBe(true);
  });
});

describe('slotGrid against the clock', () => {
  // Today 10:40 at the dealer: the server lists 09:00-10:30 as started, 11:00 on as bookable.
  const availability = [
    { day: '2026-12-04', left: 3, slots: ['11:00', '12:00'], started: ['09:00', '10:00'] },
    { day: '2026-12-05', left: 3, slots: ['09:00', '10:00', '11:00', '12:00'], started: [] },
  ];

  it('never offers a slot that has started, and says so', () => {
    const grid = slotGrid(availability, null);
    expect(grid.times).toEqual(['09:00', '10:00', '11:00', '12:00']);
    expect(grid.days.map((d) => d.cells.map((c) => c.block))).toEqual([
      ['started', 'started', null, null],
      [null, null, null, null],
    ]);
  });

  it('still shows the car’s own appointment as current once its slot has started', () => {
    const grid = slotGrid(availability, { day: '2026-12-04', slotStart: '10:00', status: 'booked' });
    expect(grid.days[0]?.cells.map((c) => c.block)).toEqual(['started', 'current', null, null]);
  });
});

describe('handoverStage', () => {
  const money = (balance: number) => ({ balance });
  const booked = (checklistComplete: boolean) => ({ status: 'booked' as const, checklistComplete });
  it('walks from arrival to the customer’s acceptance', () => {
    expect(handoverStage({ state: 'shipped', money: money(100) }, null)).toBe('not_arrived');
    expect(handoverStage({ state: 'at_dealer', money: money(100) }, null)).toBe('to_book');
    expect(
      handoverStage(
        { state: 'at_dealer', money: money(100) },
        { status: 'cancelled', checklistComplete: true },
      ),
    ).toBe('to_book');
    expect(handoverStage({ state: 'at_dealer', money: money(100) }, booked(false))).toBe('checklist_open');
    expect(handoverStage({ state: 'at_dealer', money: money(100) }, booked(true))).toBe('balance_due');
    expect(handoverStage({ state: 'at_dealer', money: money(0) }, booked(true))).toBe('waiting_acceptance');
    expect(handoverStage({ state: 'delivered', money: money(0) }, null)).toBe('delivered');
    expect(
      handoverStage(
        { state: 'at_dealer', money: money(0) },
        { status: 'completed', checklistComplete: true },
      ),
    ).toBe('delivered');
    expect(handoverStage({ state: 'cancelled', money: money(0) }, null)).toBe('cancelled');
  });

  it('books at the dealer only, and ticks the checklist of a booked appointment only', () => {
    expect(canBook({ state: 'shipped' }, null)).toBe(false);
    expect(canBook({ state: 'at_dealer' }, null)).toBe(true);
    expect(canBook({ state: 'at_dealer' }, { status: 'booked' })).toBe(true);
    expect(canBook({ state: 'at_dealer' }, { status: 'completed' })).toBe(false);
    expect(canCheck({ state: 'at_dealer' }, null)).toBe(false);
    expect(canCheck({ state: 'at_dealer' }, { status: 'booked' })).toBe(true);
    expect(canCheck({ state: 'delivered' }, { status: 'booked' })).toBe(false);
  });
});

describe('small helpers', () => {
  it('knows its filters and adds days across months', () => {
    expect(isHandoverFilter('booked')).toBe(true);
    expect(isHandoverFilter('delivered')).toBe(false);
    expect(isHandoverFilter(undefined)).toBe(false);
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    // 23:30 in UTC is the next morning in Shanghai.
    expect(dealerToday(new Date('2026-12-04T23:30:00Z'))).toBe('2026-12-05');
    expect(dealerToday(new Date('2026-12-04T10:00:00Z'))).toBe('2026-12-04');
  });
});
