import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceOrderStage } from '../../flows/advance-order.ts';
import { systemCtx } from '../../platform/context.ts';
import { seedDemoData } from '../../seed/index.ts';
import { createTestApp, type TestApp } from '../../testing/create-test-app.ts';
import {
  type Customer,
  key,
  liveConfiguration,
  type OrderBody,
  orderOf,
  type Problem,
  payAs,
  placeOrderAs,
  registerCustomer,
  signedIn,
} from '../../testing/orders-fixtures.ts';
import type { TestClient } from '../test-client.ts';

/**
 * Who sees which order: a customer only their own (another customer's order is 404 on every
 * order route, by order id and by vehicle id), dealer staff only their dealer's, HQ all of them
 * (support read-only).
 */
let t: TestApp;
let owner: Customer;
let stranger: Customer;
let order: OrderBody;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoData(t.deps);
  owner = await registerCustomer(t, '王芳 Wang Fang');
  stranger = await registerCustomer(t, 'Eve Stranger');
  order = await placeOrderAs(t, owner);
  await payAs(t, owner, order.id, 'intention');
}, 180_000);

afterAll(async () => {
  await t?.close();
});

/** A request per customer order route whose body passes validation, so the access check decides. */
async function requestsFor(): Promise<
  Record<string, { method: string; path: string; body?: unknown; idempotent?: boolean }>
> {
  const { code, total } = await liveConfiguration(t, 'qc-g20');
  return {
    'GET /store/orders/{id}': { method: 'GET', path: '' },
    'POST /store/orders/{id}/configuration/quote': {
      method: 'POST',
      path: '/configuration/quote',
      body: { configurationCode: code },
    },
    'PUT /store/orders/{id}/configuration': {
      method: 'PUT',
      path: '/configuration',
      body: { configurationCode: code, expectedTotal: total },
    },
    'PUT /store/orders/{id}/finance': {
      method: 'PUT',
      path: '/finance',
      body: { offerId: 'fin_01JD0000000000000000000000', downPayment: 9_000_000, termMonths: 12 },
    },
    'POST /store/orders/{id}/finance/quote': {
      method: 'POST',
      path: '/finance/quote',
      body: { offerId: 'fin_01JD0000000000000000000000', downPayment: 9_000_000, termMonths: 12 },
    },
    'DELETE /store/orders/{id}/finance': { method: 'DELETE', path: '/finance' },
    'PUT /store/orders/{id}/insurance': { method: 'PUT', path: '/insurance', body: { products: [] } },
    'POST /store/orders/{id}/payments': {
      method: 'POST',
      path: '/payments',
      body: { purpose: 'deposit', method: 'card', acceptTerms: true },
      idempotent: true,
    },
    'GET /store/orders/{id}/cancellation': { method: 'GET', path: '/cancellation' },
    'POST /store/orders/{id}/cancel': { method: 'POST', path: '/cancel', body: {}, idempotent: true },
    'POST /store/orders/{id}/accept-delivery': { method: 'POST', path: '/accept-delivery' },
  };
}

const call = (
  client: TestClient,
  ref: string,
  r: { method: string; path: string; body?: unknown; idempotent?: boolean },
) =>
  client.json<Problem>(r.method, `/store/orders/${ref}${r.path}`, {
    ...(r.body !== undefined ? { body: r.body } : {}),
    ...(r.idempotent ? { headers: key() } : {}),
  });

describe('demo orders', () => {
  it('seeds four demo orders for the demo customer (reserved, locked, in production, at the dealer), once', async () => {
    const demo = await signedIn(t, 'customer@example.com');
    const list = async () =>
      (await demo.json<{ items: { state: string; modelLine: { code: string } }[] }>('GET', '/store/orders'))
        .body.items;
    const seeded = await list();
    expect(seeded.map((o) => [o.modelLine.code, o.state]).sort()).toEqual([
      ['qc-d90-pro', 'at_dealer'],
      ['qc-d90-pro', 'in_production'],
      ['qc-d90-pro', 'reserved'],
      ['qc-g20', 'locked'],
    ]);
    await seedDemoData(t.deps);
    expect(await list()).toHaveLength(4);
  });
});

