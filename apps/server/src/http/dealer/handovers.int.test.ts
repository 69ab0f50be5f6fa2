/**
 * The dealer's hand-over list and booking against the clock (issue #6/#7 review): a slot that
 * has started at the dealer's local time (Asia/Shanghai) is neither offered nor bookable, by the
 * staff or by the dealer's DMS (the same flow step); the list carries each car's arrival from
 * the plant, and the cars waiting for an appointment come with theirs in one request, for the
 * own dealer only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ManualClock, manualClock } from '../../platform/clock.ts';
import { seedDemoData } from '../../seed/index.ts';
import { createTestApp, type TestApp } from '../../testing/create-test-app.ts';
import { orgIdOf, type Problem, signedIn } from '../../testing/orders-fixtures.ts';
import { type PartnerKey, sendPartner } from '../../testing/partner-client.ts';
import type { TestClient } from '../test-client.ts';

// Thursday 2026-10-29, 11:15 in Shanghai (the Shanghai dealer is open Mo-Su 09:00-20:00).
const NOW = '2026-10-29T03:15:00Z';
const TODAY = '2026-10-29';
const TOMORROW = '2026-10-30';

type Handover = { vehicleId: string; day: string; slotStart: string; status: string };
type Arrival = { arrivedAt: string | null; estimatedAt: string | null; deliveryDate: string | null };
type Summary = { id: string; vehicleId: string; state: string; promisedDeliveryDate: string | null };
type Availability = { items: { day: string; left: number | null; slots: string[]; started: string[] }[] };

let t: TestApp;
let clock: ManualClock;
let salesSh: TestClient;
let salesBj: TestClient;
let customer: TestClient;
let dmsSh: PartnerKey;
/** The demo customer's car at the Shanghai dealer: arrived, hand-over booked tomorrow 10:00. */
let arrived: Summary;

const dms = (body: unknown) =>
  sendPartner<Problem>(t.app, dmsSh, 'PUT', `/partner/dms/handovers/${arrived.vehicleId}`, body, {
    timestamp: Math.floor(clock.now().getTime() / 1000),
  });

