/**
 * WMS part arrivals through the partner API: a plant's (or the brand's) WMS reports deliveries;
 * they cover the plant's open call-offs, complete ones become received, and a late or short
 * arrival re-promises the cars it holds up through production (reason part_late, shown in the
 * car's delivery changes). Arrivals are facts: the same one again gets the same answer, other
 * content under its id is refused and changes nothing.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CallOff,
  freezeDay,
  getVehicleProgress,
  type Line,
  listDayCallOffs,
  listLines,
  reserveDeliveryDate,
} from '../../modules/production/index.ts';
import { type ManualClock, manualClock } from '../../platform/clock.ts';
import { type Ctx, systemCtx } from '../../platform/context.ts';
import { seedDemoData } from '../../seed/index.ts';
import { createTestApp, type TestApp } from '../../testing/create-test-app.ts';
import { type PartnerKey, sendPartner } from '../../testing/partner-client.ts';
import { createPartnerKey } from '../../testing/partner-keys.ts';
import { registerCar, sampledConfigurations } from '../production-fixtures.ts';
import { type TestClient, testClient } from '../test-client.ts';

// As in the production tests: Thursday 2026-10-29 in Nanjing; production day Wed 12-09 ships
// Fri 12-11 and reaches Shanghai Sat 12-12. Daily call-offs are due the day before (12-08),
// sequenced ones on the day.
const NOW = '2026-10-29T02:00:00Z';
const DAY = '2026-12-09';
const DELIVERY = '2026-12-12';

type Ack = { applied: boolean; entity: string; naturalKey: string; version: string; id: string };
type Problem = { status: number; code: string; errors?: { path: string }[] };

let t: TestApp;
let clock: ManualClock;
let ctx: Ctx;
let line: Line;
let admin: TestClient;
let plantWms: PartnerKey;
let brandWms: PartnerKey;
let erp: PartnerKey;
const cars: string[] = [];

async function createKey(name: string, orgCode: string, scopes: string[]): Promise<PartnerKey> {
  const orgs = await admin.json<{ items: { id: string; code: string }[] }>('GET', '/admin/organisations');
  const orgId = orgs.body.items.find((o) => o.code === orgCode)?.id;
  return createPartnerKey(admin, { name, orgId, scopes });
}

const callOffs = () => listDayCallOffs(ctx, line.id, DAY);
const callOff = async (id: string): Promise<CallOff> => {
  const found = (await callOffs()).find((c) => c.id === id);
  if (!found) throw new Error(`no call-off ${id}`);
  return found;
};
// Signed at the server's (manual) time, as a system whose clock is right would.
const signedNow = () => ({ timestamp: Math.floor(clock.now().getTime() / 1000) });
const arrive = (key: PartnerKey, id: string, body: Record<string, unknown>) =>
  sendPartner<Ack & Problem>(t.app, key, 'PUT', `/partner/wms/arrivals/${id}`, body, signedNow());
const repromised = async () =>
  (
    await sql<{ aggregate_id: string; payload: Record<string, unknown> }>`
      select aggregate_id, payload from platform.outbox where type = 'production.delivery_repromised' order by seq`.execute(
      t.db,
    )
  ).rows;
const state = async () => ({
  arrivals: (await sql`select * from production.part_arrivals order by arrival_id`.execute(t.db)).rows,
  receipts: (await sql`select * from production.calloff_receipts order by 1, 2, 3`.execute(t.db)).rows,
  callOffs: (await sql`select id, status, received_at from production.calloffs order by id`.execute(t.db))
    .rows,
  vehicles: (await sql`select vehicle_id, delivery_date from production.vehicles order by 1`.execute(t.db))
    .rows,
  outbox: (await sql`select id from platform.outbox order by seq`.execute(t.db)).rows,
});

beforeAll(async () => {
  clock = manualClock(NOW);
  t = await createTestApp({ clock });
  await seedDemoData(t.deps);
  ctx = systemCtx(t.deps, 'test');
  const found = (await listLines(ctx)).find((l) => l.code === 'NJ-A1');
  if (!found) throw new Error('demo line missing');
  line = found;
  for (const [i, configuration] of (await sampledConfigurations(ctx, 'qc-d90-pro', 6, 21)).entries()) {
    const car = await registerCar(ctx, { n: 5000 + i, configuration, dealerCode: 'DLR-SH' });
    const reserved = await reserveDeliveryDate(ctx, car.vehicleId, DELIVERY);
    if (reserved.ok && reserved.productionDay === DAY) cars.push(car.vehicleId);
  }
  await freezeDay(ctx, line.id, DAY);
  admin = testClient(t.app);
  expect((await admin.signIn('admin@qicheng.example')).status).toBe(200);
  plantWms = await createKey('Nanjing WMS', 'QC-PLANT-NJ', ['wms:arrivals']);
  brandWms = await createKey('Central WMS', 'QC-HQ', ['wms:arrivals']);
  erp = await createKey('ERP', 'QC-HQ', ['erp:parts']);
}, 180_000);

afterAll(async () => {
  await t?.close();
});

describe('WMS arrivals', () => {
  it('has a frozen day with call-offs to receive', async () => {
    expect(cars.length).toBeGreaterThan(2);
    const all = await callOffs();
    expect(all.some((c) => c.kind === 'sequenced')).toBe(true);
    expect(all.some((c) => c.kind === 'daily')).toBe(true);
    expect(all.every((c) => c.status === 'open' && c.items.every((i) => i.received === 0))).toBe(true);
  });

  it('on time and complete: the call-off is received and no car moves', async () => {
    const daily = (await callOffs())
      .filter((c) => c.kind === 'daily')
      .sort((a, b) => a.items.length - b.items.length)[0];
    if (!daily) throw new Error('no daily call-off');
    for (const [n, item] of daily.items.entries()) {
      const res = await arrive(plantWms, `GR-ON-${n}`, {
        partNumber: item.partNumber,
        quantity: item.quantity,
        arrivedAt: '2026-12-07T09:00:00+08:00',
        callOffReference: daily.id,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toEqual({
        applied: true,
        entity: 'part_arrival',
        naturalKey: `QC-PLANT-NJ/GR-ON-${n}`,
        version: 'fact',
        id: `GR-ON-${n}`,
      });
    }
    const after = await callOff(daily.id);
    expect(after.status).toBe('received');
    expect(after.receivedAt).not.toBeNull();
    expect(after.items.every((i) => i.received === i.quantity)).toBe(true);
    expect(await repromised()).toEqual([]);
  });

  it('the same arrival again gets the same answer; other content under its id is refused, changing nothing', async () => {
    const daily = (await callOffs()).find((c) => c.status === 'received');
    const item = daily?.items[0];
    if (!daily || !item) throw new Error('no received call-off');
    const body = {
      partNumber: item.partNumber,
      quantity: item.quantity,
      arrivedAt: '2026-12-07T09:00:00+08:00',
      callOffReference: daily.id,
    };
    const before = await state();
    const again = await arrive(plantWms, 'GR-ON-0', body);
    expect(again.status).toBe(200);
    expect(again.body.applied).toBe(true);
    expect(again.res.headers.get('idempotent-replayed')).toBe('true');
    const changed = await arrive(plantWms, 'GR-ON-0', { ...body, quantity: item.quantity + 1 });
    expect(changed.status).toBe(409);
    expect(changed.body.code).toBe('partner.fact_changed');
    expect(await state()).toEqual(before);
  });

  it('late: the cars that need the part are re-promised, and their timeline says why', async () => {
    const daily = (await callOffs()).find((c) => c.kind === 'daily' && c.status === 'open');
    const item = daily?.items[0];
    if (!daily || !item) throw new Error('no open daily call-off');
    const res = await arrive(brandWms, 'GR-LATE-1', {
      plantCode: 'QC-PLANT-NJ',
      partNumber: item.partNumber,
      quantity: item.quantity,
      arrivedAt: '2026-12-11T10:00:00+08:00',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const moved = (await repromised()).filter(
      (e) =>
        e.payload['detail'] && (e.payload['detail'] as Record<string, unknown>)['cause'] === 'late_arrival',
    );
    expect(moved.length).toBe(item.vehicles);
    for (const e of moved) {
      expect(cars).toContain(e.aggregate_id);
      expect(e.payload).toMatchObject({ reason: 'part_late', previousDate: DELIVERY });
      expect(String(e.payload['newDate']) > DELIVERY).toBe(true);
      expect(e.payload['detail']).toMatchObject({ partNumbers: [item.partNumber], arrivedOn: '2026-12-11' });
      const progress = await getVehicleProgress(ctx, e.aggregate_id);
      expect(progress.deliveryChanges.at(-1)).toMatchObject({
        reason: 'part_late',
        newDate: e.payload['newDate'],
      });
    }
    const after = await callOff(daily.id);
    expect(after.items.find((i) => i.itemNo === item.itemNo)?.received).toBe(item.quantity);
  });

  it('short: the cars the arrival does not cover are re-promised for the rest', async () => {
    const jis = (await callOffs()).find(
      (c) => c.kind === 'sequenced' && new Set(c.items.map((i) => i.partNumber)).size < c.items.length,
    );
    if (!jis) throw new Error('no sequenced call-off with a part for several cars');
    const partNumber =
      jis.items.find((i, _, all) => all.filter((j) => j.partNumber === i.partNumber).length > 1)
        ?.partNumber ?? '';
    const items = jis.items.filter((i) => i.partNumber === partNumber);
    const last = items.at(-1);
    if (!last) throw new Error('no items');
    const total = items.reduce((n, i) => n + i.quantity, 0);
    const before = (await repromised()).length;
    const res = await arrive(plantWms, 'GR-SHORT-1', {
      partNumber,
      quantity: total - last.quantity,
      arrivedAt: '2026-12-09T07:00:00+08:00',
      callOffReference: jis.id,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const moved = (await repromised()).slice(before);
    // the last car in line gets nothing; everyone before it is covered
    expect(moved.map((e) => e.aggregate_id)).toEqual([last.vehicleId]);
    expect(moved[0]?.payload['detail']).toMatchObject({ cause: 'short_arrival', missing: last.quantity });
    const after = await callOff(jis.id);
    expect(after.status).not.toBe('received');
    expect(after.items.find((i) => i.itemNo === last.itemNo)?.received).toBe(0);
  });

  it('keeps each key to its plant and scope, and names bad fields', async () => {
    const body = { partNumber: 'QC-PNT-ECOAT', quantity: 1, arrivedAt: '2026-12-07T09:00:00+08:00' };
    const before = await state();
    const other = await arrive(plantWms, 'GR-X-1', { ...body, plantCode: 'QC-HQ' });
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('partner.plant_not_yours');
    const noPlant = await arrive(brandWms, 'GR-X-2', body);
    expect(noPlant.status).toBe(400);
    expect(noPlant.body.errors?.map((e) => e.path)).toEqual(['plantCode']);
    expect((await arrive(erp, 'GR-X-3', body)).status).toBe(403);
    expect((await sendPartner(t.app, plantWms, 'PUT', '/partner/erp/parts/QC-PNT-ECOAT', {})).status).toBe(
      403,
    );
    const bad = await arrive(plantWms, 'GR-X-4', { ...body, quantity: 0, arrivedAt: 'yesterday' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.path).sort()).toEqual(['arrivedAt', 'quantity']);
    const wrongCallOff = await arrive(plantWms, 'GR-X-5', {
      ...body,
      partNumber: 'QC-NO-SUCH-PART',
      callOffReference: (await callOffs())[0]?.id,
    });
    expect(wrongCallOff.status).toBe(422);
    expect(wrongCallOff.body.code).toBe('production.arrival_not_in_calloff');
    expect({ ...(await state()) }).toEqual(before);
    // an arrival no call-off waits for is recorded and covers nothing
    const spare = await arrive(plantWms, 'GR-SPARE-1', {
      partNumber: 'QC-NO-SUCH-PART',
      quantity: 5,
      arrivedAt: '2026-12-07T09:00:00+08:00',
    });
    expect(spare.status).toBe(200);
    const rows = (
      await sql`select * from production.calloff_receipts where arrival_id = 'QC-PLANT-NJ/GR-SPARE-1'`.execute(
        t.db,
      )
    ).rows;
    expect(rows).toEqual([]);
  });
});
