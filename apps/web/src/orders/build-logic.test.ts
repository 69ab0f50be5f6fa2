import { describe, expect, it } from 'vitest';
import type { Order } from '../api/types.ts';
import {
  acceptance,
  deliveryDateChange,
  type Handover,
  progressRows,
  type VehicleProgress,
} from './build-logic.ts';

const steps = (done: Partial<Record<VehicleProgress['steps'][number]['step'], 'pass' | 'fail' | true>>) =>
  (['stamping', 'body', 'paint', 'assembly', 'qc', 'shipped', 'at_dealer'] as const).map((step, i) => ({
    step,
    estimatedAt: `2026-11-1${i}T01:00:00.000Z`,
    actualAt: done[step] ? `2026-11-1${i}T02:00:00.000Z` : null,
    result: done[step] === 'pass' || done[step] === 'fail' ? (done[step] as 'pass' | 'fail') : null,
  }));

const vehicle = (p: Partial<VehicleProgress> = {}): VehicleProgress => ({
  vehicleId: 'C2B-2026-000123',
  orderId: 'ord_1',
  modelLine: 'qc-d90-pro',
  configurationCode: 'A1B2',
  colour: 'paint-white',
  vin: null,
  status: 'active',
  confirmed: true,
  state: 'planned',
  nextSteps: ['stamping'],
  deliveryDate: '2026-12-17',
  productionDay: '2026-11-10',
  shipDate: '2026-12-14',
  sequencePosition: null,
  lineId: 'lin_1',
  plantId: 'org_plant',
  dealerId: 'org_sh',
  steps: steps({}),
  history: [],
  deliveryChanges: [],
  ...p,
});

const handover = (left: Handover['checklistLeft'], status: Handover['status'] = 'booked'): Handover => ({
  id: 'hnd_1',
  vehicleId: 'C2B-2026-000123',
  orderId: 'ord_1',
  dealerId: 'org_sh',
  day: '2026-12-17',
  slotStart: '10:00',
  slotEnd: '11:00',
  status,
  checklist: [],
  checklistComplete: left.length === 0,
  checklistLeft: left,
  bookedAt: '2026-12-16T02:00:00.000Z',
  completedAt: null,
});

type OrderPart = Pick<Order, 'state' | 'money' | 'actions' | 'build'>;
const order = (p: {
  state: Order['state'];
  due?: Order['money']['due'];
  acceptDelivery?: boolean;
  changeDeliveryDate?: boolean;
  pay?: Order['actions']['pay'];
  vehicle?: VehicleProgress | null;
  handover?: Handover | null;
}): OrderPart => ({
  state: p.state,
  money: {
    currency: 'CNY',
    totalPrice: 30_000_000,
    financedPrincipal: 0,
    cashPrice: 30_000_000,
    captured: 2_000_000,
    refunded: 0,
    refundPending: 0,
    paid: 2_000_000,
    balance: 28_000_000,
    due: p.due ?? null,
    insurancePremiums: 0,
  },
  actions: {
    changeConfiguration: false,
    changeFinance: false,
    cancel: false,
    pay: p.pay ?? null,
    changeDeliveryDate: p.changeDeliveryDate ?? false,
    acceptDelivery: p.acceptDelivery ?? false,
  },
  build: { vehicle: p.vehicle === undefined ? vehicle() : p.vehicle, handover: p.handover ?? null },
});

describe('plant progress', () => {
  it('a planned car: planned done, stamping next, the rest to do, with their estimated times', () => {
    const rows = progressRows(vehicle());
    expect(rows.map((r) => r.step)).toEqual([
      'planned',
      'stamping',
      'body',
      'paint',
      'assembly',
      'qc',
      'shipped',
      'at_dealer',
    ]);
    expect(rows.map((r) => r.status)).toEqual([
      'done',
      'current',
      'todo',
      'todo',
      'todo',
      'todo',
      'todo',
      'todo',
    ]);
    expect(rows[0]).toMatchObject({ productionDay: '2026-11-10' });
    expect(rows[1]).toMatchObject({ estimatedAt: '2026-11-10T01:00:00.000Z', actualAt: null });
  });

  it('a car at paint: the steps so far done with their actual times, assembly current', () => {
    const rows = progressRows(
      vehicle({ state: 'paint', steps: steps({ stamping: true, body: true, paint: true }) }),
    );
    expect(rows.map((r) => r.status)).toEqual([
      'done',
      'done',
      'done',
      'done',
      'current',
      'todo',
      'todo',
      'todo',
    ]);
    expect(rows[3]?.actualAt).toBe('2026-11-12T02:00:00.000Z');
  });

  it('a failed check shows as failed until it passes', () => {
    const s = steps({ stamping: true, body: true, paint: true, assembly: true, qc: 'fail' });
    const rows = progressRows(vehicle({ state: 'qc_failed', steps: s }));
    expect(rows.find((r) => r.step === 'qc')?.status).toBe('failed');
    expect(rows.find((r) => r.step === 'shipped')?.status).toBe('todo');
  });

  it('a car without a production day has nothing current; a cancelled car neither', () => {
    expect(progressRows(vehicle({ productionDay: null })).map((r) => r.status)).not.toContain('current');
    expect(progressRows(vehicle({ status: 'cancelled' })).map((r) => r.status)).not.toContain('current');
  });

  it('a car at the dealer has every step done', () => {
    const all = steps({
      stamping: true,
      body: true,
      paint: true,
      assembly: true,
      qc: 'pass',
      shipped: true,
      at_dealer: true,
    });
    expect(progressRows(vehicle({ state: 'at_dealer', steps: all })).every((r) => r.status === 'done')).toBe(
      true,
    );
  });
});

