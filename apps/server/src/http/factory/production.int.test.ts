/**
 * The planner console and the stations through HTTP: plant model, day plans, the sequencing job
 * in its worker thread, freezing (and the 409s after it), automatic freezing at the horizon,
 * tracking with the VIN, QC rework and re-promise; and that another plant is invisible.
 */
import { sequenceDay } from '@openc2b/sequencer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, createStaffUser, findOrganisationByCode } from '../../modules/identity/index.ts';
import {
  createLine,
  isValidVin,
  type Line,
  listLines,
  reserveDeliveryDate,
  scheduleProductionJobs,
} from '../../modules/production/index.ts';
import { type ManualClock, manualClock } from '../../platform/clock.ts';
import { type Ctx, systemCtx } from '../../platform/context.ts';
import { seedDemoData } from '../../seed/index.ts';
import { createTestApp, type TestApp } from '../../testing/create-test-app.ts';
import {
  configurationOf,
  registerCar,
  sampledConfigurations,
  testVehicleId,
} from '../production-fixtures.ts';
import { type TestClient, testClient } from '../test-client.ts';

// Thursday 2026-10-29, 10:00 in Nanjing: frozen until Tue 11-03; the slowest demo parts (35 days)
// are there by 12-03.
const NOW = '2026-10-29T02:00:00Z';
// Production day Wed 12-09 ships Fri 12-11 and reaches Shanghai Sat 12-12.
const DAY = '2026-12-09';
const DELIVERY = '2026-12-12';

type Problem = {
  code: string;
  errors?: { path: string }[];
  currentStep?: string;
  allowed?: string[];
  reasons?: { code: string }[];
};
type Rule = { id: string; code: string; n: number; p: number; priority: 'high' | 'low' };
type Plan = {
  capacity: number;
  reserved: number;
  frozenAt: string | null;
  needsSequencing: boolean;
  vehicles: { vehicleId: string; colour: string; ruleCodes: string[]; sequencePosition: number | null }[];
  latestRun: { id: string } | null;
};
type Run = {
  id: string;
  status: string;
  progress: { iterations: number; bestScore: number; components: Record<string, number> } | null;
  result: {
    applied: boolean;
    order: string[];
    objective: { before: number; after: number };
    components: { before: Record<string, number>; after: Record<string, number> };
    violations: {
      rules: { code: string; before: number; after: number; priority: string }[];
      colourChanges: { before: number; after: number };
      batchLimit: { limit: number; keptAfter: boolean };
    };
  } | null;
};
type Progress = {
  state: string;
  vin: string | null;
  nextSteps: string[];
  deliveryDate: string;
  shipDate: string;
  steps: { step: string; estimatedAt: string | null; actualAt: string | null }[];
  history: { step: string; result: string | null }[];
  deliveryChanges: { reason: string; previousDate: string | null; newDate: string | null }[];
};

let t: TestApp;
let clock: ManualClock;
let ctx: Ctx;
let line: Line;
let planner: TestClient;
let operator: TestClient;
let otherPlanner: TestClient;
let otherOperator: TestClient;
let otherLine: Line;
let supplier: TestClient;
let anonymous: TestClient;
const planned: string[] = [];

const run = (id: string) => planner.json<Run>('GET', `/factory/sequence-runs/${id}`);
const plan = () => planner.json<Plan>('GET', `/factory/lines/${line.id}/days/${DAY}`);
const step = (client: TestClient, vehicleId: string, body: Record<string, unknown>) =>
  client.json<Progress & Problem>('POST', `/factory/vehicles/${vehicleId}/steps`, { body });
const outbox = async (type: string) =>
  (
    await t.db
      .selectFrom('platform.outbox')
      .select(['aggregate_id', 'payload'])
      .where('type', '=', type)
      .orderBy('seq')
      .execute()
  ).map((r) => ({ aggregateId: r.aggregate_id as string, payload: r.payload as Record<string, unknown> }));

beforeAll(async () => {
  clock = manualClock(NOW);
  t = await createTestApp({ clock });
  await seedDemoData(t.deps);
  ctx = systemCtx(t.deps, 'test');
  const found = (await listLines(ctx)).find((l) => l.code === 'NJ-A1');
  if (!found) throw new Error('demo line missing');
  line = found;

  // A second plant with its own planner, station operator and line.
  const wuhan = await createOrganisation(ctx, {
    kind: 'plant',
    code: 'QC-PLANT-WH',
    name: { 'zh-CN': '启程汽车武汉工厂', en: 'Qicheng Motors Wuhan Plant' },
    city: { 'zh-CN': '武汉', en: 'Wuhan' },
    address: null,
    lat: null,
    lng: null,
    phone: null,
    openingHours: null,
  });
  for (const [email, role] of [
    ['planner@wuhan.example', 'planner'],
    ['operator@wuhan.example', 'station_operator'],
  ] as const) {
    await createStaffUser(ctx, { name: email, email, role, orgId: wuhan.id, password: 'demo1234' });
  }
  otherLine = await createLine(ctx, {
    plantOrgId: wuhan.id,
    code: 'WH-A1',
    name: { 'zh-CN': '武汉总装线', en: 'Wuhan final assembly' },
    modelLines: [],
    paintFamily: 'paint',
    paintBatchLimit: 10,
    frozenDays: 2,
    buildDays: 2,
    storageSlackDays: 0,
    reworkDays: 1,
    weekly: line.weekly,
    vin: { wmi: 'LKC', plantCode: 'W', descriptors: {} },
  });

  await signInEveryone();
}, 180_000);

