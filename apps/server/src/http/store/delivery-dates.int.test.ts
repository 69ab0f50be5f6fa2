/**
 * The delivery promise and reservations through HTTP, on PGlite and (with DATABASE_URL)
 * PostgreSQL, where the pool gives real concurrency: every request of a Promise.all is its own
 * transaction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, createOrganisation, findOrganisationByCode } from '../../modules/identity/index.ts';
import {
  cancelVehicle,
  type Line,
  listLines,
  registerVehicle,
  reserveDeliveryDate,
} from '../../modules/production/index.ts';
import { fixedClock } from '../../platform/clock.ts';
import { type Ctx, systemCtx } from '../../platform/context.ts';
import { isAppError } from '../../platform/errors.ts';
import { seedDemoData } from '../../seed/index.ts';
import { createTestApp, type TestApp } from '../../testing/create-test-app.ts';
import {
  type Configuration,
  configurationOf,
  registerCar,
  testOrderId,
  testVehicleId,
} from '../production-fixtures.ts';
import { type TestClient, testClient } from '../test-client.ts';

// Thursday 2026-12-03, 10:00 in Nanjing: frozen until Tue 12-08 (3 working days).
const NOW = '2026-12-03T02:00:00Z';

type Reason = {
  code: string;
  productionDay?: string;
  exception?: { kind: string; reason: { en: string } } | null;
};
type PromisedDate = { date: string; available: boolean; productionDay: string | null; reasons: Reason[] };
type Calendar = {
  earliest: string | null;
  figures: {
    today: string;
    frozenUntil: string;
    transportDays: number;
    leadTimeDays: number;
    partsReadyOn: string;
  };
  days: PromisedDate[];
};
type Problem = {
  code: string;
  errors?: { path: string }[];
  reason?: string;
  reasons?: Reason[];
  nextAvailable?: string | null;
};

let t: TestApp;
let ctx: Ctx;
let line: Line;
let shanghai: string;
let plain: Configuration;
let pano: Configuration;
let anonymous: TestClient;
let customer: TestClient;
let otherCustomer: TestClient;
let planner: TestClient;
let customerId: string;
let otherCustomerId: string;
/** One of the cars that got the full day (which ones is up to the race on PostgreSQL). */
let fullDayCar: string;

/**
 * Production's reservation of a car's date as its customer, answered like the route answers it.
 * The route (PUT /store/vehicles/{id}/delivery-date) now goes through the car's order (flows/
 * build-date.ts, tested in build-chain.int.test.ts); these cars are production's own, without
 * orders, so the module function is called directly: the atomicity under test is its own.
 */
type Reserved = Problem & { productionDay?: string; deliveryDate?: string; changed?: boolean };

async function reserveAs(
  vehicleId: string,
  date: string,
  userId = customerId,
): Promise<{ status: number; body: Reserved }> {
  const asCustomer: Ctx = { ...ctx, actor: { kind: 'customer', userId } };
  try {
    const r = await reserveDeliveryDate(asCustomer, vehicleId, date);
    if (r.ok) return { status: 200, body: { code: '', ...r } };
    const { reason, reasons, nextAvailable } = r;
    return { status: 409, body: { code: 'production.date_unavailable', reason, reasons, nextAvailable } };
  } catch (err) {
    if (!isAppError(err)) throw err;
    return { status: err.kind === 'not_found' ? 404 : 409, body: { code: err.code } };
  }
}

const calendarPath = (c: Configuration, dealerId: string, extra = '') =>
  `/store/delivery-calendar?modelLine=${c.modelLine}&configurationCode=${c.code}&dealerId=${dealerId}${extra}`;

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock(NOW) });
  await seedDemoData(t.deps);
  ctx = systemCtx(t.deps, 'test');
  const found = (await listLines(ctx)).find((l) => l.code === 'NJ-A1');
  if (!found) throw new Error('demo line missing');
  line = found;
  shanghai = (await findOrganisationByCode(ctx, 'DLR-SH'))?.id ?? '';
  plain = await configurationOf(ctx, 'qc-d90-pro');
  pano = await configurationOf(ctx, 'qc-d90-pro', { sunroof: 'sunroof-panoramic' });
  anonymous = testClient(t.app);
  customer = testClient(t.app);
  expect((await customer.signIn('customer@example.com')).status).toBe(200);
  customerId = (await customer.json<{ user: { id: string } }>('GET', '/auth/me')).body.user.id;
  otherCustomerId = (
    await createCustomer(ctx, {
      name: '周然 Zhou Ran',
      email: 'other@example.com',
      password: 'another-pass-123',
      locale: 'zh-CN',
    })
  ).id;
  otherCustomer = testClient(t.app);
  expect((await otherCustomer.signIn('other@example.com', 'another-pass-123')).status).toBe(200);
  planner = testClient(t.app);
  expect((await planner.signIn('planner@qicheng.example')).status).toBe(200);
}, 180_000);

