/**
 * DMS hand-over confirmations (issue #7): a dealer's DMS books, moves or cancels the hand-over
 * appointment of its own dealer's car, reports checklist items and, after the customer accepted
 * the car in the app, the keys handed over. The same rules as the dealer's staff; never the
 * customer's acceptance; versioned (re-send, stale); scoped, signed, refused requests change
 * nothing; another dealer's car is 404 like an unknown one.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKLIST_ITEMS } from '../../modules/dealers/index.ts';
import { seedDemoData } from '../../seed/index.ts';
import { createTestApp, type TestApp } from '../../testing/create-test-app.ts';
import { payAs, signedIn } from '../../testing/orders-fixtures.ts';
import { type PartnerKey, partnerRequest, sendPartner } from '../../testing/partner-client.ts';
import { createPartnerKey } from '../../testing/partner-keys.ts';
import type { TestClient } from '../test-client.ts';

type Org = { id: string; code: string; kind: string };
type Ack = {
  applied: boolean;
  reason?: string;
  entity: string;
  naturalKey: string;
  version: string;
  appliedVersion?: string;
  id: string | null;
};
type Problem = { status: number; code: string; errors?: { path: string }[]; [k: string]: unknown };
type Handover = {
  day: string;
  slotStart: string;
  slotEnd: string;
  status: string;
  checklist: { item: string; checked: boolean }[];
  checklistComplete: boolean;
  checklistLeft: string[];
  completedAt: string | null;
  keysHandedOver: { at: string; staffName: string } | null;
};
type Order = {
  id: string;
  vehicleId: string;
  state: string;
  promisedDeliveryDate: string | null;
  timeline: { kind: string; data: Record<string, unknown> }[];
};

let t: TestApp;
let admin: TestClient;
let salesSh: TestClient;
let customer: TestClient;
let orgs: Map<string, Org>;
let dmsSh: PartnerKey;
let dmsBj: PartnerKey;
let stockOnly: PartnerKey;
/** The demo customer's car at the Shanghai dealer: hand-over booked tomorrow 10:00, balance due. */
let arrived: Order;
/** The demo customer's car at the Beijing dealer, still at the plant. */
let inPaint: Order;
let tomorrow: string;
/** Another day the Shanghai dealer has room and a 14:00 slot. */
let laterDay: string;

const path = (vehicleId: string) => `/partner/dms/handovers/${vehicleId}`;
const orgId = (code: string) => orgs.get(code)?.id ?? '';

const createKey = (name: string, orgCode: string, scopes: string[]): Promise<PartnerKey> =>
  createPartnerKey(admin, { name, orgId: orgId(orgCode), scopes });

async function rows(query: string): Promise<unknown[]> {
  return (await sql.raw(query).execute(t.db)).rows;
}

/** Everything a hand-over confirmation could change, to compare before and after a refusal. */
async function businessState() {
  return {
    handovers: await rows('select * from dealers.handovers order by id'),
    slots: await rows('select * from dealers.handover_slots order by vehicle_id'),
    days: await rows('select * from dealers.handover_days order by dealer_org_id, day'),
    orders: await rows(
      'select id, state, promised_delivery_date, updated_at from ordering.orders order by id',
    ),
    timeline: await rows('select id from ordering.timeline order by id'),
    owners: await rows('select * from owners.vehicles order by vehicle_id'),
    versions: await rows('select * from partner.source_versions order by system, entity, natural_key'),
    outbox: await rows('select id from platform.outbox order by seq'),
  };
}

async function outboxOf(vehicleId: string, type: string): Promise<{ payload: Record<string, unknown> }[]> {
  return (await rows(
    `select payload from platform.outbox where type = '${type}' and aggregate_id = '${vehicleId}' order by seq`,
  )) as { payload: Record<string, unknown> }[];
}