/** Sessions expire after two weeks idle: the tests sign in again when they move the clock far ahead. */
async function signInEveryone() {
  const signIn = async (login: string) => {
    const c = testClient(t.app);
    expect((await c.signIn(login)).status).toBe(200);
    return c;
  };
  planner = await signIn('planner@qicheng.example');
  operator = await signIn('operator@qicheng.example');
  otherPlanner = await signIn('planner@wuhan.example');
  otherOperator = await signIn('operator@wuhan.example');
  supplier = await signIn('supplier@seating.example');
  anonymous = testClient(t.app);
}

afterAll(async () => {
  await t?.close();
});

describe('plant model (planner)', () => {
  it('lists the own plant’s lines only; another plant’s line is 404 both ways', async () => {
    const mine = await planner.json<{ items: { code: string; modelLines: string[] }[] }>(
      'GET',
      '/factory/lines',
    );
    expect(mine.body.items.map((l) => l.code)).toEqual(['NJ-A1', 'NJ-B1']);
    expect(mine.body.items[0]?.modelLines).toEqual(['qc-d90-pro', 'qc-g20']);
    expect((await planner.json<Problem>('GET', `/factory/lines/${otherLine.id}`)).body.code).toBe(
      'production.line_not_found',
    );
    expect((await otherPlanner.json('GET', `/factory/lines/${line.id}`)).status).toBe(404);
    expect((await otherPlanner.json('GET', `/factory/lines/${otherLine.id}`)).status).toBe(200);
    expect(
      (
        await otherPlanner.json('PUT', `/factory/lines/${line.id}/calendar/2026-12-18`, {
          body: { kind: 'holiday', reason: { 'zh-CN': '停产', en: 'Closed' } },
        })
      ).status,
    ).toBe(404);
  });

  it('is closed to other roles: anonymous 401, supplier and station operator 403 on planner routes', async () => {
    expect((await anonymous.json('GET', '/factory/lines')).status).toBe(401);
    expect((await supplier.json('GET', '/factory/lines')).status).toBe(403);
    expect((await operator.json('GET', `/factory/lines/${line.id}`)).status).toBe(403);
    expect((await operator.json('POST', `/factory/lines/${line.id}/days/${DAY}/freeze`)).status).toBe(403);
  });

  it('shows the capacity calendar with holidays, make-up days and overtime', async () => {
    const res = await planner.json<{
      frozenUntil: string;
      days: {
        date: string;
        capacity: number;
        working: boolean;
        exception: { kind: string } | null;
        insideHorizon: boolean;
      }[];
    }>('GET', `/factory/lines/${line.id}/calendar?from=2026-12-07&to=2027-01-04`);
    expect(res.status).toBe(200);
    expect(res.body.frozenUntil).toBe('2026-11-03');
    const day = (d: string) => res.body.days.find((x) => x.date === d);
    expect(day('2026-12-07')).toMatchObject({
      capacity: 48,
      working: true,
      exception: null,
      insideHorizon: false,
    });
    expect(day('2026-12-12')).toMatchObject({ capacity: 24, exception: { kind: 'overtime' } });
    expect(day('2026-12-13')).toMatchObject({ capacity: 0, working: false, exception: null });
    expect(day('2027-01-01')).toMatchObject({ capacity: 0, exception: { kind: 'holiday' } });
    expect(day('2027-01-04')?.capacity).toBe(48);
    const bad = await planner.json<Problem>(
      'GET',
      `/factory/lines/${line.id}/calendar?from=2027-01-04&to=2026-12-07`,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.path)).toEqual(['to']);
  });

  it('sets and removes calendar exceptions', async () => {
    const path = `/factory/lines/${line.id}/calendar/2026-12-30`;
    const reason = { 'zh-CN': '设备检修', en: 'Equipment maintenance' };
    expect(
      (await planner.request('PUT', path, { body: { kind: 'reduced', shifts: 1, carsPerShift: 20, reason } }))
        .status,
    ).toBe(204);
    const cal = await planner.json<{ days: { capacity: number; exception: { reason: { en: string } } }[] }>(
      'GET',
      `/factory/lines/${line.id}/calendar?from=2026-12-30&to=2026-12-30`,
    );
    expect(cal.body.days[0]).toMatchObject({ capacity: 20, exception: { reason } });
    const noCapacity = await planner.json<Problem>('PUT', path, { body: { kind: 'overtime', reason } });
    expect(noCapacity).toMatchObject({ status: 400, body: { code: 'production.capacity_required' } });
    const badKind = await planner.json<Problem>('PUT', path, { body: { kind: 'party', reason } });
    expect(badKind.status).toBe(400);
    expect(badKind.body.errors?.map((e) => e.path)).toEqual(['kind']);
    expect((await planner.request('DELETE', path)).status).toBe(204);
    expect((await planner.json<Problem>('DELETE', path)).body.code).toBe(
      'production.calendar_exception_not_found',
    );
  });

  it('manages N/P rules: codes must exist in the models the line builds', async () => {
    const base = `/factory/lines/${line.id}/option-rules`;
    const rules = await planner.json<{ items: Rule[] }>('GET', base);
    expect(rules.body.items.map((r) => r.code)).toContain('pano-roof');
    const unknown = await planner.json<Problem>('POST', base, {
      body: {
        code: 'tow',
        name: { 'zh-CN': '拖车', en: 'Tow' },
        n: 1,
        p: 4,
        priority: 'low',
        condition: { any: ['TOW_BAR'] },
      },
    });
    expect(unknown).toMatchObject({ status: 422, body: { code: 'production.unknown_option_code' } });
    const bad = await planner.json<Problem>('POST', base, {
      body: {
        code: 'tow',
        name: { 'zh-CN': '拖车', en: 'Tow' },
        n: 3,
        p: 2,
        priority: 'low',
        condition: 'tow-fixed',
      },
    });
    expect(bad).toMatchObject({ status: 400, body: { code: 'production.invalid_ratio' } });
    const created = await planner.json<Rule>('POST', base, {
      body: {
        code: 'tow-bar',
        name: { 'zh-CN': '拖车钩', en: 'Tow bar' },
        n: 1,
        p: 4,
        priority: 'low',
        condition: 'tow-fixed',
      },
    });
    expect(created.status).toBe(201);
    const updated = await planner.json<Rule & { active: boolean }>('PUT', `${base}/${created.body.id}`, {
      body: {
        name: { 'zh-CN': '拖车钩', en: 'Tow bar' },
        n: 2,
        p: 5,
        priority: 'low',
        condition: 'tow-fixed',
        active: false,
      },
    });
    expect(updated.body).toMatchObject({ n: 2, p: 5, active: false });
    expect((await planner.request('DELETE', `${base}/${created.body.id}`)).status).toBe(204);
    expect((await planner.json('DELETE', `${base}/${created.body.id}`)).status).toBe(404);
  });

  it('sets transport days to dealers only', async () => {
    const beijing = (await findOrganisationByCode(ctx, 'DLR-BJ'))?.id ?? '';
    const seat = (await findOrganisationByCode(ctx, 'SUP-SEAT'))?.id ?? '';
    const list = await planner.json<{ items: { dealerId: string; days: number }[] }>(
      'GET',
      '/factory/transport-days',
    );
    expect(list.body.items).toHaveLength(5);
    expect(list.body.items.find((r) => r.dealerId === beijing)?.days).toBe(3);
    expect(
      (await planner.json('PUT', `/factory/transport-days/${beijing}`, { body: { days: 2 } })).status,
    ).toBe(200);
    expect(
      (await planner.json('PUT', `/factory/transport-days/${beijing}`, { body: { days: 3 } })).status,
    ).toBe(200);
    expect(
      (await planner.json<Problem>('PUT', `/factory/transport-days/${seat}`, { body: { days: 2 } })).body
        .code,
    ).toBe('production.dealer_not_found');
    expect(
      (await planner.json<Problem>('PUT', `/factory/transport-days/${beijing}`, { body: { days: -1 } }))
        .status,
    ).toBe(400);
  });

  it('refuses a weekly pattern that is not seven days', async () => {
    const res = await planner.json<Problem>('PUT', `/factory/lines/${line.id}/weekly-pattern`, {
      body: { weekly: line.weekly.slice(0, 6) },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.path).toBe('weekly');
  });
});