afterAll(async () => {
  await t?.close();
});

describe('delivery calendar (anonymous)', () => {
  it('offers eight weeks from tomorrow, each date available or with its reasons', async () => {
    const res = await anonymous.json<Calendar>('GET', calendarPath(plain, shanghai));
    expect(res.status).toBe(200);
    const { days, figures, earliest } = res.body;
    expect(days).toHaveLength(56);
    expect(days[0]?.date).toBe('2026-12-04');
    expect(figures).toMatchObject({ today: '2026-12-03', frozenUntil: '2026-12-08', transportDays: 1 });
    // Every date before the earliest is unavailable and says why; the earliest has a production day.
    expect(earliest).not.toBeNull();
    for (const d of days.filter((x) => x.date < (earliest ?? ''))) {
      expect(d.available, d.date).toBe(false);
      expect(d.reasons.length, d.date).toBeGreaterThan(0);
    }
    const first = days.find((d) => d.date === earliest);
    expect(first?.available).toBe(true);
    expect((first?.productionDay ?? '') > figures.frozenUntil).toBe(true);
    expect((first?.productionDay ?? '') >= figures.partsReadyOn).toBe(true);
    // Friday 12-04 ships Thursday: its production day is inside the frozen horizon.
    expect(days[0]?.reasons.map((r) => r.code)).toContain('frozen_horizon');
    // Monday 12-14 would ship on Sunday 12-13: no production day maps to it.
    expect(days.find((d) => d.date === '2026-12-14')?.reasons.map((r) => r.code)).toEqual([
      'no_production_day',
    ]);
    // Saturday 2027-01-02 would ship on New Year's Day.
    const newYear = days.find((d) => d.date === '2027-01-02')?.reasons[0];
    expect(newYear).toMatchObject({ code: 'no_production_day', exception: { kind: 'holiday' } });
    expect(newYear?.exception?.reason.en).toMatch(/New Year/);
  });

  it('has a cheap earliest-date variant', async () => {
    const res = await anonymous.json<{ earliest: string; productionDay: string }>(
      'GET',
      `/store/delivery-calendar/earliest?modelLine=qc-d90-pro&configurationCode=${plain.code}&dealerId=${shanghai}`,
    );
    expect(res.status).toBe(200);
    const full = await anonymous.json<Calendar>('GET', calendarPath(plain, shanghai));
    expect(res.body.earliest).toBe(full.body.earliest);
    expect(res.body.productionDay).toBeTruthy();
  });

  it('is later for a dealer further away', async () => {
    const chengdu = (await findOrganisationByCode(ctx, 'DLR-CD'))?.id ?? '';
    const near = await anonymous.json<Calendar>('GET', calendarPath(plain, shanghai));
    const far = await anonymous.json<Calendar>('GET', calendarPath(plain, chengdu));
    expect(far.body.figures.transportDays).toBe(5);
    expect(far.body.earliest! > near.body.earliest!).toBe(true);
  });

  it('refuses bad input, naming the field', async () => {
    const missing = await anonymous.json<Problem>(
      'GET',
      `/store/delivery-calendar?modelLine=qc-d90-pro&configurationCode=${plain.code}`,
    );
    expect(missing.status).toBe(400);
    expect(missing.body.errors?.map((e) => e.path)).toContain('query.dealerId');
    const weeks = await anonymous.json<Problem>('GET', calendarPath(plain, shanghai, '&weeks=99'));
    expect(weeks.status).toBe(400);
    expect(weeks.body.errors?.map((e) => e.path)).toContain('query.weeks');
    const unknown = await anonymous.json<Problem>('GET', calendarPath(plain, shanghai, '&color=red'));
    expect(unknown.status).toBe(400);
    const code = await anonymous.json<Problem>(
      'GET',
      calendarPath({ ...plain, code: 'A00NOTACODE' }, shanghai),
    );
    expect(code.status).toBe(400);
    expect(code.body).toMatchObject({
      code: 'catalog.invalid_code',
      errors: [{ path: 'configurationCode' }],
    });
  });

  it('answers 404 for an unknown model line or dealer, 422 for a dealer the plant does not serve', async () => {
    const line404 = await anonymous.json<Problem>(
      'GET',
      calendarPath({ ...plain, modelLine: 'nope' }, shanghai),
    );
    expect(line404.status).toBe(404);
    const dealer404 = await anonymous.json<Problem>('GET', calendarPath(plain, 'org_NOPE'));
    expect(dealer404).toMatchObject({ status: 404, body: { code: 'production.dealer_not_found' } });
    const newDealer = await createOrganisation(ctx, {
      kind: 'dealer',
      code: 'DLR-XM',
      name: { 'zh-CN': '启程汽车厦门店', en: 'Qicheng Xiamen' },
      city: { 'zh-CN': '厦门', en: 'Xiamen' },
      address: null,
      lat: null,
      lng: null,
      phone: null,
      openingHours: null,
    });
    const notServed = await anonymous.json<Problem>('GET', calendarPath(plain, newDealer.id));
    expect(notServed).toMatchObject({ status: 422, body: { code: 'production.dealer_not_served' } });
    const supplier = (await findOrganisationByCode(ctx, 'SUP-SEAT'))?.id ?? '';
    expect((await anonymous.json<Problem>('GET', calendarPath(plain, supplier))).status).toBe(404);
  });
});