const handoverOf = async (vehicleId: string) => {
  const res = await salesSh.json<{ handover: Handover }>('GET', `/dealer/handovers/${vehicleId}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.handover;
};

const availability = async (from: string, to: string) => {
  const res = await salesSh.json<Availability>('GET', `/dealer/handovers/availability?from=${from}&to=${to}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items;
};

beforeAll(async () => {
  clock = manualClock(NOW);
  t = await createTestApp({ clock });
  await seedDemoData(t.deps);
  for (let i = 0; i < 20 && (await t.deps.events.drain()).waiting > 0; i++);
  salesSh = await signedIn(t, 'sales.sh@qicheng.example');
  salesBj = await signedIn(t, 'sales.bj@qicheng.example');
  customer = await signedIn(t, 'customer@example.com');
  const admin = await signedIn(t, 'admin@qicheng.example');
  const key = await admin.json<{ apiKey: { id: string }; secret: string; signingSecret: string }>(
    'POST',
    '/admin/api-keys',
    { body: { name: 'DMS Pudong', orgId: await orgIdOf(t, 'DLR-SH'), scopes: ['dms:handover'] } },
  );
  expect(key.status, JSON.stringify(key.body)).toBe(201);
  dmsSh = { id: key.body.apiKey.id, secret: key.body.secret, signingSecret: key.body.signingSecret };
  const mine = await customer.json<{ items: Summary[] }>('GET', '/store/orders');
  const found = mine.body.items.find((o) => o.state === 'at_dealer');
  if (!found) throw new Error('no demo order at the dealer');
  arrived = found;
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('booking against the clock', () => {
  it('offers only slots that have not started: none on earlier days, today from the next half hour', async () => {
    const [yesterday, today, tomorrow] = await availability('2026-10-28', TOMORROW);
    expect(yesterday).toMatchObject({ day: '2026-10-28', slots: [] });
    expect(yesterday?.started).toHaveLength(21); // 09:00 … 19:00 on the half hour
    expect(today?.day).toBe(TODAY);
    expect(today?.slots[0]).toBe('11:30');
    expect(today?.slots).not.toContain('11:00');
    expect(today?.slots).toContain('19:00');
    expect(today?.started).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00']);
    expect(tomorrow).toMatchObject({ started: [] });
    expect(tomorrow?.slots[0]).toBe('09:00');
  });

  it('refuses a slot that started today, from the staff and from the DMS, with 422 and changes nothing', async () => {
    for (const slotStart of ['09:00', '11:00']) {
      const res = await salesSh.json<Problem>('PUT', `/dealer/handovers/${arrived.vehicleId}`, {
        body: { day: TODAY, slotStart },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(422);
      expect(res.res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.code).toBe('dealers.handover_slot_passed');
    }
    const viaDms = await dms({
      sourceVersion: 1,
      appointment: { status: 'booked', day: TODAY, slotStart: '10:30' },
    });
    expect(viaDms.status, JSON.stringify(viaDms.body)).toBe(422);
    expect(viaDms.body.code).toBe('dealers.handover_slot_passed');
    expect(await handoverOf(arrived.vehicleId)).toMatchObject({
      day: TOMORROW,
      slotStart: '10:00',
      status: 'booked',
    });
  });

  it('books a slot of today that has not started; once its start minute comes it is refused and no longer offered', async () => {
    const booked = await salesSh.json<{ handover: Handover }>(
      'PUT',
      `/dealer/handovers/${arrived.vehicleId}`,
      {
        body: { day: TODAY, slotStart: '11:30' },
      },
    );
    expect(booked.status, JSON.stringify(booked.body)).toBe(200);
    expect(booked.body.handover).toMatchObject({ day: TODAY, slotStart: '11:30' });

    clock.set('2026-10-29T03:30:00Z'); // 11:30 in Shanghai
    try {
      const [today] = await availability(TODAY, TODAY);
      expect(today?.slots[0]).toBe('12:00');
      expect(today?.started.at(-1)).toBe('11:30');
      const again = await dms({
        sourceVersion: 2,
        appointment: { status: 'booked', day: TODAY, slotStart: '11:30' },
      });
      // The appointment holds as sent: nothing to book, so the DMS is not refused.
      expect(again.status, JSON.stringify(again.body)).toBe(200);
      const moved = await dms({
        sourceVersion: 3,
        appointment: { status: 'booked', day: TODAY, slotStart: '11:00' },
      });
      expect(moved.status, JSON.stringify(moved.body)).toBe(422);
      expect(moved.body.code).toBe('dealers.handover_slot_passed');
    } finally {
      clock.set(NOW);
    }
    const back = await salesSh.json('PUT', `/dealer/handovers/${arrived.vehicleId}`, {
      body: { day: TOMORROW, slotStart: '10:00' },
    });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
  });
});

describe('the lists with each car’s arrival', () => {
  it('lists the appointments with the arrival from the plant', async () => {
    const list = await salesSh.json<{ items: { handover: Handover; order: Summary; arrival: Arrival }[] }>(
      'GET',
      '/dealer/handovers?status=booked',
    );
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    const row = list.body.items.find((i) => i.handover.vehicleId === arrived.vehicleId);
    expect(row?.order.vehicleId).toBe(arrived.vehicleId);
    const progress = await salesSh.json<{ steps: { step: string; actualAt: string | null }[] }>(
      'GET',
      `/dealer/vehicles/${arrived.vehicleId}/progress`,
    );
    const atDealer = progress.body.steps.find((s) => s.step === 'at_dealer');
    expect(atDealer?.actualAt).toBeTruthy();
    expect(row?.arrival.arrivedAt).toBe(atDealer?.actualAt);
    expect(row?.arrival.deliveryDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('lists the cars to book with their arrival, for the own dealer only', async () => {
    type ToBook = { items: { order: Summary; arrival: Arrival }[] };
    const before = await salesSh.json<ToBook>('GET', '/dealer/handovers/to-book');
    expect(before.status, JSON.stringify(before.body)).toBe(200);
    expect(before.body.items.map((i) => i.order.vehicleId)).not.toContain(arrived.vehicleId);

    const cancelled = await dms({ sourceVersion: 4, appointment: { status: 'cancelled' } });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);

    const after = await salesSh.json<ToBook>('GET', '/dealer/handovers/to-book');
    const row = after.body.items.find((i) => i.order.vehicleId === arrived.vehicleId);
    expect(row?.order.state).toBe('at_dealer');
    expect(row?.arrival.arrivedAt).toBeTruthy();
    for (const i of after.body.items) expect(['shipped', 'at_dealer']).toContain(i.order.state);

    const bj = await salesBj.json<ToBook>('GET', '/dealer/handovers/to-book');
    expect(bj.status).toBe(200);
    expect(bj.body.items.map((i) => i.order.vehicleId)).not.toContain(arrived.vehicleId);
    expect((await customer.json('GET', '/dealer/handovers/to-book')).status).toBe(403);
  });
});