describe('planning and sequencing a day', () => {
  beforeAll(async () => {
    // Thirty real, varied cars of both model lines of the line, all for the same delivery date.
    const configs = [
      ...(await sampledConfigurations(ctx, 'qc-d90-pro', 20, 11)),
      ...(await sampledConfigurations(ctx, 'qc-g20', 10, 12)),
    ];
    for (const [i, configuration] of configs.entries()) {
      const car = await registerCar(ctx, { n: 1000 + i, configuration, dealerCode: 'DLR-SH' });
      const reserved = await reserveDeliveryDate(ctx, car.vehicleId, DELIVERY);
      if (reserved.ok && reserved.productionDay === DAY) planned.push(car.vehicleId);
    }
  }, 120_000);

  it('lists the day’s cars with colours and the rules they count towards', async () => {
    const res = await plan();
    expect(res.status).toBe(200);
    expect(planned.length).toBeGreaterThan(20);
    expect(res.body.reserved).toBe(planned.length);
    expect(res.body.vehicles.map((v) => v.vehicleId).sort()).toEqual([...planned].sort());
    expect(res.body.needsSequencing).toBe(true);
    expect(new Set(res.body.vehicles.map((v) => v.colour)).size).toBeGreaterThan(3);
    expect(res.body.vehicles.some((v) => v.ruleCodes.length > 0)).toBe(true);
  });

  it('runs the sequencer in a background job with progress and results, deterministically for a seed', async () => {
    const before = (await plan()).body;
    const rules = (await planner.json<{ items: Rule[] }>('GET', `/factory/lines/${line.id}/option-rules`))
      .body.items;
    const idOf = new Map(rules.map((r) => [r.code, r.id]));
    const started = await planner.json<Run>('POST', `/factory/lines/${line.id}/days/${DAY}/sequence-runs`, {
      body: { seconds: 60, seed: 7, maxIterations: 20_000 },
    });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'queued', progress: null, result: null });
    expect((await run(started.body.id)).body.status).toBe('queued');

    await t.deps.jobs.runDue();

    const done = (await run(started.body.id)).body;
    expect(done.status).toBe('done');
    expect(done.progress?.iterations).toBe(20_000);
    const result = done.result;
    if (!result) throw new Error('no result');
    expect(result.applied).toBe(true);
    expect([...result.order].sort()).toEqual([...planned].sort());
    expect(result.objective.after).toBeLessThanOrEqual(result.objective.before);
    // The objective is the weighted sum of its components, before and after.
    const weigh = (c: Record<string, number>) =>
      (c['hprc'] ?? 0) * 1e6 + (c['pcc'] ?? 0) * 1e3 + (c['lprc'] ?? 0);
    expect(weigh(result.components.after)).toBe(result.objective.after);
    expect(weigh(result.components.before)).toBe(result.objective.before);
    // Violations by constraint add up to the components.
    const sum = (priority: string, k: 'before' | 'after') =>
      result.violations.rules.filter((r) => r.priority === priority).reduce((s, r) => s + r[k], 0);
    expect(sum('high', 'after')).toBe(result.components.after['hprc']);
    expect(sum('low', 'after')).toBe(result.components.after['lprc']);
    expect(result.violations.colourChanges.after).toBe(result.components.after['pcc']);
    expect(result.violations.batchLimit).toMatchObject({ limit: 10, keptAfter: true });
    expect(result.violations.rules.map((r) => r.code).sort()).toEqual(rules.map((r) => r.code).sort());

    // The same seed and budget on the same day give the same order (independently recomputed).
    const expected = sequenceDay(
      {
        cars: before.vehicles.map((v) => ({
          id: v.vehicleId,
          colour: v.colour,
          options: v.ruleCodes.map((c) => idOf.get(c) ?? c),
        })),
        previous: [],
        ratios: rules.map((r) => ({ option: r.id, n: r.n, p: r.p, priority: r.priority })),
        paintBatchLimit: 10,
      },
      { seconds: 60, seed: 7, maxIterations: 20_000 },
    );
    expect(result.order).toEqual(expected.order);
    expect(result.objective.after).toBe(expected.score);

    const after = (await plan()).body;
    expect(after.needsSequencing).toBe(false);
    expect(after.vehicles.map((v) => v.vehicleId)).toEqual(result.order);
    expect(after.vehicles.map((v) => v.sequencePosition)).toEqual(result.order.map((_, i) => i + 1));
    expect(after.latestRun?.id).toBe(started.body.id);
    const events = await outbox('production.day_sequenced');
    expect(events.at(-1)?.payload).toMatchObject({
      day: DAY,
      runId: started.body.id,
      vehicleIds: result.order,
    });
  });

  it('refuses bad run requests and empty days', async () => {
    const bad = await planner.json<Problem>('POST', `/factory/lines/${line.id}/days/${DAY}/sequence-runs`, {
      body: { seconds: 0 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.path)).toEqual(['seconds']);
    const empty = await planner.json<Problem>(
      'POST',
      `/factory/lines/${line.id}/days/2026-12-29/sequence-runs`,
      {
        body: {},
      },
    );
    expect(empty).toMatchObject({ status: 409, body: { code: 'production.day_empty' } });
    expect((await planner.json('GET', '/factory/sequence-runs/seq_nope')).status).toBe(404);
    expect(
      (await otherPlanner.json('GET', `/factory/sequence-runs/${(await plan()).body.latestRun?.id}`)).status,
    ).toBe(404);
  });

  it('keeps capacity above what is planned, and counts cars again when a rule changes', async () => {
    const holiday = await planner.json<Problem & { reserved?: number }>(
      'PUT',
      `/factory/lines/${line.id}/calendar/${DAY}`,
      {
        body: { kind: 'holiday', reason: { 'zh-CN': '停电', en: 'Power cut' } },
      },
    );
    expect(holiday).toMatchObject({
      status: 409,
      body: { code: 'production.capacity_below_reserved', reserved: planned.length },
    });
    const cars = (await plan()).body.vehicles;
    const colour = cars[0]?.colour ?? '';
    const withColour = cars.filter((v) => v.colour === colour).length;
    const rule = await planner.json<Rule>('POST', `/factory/lines/${line.id}/option-rules`, {
      body: {
        code: 'colour-check',
        name: { 'zh-CN': '颜色抽检', en: 'Colour audit' },
        n: 1,
        p: 2,
        priority: 'low',
        condition: colour,
      },
    });
    expect(rule.status).toBe(201);
    const loads = (
      await planner.json<{ optionLoads: { rule: { code: string }; reserved: number; maxCars: number }[] }>(
        'GET',
        `/factory/lines/${line.id}/days/${DAY}`,
      )
    ).body.optionLoads;
    expect(loads.find((l) => l.rule.code === 'colour-check')).toMatchObject({
      reserved: withColour,
      maxCars: 24,
    });
    expect((await plan()).body.needsSequencing).toBe(true);
    expect(
      (await planner.request('DELETE', `/factory/lines/${line.id}/option-rules/${rule.body.id}`)).status,
    ).toBe(204);
    const after = (await plan()).body;
    expect(after.vehicles.every((v) => !v.ruleCodes.includes('colour-check'))).toBe(true);
  });

  it('freezes a day: its plan and sequence can no longer change (409)', async () => {
    const frozen = await planner.json<Plan>('POST', `/factory/lines/${line.id}/days/${DAY}/freeze`);
    expect(frozen.status).toBe(200);
    expect(frozen.body.frozenAt).not.toBeNull();
    const again = await planner.json<Plan>('POST', `/factory/lines/${line.id}/days/${DAY}/freeze`);
    expect(again.body.frozenAt).toBe(frozen.body.frozenAt);

    const rerun = await planner.json<Problem>('POST', `/factory/lines/${line.id}/days/${DAY}/sequence-runs`, {
      body: {},
    });
    expect(rerun).toMatchObject({ status: 409, body: { code: 'production.day_frozen' } });
    const out = await planner.json<Problem>('POST', `/factory/vehicles/${planned[0]}/move`, {
      body: { productionDay: '2026-12-16' },
    });
    expect(out).toMatchObject({ status: 409, body: { code: 'production.day_frozen' } });
    const lateCar = await registerCar(ctx, {
      n: 1100,
      configuration: await configurationOf(ctx, 'qc-d90-pro'),
      dealerCode: 'DLR-SH',
    });
    const reserved = await reserveDeliveryDate(ctx, lateCar.vehicleId, '2026-12-18');
    expect(reserved.ok).toBe(true);
    const into = await planner.json<Problem>('POST', `/factory/vehicles/${lateCar.vehicleId}/move`, {
      body: { productionDay: DAY },
    });
    expect(into).toMatchObject({
      status: 409,
      body: { code: 'production.day_unavailable', reasons: [{ code: 'day_frozen' }] },
    });
    const holiday = await planner.json<Problem>('PUT', `/factory/lines/${line.id}/calendar/${DAY}`, {
      body: { kind: 'holiday', reason: { 'zh-CN': '停电', en: 'Power cut' } },
    });
    expect(holiday).toMatchObject({ status: 409, body: { code: 'production.day_frozen' } });
    const events = await outbox('production.day_frozen');
    expect(events.at(-1)?.payload).toMatchObject({ day: DAY, automatic: false });
  });

  it('moves a car to another open day with capacity, and re-promises when it is later', async () => {
    const car = testVehicleId(1100); // delivery Fri 12-18, production Tue 12-15 (ships Thu 12-17)
    const earlier = await planner.json<{ vehicle: Progress; repromised: boolean }>(
      'POST',
      `/factory/vehicles/${car}/move`,
      {
        body: { productionDay: '2026-12-14' },
      },
    );
    expect(earlier).toMatchObject({
      status: 200,
      body: { repromised: false, vehicle: { deliveryDate: '2026-12-18' } },
    });
    const later = await planner.json<{ vehicle: Progress; repromised: boolean }>(
      'POST',
      `/factory/vehicles/${car}/move`,
      {
        body: { productionDay: '2026-12-17' },
      },
    );
    // Built Thu 12-17, ready two working days later on the overtime Saturday 12-19, Shanghai Sunday 12-20.
    expect(later).toMatchObject({
      status: 200,
      body: { repromised: true, vehicle: { deliveryDate: '2026-12-20', shipDate: '2026-12-19' } },
    });
    const repromised = await outbox('production.delivery_repromised');
    expect(repromised.at(-1)?.payload).toMatchObject({
      vehicleId: car,
      previousDate: '2026-12-18',
      newDate: '2026-12-20',
      reason: 'replanned',
    });
    const inside = await planner.json<Problem>('POST', `/factory/vehicles/${car}/move`, {
      body: { productionDay: '2026-11-02' },
    });
    expect(inside.status).toBe(409);
    expect(inside.body.reasons?.map((r) => r.code)).toEqual(['frozen_horizon', 'part_lead_time']);
    const weekend = await planner.json<Problem>('POST', `/factory/vehicles/${car}/move`, {
      body: { productionDay: '2026-12-20' },
    });
    expect(weekend.body.reasons?.map((r) => r.code)).toEqual(['no_production_day']);
    expect(
      (
        await otherPlanner.json('POST', `/factory/vehicles/${car}/move`, {
          body: { productionDay: '2026-12-16' },
        })
      ).status,
    ).toBe(404);
  });
});