// After the longest part lead times of the demo BOM (about four weeks): production day Mon
// 2027-01-11 -> ships Wed 01-13 -> Shanghai Thu 01-14; Tue 01-12 -> Fri 01-15.
const FULL_DAY = '2027-01-11';
const FULL_DATE = '2027-01-14';
const PANO_DAY = '2027-01-12';
const PANO_DATE = '2027-01-15';

describe('reserving a delivery date', () => {
  beforeAll(async () => {
    // One production day per date (no building early), so only the day itself counts.
    const patched = await planner.json('PATCH', `/factory/lines/${line.id}`, {
      body: { storageSlackDays: 0 },
    });
    expect(patched.status).toBe(200);
    const set = await planner.request('PUT', `/factory/lines/${line.id}/calendar/${FULL_DAY}`, {
      body: {
        kind: 'overtime',
        shifts: 2,
        carsPerShift: 25,
        reason: { 'zh-CN': '加开班次', en: 'Extra shift' },
      },
    });
    expect(set.status).toBe(204);
  });

  it('200 concurrent reservations against a day with capacity 50 leave exactly 50 reserved', async () => {
    for (let n = 1; n <= 200; n++) {
      await registerCar(ctx, { n, configuration: plain, dealerCode: 'DLR-SH', customerUserId: customerId });
    }
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) => reserveAs(testVehicleId(i + 1), FULL_DATE)),
    );
    const ok = responses.filter((r) => r.status === 200);
    const refused = responses.filter((r) => r.status === 409);
    expect(ok).toHaveLength(50);
    expect(refused).toHaveLength(150);
    for (const r of ok) expect(r.body.productionDay).toBe(FULL_DAY);
    fullDayCar = (ok[0]?.body as { vehicleId?: string } | undefined)?.vehicleId ?? '';
    for (const r of refused) {
      expect(r.body.code).toBe('production.date_unavailable');
      expect(['no_capacity', 'date_unavailable']).toContain(r.body.reason);
      expect(r.body.reasons?.map((x) => x.code)).toContain('line_full');
      expect(r.body.nextAvailable).toBe(PANO_DATE);
    }
    const day = await t.db
      .selectFrom('production.days')
      .select(['capacity', 'reserved'])
      .where('line_id', '=', line.id)
      .where('day', '=', FULL_DAY)
      .executeTakeFirstOrThrow();
    expect(day).toEqual({ capacity: 50, reserved: 50 });
    const cars = await t.db
      .selectFrom('production.vehicles')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('production_day', '=', FULL_DAY)
      .executeTakeFirstOrThrow();
    expect(Number(cars.n)).toBe(50);
    // The calendar now shows the date as full, with the figures.
    const cal = await anonymous.json<Calendar>('GET', calendarPath(plain, shanghai));
    expect(cal.body.days.find((d) => d.date === FULL_DATE)?.reasons).toEqual([
      { code: 'line_full', productionDay: FULL_DAY, capacity: 50, reserved: 50 },
    ]);
  }, 240_000);

  it('40 concurrent panoramic-roof cars against a 1-in-3 limit: exactly 16 of 48 get the day', async () => {
    for (let n = 301; n <= 340; n++) {
      await registerCar(ctx, { n, configuration: pano, dealerCode: 'DLR-SH', customerUserId: customerId });
    }
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => reserveAs(testVehicleId(301 + i), PANO_DATE)),
    );
    expect(responses.filter((r) => r.status === 200)).toHaveLength(16);
    const refused = responses.filter((r) => r.status === 409);
    expect(refused).toHaveLength(24);
    expect(refused[0]?.body.reasons?.map((r) => r.code)).toEqual(['option_limit']);
    const load = await t.db
      .selectFrom('production.day_option_loads as l')
      .innerJoin('production.option_rules as r', 'r.id', 'l.rule_id')
      .select(['l.max_cars', 'l.reserved'])
      .where('l.day', '=', PANO_DAY)
      .where('r.code', '=', 'pano-roof')
      .executeTakeFirstOrThrow();
    expect(load).toEqual({ max_cars: 16, reserved: 16 });
    // A car without the option still gets the date.
    await registerCar(ctx, {
      n: 399,
      configuration: plain,
      dealerCode: 'DLR-SH',
      customerUserId: customerId,
    });
    const plainCar = await reserveAs(testVehicleId(399), PANO_DATE);
    expect(plainCar.status).toBe(200);
  });

  it('changing the date releases the old one; the same date again changes nothing', async () => {
    const car = testVehicleId(399);
    const moved = await reserveAs(car, '2027-01-08');
    expect(moved).toMatchObject({ status: 200, body: { deliveryDate: '2027-01-08', changed: true } });
    const again = await reserveAs(car, '2027-01-08');
    expect(again.body.changed).toBe(false);
    const day = await t.db
      .selectFrom('production.days')
      .select('reserved')
      .where('line_id', '=', line.id)
      .where('day', '=', PANO_DAY)
      .executeTakeFirstOrThrow();
    expect(day.reserved).toBe(16);
  });

  it('refuses a date the calendar does not offer, with the reasons and the next available date', async () => {
    const res = await reserveAs(testVehicleId(399), '2026-12-08');
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'production.date_unavailable', reason: 'date_unavailable' });
    expect(res.body.reasons?.map((r) => r.code)).toEqual(['frozen_horizon', 'part_lead_time']);
    expect(res.body.nextAvailable).toBeTruthy();
  });

  it('is only for the car’s own customer: others 404, anonymous 401, staff 403, bad input 400', async () => {
    const path = `/store/vehicles/${testVehicleId(399)}/delivery-date`;
    // Production itself: another customer's car is not found, like a car that does not exist.
    const other = await reserveAs(testVehicleId(399), '2027-01-08', otherCustomerId);
    expect(other).toMatchObject({ status: 404, body: { code: 'production.vehicle_not_found' } });
    const missing = await reserveAs('C2B-2026-999999', '2027-01-08');
    expect(missing).toMatchObject({ status: 404, body: { code: 'production.vehicle_not_found' } });
    // The route resolves the car through its order: without one (or another's) it is 404 too.
    const viaRoute = await otherCustomer.json<Problem>('PUT', path, { body: { date: '2027-01-08' } });
    expect(viaRoute).toMatchObject({ status: 404, body: { code: 'ordering.order_not_found' } });
    expect((await anonymous.request('PUT', path, { body: { date: '2027-01-08' } })).status).toBe(401);
    expect((await planner.request('PUT', path, { body: { date: '2027-01-08' } })).status).toBe(403);
    const bad = await customer.json<Problem>('PUT', path, { body: { date: '2026-02-30' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.path)).toEqual(['date']);
    const extra = await customer.json<Problem>('PUT', path, {
      body: { date: '2027-01-08', productionDay: '2026-12-09' },
    });
    expect(extra.status).toBe(400);
    expect(extra.body.errors?.map((e) => e.path)).toEqual(['productionDay']);
  });
});

