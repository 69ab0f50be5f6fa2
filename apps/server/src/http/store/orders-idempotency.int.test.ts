import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentOrderTerms } from '../../modules/ordering/index.ts';
import { manualClock } from '../../platform/clock.ts';
import { seedDemoData } from '../../seed/index.ts';
import { createTestApp, type TestApp } from '../../testing/create-test-app.ts';
import {
  type Customer,
  completeOnSimPage,
  liveConfiguration,
  orgIdOf,
  type Problem,
  payAs,
  placeOrderAs,
  registerCustomer,
  signedIn,
} from '../../testing/orders-fixtures.ts';

/**
 * Idempotency-Key on the requests that create an order or move money: a retry replays the first
 * answer, 50 concurrent duplicates create one order / one payment / one charge, a key reused
 * with another request is 422, and a request whose work failed leaves no key behind.
 */
let t: TestApp;
const clock = manualClock('2026-04-01T02:00:00Z');
let body: Record<string, unknown>;

const ordersOf = async (userId: string) =>
  Number(
    (
      await t.db
        .selectFrom('ordering.orders')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('customer_user_id', '=', userId)
        .executeTakeFirstOrThrow()
    ).n,
  );

const count = async (table: string, orderId: string) =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .where('order_id', '=', orderId)
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await createTestApp({ clock });
  await seedDemoData(t.deps);
  const configuration = await liveConfiguration(t, 'qc-t90');
  body = {
    modelLine: 'qc-t90',
    configurationCode: configuration.code,
    dealerId: await orgIdOf(t, 'DLR-BJ'),
    acceptTerms: true,
    termsVersion: currentOrderTerms().version,
  };
}, 180_000);

afterAll(async () => {
  await t?.close();
});

const place = (c: Customer, key: string | undefined, b: Record<string, unknown> = body) =>
  c.json<{ id: string; vehicleId: string } & Problem>('POST', '/store/orders', {
    headers: key === undefined ? {} : { 'idempotency-key': key },
    body: b,
  });

describe('placing an order', () => {
  it('needs a well-formed Idempotency-Key (400 naming the header)', async () => {
    const c = await registerCustomer(t);
    const missing = await place(c, undefined);
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ code: 'platform.idempotency_key_required' });
    expect(missing.body.errors?.map((e) => e.path)).toEqual(['header.idempotency-key']);
    for (const bad of ['short', 'has a space in it', 'x'.repeat(129), 'tab\tinside-the-key']) {
      const res = await place(c, bad);
      expect(res.status, bad).toBe(400);
      expect(res.body.code).toBe('platform.idempotency_key_invalid');
    }
    expect(await ordersOf(c.userId)).toBe(0);
  });

  it('replays the first answer for the same key: one order, same status and body', async () => {
    const c = await registerCustomer(t);
    const key = randomUUID();
    const first = await place(c, key);
    const second = await place(c, key);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(first.res.headers.get('idempotent-replayed')).toBeNull();
    expect(second.res.headers.get('idempotent-replayed')).toBe('true');
    expect(await ordersOf(c.userId)).toBe(1);
  });

  it('creates one order for 50 concurrent requests with one key', async () => {
    const c = await registerCustomer(t);
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 50 }, () => place(c, key)));
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(201));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(new Set(answers.map((a) => a.body.vehicleId)).size).toBe(1);
    expect(answers.filter((a) => a.res.headers.get('idempotent-replayed') === 'true')).toHaveLength(49);
    expect(await ordersOf(c.userId)).toBe(1);
  });

  it('refuses the same key with another request (422), and keys of different people never collide', async () => {
    const c = await registerCustomer(t);
    const key = randomUUID();
    expect((await place(c, key)).status).toBe(201);
    const other = await place(c, key, { ...body, dealerId: await orgIdOf(t, 'DLR-SH') });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('platform.idempotency_key_reused');
    const someoneElse = await registerCustomer(t);
    const theirs = await place(someoneElse, key);
    expect(theirs.status).toBe(201);
    expect(await ordersOf(c.userId)).toBe(1);
    expect(await ordersOf(someoneElse.userId)).toBe(1);
  });

  it('keeps no key when the work fails, so the retry runs again', async () => {
    const admin = await signedIn(t, 'admin@qicheng.example');
    const cd = await orgIdOf(t, 'DLR-CD');
    const profile = { services: ['sales', 'delivery'], handoverCapacityPerDay: 5 };
    expect(
      (await admin.json('PUT', `/admin/dealers/${cd}`, { body: { ...profile, active: false } })).status,
    ).toBe(200);
    const c = await registerCustomer(t);
    const key = randomUUID();
    const refused = await place(c, key, { ...body, dealerId: cd });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('ordering.dealer_unavailable');
    expect(
      (await admin.json('PUT', `/admin/dealers/${cd}`, { body: { ...profile, active: true } })).status,
    ).toBe(200);
    const retried = await place(c, key, { ...body, dealerId: cd });
    expect(retried.status).toBe(201);
    expect(await ordersOf(c.userId)).toBe(1);
  });

  it('lets a key be used again once it has expired (24 h)', async () => {
    const c = await registerCustomer(t);
    const key = randomUUID();
    expect((await place(c, key)).status).toBe(201);
    clock.advance(25 * 60 * 60_000);
    const again = await place(c, key, { ...body, dealerId: await orgIdOf(t, 'DLR-GZ') });
    expect(again.status).toBe(201);
    expect(again.res.headers.get('idempotent-replayed')).toBeNull();
    expect(await ordersOf(c.userId)).toBe(2);
  });
});