describe('tracking at the stations', () => {
  beforeAll(async () => {
    clock.set('2026-12-09T00:30:00Z'); // 08:30 on the production day
    await signInEveryone();
  });

  it('records every step in order, assigns the VIN at the body shop, and refuses a step out of order', async () => {
    const car = planned[0] ?? '';
    clock.set('2026-12-09T00:30:00Z'); // 08:30 on the production day
    const stamped = await step(operator, car, { step: 'stamping' });
    expect(stamped).toMatchObject({
      status: 200,
      body: { state: 'stamping', vin: null, nextSteps: ['body'] },
    });
    const early = await step(operator, car, { step: 'assembly' });
    expect(early).toMatchObject({
      status: 409,
      body: { code: 'production.step_out_of_order', currentStep: 'stamping', allowed: ['body'] },
    });
    clock.advance(3 * 3600_000);
    const body = await step(operator, car, { step: 'body' });
    expect(body.body.state).toBe('body');
    expect(body.body.vin).toMatch(/^LKC(SD90P|MG20A)[0-9X]VN\d{6}$/);
    expect(isValidVin(body.body.vin ?? '')).toBe(true);
    expect((await step(operator, car, { step: 'paint' })).body.state).toBe('paint');
    expect((await step(operator, car, { step: 'assembly' })).body.state).toBe('assembly');
    const events = await outbox('production.vehicle_step_recorded');
    const mine = events.filter((e) => e.aggregateId === car);
    expect(mine.map((e) => e.payload['step'])).toEqual(['stamping', 'body', 'paint', 'assembly']);
    expect(mine[0]?.payload['vin']).toBeNull();
    expect(mine[1]?.payload['vin']).toBe(body.body.vin);
    // The body shop of another car gets the next serial.
    const second = planned[1] ?? '';
    await step(operator, second, { step: 'stamping' });
    const secondVin = (await step(operator, second, { step: 'body' })).body.vin ?? '';
    expect(Number(secondVin.slice(11))).toBe(Number(body.body.vin?.slice(11)) + 1);
  });

  it('sends a failed QC to rework, re-promises the date with the reason, then passes and ships', async () => {
    const car = planned[0] ?? '';
    const noDefects = await step(operator, car, { step: 'qc', result: 'fail' });
    expect(noDefects).toMatchObject({ status: 400, body: { code: 'production.defects_required' } });
    const noResult = await step(operator, car, { step: 'qc' });
    expect(noResult).toMatchObject({ status: 400, body: { code: 'production.result_required' } });
    clock.set('2026-12-10T07:00:00Z'); // Thursday 15:00: re-check Fri 12-11, ship on the overtime Saturday
    const failed = await step(operator, car, {
      step: 'qc',
      result: 'fail',
      defects: [{ code: 'PAINT-RUN', description: 'Paint run on the left rear door' }],
    });
    expect(failed.body).toMatchObject({
      state: 'qc_failed',
      nextSteps: ['rework'],
      shipDate: '2026-12-12',
      deliveryDate: '2026-12-13',
    });
    expect(failed.body.deliveryChanges.at(-1)).toMatchObject({
      reason: 'qc_failed',
      previousDate: DELIVERY,
      newDate: '2026-12-13',
    });
    const repromised = (await outbox('production.delivery_repromised')).filter((e) => e.aggregateId === car);
    expect(repromised).toHaveLength(1);
    expect(repromised[0]?.payload).toMatchObject({
      previousDate: DELIVERY,
      newDate: '2026-12-13',
      reason: 'qc_failed',
      detail: { defects: ['PAINT-RUN'] },
    });
    expect((await step(operator, car, { step: 'shipped' })).body).toMatchObject({
      code: 'production.step_out_of_order',
      currentStep: 'qc_failed',
    });
    expect((await step(operator, car, { step: 'rework' })).body.state).toBe('rework');
    const passed = await step(operator, car, { step: 'qc', result: 'pass' });
    expect(passed.body.state).toBe('qc_passed');
    expect((await step(operator, car, { step: 'shipped' })).body.state).toBe('shipped');
    const arrived = await step(operator, car, { step: 'at_dealer' });
    expect(arrived.body).toMatchObject({ state: 'at_dealer', nextSteps: [] });
    const timeline = arrived.body.steps;
    expect(timeline.map((s) => s.step)).toEqual([
      'stamping',
      'body',
      'paint',
      'assembly',
      'qc',
      'shipped',
      'at_dealer',
    ]);
    expect(timeline.every((s) => s.actualAt !== null && s.estimatedAt !== null)).toBe(true);
    expect(arrived.body.history.map((h) => `${h.step}${h.result ? `:${h.result}` : ''}`)).toEqual([
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
    const last = await step(operator, car, { step: 'at_dealer' });
    expect(last).toMatchObject({ status: 409, body: { currentStep: 'at_dealer', allowed: [] } });
  });

  it('lets a car enter the line only from a frozen day, at its own plant, with valid input', async () => {
    const open = await registerCar(ctx, {
      n: 1200,
      configuration: await configurationOf(ctx, 'qc-g20'),
      dealerCode: 'DLR-SH',
    });
    const reserved = await reserveDeliveryDate(ctx, open.vehicleId, '2027-01-29');
    expect(reserved.ok).toBe(true);
    const notFrozen = await step(operator, open.vehicleId, { step: 'stamping' });
    expect(notFrozen).toMatchObject({
      status: 409,
      body: { code: 'production.day_not_frozen', currentStep: 'planned' },
    });
    expect((await step(otherOperator, planned[2] ?? '', { step: 'stamping' })).status).toBe(404);
    expect((await otherOperator.json('GET', `/factory/vehicles/${planned[2]}`)).status).toBe(404);
    expect((await operator.json('GET', `/factory/vehicles/${planned[2]}`)).status).toBe(200);
    expect((await step(planner, planned[2] ?? '', { step: 'stamping' })).status).toBe(403);
    expect((await step(anonymous, planned[2] ?? '', { step: 'stamping' })).status).toBe(401);
    const badStep = await step(operator, planned[2] ?? '', { step: 'painting' });
    expect(badStep.status).toBe(400);
    expect(badStep.body.errors?.map((e) => e.path)).toEqual(['step']);
    expect((await step(operator, 'C2B-2026-777777', { step: 'stamping' })).status).toBe(404);
  });

  it("gives the station the car's build sheet: its options and the line rules it counts towards", async () => {
    type Sheet = Progress & {
      vehicleId: string;
      selection: Record<string, string>;
      lineRules: { code: string; name: { 'zh-CN': string; en: string } }[];
    };
    const day = (await plan()).body;
    // The car with the most rules, so the comparison means something.
    const car = [...day.vehicles].sort((a, b) => b.ruleCodes.length - a.ruleCodes.length)[0];
    if (!car) throw new Error('no planned car');
    expect(car.ruleCodes.length).toBeGreaterThan(0);
    const sheet = await operator.json<Sheet>('GET', `/factory/vehicles/${car.vehicleId.toLowerCase()}`);
    expect(sheet.status).toBe(200);
    expect(sheet.body.vehicleId).toBe(car.vehicleId);
    expect(sheet.body.selection['paint']).toBe(car.colour);
    expect(sheet.body.lineRules.map((r) => r.code).sort()).toEqual([...car.ruleCodes].sort());
    const roof = sheet.body.lineRules.find((r) => r.code === 'pano-roof');
    if (roof) expect(roof.name['zh-CN']).toBe('全景天窗装配');
    // A car without any rule's option counts towards none.
    const plain = day.vehicles.find((v) => v.ruleCodes.length === 0);
    if (plain) {
      const none = await planner.json<Sheet>('GET', `/factory/vehicles/${plain.vehicleId}`);
      expect(none.body.lineRules).toEqual([]);
    }
    expect((await otherOperator.json('GET', `/factory/vehicles/${car.vehicleId}`)).status).toBe(404);
  });
});

type CallOff = {
  id: string;
  day: string;
  supplierId: string;
  kind: 'sequenced' | 'daily';
  dueDate: string;
  status: string;
  delayedUntil: string | null;
  items: {
    sequencePosition: number | null;
    vehicleId: string | null;
    partNumber: string;
    quantity: number;
    vehicles: number;
  }[];
};

describe('supplier call-offs', () => {
  let seat = '';
  let harnessUser: TestClient;
  let tyreUser: TestClient;

  beforeAll(async () => {
    seat = (await findOrganisationByCode(ctx, 'SUP-SEAT'))?.id ?? '';
    const harness = await findOrganisationByCode(ctx, 'SUP-HARNESS');
    if (!harness) throw new Error('no harness supplier');
    await createStaffUser(ctx, {
      name: '钱进 Qian Jin',
      email: 'harness@supplier.example',
      role: 'supplier_user',
      orgId: harness.id,
      password: 'demo1234',
    });
    harnessUser = testClient(t.app);
    expect((await harnessUser.signIn('harness@supplier.example')).status).toBe(200);
    const tyres = await findOrganisationByCode(ctx, 'SUP-TYRE');
    if (!tyres) throw new Error('no tyre supplier');
    await createStaffUser(ctx, {
      name: '孙涛 Sun Tao',
      email: 'tyres@supplier.example',
      role: 'supplier_user',
      orgId: tyres.id,
      password: 'demo1234',
    });
    tyreUser = testClient(t.app);
    expect((await tyreUser.signIn('tyres@supplier.example')).status).toBe(200);
  });

  it('were issued when the day was frozen: in sequence per car for JIS parts, daily totals for the rest', async () => {
    const res = await planner.json<{ items: CallOff[] }>(
      'GET',
      `/factory/lines/${line.id}/days/${DAY}/call-offs`,
    );
    expect(res.status).toBe(200);
    const all = res.body.items;
    expect(all.length).toBeGreaterThan(2);
    const sequenced = all.filter((c) => c.kind === 'sequenced');
    const daily = all.filter((c) => c.kind === 'daily');
    expect(sequenced.length).toBeGreaterThan(0);
    expect(daily.length).toBeGreaterThan(0);
    for (const c of sequenced) {
      expect(c.dueDate).toBe(DAY);
      const positions = c.items.map((i) => i.sequencePosition ?? 0);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(c.items.every((i) => i.vehicleId !== null && i.vehicles === 1)).toBe(true);
    }
    // Every car of the day has its own wiring harness, in line order.
    const frozenPlan = (await plan()).body;
    const harness = sequenced.find((c) => c.items.some((i) => i.partNumber.includes('HAR')));
    expect(harness?.items.map((i) => i.vehicleId)).toEqual(frozenPlan.vehicles.map((v) => v.vehicleId));
    for (const c of daily) {
      expect(c.dueDate).toBe('2026-12-08'); // the working day before
      expect(c.items.every((i) => i.vehicleId === null && i.vehicles >= 1)).toBe(true);
    }
    const events = await outbox('production.calloffs_issued');
    expect(events.find((e) => e.payload['day'] === DAY)?.payload['callOffs']).toHaveLength(all.length);
  });

  it("names each call-off's supplier for the planner", async () => {
    const res = await planner.json<{ items: (CallOff & { supplierName: { 'zh-CN': string } | null })[] }>(
      'GET',
      `/factory/lines/${line.id}/days/${DAY}/call-offs`,
    );
    const seats = res.body.items.filter((c) => c.supplierId === seat);
    expect(seats.length).toBeGreaterThan(0);
    expect(seats.every((c) => c.supplierName?.['zh-CN'] === '华东座椅系统有限公司')).toBe(true);
    expect(res.body.items.every((c) => c.supplierName !== null)).toBe(true);
  });

  it('shows a supplier only its own call-offs; another supplier’s is 404', async () => {
    const mine = await supplier.json<{ items: CallOff[] }>('GET', '/partner/call-offs');
    expect(mine.status).toBe(200);
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(mine.body.items.every((c) => c.supplierId === seat)).toBe(true);
    const theirs = await harnessUser.json<{ items: CallOff[] }>('GET', '/partner/call-offs');
    expect(theirs.body.items.length).toBeGreaterThan(0);
    expect(theirs.body.items.every((c) => c.supplierId !== seat)).toBe(true);
    const seatCallOff = mine.body.items[0]?.id ?? '';
    expect((await supplier.json('GET', `/partner/call-offs/${seatCallOff}`)).status).toBe(200);
    const other = await harnessUser.json<Problem>('GET', `/partner/call-offs/${seatCallOff}`);
    expect(other).toMatchObject({ status: 404, body: { code: 'production.calloff_not_found' } });
    expect(
      (await harnessUser.json('POST', `/partner/call-offs/${seatCallOff}/confirm-shipment`)).status,
    ).toBe(404);
    expect((await planner.json('GET', '/partner/call-offs')).status).toBe(403);
    expect((await anonymous.json('GET', '/partner/call-offs')).status).toBe(401);
    const filtered = await supplier.json<Problem>('GET', '/partner/call-offs?status=lost');
    expect(filtered.status).toBe(400);
  });

  it('a late JIS delivery re-promises every car it holds up, with the reason', async () => {
    const mine = (await supplier.json<{ items: CallOff[] }>('GET', '/partner/call-offs')).body.items;
    const jis = mine.find((c) => c.kind === 'sequenced' && c.day === DAY);
    if (!jis) throw new Error('no JIS call-off of the seat supplier');
    const notLate = await supplier.json<Problem>('POST', `/partner/call-offs/${jis.id}/delay`, {
      body: { newDate: DAY, reason: 'none' },
    });
    expect(notLate).toMatchObject({ status: 400, body: { code: 'production.not_a_delay' } });
    const late = await supplier.json<{ callOff: CallOff; repromisedVehicleIds: string[] }>(
      'POST',
      `/partner/call-offs/${jis.id}/delay`,
      { body: { newDate: '2026-12-15', reason: '模具故障 / tooling breakdown' } },
    );
    expect(late.status).toBe(200);
    expect(late.body.callOff).toMatchObject({ status: 'delayed', delayedUntil: '2026-12-15' });
    const held = [...new Set(jis.items.map((i) => i.vehicleId))];
    // The car already at the dealer has its seats; every other car on the call-off moves.
    const expected = held.filter((v) => v !== planned[0]);
    expect([...late.body.repromisedVehicleIds].sort()).toEqual([...expected].sort());
    const repromised = (await outbox('production.delivery_repromised')).filter(
      (e) => e.payload['reason'] === 'part_late',
    );
    expect(repromised.map((e) => e.aggregateId).sort()).toEqual([...expected].sort());
    // Seats arrive Tue 12-15: completed that day, shipped Wed 12-16, Shanghai Thu 12-17.
    expect(repromised[0]?.payload).toMatchObject({ previousDate: DELIVERY, newDate: '2026-12-17' });
    const progress = await operator.json<Progress>('GET', `/factory/vehicles/${expected[0]}`);
    expect(progress.body.deliveryChanges.at(-1)).toMatchObject({
      reason: 'part_late',
      newDate: '2026-12-17',
    });
  });

  it('confirms shipment (idempotent); a shipped call-off can no longer be late', async () => {
    const mine = (await tyreUser.json<{ items: CallOff[] }>('GET', '/partner/call-offs')).body.items;
    const daily = mine.find((c) => c.kind === 'daily' && c.day === DAY);
    if (!daily) throw new Error('no daily call-off of the tyre supplier');
    const shipped = await tyreUser.json<CallOff>('POST', `/partner/call-offs/${daily.id}/confirm-shipment`);
    expect(shipped).toMatchObject({ status: 200, body: { status: 'shipped' } });
    const again = await tyreUser.json<CallOff>('POST', `/partner/call-offs/${daily.id}/confirm-shipment`);
    expect(again.body.status).toBe('shipped');
    const late = await tyreUser.json<Problem>('POST', `/partner/call-offs/${daily.id}/delay`, {
      body: { newDate: '2026-12-20', reason: 'late' },
    });
    expect(late).toMatchObject({ status: 409, body: { code: 'production.calloff_shipped' } });
    expect((await outbox('production.calloff_shipped')).map((e) => e.aggregateId)).toEqual([daily.id]);
  });
});

describe('automatic freezing at the horizon', () => {
  it('freezes each day with cars as it enters the frozen horizon, once', async () => {
    // The car moved to Thu 12-17: on Mon 12-14 the horizon reaches Thu 12-17 (15, 16, 17).
    clock.set('2026-12-14T01:00:00Z');
    await scheduleProductionJobs(systemCtx(t.deps, 'test'));
    await t.deps.jobs.runDue();
    const auto = (await outbox('production.day_frozen')).filter((e) => e.payload['automatic'] === true);
    // The demo orders' cars have days before it; this file's cars (numbered from 900000) only 12-17.
    const ours = auto.filter((e) =>
      (e.payload['vehicleIds'] as string[]).some((id) => id >= testVehicleId(0)),
    );
    expect(ours.map((e) => e.payload['day'])).toEqual(['2026-12-17']);
    expect(auto.every((e) => (e.payload['day'] as string) <= '2026-12-17')).toBe(true);
    // The job queued itself for the next hour. A restart within the hour runs one more (idempotent)
    // pass now, whose own next run is the one already queued: still one chain.
    await scheduleProductionJobs(systemCtx(t.deps, 'test'));
    await t.deps.jobs.runDue();
    const queued = await t.db
      .selectFrom('platform.jobs')
      .select(['run_at', 'status'])
      .where('name', '=', 'production.freeze_due_days')
      .where('status', '=', 'queued')
      .execute();
    expect(queued).toHaveLength(1);
    expect(new Date(queued[0]?.run_at as Date).toISOString()).toBe('2026-12-14T02:00:00.000Z');
    expect(
      (await outbox('production.day_frozen')).filter((e) => e.payload['automatic'] === true),
    ).toHaveLength(auto.length);
  });
});