describe('a car’s progress', () => {
  it('shows the owner the steps with estimates, the promised date and no VIN yet', async () => {
    const res = await customer.json<{
      deliveryDate: string;
      vin: string | null;
      state: string;
      steps: { step: string; estimatedAt: string | null; actualAt: string | null }[];
      deliveryChanges: { reason: string }[];
    }>('GET', `/store/vehicles/${fullDayCar}/progress`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ deliveryDate: FULL_DATE, vin: null, state: 'planned' });
    expect(res.body.steps.map((s) => s.step)).toEqual([
      'stamping',
      'body',
      'paint',
      'assembly',
      'qc',
      'shipped',
      'at_dealer',
    ]);
    expect(res.body.steps.every((s) => s.estimatedAt !== null && s.actualAt === null)).toBe(true);
    expect(res.body.deliveryChanges.map((c) => c.reason)).toEqual(['reserved']);
  });

  it('shows it to the car’s dealer, and to nobody else', async () => {
    const path = `/store/vehicles/${fullDayCar}/progress`;
    expect((await otherCustomer.json('GET', path)).status).toBe(404);
    expect((await anonymous.json('GET', path)).status).toBe(401);
    const sh = testClient(t.app);
    expect((await sh.signIn('sales.sh@qicheng.example')).status).toBe(200);
    expect((await sh.json('GET', `/dealer/vehicles/${fullDayCar}/progress`)).status).toBe(200);
    const bj = testClient(t.app);
    expect((await bj.signIn('sales.bj@qicheng.example')).status).toBe(200);
    expect((await bj.json('GET', `/dealer/vehicles/${fullDayCar}/progress`)).status).toBe(404);
  });
});

