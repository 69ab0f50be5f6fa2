/**
 * The build chain end to end through HTTP, as the people do it: the customer places an order
 * with a delivery date (plant and dealer reserved in the order's transaction), pays, locks; the
 * car is confirmed for build; the planner sequences and freezes the day (the order is
 * scheduled with its position; an unlocked car on that day is moved and its customer told);
 * the stations record every step (a QC failure re-promises the date); the dealer books the
 * hand-over and runs the checklist; the customer accepts once the balance is paid and owns the
 * car. Also: a date gone meanwhile, 200 concurrent reservations against a dealer's capacity,
 * draft expiry, cancellation after lock and in production, and who sees what.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKLIST_ITEMS } from '../modules/dealers/index.ts';
import { currentOrderTerms } from '../modules/ordering/index.ts';
import { type Line, listLines } from '../modules/production/index.ts';
import { type ManualClock, manualClock } from '../platform/clock.ts';
import { type Ctx, systemCtx } from '../platform/context.ts';
import { seedDemoData } from '../seed/index.ts';
import { createTestApp, type TestApp } from '../testing/create-test-app.ts';
import {
  type Customer,
  key,
  liveConfiguration,
  orgIdOf,
  type Problem,
  payAs,
  registerCustomer,
  signedIn,
} from '../testing/orders-fixtures.ts';
import type { TestClient } from './test-client.ts';

// Thursday 2026-10-29, 10:00 in Nanjing: the plant is frozen until Tue 11-03, the slowest parts
// of the demo D90 Pro arrive by early December.
const NOW = '2026-10-29T02:00:00Z';
const MODEL = 'qc-d90-pro';

type Step = { step: string; estimatedAt: string | null; actualAt: string | null };
type Build = {
  vehicle: {
    vehicleId: string;
    confirmed: boolean;
    status: string;
    state: string;
    vin: string | null;
    deliveryDate: string | null;
    productionDay: string | null;
    shipDate: string | null;
    sequencePosition: number | null;
    configurationCode: string;
    steps: Step[];
  } | null;
  handover: { day: string; slotStart: string; checklistComplete: boolean; checklistLeft: string[] } | null;
};
type Order = {
  id: string;
  vehicleId: string;
  state: string;
  promisedDeliveryDate: string | null;
  vin: string | null;
  build: Build;
  actions: { acceptDelivery: boolean; changeDeliveryDate: boolean };
  timeline: {
    kind: string;
    state: string;
    at: string;
    estimatedAt: string | null;
    data: Record<string, unknown>;
  }[];
  [k: string]: unknown;
};
type Calendar = { days: { date: string; available: boolean; productionDay: string | null }[] };

let t: TestApp;
let clock: ManualClock;
let ctx: Ctx;
let line: Line;
let shanghai: string;
let chengdu: string;
let beijing: string;
let code: string;
let total: number;
let planner: TestClient;
let operator: TestClient;
let salesSh: TestClient;
let salesBj: TestClient;
let admin: TestClient;

const settle = async () => {
  for (let i = 0; i < 10; i++) if ((await t.deps.events.drain()).waiting === 0) return;
};

const calendar = async (dealerId: string, configurationCode = code) =>
  (
    await admin.json<Calendar>(
      'GET',
      `/store/delivery-calendar?modelLine=${MODEL}&configurationCode=${configurationCode}&dealerId=${dealerId}&weeks=12`,
    )
  ).body;

const firstAvailable = async (dealerId: string, after = '') => {
  const day = (await calendar(dealerId)).days.find((d) => d.available && d.date > after);
  if (!day) throw new Error('no available date');
  return day.date;
};

const place = (customer: TestClient, dealerId: string, deliveryDate?: string, headers = key()) =>
  customer.json<Order & Problem>('POST', '/store/orders', {
    headers,
    body: {
      modelLine: MODEL,
      configurationCode: code,
      dealerId,
      acceptTerms: true,
      termsVersion: currentOrderTerms().version,
      ...(deliveryDate ? { deliveryDate } : {}),
    },
  });

const orderOf = async (client: TestClient, id: string) => {
  const res = await client.json<Order>('GET', `/store/orders/${id}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

const dayReserved = async (day: string) =>
  (
    await t.db
      .selectFrom('production.days')
      .select('reserved')
      .where('line_id', '=', line.id)
      .where('day', '=', day)
      .executeTakeFirst()
  )?.reserved ?? 0;

const dealerReserved = async (dealerId: string, day: string) =>
  (
    await t.db
      .selectFrom('dealers.handover_days')
      .select('reserved')
      .where('dealer_org_id', '=', dealerId)
      .where('day', '=', day)
      .executeTakeFirst()
  )?.reserved ?? 0;

const carsOn = async (day: string) =>
  Number(
    (
      await t.db
        .selectFrom('production.vehicles')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('line_id', '=', line.id)
        .where('production_day', '=', day)
        .where('status', '=', 'active')
        .executeTakeFirstOrThrow()
    ).n,
  );

const slotsOn = async (dealerId: string, day: string) =>
  Number(
    (
      await t.db
        .selectFrom('dealers.handover_slots')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('dealer_org_id', '=', dealerId)
        .where('day', '=', day)
        .executeTakeFirstOrThrow()
    ).n,
  );

const DAY_MS = 24 * 3600_000;
/** Sessions expire after 14 idle days: on a long trip through time everyone checks in every 10 days. */
let travellers: TestClient[] = [];
const travelTo = async (iso: string) => {
  const target = new Date(iso).getTime();
  while (clock.now().getTime() < target) {
    clock.set(new Date(Math.min(target, clock.now().getTime() + 10 * DAY_MS)));
    for (const c of travellers) await c.json('GET', '/auth/me');
  }
  clock.set(new Date(target));
};