describe('starting a payment', () => {
  const pay = (
    c: Customer,
    orderId: string,
    key: string,
    b: Record<string, unknown> = { purpose: 'intention', method: 'alipay' },
  ) =>
    c.json<{ payment: { id: string; payUrl: string } } & Problem>(
      'POST',
      `/store/orders/${orderId}/payments`,
      {
        headers: { 'idempotency-key': key },
        body: b,
      },
    );

  it('replays the same payment for the same key', async () => {
    const c = await registerCustomer(t);
    const order = await placeOrderAs(t, c);
    const key = randomUUID();
    const first = await pay(c, order.id, key);
    const second = await pay(c, order.id, key);
    expect(first.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.res.headers.get('idempotent-replayed')).toBe('true');
    expect(await count('payments.intents', order.id)).toBe(1);
    const reused = await pay(c, order.id, key, { purpose: 'intention', method: 'card' });
    expect(reused.status).toBe(422);
  });

  it('creates one payment and one charge for 50 concurrent requests with one key', async () => {
    const c = await registerCustomer(t);
    const order = await placeOrderAs(t, c);
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 50 }, () => pay(c, order.id, key)));
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(201));
    expect(new Set(answers.map((a) => a.body.payment.id)).size).toBe(1);
    expect(await count('payments.intents', order.id)).toBe(1);
    await completeOnSimPage(t, answers[0]?.body.payment.payUrl ?? '');
    expect(await count('payments.ledger', order.id)).toBe(1);
    // The order was reserved once, with one timeline entry and one event.
    const events = await t.db
      .selectFrom('platform.outbox')
      .select('type')
      .where('aggregate_id', '=', order.id)
      .where('type', 'in', [
        'ordering.order_reserved',
        'payments.payment_captured',
        'payments.payment_created',
      ])
      .execute();
    expect(events.map((e) => e.type).sort()).toEqual([
      'ordering.order_reserved',
      'payments.payment_captured',
      'payments.payment_created',
    ]);
  });

  it('cancelling with one key twice refunds once', async () => {
    const c = await registerCustomer(t);
    const order = await placeOrderAs(t, c);
    await payAs(t, c, order.id, 'intention');
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        c.json<{ refund: number }>('POST', `/store/orders/${order.id}/cancel`, {
          headers: { 'idempotency-key': key },
          body: {},
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(answers.every((a) => a.body.refund === 500_000)).toBe(true);
    expect(await count('payments.refunds', order.id)).toBe(1);
  });
});