describe('registering and cancelling cars', () => {
  it('registers idempotently per vehicle id and refuses conflicting or mismatched registrations', async () => {
    const first = await registerCar(ctx, {
      n: 500,
      configuration: plain,
      dealerCode: 'DLR-SH',
      customerUserId: customerId,
    });
    const again = await registerCar(ctx, {
      n: 500,
      configuration: plain,
      dealerCode: 'DLR-SH',
      customerUserId: customerId,
    });
    expect(again).toEqual(first);
    expect(first).toMatchObject({
      lineId: line.id,
      state: 'planned',
      deliveryDate: null,
      colour: plain.selection['paint'],
    });
    const registered = await t.db
      .selectFrom('platform.outbox')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('type', '=', 'production.vehicle_registered')
      .where('aggregate_id', '=', first.vehicleId)
      .executeTakeFirstOrThrow();
    expect(Number(registered.n)).toBe(1);
    const base = {
      customerUserId: customerId,
      modelLine: plain.modelLine,
      versionId: plain.versionId,
      configurationCode: plain.code,
      selection: plain.selection,
      dealerOrgId: shanghai,
    };
    await expect(
      registerVehicle(ctx, { ...base, vehicleId: first.vehicleId, orderId: testOrderId(501) }),
    ).rejects.toMatchObject({ code: 'production.vehicle_conflict' });
    await expect(
      registerVehicle(ctx, { ...base, vehicleId: testVehicleId(502), orderId: testOrderId(500) }),
    ).rejects.toMatchObject({ code: 'production.vehicle_conflict' });
    await expect(
      registerVehicle(ctx, {
        ...base,
        vehicleId: testVehicleId(503),
        orderId: testOrderId(503),
        selection: pano.selection,
      }),
    ).rejects.toMatchObject({ code: 'production.configuration_mismatch' });
  });

  it('cancelling gives the capacity back and the car can no longer be planned', async () => {
    const car = testVehicleId(500);
    const reserved = await reserveAs(car, '2027-01-08');
    expect(reserved.status).toBe(200);
    const reservedOn = async () =>
      (
        await t.db
          .selectFrom('production.days')
          .select('reserved')
          .where('line_id', '=', line.id)
          .where('day', '=', reserved.body.productionDay)
          .executeTakeFirstOrThrow()
      ).reserved;
    const before = await reservedOn();
    const cancelled = await cancelVehicle(ctx, car, 'order cancelled by the customer');
    expect(cancelled).toMatchObject({ status: 'cancelled', deliveryDate: null, productionDay: null });
    expect(await reservedOn()).toBe(before - 1);
    expect((await cancelVehicle(ctx, car, 'again')).status).toBe('cancelled');
    const after = await reserveAs(car, '2027-01-08');
    expect(after).toMatchObject({ status: 409, body: { code: 'production.vehicle_cancelled' } });
    const progress = await customer.json<{ status: string; deliveryChanges: { reason: string }[] }>(
      'GET',
      `/store/vehicles/${car}/progress`,
    );
    expect(progress.body.status).toBe('cancelled');
    expect(progress.body.deliveryChanges.map((c) => c.reason)).toEqual(['reserved', 'released']);
  });
});