async function handoverOf(vehicleId: string): Promise<Handover> {
  const res = await salesSh.json<{ handover: Handover }>('GET', `/dealer/handovers/${vehicleId}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.handover;
}

async function orderOf(id: string): Promise<Order> {
  const res = await customer.json<Order>('GET', `/store/orders/${id}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

const booked = (sourceVersion: number | string, day: string, slotStart: string, extra = {}) => ({
  sourceVersion,
  appointment: { status: 'booked', day, slotStart },
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoData(t.deps);
  for (let i = 0; i < 20 && (await t.deps.events.drain()).waiting > 0; i++);
  admin = await signedIn(t, 'admin@qicheng.example');
  salesSh = await signedIn(t, 'sales.sh@qicheng.example');
  customer = await signedIn(t, 'customer@example.com');
  const list = await admin.json<{ items: Org[] }>('GET', '/admin/organisations');
  orgs = new Map(list.body.items.map((o) => [o.code, o]));
  dmsSh = await createKey('DMS Pudong', 'DLR-SH', ['dms:handover']);
  dmsBj = await createKey('DMS Chaoyang', 'DLR-BJ', ['dms:handover', 'dms:stock']);
  stockOnly = await createKey('DMS Pudong stock', 'DLR-SH', ['dms:stock']);

  const mine = await customer.json<{ items: { id: string; state: string }[] }>('GET', '/store/orders');
  const find = async (state: string) => {
    const o = mine.body.items.find((i) => i.state === state);
    if (!o) throw new Error(`no demo order ${state}`);
    return orderOf(o.id);
  };
  arrived = await find('at_dealer');
  inPaint = await find('in_production');
  const current = await handoverOf(arrived.vehicleId);
  tomorrow = current.day;
  const slots = await salesSh.json<{ items: { day: string; left: number | null; slots: string[] }[] }>(
    'GET',
    `/dealer/handovers/availability?from=${tomorrow}`,
  );
  const other = slots.body.items.find(
    (d) => d.day > tomorrow && (d.left === null || d.left > 0) && d.slots.includes('14:00'),
  );
  if (!other) throw new Error('no other day with a 14:00 slot at the Shanghai dealer');
  laterDay = other.day;
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('keys and scopes', () => {
  it('dms:handover is a dealer scope only', async () => {
    const res = await admin.json<Problem>('POST', '/admin/api-keys', {
      body: { name: 'HQ DMS', orgId: orgId('QC-HQ'), scopes: ['dms:handover'] },
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('partner.scope_not_for_organisation');
    expect(res.body.errors?.map((e) => e.path)).toEqual(['scopes.0']);
  });

  it('a key without the scope gets 403 problem+json and nothing changes; the hand-over key cannot write stock', async () => {
    const before = await businessState();
    const res = await sendPartner<Problem>(
      t.app,
      stockOnly,
      'PUT',
      path(arrived.vehicleId),
      booked(1, laterDay, '14:00'),
    );
    expect(res.status).toBe(403);
    expect(res.res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.code).toBe('identity.forbidden');
    const stock = await sendPartner<Problem>(t.app, dmsSh, 'PUT', '/partner/dms/stock/LSCD90P22R0000017', {
      sourceVersion: 1,
      modelLine: 'qc-d90-pro',
      usage: 'demo',
      status: 'available',
    });
    expect(stock.status).toBe(403);
    expect(await businessState()).toEqual(before);
  });

  it('refuses forged and expired signatures with 401, changing nothing', async () => {
    const before = await businessState();
    const forged = await partnerRequest(
      t.app,
      dmsSh,
      'PUT',
      path(arrived.vehicleId),
      booked(1, laterDay, '14:00'),
      {
        signingSecret: dmsBj.signingSecret,
      },
    ).send();
    expect(forged.status).toBe(401);
    expect(forged.headers.get('content-type')).toContain('application/problem+json');
    expect(((await forged.json()) as Problem).code).toBe('partner.signature_invalid');
    const expired = await partnerRequest(
      t.app,
      dmsSh,
      'PUT',
      path(arrived.vehicleId),
      booked(1, laterDay, '14:00'),
      {
        timestamp: Math.floor(Date.now() / 1000) - 600,
      },
    ).send();
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as Problem).code).toBe('partner.timestamp_out_of_window');
    expect(await businessState()).toEqual(before);
  });
});

describe('whose cars', () => {
  it("another dealer's car is 404, the same answer as an unknown car, and nothing changes", async () => {
    const before = await businessState();
    const other = await sendPartner<Problem>(
      t.app,
      dmsBj,
      'PUT',
      path(arrived.vehicleId),
      booked(1, laterDay, '14:00'),
    );
    const unknown = await sendPartner<Problem>(
      t.app,
      dmsBj,
      'PUT',
      path('C2B-2099-999999'),
      booked(1, laterDay, '14:00'),
    );
    const reverse = await sendPartner<Problem>(
      t.app,
      dmsSh,
      'PUT',
      path(inPaint.vehicleId),
      booked(1, laterDay, '14:00'),
    );
    for (const res of [other, unknown, reverse]) {
      expect(res.status).toBe(404);
      expect(res.res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.code).toBe('ordering.order_not_found');
    }
    expect(Object.keys(other.body).sort()).toEqual(Object.keys(unknown.body).sort());
    const after = await businessState();
    expect(after).toEqual(before);
  });

  it('its own dealer’s car not yet at the dealer cannot be booked (409), and the version stays unused', async () => {
    const dmsBjOwn = await sendPartner<Problem>(
      t.app,
      dmsBj,
      'PUT',
      path(inPaint.vehicleId),
      booked(1, laterDay, '14:00'),
    );
    expect(dmsBjOwn.status).toBe(409);
    expect(dmsBjOwn.body.code).toBe('ordering.illegal_transition');
    expect(await rows(`select * from partner.source_versions where entity = 'handover'`)).toEqual([]);
  });
});

describe('malformed bodies', () => {
  it('are refused with 400 naming the field, changing nothing', async () => {
    const before = await businessState();
    const cases: [unknown, string][] = [
      [{ sourceVersion: 1 }, 'appointment'],
      [booked(1, laterDay, '14:15'), 'appointment.slotStart'],
      [booked(1, '2026-02-30', '14:00'), 'appointment.day'],
      [{ sourceVersion: 1, appointment: { status: 'moved' } }, 'appointment.status'],
      [booked(1, laterDay, '14:00', { checklistCompleted: ['exterior', 'polish'] }), 'checklistCompleted.1'],
      // the customer's acceptance is not the DMS's to give
      [booked(1, laterDay, '14:00', { accepted: true }), 'accepted'],
      [
        booked(1, laterDay, '14:00', { keysHandedOver: { at: '2026-12-18 10:40', staffName: '李娜' } }),
        'keysHandedOver.at',
      ],
      [
        booked(1, laterDay, '14:00', { keysHandedOver: { at: new Date().toISOString(), staffName: ' ' } }),
        'keysHandedOver.staffName',
      ],
      [booked(-1, laterDay, '14:00'), 'sourceVersion'],
    ];
    for (const [body, field] of cases) {
      const res = await sendPartner<Problem>(t.app, dmsSh, 'PUT', path(arrived.vehicleId), body);
      expect(res.status, field).toBe(400);
      expect(res.res.headers.get('content-type'), field).toContain('application/problem+json');
      expect(
        res.body.errors?.map((e) => e.path),
        field,
      ).toContain(field);
    }
    const badJson = await sendPartner<Problem>(t.app, dmsSh, 'PUT', path(arrived.vehicleId), undefined, {
      rawBody: '{"sourceVersion": 1, "appointment":',
    });
    expect(badJson.status).toBe(400);
    expect(badJson.body.code).toBe('validation.malformed_json');
    const future = await sendPartner<Problem>(
      t.app,
      dmsSh,
      'PUT',
      path(arrived.vehicleId),
      booked(1, tomorrow, '10:00', {
        keysHandedOver: { at: new Date(Date.now() + 3600_000).toISOString(), staffName: '李娜' },
      }),
    );
    expect(future.status).toBe(422);
    expect(future.body.code).toBe('dealers.keys_handed_over_in_future');
    const outside = await sendPartner<Problem>(
      t.app,
      dmsSh,
      'PUT',
      path(arrived.vehicleId),
      booked(1, laterDay, '23:00'),
    );
    expect(outside.status).toBe(422);
    expect(outside.body.code).toBe('dealers.handover_outside_hours');
    expect(await businessState()).toEqual(before);
  });
});

describe('the hand-over of one car through the DMS', () => {
  it('cancels the appointment: the slot goes back, the customer sees it, one event', async () => {
    const slotsBefore = await rows(
      `select * from dealers.handover_slots where vehicle_id = '${arrived.vehicleId}'`,
    );
    expect(slotsBefore).toHaveLength(1);
    const res = await sendPartner<Ack>(t.app, dmsSh, 'PUT', path(arrived.vehicleId), {
      sourceVersion: 1,
      appointment: { status: 'cancelled' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      applied: true,
      entity: 'handover',
      naturalKey: `DLR-SH/${arrived.vehicleId}`,
      version: '1',
      id: arrived.vehicleId,
    });
    expect((await handoverOf(arrived.vehicleId)).status).toBe('cancelled');
    expect(
      await rows(`select * from dealers.handover_slots where vehicle_id = '${arrived.vehicleId}'`),
    ).toEqual([]);
    const order = await orderOf(arrived.id);
    expect(order.state).toBe('at_dealer');
    expect(order.timeline.at(-1)).toMatchObject({
      kind: 'handover_cancelled',
      data: { day: tomorrow, slotStart: '10:00' },
    });
    expect(await outboxOf(arrived.vehicleId, 'dealers.handover_cancelled')).toHaveLength(1);
  });

  it('refuses checklist items while no appointment is booked (409), using up no version', async () => {
    const before = await businessState();
    const res = await sendPartner<Problem>(t.app, dmsSh, 'PUT', path(arrived.vehicleId), {
      sourceVersion: 2,
      appointment: { status: 'cancelled' },
      checklistCompleted: ['exterior'],
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('dealers.handover_not_open');
    expect(await businessState()).toEqual(before);
  });

  it('books it again on another day with checklist items; the staff see what the DMS sent', async () => {
    const res = await sendPartner<Ack>(
      t.app,
      dmsSh,
      'PUT',
      path(arrived.vehicleId),
      booked(2, laterDay, '14:00', { checklistCompleted: ['exterior', 'interior', 'exterior'] }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ applied: true, version: '2' });
    const handover = await handoverOf(arrived.vehicleId);
    expect(handover).toMatchObject({ day: laterDay, slotStart: '14:00', slotEnd: '15:00', status: 'booked' });
    expect(handover.checklist.filter((c) => c.checked).map((c) => c.item)).toEqual(['exterior', 'interior']);
    const slots = (await rows(
      `select day from dealers.handover_slots where vehicle_id = '${arrived.vehicleId}'`,
    )) as {
      day: unknown;
    }[];
    expect(
      slots.map((s) => (s.day instanceof Date ? s.day.toISOString() : String(s.day)).slice(0, 10)),
    ).toEqual([laterDay]);
    const order = await orderOf(arrived.id);
    expect(order.promisedDeliveryDate).toBe(laterDay);
    expect(order.timeline.at(-1)).toMatchObject({
      kind: 'handover_booked',
      data: { day: laterDay, slotStart: '14:00' },
    });
    const events = await outboxOf(arrived.vehicleId, 'dealers.handover_booked');
    expect(events.at(-1)?.payload).toMatchObject({ day: laterDay, slotStart: '14:00', previousDay: null });
  });

  it('a re-send of the same version gets the same answer and changes nothing', async () => {
    const body = booked(2, laterDay, '14:00', { checklistCompleted: ['exterior', 'interior', 'exterior'] });
    const before = await businessState();
    const again = await sendPartner<Ack>(t.app, dmsSh, 'PUT', path(arrived.vehicleId), body);
    expect(again.status).toBe(200);
    expect(again.res.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toMatchObject({ applied: true, version: '2', id: arrived.vehicleId });
    expect(await businessState()).toEqual(before);
  });

  it('the whole checklist completes it for the customer; a newer version of the same facts adds nothing', async () => {
    const res = await sendPartner<Ack>(
      t.app,
      dmsSh,
      'PUT',
      path(arrived.vehicleId),
      booked(3, laterDay, '14:00', { checklistCompleted: [...CHECKLIST_ITEMS] }),
    );
    expect(res.body).toMatchObject({ applied: true, version: '3' });
    expect((await handoverOf(arrived.vehicleId)).checklistComplete).toBe(true);
    expect(await outboxOf(arrived.vehicleId, 'dealers.handover_checklist_completed')).toHaveLength(1);
    const timeline = (await orderOf(arrived.id)).timeline;
    expect(timeline.filter((e) => e.kind === 'handover_checklist_completed')).toHaveLength(1);

    const before = await businessState();
    const same = await sendPartner<Ack>(
      t.app,
      dmsSh,
      'PUT',
      path(arrived.vehicleId),
      booked(4, laterDay, '14:00', { checklistCompleted: [...CHECKLIST_ITEMS] }),
    );
    expect(same.body).toMatchObject({ applied: true, version: '4' });
    const after = await businessState();
    // only the version moved: no event, no timeline entry, no hand-over change
    expect({ ...after, versions: [] }).toEqual({ ...before, versions: [] });
    expect(after.versions).not.toEqual(before.versions);
  });

  it('an older version is answered stale and changes nothing', async () => {
    const before = await businessState();
    const stale = await sendPartner<Ack>(t.app, dmsSh, 'PUT', path(arrived.vehicleId), {
      sourceVersion: 1,
      appointment: { status: 'cancelled' },
    });
    expect(stale.status).toBe(200);
    expect(stale.body).toEqual({
      applied: false,
      reason: 'stale',
      entity: 'handover',
      naturalKey: `DLR-SH/${arrived.vehicleId}`,
      version: '1',
      appliedVersion: '4',
      id: arrived.vehicleId,
    });
    expect(await businessState()).toEqual(before);
    expect((await handoverOf(arrived.vehicleId)).status).toBe('booked');
  });

  it('cannot record the keys before the customer accepted (409); the acceptance stays the customer’s', async () => {
    const at = new Date(Date.now() - 60_000).toISOString();
    const before = await businessState();
    const early = await sendPartner<Problem>(
      t.app,
      dmsSh,
      'PUT',
      path(arrived.vehicleId),
      booked(5, laterDay, '14:00', {
        checklistCompleted: [...CHECKLIST_ITEMS],
        keysHandedOver: { at, staffName: '李娜' },
      }),
    );
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('dealers.handover_not_accepted');
    expect(await businessState()).toEqual(before);
    expect((await orderOf(arrived.id)).state).toBe('at_dealer');
    // the checklist is complete, but the balance is still due: the customer cannot accept yet either
    const notPaid = await customer.json<Problem>('POST', `/store/orders/${arrived.id}/accept-delivery`);
    expect(notPaid.status).toBe(409);
    expect(notPaid.body.code).toBe('ordering.delivery_not_ready');
    expect(notPaid.body['checklistLeft']).toEqual([]);
    expect(notPaid.body['balanceDue']).toBeGreaterThan(0);
  });

  it('records the keys once the customer paid and accepted; the event names no person', async () => {
    await payAs(t, customer, arrived.id, 'balance');
    const accepted = await customer.json<{ order: Order }>(
      'POST',
      `/store/orders/${arrived.id}/accept-delivery`,
    );
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.order.state).toBe('delivered');

    const at = new Date(Date.now() - 60_000);
    const res = await sendPartner<Ack>(
      t.app,
      dmsSh,
      'PUT',
      path(arrived.vehicleId),
      booked(5, laterDay, '14:00', {
        checklistCompleted: [...CHECKLIST_ITEMS],
        keysHandedOver: { at: at.toISOString(), staffName: ' 李娜 ' },
      }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ applied: true, version: '5' });
    const handover = await handoverOf(arrived.vehicleId);
    expect(handover.status).toBe('completed');
    expect(handover.keysHandedOver).toEqual({ at: at.toISOString(), staffName: '李娜' });
    const events = await outboxOf(arrived.vehicleId, 'dealers.keys_handed_over');
    expect(events).toHaveLength(1);
    expect(events[0]?.payload).toMatchObject({
      vehicleId: arrived.vehicleId,
      handedOverAt: at.toISOString(),
    });
    expect(JSON.stringify(events)).not.toContain('李娜');

    // a completed hand-over is neither moved nor cancelled (409), and nothing changes
    const before = await businessState();
    const move = await sendPartner<Problem>(
      t.app,
      dmsSh,
      'PUT',
      path(arrived.vehicleId),
      booked(6, laterDay, '15:00'),
    );
    expect(move.status).toBe(409);
    const cancel = await sendPartner<Problem>(t.app, dmsSh, 'PUT', path(arrived.vehicleId), {
      sourceVersion: 6,
      appointment: { status: 'cancelled' },
    });
    expect(cancel.status).toBe(409);
    expect(cancel.body.code).toBe('dealers.handover_completed');
    expect(await businessState()).toEqual(before);
  });

  it('logs every request of the DMS key for the admin', async () => {
    const log = await admin.json<{ items: { result: string; code: string | null; endpoint: string }[] }>(
      'GET',
      `/admin/partner-requests?keyId=${dmsSh.id}&limit=100`,
    );
    expect(log.status).toBe(200);
    expect(new Set(log.body.items.map((e) => e.endpoint))).toContain(
      'PUT /partner/dms/handovers/{vehicleId}',
    );
    const results = log.body.items.map((e) => e.result);
    expect(results).toEqual(expect.arrayContaining(['applied', 'duplicate', 'stale', 'refused']));
    expect(log.body.items.filter((e) => e.result === 'refused').map((e) => e.code)).toEqual(
      expect.arrayContaining([
        'partner.timestamp_out_of_window',
        'ordering.order_not_found',
        'dealers.handover_not_accepted',
        'validation.invalid_request',
      ]),
    );
  });
});
