/**
 * Reservations under concurrency, on PGlite and (with DATABASE_URL) PostgreSQL, where the pool
 * gives real concurrency: each reservation is its own transaction started from Promise.all.
 */
import { encodeConfiguration, type Selection } from '@openc2b/configurator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.ts';
import { type Ctx, systemCtx } from '../../platform/context.ts';
import { seedDemoData } from '../../seed/index.ts';
import { createTestApp, type TestApp } from '../../testing/create-test-app.ts';
import { deriveConfiguration, getLiveModelLine, loadVersion } from '../catalog/index.ts';
import { findOrganisationByCode } from '../identity/index.ts';
import {
  cancelVehicle,
  deleteOptionRule,
  type Line,
  listLines,
  listOptionRules,
  putCalendarException,
  registerVehicle,
  reserveDeliveryDate,
  updateLineSettings,
} from './index.ts';

let t: TestApp;
let ctx: Ctx;
let line: Line;
let dealerId: string;
let versionId: string;
let selection: Selection;
let code: string;

// Thursday 2026-12-03, 10:00 in Nanjing. Frozen until Tue 12-08.
const NOW = '2026-12-03T02:00:00Z';
// Production day Mon 12-14 (capacity set to 50) -> ships Wed 12-16 -> Shanghai (1 day) Thu 12-17.
const DAY = '2026-12-14';
const DELIVERY = '2026-12-17';

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock(NOW) });
  await seedDemoData(t.deps);
  ctx = systemCtx(t.deps, 'test');
  const found = (await listLines(ctx)).find((l) => l.code === 'NJ-A1');
  if (!found) throw new Error('demo line missing');
  // One production day per date (no building early) and no option limits: only capacity counts.
  line = await updateLineSettings(ctx, found.id, { ...found, storageSlackDays: 0 });
  for (const r of await listOptionRules(ctx, line.id)) await deleteOptionRule(ctx, line.id, r.id);
  await putCalendarException(ctx, line.id, {
    date: DAY,
    kind: 'overtime',
    shifts: 2,
    carsPerShift: 25,
    reason: { 'zh-CN': '测试', en: 'test' },
  });
  dealerId = (await findOrganisationByCode(ctx, 'DLR-SH'))?.id ?? '';
  const live = await getLiveModelLine(ctx, 'qc-d90-pro');
  const loaded = await loadVersion(ctx, live.version.id);
  if (!loaded) throw new Error('no live version');
  versionId = live.version.id;
  const derived = deriveConfiguration(loaded.model, loaded.compiled, { selection: loaded.model.defaults ?? {} });
  if (!derived.ok) throw new Error('defaults invalid');
  selection = derived.selection;
  code = encodeConfiguration(loaded.compiled, selection);
}, 180_000);

afterAll(async () => {
  await t?.close();
});

const vehicleId = (i: number) => `C2B-2026-${String(900000 + i).padStart(6, '0')}`;

async function register(i: number) {
  return registerVehicle(ctx, {
    vehicleId: vehicleId(i),
    orderId: `ord_test${String(i).padStart(22, '0')}`,
    modelLine: 'qc-d90-pro',
    versionId,
    configurationCode: code,
    selection,
    dealerOrgId: dealerId,
  });
}

const dayRow = async () =>
  t.db
    .selectFrom('production.days')
    .select(['capacity', 'reserved'])
    .where('line_id', '=', line.id)
    .where('day', '=', DAY)
    .executeTakeFirstOrThrow();

describe('reservations', () => {
  it('registers a vehicle idempotently', async () => {
    const first = await register(0);
    const again = await register(0);
    expect(again).toEqual(first);
    expect(first).toMatchObject({ vehicleId: vehicleId(0), lineId: line.id, state: 'planned', deliveryDate: null });
  });

  it('200 concurrent reservations against a day with capacity 50 leave exactly 50 reserved', async () => {
    for (let i = 1; i <= 200; i++) await register(i);
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => reserveDeliveryDate(ctx, vehicleId(i + 1), DELIVERY)),
    );
    const ok = results.filter((r) => r.ok);
    const refused = results.filter((r) => !r.ok);
    expect(ok).toHaveLength(50);
    expect(refused).toHaveLength(150);
    for (const r of refused) {
      expect(r).toMatchObject({ ok: false });
      if (!r.ok) expect(['no_capacity', 'date_unavailable']).toContain(r.reason);
    }
    expect(await dayRow()).toEqual({ capacity: 50, reserved: 50 });
    const planned = await t.db
      .selectFrom('production.vehicles')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('production_day', '=', DAY)
      .executeTakeFirstOrThrow();
    expect(Number(planned.n)).toBe(50);
    // A refused car names the reason and the next date that is still free.
    const last = refused[0];
    if (last && !last.ok) {
      expect(last.reasons.map((r) => r.code)).toContain('line_full');
      expect(last.nextAvailable).not.toBeNull();
      expect(last.nextAvailable! > DELIVERY).toBe(true);
    }
  });

  it('re-reserving releases the old date, cancelling releases too', async () => {
    const winner = (
      await t.db
        .selectFrom('production.vehicles')
        .select('vehicle_id')
        .where('production_day', '=', DAY)
        .orderBy('vehicle_id')
        .executeTakeFirstOrThrow()
    ).vehicle_id;
    const moved = await reserveDeliveryDate(ctx, winner, '2026-12-18');
    expect(moved).toMatchObject({ ok: true, deliveryDate: '2026-12-18', productionDay: '2026-12-15', changed: true });
    expect((await dayRow()).reserved).toBe(49);
    const same = await reserveDeliveryDate(ctx, winner, '2026-12-18');
    expect(same).toMatchObject({ ok: true, changed: false });
    const other = (
      await t.db
        .selectFrom('production.vehicles')
        .select('vehicle_id')
        .where('production_day', '=', DAY)
        .orderBy('vehicle_id')
        .executeTakeFirstOrThrow()
    ).vehicle_id;
    await cancelVehicle(ctx, other, 'customer cancelled');
    expect((await dayRow()).reserved).toBe(48);
    await expect(reserveDeliveryDate(ctx, other, DELIVERY)).rejects.toMatchObject({ code: 'production.vehicle_cancelled' });
  });

  it('refuses a date the calendar does not offer, with reasons and the next available date', async () => {
    const r = await reserveDeliveryDate(ctx, vehicleId(0), '2026-12-08');
    expect(r).toMatchObject({ ok: false, reason: 'date_unavailable' });
    if (!r.ok) {
      expect(r.reasons.map((x) => x.code)).toEqual(['frozen_horizon']);
      expect(r.nextAvailable).toBe('2026-12-12');
    }
  });
});