describe("another customer's order", () => {
  it('is 404 on every order route, by order id, by vehicle id and by a guessed vehicle id', async () => {
    const requests = await requestsFor();
    const doc = (await (await t.app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(doc.paths)
      .filter(([p]) => p.startsWith('/store/orders/{id}'))
      .flatMap(([p, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`));
    expect(new Set(Object.keys(requests))).toEqual(new Set(documented));

    const [, year, n] = /^C2B-(\d{4})-(\d+)$/.exec(order.vehicleId) ?? [];
    const guessed = `C2B-${year}-${String(Number(n) + 1000).padStart(6, '0')}`;
    for (const [name, r] of Object.entries(requests)) {
      for (const ref of [order.id, order.vehicleId, order.vehicleId.toLowerCase(), guessed]) {
        const res = await call(stranger, ref, r);
        expect([name, ref, res.status, res.body.code]).toEqual([name, ref, 404, 'ordering.order_not_found']);
      }
    }
    // Nothing happened to the order.
    const after = await orderOf(owner, order.id);
    expect(after.state).toBe('reserved');
    expect(after.payments).toHaveLength(1);
    expect(after.timeline.map((e) => e.kind)).toEqual(['placed', 'intention_paid']);
  });

  it('reaches the owner on the same routes (by vehicle id too)', async () => {
    const requests = await requestsFor();
    for (const name of [
      'GET /store/orders/{id}',
      'GET /store/orders/{id}/cancellation',
      'POST /store/orders/{id}/configuration/quote',
    ]) {
      const r = requests[name];
      if (!r) throw new Error(name);
      const res = await call(owner, order.vehicleId, r);
      expect([name, res.status]).toEqual([name, 200]);
    }
  });

  it('is not in the stranger’s list, not even when searching for its vehicle id', async () => {
    const list = await stranger.json<{ items: { id: string }[] }>(
      'GET',
      `/store/orders?q=${order.vehicleId}`,
    );
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([]);
    const own = await owner.json<{ items: { id: string; vehicleId: string; money: { due: unknown } }[] }>(
      'GET',
      '/store/orders',
    );
    expect(own.body.items.map((o) => o.id)).toEqual([order.id]);
    expect(own.body.items[0]?.money.due).toEqual({ purpose: 'deposit', amount: 1_500_000 });
  });

  it('its simulated pay page is reached only by the unguessable token', async () => {
    const res = await stranger.json<Problem>('GET', '/store/pay/sim/not-the-token-at-all-123');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('payments.sim_payment_not_found');
  });
});

describe('dealer staff', () => {
  let sh: TestClient;
  let bj: TestClient;
  beforeAll(async () => {
    sh = await signedIn(t, 'sales.sh@qicheng.example');
    bj = await signedIn(t, 'sales.bj@qicheng.example');
  });

  it("see their own dealer's order with the buyer's name and phone, and its timeline", async () => {
    const res = await sh.json<OrderBody & { customer: { name: string; phone: string } }>(
      'GET',
      `/dealer/orders/${order.vehicleId}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.customer.name).toBe('王芳 Wang Fang');
    expect(res.body.customer.phone).toMatch(/^\+86139\d{8}$/);
    expect(res.body.timeline.map((e) => e.kind)).toEqual(['placed', 'intention_paid']);
    // no pay links for staff
    expect(res.body.payments.every((p) => p.payUrl === null)).toBe(true);
  });

  it("get 404 for another dealer's order, by id and vehicle id, and do not list it", async () => {
    for (const ref of [order.id, order.vehicleId]) {
      const res = await bj.json<Problem>('GET', `/dealer/orders/${ref}`);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('ordering.order_not_found');
    }
    const list = await bj.json<{ items: { id: string }[] }>('GET', '/dealer/orders');
    expect(list.body.items.map((o) => o.id)).not.toContain(order.id);
  });

  it('filter by state, search vehicle id or buyer name, and page with a cursor', async () => {
    const second = await placeOrderAs(t, owner); // draft, also at DLR-SH
    const third = await placeOrderAs(t, stranger);
    const byState = await sh.json<{ items: { id: string }[] }>('GET', '/dealer/orders?state=reserved');
    expect(byState.body.items.map((o) => o.id)).toContain(order.id);
    expect(byState.body.items.map((o) => o.id)).not.toContain(second.id);
    const byName = await sh.json<{ items: { id: string }[] }>(
      'GET',
      `/dealer/orders?q=${encodeURIComponent('wang fang')}`,
    );
    expect(byName.body.items.map((o) => o.id).sort()).toEqual([order.id, second.id].sort());
    const byVehicle = await sh.json<{ items: { id: string }[] }>(
      'GET',
      `/dealer/orders?q=${third.vehicleId.slice(-6)}`,
    );
    expect(byVehicle.body.items.map((o) => o.id)).toContain(third.id);
    const wild = await sh.json<{ items: unknown[] }>('GET', `/dealer/orders?q=${encodeURIComponent('%')}`);
    expect(wild.body.items).toEqual([]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } =
        await sh.json('GET', `/dealer/orders?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.body.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.body.items.map((o) => o.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...seen].sort().reverse());
    expect(seen).toEqual(expect.arrayContaining([order.id, second.id, third.id]));
    const bad = await sh.json<Problem>('GET', '/dealer/orders?state=nope&limit=1000');
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.path).sort()).toEqual(['query.limit', 'query.state']);
  });

  it('cannot use the customer or HQ order routes (403), nor can customers use theirs', async () => {
    expect((await sh.json('GET', '/admin/orders')).status).toBe(403);
    expect((await sh.json('GET', `/store/orders/${order.id}`)).status).toBe(403);
    expect((await owner.json('GET', '/dealer/orders')).status).toBe(403);
    expect((await owner.json('GET', '/admin/orders')).status).toBe(403);
  });
});

describe('HQ', () => {
  it('admins and support agents see every order; only admins cancel', async () => {
    const admin = await signedIn(t, 'admin@qicheng.example');
    const support = await signedIn(t, 'support@qicheng.example');
    for (const hq of [admin, support]) {
      const res = await hq.json<OrderBody>('GET', `/admin/orders/${order.vehicleId}`);
      expect(res.status).toBe(200);
      expect(res.body.id).toBe(order.id);
      const list = await hq.json<{ items: { id: string }[] }>(
        'GET',
        `/admin/orders?dealerId=${res.body['dealer'] ? (res.body['dealer'] as { id: string }).id : ''}`,
      );
      expect(list.body.items.map((o) => o.id)).toContain(order.id);
    }
    const refused = await support.json<Problem>('POST', `/admin/orders/${order.id}/cancel`, {
      headers: key(),
      body: { reason: 'no' },
    });
    expect(refused.status).toBe(403);
    const unknown = await admin.json<Problem>('GET', '/admin/orders/C2B-2026-999999');
    expect(unknown.status).toBe(404);
  });

  it('anonymous callers are asked to sign in on every order route', async () => {
    const res = await t.app.request(`/store/orders/${order.id}`);
    expect(res.status).toBe(401);
    const place = await t.app.request('/store/orders', {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(place.status).toBe(401);
  });
});

describe('illegal transitions', () => {
  it('answer 409 problem+json with the current state, at every later stage', async () => {
    const c = await registerCustomer(t);
    const o = await placeOrderAs(t, c);
    await payAs(t, c, o.id, 'intention');
    await payAs(t, c, o.id, 'deposit');
    // A fresh system context per step, as each job or request of a real flow has.
    const sys = () => systemCtx(t.deps, 'test');
    const wrongNow = async (state: string, action: Parameters<typeof advanceOrderStage>[2]) => {
      await expect(
        advanceOrderStage(sys(), o.id, action, { promisedDeliveryDate: '2026-09-01' }),
      ).rejects.toMatchObject({ code: 'ordering.illegal_transition', status: 409, extra: { state, action } });
    };
    // locked: the configuration is frozen and production steps cannot be skipped
    const { code, total } = await liveConfiguration(t, 'qc-g20');
    const frozen = await c.json<Problem>('PUT', `/store/orders/${o.id}/configuration`, {
      body: { configurationCode: code, expectedTotal: total },
    });
    expect(frozen.status).toBe(409);
    expect(frozen.res.headers.get('content-type')).toContain('application/problem+json');
    expect(frozen.body).toMatchObject({
      code: 'ordering.illegal_transition',
      state: 'locked',
      action: 'change_configuration',
    });
    const twice = await c.json<Problem>('POST', `/store/orders/${o.id}/payments`, {
      headers: key(),
      body: { purpose: 'intention', method: 'alipay' },
    });
    expect(twice.body).toMatchObject({ status: 409, state: 'locked', action: 'reserve' });
    await wrongNow('locked', 'start_production');
    await wrongNow('locked', 'deliver');

    await advanceOrderStage(sys(), o.id, 'schedule', { promisedDeliveryDate: '2026-09-01' });
    await advanceOrderStage(sys(), o.id, 'start_production');
    const late = await c.json<Problem>('POST', `/store/orders/${o.id}/cancel`, { headers: key(), body: {} });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({
      code: 'ordering.illegal_transition',
      state: 'in_production',
      action: 'cancel',
    });
    await wrongNow('in_production', 'schedule');
    await advanceOrderStage(sys(), o.id, 'complete_build', { vin: 'LQC7AB1C8TN000123' });
    await advanceOrderStage(sys(), o.id, 'ship');
    await advanceOrderStage(sys(), o.id, 'arrive_at_dealer');
    // the balance is not paid: no hand-over
    await expect(advanceOrderStage(sys(), o.id, 'deliver')).rejects.toMatchObject({
      code: 'ordering.balance_unpaid',
      extra: { state: 'at_dealer' },
    });
    await payAs(t, c, o.id, 'balance');
    const delivered = await advanceOrderStage(sys(), o.id, 'deliver');
    expect(delivered.state).toBe('delivered');
    const brand = await signedIn(t, 'admin@qicheng.example');
    const afterDelivery = await brand.json<Problem>('POST', `/admin/orders/${o.id}/cancel`, {
      headers: key(),
      body: { reason: 'too late' },
    });
    expect(afterDelivery.body).toMatchObject({ status: 409, state: 'delivered', action: 'cancel' });
    const view = await orderOf(c, o.id);
    expect(view.timeline.map((e) => e.kind)).toEqual([
      'placed',
      'intention_paid',
      'locked',
      'confirmed_for_build',
      'scheduled',
      'production_started',
      'built',
      'shipped',
      'arrived_at_dealer',
      'balance_paid',
      'delivered',
    ]);
    expect(view['vin']).toBe('LQC7AB1C8TN000123');
    expect(view['promisedDeliveryDate']).toBe('2026-09-01');
    expect(view.money).toMatchObject({ balance: 0, due: null });
  });
});