const setDealerCapacity = async (dealerId: string, handoverCapacityPerDay: number) => {
  const res = await admin.json('PUT', `/admin/dealers/${dealerId}`, {
    body: { services: ['sales', 'test_drive', 'delivery', 'service'], handoverCapacityPerDay, active: true },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
};

const step = (vehicleId: string, body: Record<string, unknown>) =>
  operator.json<Problem & { state: string; vin: string | null }>(
    'POST',
    `/factory/vehicles/${vehicleId}/steps`,
    {
      body,
    },
  );

beforeAll(async () => {
  clock = manualClock(NOW);
  t = await createTestApp({ clock });
  await seedDemoData(t.deps);
  ctx = systemCtx(t.deps, 'test');
  const found = (await listLines(ctx)).find((l) => l.code === 'NJ-A1');
  if (!found) throw new Error('demo line missing');
  line = found;
  shanghai = await orgIdOf(t, 'DLR-SH');
  chengdu = await orgIdOf(t, 'DLR-CD');
  beijing = await orgIdOf(t, 'DLR-BJ');
  ({ code, total } = await liveConfiguration(t, MODEL));
  planner = await signedIn(t, 'planner@qicheng.example');
  operator = await signedIn(t, 'operator@qicheng.example');
  salesSh = await signedIn(t, 'sales.sh@qicheng.example');
  salesBj = await signedIn(t, 'sales.bj@qicheng.example');
  admin = await signedIn(t, 'admin@qicheng.example');
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('demo data', () => {
  it('has the demo customer’s four cars in their stages: reserved, locked, at paint, at the dealer', async () => {
    await settle();
    const demo = await signedIn(t, 'customer@example.com');
    const list = await demo.json<{ items: { id: string; state: string }[] }>('GET', '/store/orders');
    const orders = await Promise.all(list.body.items.map((o) => orderOf(demo, o.id)));
    const byState = new Map(orders.map((o) => [o.state, o]));
    expect([...byState.keys()].sort()).toEqual(['at_dealer', 'in_production', 'locked', 'reserved']);
    for (const o of orders) expect(o.build.vehicle?.deliveryDate).toBeTruthy();
    expect(byState.get('locked')?.build.vehicle?.confirmed).toBe(true);
    const painting = byState.get('in_production');
    expect(painting?.build.vehicle).toMatchObject({ state: 'paint' });
    expect(painting?.vin).toMatch(/^[A-Z0-9]{17}$/);
    const arrived = byState.get('at_dealer');
    expect(arrived?.build.handover).toMatchObject({ slotStart: '10:00', checklistComplete: false });
    expect(arrived?.timeline.filter((e) => e.kind === 'plant_step' || e.data['step']).length).toBeGreaterThan(
      5,
    );
  });
});

describe('choosing the date at checkout', () => {
  it('reserves the date at the plant and the dealer with the order; a date gone meanwhile is 409 with the next one and creates nothing', async () => {
    await setDealerCapacity(chengdu, 1);
    const first = await registerCustomer(t, 'First Buyer');
    const second = await registerCustomer(t, 'Second Buyer');
    const date = await firstAvailable(chengdu);

    const placed = await place(first, chengdu, date);
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    expect(placed.body).toMatchObject({ state: 'draft', promisedDeliveryDate: date });
    expect(placed.body.build.vehicle).toMatchObject({
      deliveryDate: date,
      confirmed: false,
      state: 'planned',
    });
    expect(placed.body.timeline.map((e) => e.kind)).toEqual(['placed', 'delivery_date_reserved']);
    expect(await dealerReserved(chengdu, date)).toBe(1);

    // The dealer's one hand-over that day is gone: the second customer is told the next date.
    const headers = key();
    const refused = await place(second, chengdu, date, headers);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('production.date_unavailable');
    expect((refused.body['reasons'] as { code: string }[]).map((r) => r.code)).toContain('dealer_full');
    const next = refused.body['nextAvailable'] as string;
    expect(next > date).toBe(true);
    expect((await second.json<{ items: unknown[] }>('GET', '/store/orders')).body.items).toEqual([]);
    expect(await dealerReserved(chengdu, date)).toBe(1);

    // Nothing was kept, not even the idempotency key: the same key with the next date places it.
    const retried = await place(second, chengdu, next, headers);
    expect(retried.status, JSON.stringify(retried.body)).toBe(201);
    expect(retried.body.promisedDeliveryDate).toBe(next);
    await setDealerCapacity(chengdu, 5);
  });

  it('200 concurrent orders for one date at a dealer with 5 hand-overs a day: exactly 5 are placed', async () => {
    await setDealerCapacity(beijing, 5);
    const buyer = await registerCustomer(t, 'Fleet Buyer');
    const date = await firstAvailable(beijing);
    const before = await dayReserved(
      (await calendar(beijing)).days.find((d) => d.date === date)?.productionDay ?? '',
    );
    const responses = await Promise.all(Array.from({ length: 200 }, () => place(buyer, beijing, date)));
    const placed = responses.filter((r) => r.status === 201);
    const refused = responses.filter((r) => r.status === 409);
    expect(placed).toHaveLength(5);
    expect(refused).toHaveLength(195);
    for (const r of refused) expect(r.body.code).toBe('production.date_unavailable');
    expect(await dealerReserved(beijing, date)).toBe(5);
    const orders = await buyer.json<{ items: unknown[] }>('GET', '/store/orders?limit=100');
    expect(orders.body.items).toHaveLength(5);
    const productionDay = placed[0]?.body.build.vehicle?.productionDay ?? '';
    expect(await dayReserved(productionDay)).toBe(before + 5);
    const cars = await t.db
      .selectFrom('production.vehicles')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('dealer_org_id', '=', beijing)
      .where('delivery_date', '=', date)
      .executeTakeFirstOrThrow();
    expect(Number(cars.n)).toBe(5);
  }, 240_000);

  it('a draft not paid within 24 hours is cancelled by the system and its date goes back', async () => {
    const buyer = await registerCustomer(t, 'Slow Buyer');
    const date = await firstAvailable(shanghai);
    const placed = await place(buyer, shanghai, date);
    expect(placed.status).toBe(201);
    const productionDay = placed.body.build.vehicle?.productionDay ?? '';
    const plant = await dayReserved(productionDay);
    const dealer = await dealerReserved(shanghai, date);

    clock.advance(23 * 3600_000);
    await t.deps.jobs.runDue();
    expect((await orderOf(buyer, placed.body.id)).state).toBe('draft');

    clock.advance(3600_000 + 60_000);
    await t.deps.jobs.runDue();
    const expired = await orderOf(buyer, placed.body.id);
    expect(expired.state).toBe('cancelled');
    expect(expired['cancellation']).toMatchObject({ by: 'system', reason: 'draft_expired' });
    expect(expired.build.vehicle?.status).toBe('cancelled');
    expect(expired.build.vehicle?.productionDay).toBeNull();
    // Every draft of this file placed at the same time expired with it: what is reserved now is
    // exactly what the cars still on that day and the slots still held at the dealer add up to.
    expect(await dayReserved(productionDay)).toBeLessThan(plant);
    expect(await dayReserved(productionDay)).toBe(await carsOn(productionDay));
    expect(await dealerReserved(shanghai, date)).toBeLessThan(dealer);
    expect(await dealerReserved(shanghai, date)).toBe(await slotsOn(shanghai, date));
    clock.set(NOW);
  });

  it('cancelling after lock gives the plant and the dealer their capacity back', async () => {
    const buyer = await registerCustomer(t, 'Changing Mind');
    const date = await firstAvailable(shanghai);
    const placed = await place(buyer, shanghai, date);
    expect(placed.status).toBe(201);
    await payAs(t, buyer, placed.body.id, 'intention');
    await payAs(t, buyer, placed.body.id, 'deposit');
    const locked = await orderOf(buyer, placed.body.id);
    expect(locked.state).toBe('locked');
    expect(locked.build.vehicle?.confirmed).toBe(true);
    expect(locked.timeline.map((e) => e.kind)).toContain('confirmed_for_build');
    const productionDay = locked.build.vehicle?.productionDay ?? '';
    const plant = await dayReserved(productionDay);
    const dealer = await dealerReserved(shanghai, date);

    const cancelled = await buyer.json<{ order: Order; refund: number }>(
      'POST',
      `/store/orders/${placed.body.id}/cancel`,
      { headers: key(), body: { reason: 'changed my mind' } },
    );
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body.order.build.vehicle?.status).toBe('cancelled');
    expect(await dayReserved(productionDay)).toBe(plant - 1);
    expect(await dealerReserved(shanghai, date)).toBe(dealer - 1);
  });

  it('a configuration change before lock re-checks the date; the car keeps it when it holds', async () => {
    const buyer = await registerCustomer(t, 'Configurator');
    const date = await firstAvailable(shanghai);
    const placed = await place(buyer, shanghai, date);
    expect(placed.status).toBe(201);
    const pano = await liveConfiguration(t, MODEL, {
      ...(await liveConfiguration(t, MODEL)).selection,
      sunroof: 'sunroof-panoramic',
    });
    const quote = await buyer.json<{
      delivery: { date: string; holds: boolean; nextAvailable: string | null };
    }>('POST', `/store/orders/${placed.body.id}/configuration/quote`, {
      body: { configurationCode: pano.code },
    });
    expect(quote.status, JSON.stringify(quote.body)).toBe(200);
    expect(quote.body.delivery.date).toBe(date);
    const changed = await buyer.json<Order & Problem>(
      'PUT',
      `/store/orders/${placed.body.id}/configuration`,
      {
        body: {
          configurationCode: pano.code,
          expectedTotal: pano.total,
          ...(quote.body.delivery.holds ? {} : { deliveryDate: quote.body.delivery.nextAvailable }),
        },
      },
    );
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.build.vehicle?.configurationCode).toBe(pano.code);
    expect(changed.body.promisedDeliveryDate).toBe(
      quote.body.delivery.holds ? date : quote.body.delivery.nextAvailable,
    );
    expect(await dealerReserved(shanghai, changed.body.promisedDeliveryDate ?? '')).toBeGreaterThan(0);
  });
});

describe('the journey of one car, from the order to its owner', () => {
  let buyer: Customer;
  let late: Customer;
  let other: Customer;
  let order: Order;
  let unlocked: Order;
  let vehicleId: string;
  let productionDay: string;
  let date: string;

  beforeAll(async () => {
    buyer = await registerCustomer(t, 'Journey Buyer');
    late = await registerCustomer(t, 'Late Locker');
    other = await registerCustomer(t, 'Nosy Neighbour');
    travellers = [planner, operator, salesSh, salesBj, admin, buyer, late, other];
  });

  it('places with a date, pays the intention money, locks: the car is confirmed for build', async () => {
    date = await firstAvailable(shanghai);
    const placed = await place(buyer, shanghai, date);
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    vehicleId = placed.body.vehicleId;
    productionDay = placed.body.build.vehicle?.productionDay ?? '';
    await payAs(t, buyer, placed.body.id, 'intention');
    await payAs(t, buyer, placed.body.id, 'deposit');
    order = await orderOf(buyer, placed.body.id);
    expect(order).toMatchObject({ state: 'locked', promisedDeliveryDate: date });
    expect(order.build.vehicle).toMatchObject({ confirmed: true, productionDay, state: 'planned' });

    // Another customer takes the same date but only pays the intention money.
    const second = await place(late, shanghai, date);
    expect(second.status).toBe(201);
    await payAs(t, late, second.body.id, 'intention');
    unlocked = await orderOf(late, second.body.id);
    expect(unlocked.state).toBe('reserved');
    expect(unlocked.build.vehicle?.productionDay).toBe(productionDay);
  });

  it('only its customer sees the car; nobody can change it by guessing', async () => {
    expect((await other.json('GET', `/store/orders/${order.id}`)).status).toBe(404);
    expect((await other.json('GET', `/store/vehicles/${vehicleId}/progress`)).status).toBe(404);
    expect(
      (await other.json('PUT', `/store/vehicles/${vehicleId}/delivery-date`, { body: { date } })).status,
    ).toBe(404);
    expect((await other.json('POST', `/store/orders/${order.id}/accept-delivery`)).status).toBe(404);
  });

  it('the planner sequences and freezes the day: scheduled with its position; the unlocked car moves', async () => {
    const run = await planner.json<{ id: string }>(
      'POST',
      `/factory/lines/${line.id}/days/${productionDay}/sequence-runs`,
      {
        body: { seconds: 1, seed: 7 },
      },
    );
    expect(run.status, JSON.stringify(run.body)).toBe(202);
    await t.deps.jobs.runDue();
    const done = await planner.json<{ status: string; result: { order: string[] } }>(
      'GET',
      `/factory/sequence-runs/${run.body.id}`,
    );
    expect(done.body.status).toBe('done');
    // Only cars whose order is locked are sequenced.
    expect(done.body.result.order).toContain(vehicleId);
    expect(done.body.result.order).not.toContain(unlocked.vehicleId);

    const frozen = await planner.json<{
      frozenAt: string;
      vehicles: { vehicleId: string; confirmed: boolean }[];
    }>('POST', `/factory/lines/${line.id}/days/${productionDay}/freeze`);
    expect(frozen.status).toBe(200);
    expect(frozen.body.vehicles.map((v) => v.vehicleId)).toContain(vehicleId);
    expect(frozen.body.vehicles.map((v) => v.vehicleId)).not.toContain(unlocked.vehicleId);
    expect(frozen.body.vehicles.every((v) => v.confirmed)).toBe(true);
    await settle();

    order = await orderOf(buyer, order.id);
    expect(order.state).toBe('scheduled');
    const scheduled = order.timeline.find((e) => e.kind === 'scheduled');
    expect(scheduled?.data).toMatchObject({ productionDay, promisedDeliveryDate: date });
    expect(scheduled?.data['sequencePosition']).toBe(order.build.vehicle?.sequencePosition);
    expect(order.build.vehicle?.sequencePosition).toBeGreaterThan(0);

    const moved = await orderOf(late, unlocked.id);
    expect(moved.state).toBe('reserved');
    const told = moved.timeline.find((e) => e.kind === 'rescheduled');
    expect(told?.data).toMatchObject({ reason: 'not_locked', previousDeliveryDate: date });
    expect((moved.promisedDeliveryDate ?? '') > date).toBe(true);
    expect((moved.build.vehicle?.productionDay ?? '') > productionDay).toBe(true);
  });

  it('goes through every station: VIN at the body shop, a failed check re-promises, out of order is 409', async () => {
    await travelTo(`${productionDay}T00:30:00Z`); // 08:30 in Nanjing
    const at = (minutes: number) => clock.advance(minutes * 60_000);
    expect((await step(vehicleId, { step: 'stamping' })).status).toBe(200);
    const outOfOrder = await step(vehicleId, { step: 'paint' });
    expect(outOfOrder).toMatchObject({
      status: 409,
      body: { code: 'production.step_out_of_order', currentStep: 'stamping' },
    });
    at(90);
    const body = await step(vehicleId, { step: 'body' });
    expect(body.body.vin).toMatch(/^[A-HJ-NPR-Z0-9]{17}$/);
    await settle();
    order = await orderOf(buyer, order.id);
    expect(order).toMatchObject({ state: 'in_production', vin: body.body.vin });

    // In production: the customer can no longer cancel, and the brand cannot either (the car is being built).
    const customerCancel = await buyer.json<Problem>('POST', `/store/orders/${order.id}/cancel`, {
      headers: key(),
      body: {},
    });
    expect(customerCancel).toMatchObject({ status: 409, body: { code: 'ordering.illegal_transition' } });
    const brandCancel = await admin.json<Problem>('POST', `/admin/orders/${order.id}/cancel`, {
      headers: key(),
      body: { reason: 'test' },
    });
    expect(brandCancel).toMatchObject({ status: 409, body: { code: 'production.vehicle_in_production' } });

    at(120);
    expect((await step(vehicleId, { step: 'paint' })).status).toBe(200);
    at(22 * 60); // the next morning
    expect((await step(vehicleId, { step: 'assembly' })).status).toBe(200);
    at(240); // the check fails on the day before the car was to ship: rework makes it late
    const failed = await step(vehicleId, {
      step: 'qc',
      result: 'fail',
      defects: [{ code: 'paint_run', description: 'Paint run on the tailgate' }],
    });
    expect(failed.status, JSON.stringify(failed.body)).toBe(200);
    at(24 * 60);
    expect((await step(vehicleId, { step: 'rework' })).status).toBe(200);
    at(120);
    expect((await step(vehicleId, { step: 'qc', result: 'pass' })).status).toBe(200);
    await settle();
    order = await orderOf(buyer, order.id);
    expect(order.state).toBe('built');
    const repromise = order.timeline.find((e) => e.kind === 'rescheduled');
    expect(repromise?.data).toMatchObject({ reason: 'qc_failed', previousDeliveryDate: date });
    expect((order.promisedDeliveryDate ?? '') > date).toBe(true);

    at(24 * 60);
    expect((await step(vehicleId, { step: 'shipped' })).status).toBe(200);
    await travelTo(`${order.promisedDeliveryDate}T01:00:00Z`);
    expect((await step(vehicleId, { step: 'at_dealer' })).status).toBe(200);
    await settle();
    order = await orderOf(buyer, order.id);
    expect(order.state).toBe('at_dealer');
  });

  it('has every plant step on the timeline with its estimated and actual time', async () => {
    const steps = order.timeline.filter((e) => typeof e.data['step'] === 'string');
    expect(steps.map((e) => `${e.data['step']}${e.data['result'] ? `:${e.data['result']}` : ''}`)).toEqual([
      'stamping',
      'body',
      'paint',
      'assembly',
      'qc:fail',
      'rework',
      'qc:pass',
      'shipped',
      'at_dealer',
    ]);
    for (const e of steps) expect(e.estimatedAt, e.kind).not.toBeNull();
    const progress = order.build.vehicle?.steps ?? [];
    for (const s of progress) {
      const entry = steps.find((e) => e.data['step'] === s.step && e.data['result'] !== 'fail');
      expect(entry?.at).toBe(s.actualAt);
    }
    expect(order.timeline.map((e) => e.kind)).toEqual([
      'placed',
      'delivery_date_reserved',
      'intention_paid',
      'locked',
      'confirmed_for_build',
      'scheduled',
      'production_started', // stamping
      'plant_step', // body (VIN)
      'plant_step', // paint
      'plant_step', // assembly
      'plant_step', // qc failed
      'rescheduled', // why the date moved
      'plant_step', // rework
      'built', // qc passed
      'shipped',
      'arrived_at_dealer',
    ]);
  });

  it('the dealer books the hand-over and runs the checklist; another dealer cannot see it', async () => {
    const day = order.promisedDeliveryDate ?? '';
    expect((await salesBj.json('GET', `/dealer/handovers/${vehicleId}`)).status).toBe(404);
    expect(
      (await salesBj.json('PUT', `/dealer/handovers/${vehicleId}`, { body: { day, slotStart: '10:00' } }))
        .status,
    ).toBe(404);
    const outside = await salesSh.json<Problem>('PUT', `/dealer/handovers/${vehicleId}`, {
      body: { day, slotStart: '19:30' },
    });
    expect(outside).toMatchObject({ status: 422, body: { code: 'dealers.handover_outside_hours' } });
    const booked = await salesSh.json<{
      handover: { day: string; slotEnd: string; checklistLeft: string[] };
    }>('PUT', `/dealer/handovers/${vehicleId}`, { body: { day, slotStart: '10:00' } });
    expect(booked.status, JSON.stringify(booked.body)).toBe(200);
    expect(booked.body.handover).toMatchObject({
      day,
      slotEnd: '11:00',
      checklistLeft: [...CHECKLIST_ITEMS],
    });
    type Listed = { items: { handover: { vehicleId: string }; order: { vehicleId: string; vin: string } }[] };
    const list = await salesSh.json<Listed>('GET', `/dealer/handovers?from=${day}&status=booked`);
    const listed = list.body.items.find((i) => i.handover.vehicleId === vehicleId);
    expect(listed?.order).toMatchObject({ vehicleId, vin: order.vin });
    const bjList = await salesBj.json<Listed>('GET', '/dealer/handovers');
    expect(bjList.body.items.map((i) => i.handover.vehicleId)).not.toContain(vehicleId);
    const slots = await salesSh.json<{
      items: { day: string; left: number | null; slots: string[]; started: string[] }[];
    }>('GET', `/dealer/handovers/availability?from=${day}&to=${day}`);
    // It is 09:00 at the dealer: the 09:00 slot has started and is no longer offered.
    expect(slots.body.items[0]).toMatchObject({
      day,
      slots: expect.arrayContaining(['09:30', '19:00']),
      started: ['09:00'],
    });
    expect(slots.body.items[0]?.slots).not.toContain('19:30');

    for (const item of CHECKLIST_ITEMS.slice(0, -1)) {
      const checked = await salesSh.json('PUT', `/dealer/handovers/${vehicleId}/checklist/${item}`, {
        body: { checked: true, ...(item === 'keys' ? { note: 'Two keys and a key card' } : {}) },
      });
      expect(checked.status, JSON.stringify(checked.body)).toBe(200);
    }
    order = await orderOf(buyer, order.id);
    expect(order.build.handover).toMatchObject({ day, slotStart: '10:00', checklistLeft: ['walk_through'] });
    expect(order.actions.acceptDelivery).toBe(true);
  });

  it('refuses the acceptance while the checklist is open or the balance is due, then delivers and binds the owner', async () => {
    const notReady = await buyer.json<Problem>('POST', `/store/orders/${order.id}/accept-delivery`);
    expect(notReady).toMatchObject({ status: 409, body: { code: 'ordering.delivery_not_ready' } });
    expect(notReady.body['checklistLeft']).toEqual(['walk_through']);
    expect(notReady.body['balanceDue']).toBeGreaterThan(0);

    const last = await salesSh.json<{ handover: { checklistComplete: boolean } }>(
      'PUT',
      `/dealer/handovers/${vehicleId}/checklist/walk_through`,
      { body: { checked: true } },
    );
    expect(last.body.handover.checklistComplete).toBe(true);
    const unpaid = await buyer.json<Problem>('POST', `/store/orders/${order.id}/accept-delivery`);
    expect(unpaid.status).toBe(409);
    expect(unpaid.body['checklistLeft']).toEqual([]);
    expect(unpaid.body['balanceDue']).toBe(total - 2_000_000);
    expect(unpaid.body['currency']).toBe('CNY');

    await payAs(t, buyer, order.id, 'balance');
    const accepted = await buyer.json<{ order: Order; vehicle: { vehicleId: string; vin: string } }>(
      'POST',
      `/store/orders/${order.id}/accept-delivery`,
    );
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.order.state).toBe('delivered');
    expect(accepted.body.vehicle).toMatchObject({ vehicleId, vin: order.vin });
    expect(accepted.body.order.timeline.map((e) => e.kind).slice(-4)).toEqual([
      'handover_booked',
      'handover_checklist_completed',
      'balance_paid',
      'delivered',
    ]);

    const mine = await buyer.json<{ items: { vehicleId: string; vin: string }[] }>(
      'GET',
      '/store/my/vehicles',
    );
    expect(mine.body.items).toEqual([expect.objectContaining({ vehicleId, vin: order.vin })]);
    expect((await buyer.json('GET', `/store/my/vehicles/${vehicleId}`)).status).toBe(200);
    expect((await other.json<{ items: unknown[] }>('GET', '/store/my/vehicles')).body.items).toEqual([]);
    expect((await other.json('GET', `/store/my/vehicles/${vehicleId}`)).status).toBe(404);
    expect((await salesSh.json('GET', '/store/my/vehicles')).status).toBe(403);
    // Accepting again changes nothing.
    expect((await buyer.json('POST', `/store/orders/${order.id}/accept-delivery`)).status).toBe(409);
  });
});