describe('changing the delivery date', () => {
  it('is allowed when the server offers it', () => {
    expect(deliveryDateChange(order({ state: 'reserved', changeDeliveryDate: true }))).toEqual({
      allowed: true,
    });
  });
  it('says why not: frozen day, car in the build, cancelled, no car', () => {
    expect(deliveryDateChange(order({ state: 'scheduled' }))).toEqual({ allowed: false, reason: 'frozen' });
    expect(deliveryDateChange(order({ state: 'in_production' }))).toEqual({
      allowed: false,
      reason: 'in_build',
    });
    expect(deliveryDateChange(order({ state: 'cancelled' }))).toEqual({
      allowed: false,
      reason: 'cancelled',
    });
    expect(deliveryDateChange(order({ state: 'delivered' }))).toEqual({
      allowed: false,
      reason: 'delivered',
    });
    expect(deliveryDateChange(order({ state: 'draft', vehicle: null }))).toEqual({
      allowed: false,
      reason: 'no_car',
    });
  });
});

describe('accepting delivery', () => {
  const due = { purpose: 'balance' as const, amount: 28_000_000 };

  it('is allowed at the dealer with the checklist complete and the balance paid', () => {
    expect(acceptance(order({ state: 'at_dealer', handover: handover([]), acceptDelivery: true }))).toEqual({
      allowed: true,
    });
  });

  it('before the car is at the dealer: not yet, and the balance if it is due', () => {
    expect(acceptance(order({ state: 'in_production', due, pay: 'balance' }))).toEqual({
      allowed: false,
      blocks: [{ code: 'not_at_dealer' }, { code: 'balance_due', amount: 28_000_000, currency: 'CNY' }],
      payBalanceFirst: true,
    });
  });

  it('at the dealer without a booking, or with the checklist open, names what is missing', () => {
    expect(acceptance(order({ state: 'at_dealer', acceptDelivery: false }))).toMatchObject({
      allowed: false,
      blocks: [{ code: 'no_handover' }],
      payBalanceFirst: false,
    });
    const open = acceptance(
      order({
        state: 'at_dealer',
        handover: handover(['walk_through']),
        due,
        pay: 'balance',
        acceptDelivery: true,
      }),
    );
    expect(open).toEqual({
      allowed: false,
      blocks: [
        { code: 'checklist_open', left: ['walk_through'] },
        { code: 'balance_due', amount: 28_000_000, currency: 'CNY' },
      ],
      payBalanceFirst: true,
    });
  });

  it('only the balance left: pay it first through the pay panel', () => {
    const r = acceptance(
      order({ state: 'at_dealer', handover: handover([]), due, pay: 'balance', acceptDelivery: true }),
    );
    expect(r).toEqual({
      allowed: false,
      blocks: [{ code: 'balance_due', amount: 28_000_000, currency: 'CNY' }],
      payBalanceFirst: true,
    });
  });

  it('a delivered or cancelled order cannot be accepted (again)', () => {
    expect(acceptance(order({ state: 'delivered' }))).toMatchObject({ blocks: [{ code: 'delivered' }] });
    expect(acceptance(order({ state: 'cancelled', due }))).toMatchObject({ blocks: [{ code: 'cancelled' }] });
  });

  it('never offers it when the server does not, even if everything looks complete', () => {
    expect(
      acceptance(order({ state: 'at_dealer', handover: handover([]), acceptDelivery: false })),
    ).toMatchObject({
      allowed: false,
    });
  });
});
