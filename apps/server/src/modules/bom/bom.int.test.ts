/**
 * The module's public functions against a real database (PGlite, or PostgreSQL with
 * DATABASE_URL), on a small model line of its own so the demo BOMs do not matter.
 */
import type { Model, Selection } from '@openc2b/configurator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ctx, systemCtx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { createTestApp, type TestApp } from '../../testing/create-test-app.ts';
import { createModelLine, findModelLine, publishVersion, putDraft } from '../catalog/index.ts';
import { createOrganisation, type NewOrganisation } from '../identity/index.ts';
import {
  type BomLineInput,
  type BomReport,
  checkBomDraft,
  createPart,
  explodeConfiguration,
  getBomDraft,
  getVehicleParts,
  listBoms,
  listBomVersions,
  longestLeadTimeDays,
  type NewPart,
  type Part,
  partsBySupplier,
  publishBom,
  putBomDraft,
  storeVehicleParts,
  updatePart,
} from './index.ts';

const LINE = 'bom-tiny';

// 16 valid configurations (see check-bom.test.ts): pano needs lux and is not offered in white.
const model: Model = {
  format: 'openc2b.model',
  version: 1,
  id: 'bom-tiny-2027',
  currency: 'CNY',
  basePrice: 10_000_000,
  families: [
    {
      code: 'trim',
      options: [
        { code: 'base', price: 0 },
        { code: 'lux', price: 100 },
      ],
    },
    {
      code: 'paint',
      options: [
        { code: 'red', price: 0 },
        { code: 'blue', price: 0 },
        { code: 'white', price: 0 },
      ],
    },
    { code: 'roof', optional: true, options: [{ code: 'pano', price: 500 }] },
    {
      code: 'seats',
      options: [
        { code: 's5', price: 0 },
        { code: 's7', price: 300 },
      ],
    },
  ],
  rules: [
    { id: 'pano-lux', kind: 'requires', if: 'pano', then: 'lux' },
    { id: 'pano-not-white', kind: 'excludes', a: 'pano', b: 'white' },
  ],
};

const car: Selection = { trim: 'lux', paint: 'blue', roof: 'pano', seats: 's7' };

let t: TestApp;
let ctx: Ctx;
const parts = new Map<string, Part>();
let seatSupplier: string;
let tyreSupplier: string;
let dealer: string;

const expectAppError = async (p: Promise<unknown>, code: string): Promise<AppError> => {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  return err as AppError;
};

const events = async (type: string) =>
  t.db.selectFrom('platform.outbox').select(['aggregate_id', 'payload']).where('type', '=', type).execute();

/** The good BOM: every group covers every configuration once. */
const goodLines = (): BomLineInput[] => {
  const l = (
    lineNo: number,
    part: string,
    condition: BomLineInput['condition'],
    group: string | null,
    station: BomLineInput['station'],
    quantity = 1,
  ): BomLineInput => ({ lineNo, partId: parts.get(part)?.id ?? '', quantity, condition, group, station });
  return [
    l(10, 'T-BIW', null, null, 'body'),
    l(20, 'T-PAINT-RED', 'red', 'paint', 'paint', 4),
    l(30, 'T-PAINT-BLUE', 'blue', 'paint', 'paint', 4),
    l(40, 'T-PAINT-WHITE', 'white', 'paint', 'paint', 4),
    l(50, 'T-ROOF-SOLID', 'roof:none', 'roof', 'stamping'),
    l(60, 'T-ROOF-PANO', 'pano', 'roof', 'assembly'),
    l(70, 'T-SEATS-5', 's5', 'seats', 'assembly'),
    l(80, 'T-SEATS-7', 's7', 'seats', 'assembly'),
    l(90, 'T-HARNESS', null, null, 'assembly'),
    l(100, 'T-TYRE', null, null, 'assembly', 4),
  ];
};

beforeAll(async () => {
  t = await createTestApp();
  ctx = systemCtx(t.deps, 'test');
  const org = async (kind: NewOrganisation['kind'], code: string) =>
    (
      await createOrganisation(ctx, {
        kind,
        code,
        name: { 'zh-CN': code, en: code },
        city: null,
        address: null,
        lat: null,
        lng: null,
        phone: null,
        openingHours: null,
      })
    ).id;
  seatSupplier = await org('supplier', 'T-SUP-SEAT');
  tyreSupplier = await org('supplier', 'T-SUP-TYRE');
  dealer = await org('dealer', 'T-DLR');
  await createModelLine(ctx, {
    code: LINE,
    name: { 'zh-CN': '测试车', en: 'Test car' },
    bodyType: { 'zh-CN': 'SUV', en: 'SUV' },
    modelYear: 2027,
  });
  await putDraft(ctx, LINE, model);
  await publishVersion(ctx, LINE);
  const p = (partNumber: string, leadTimeDays: number, extra: Partial<NewPart> = {}): NewPart => ({
    partNumber,
    name: { 'zh-CN': `零件 ${partNumber}`, en: `Part ${partNumber}` },
    supplierOrgId: tyreSupplier,
    leadTimeDays,
    unit: 'pc',
    sequenced: false,
    ...extra,
  });
  for (const input of [
    p('T-BIW', 7),
    p('T-PAINT-RED', 5, { unit: 'l' }),
    p('T-PAINT-BLUE', 5, { unit: 'l' }),
    p('T-PAINT-WHITE', 5, { unit: 'l' }),
    p('T-ROOF-SOLID', 6),
    p('T-ROOF-PANO', 40),
    p('T-SEATS-5', 3, { supplierOrgId: seatSupplier, sequenced: true, unit: 'set' }),
    p('T-SEATS-7', 3, { supplierOrgId: seatSupplier, sequenced: true, unit: 'set' }),
    p('T-HARNESS', 4, { supplierOrgId: seatSupplier, sequenced: true }),
    p('T-TYRE', 10),
  ]) {
    parts.set(input.partNumber, await createPart(ctx, input));
  }
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('parts', () => {
  it('refuses a supplier that is not a supplier organisation, a bad number and a taken number', async () => {
    const base = {
      name: { 'zh-CN': '螺栓', en: 'Bolt' },
      leadTimeDays: 2,
      unit: 'pc' as const,
      sequenced: false,
    };
    const e1 = await expectAppError(
      createPart(ctx, { ...base, partNumber: 'T-BOLT', supplierOrgId: dealer }),
      'bom.unknown_supplier',
    );
    expect(e1.fields?.[0]?.path).toBe('supplierOrgId');
    await expectAppError(
      createPart(ctx, { ...base, partNumber: 't bolt', supplierOrgId: tyreSupplier }),
      'bom.invalid_part_number',
    );
    await expectAppError(
      createPart(ctx, { ...base, partNumber: 'T-BIW', supplierOrgId: tyreSupplier }),
      'bom.part_number_taken',
    );
  });
});

describe('draft and publish', () => {
  it('has no published BOM before the first publish', async () => {
    await expectAppError(
      explodeConfiguration(ctx, { modelLine: LINE, selection: car }),
      'bom.bom_not_published',
    );
    expect((await getBomDraft(ctx, LINE)).updatedAt).toBeNull();
    await expectAppError(getBomDraft(ctx, 'no-such-line'), 'bom.model_line_not_found');
  });

  it('refuses malformed lines naming each field', async () => {
    const lines = goodLines();
    lines[1] = { ...(lines[1] as BomLineInput), lineNo: 10 };
    lines[2] = { ...(lines[2] as BomLineInput), partId: 'prt_nope', quantity: 0 };
    lines[3] = { ...(lines[3] as BomLineInput), condition: { some: ['x'] } as never, group: 'Paint!' };
    const err = await expectAppError(putBomDraft(ctx, LINE, lines), 'bom.invalid_lines');
    expect(err.fields?.map((f) => f.path).sort()).toEqual(
      ['lines.1.lineNo', 'lines.2.partId', 'lines.2.quantity', 'lines.3.condition', 'lines.3.group'].sort(),
    );
  });

  it('refuses to publish a draft with a gap, with the report, and publishes it once fixed', async () => {
    const withGap = goodLines().filter((l) => l.condition !== 'white');
    await putBomDraft(ctx, LINE, withGap);
    const err = await expectAppError(publishBom(ctx, LINE), 'bom.publish_refused');
    const report = err.extra?.['report'] as BomReport;
    expect(report.findings).toEqual([expect.objectContaining({ kind: 'gap', group: 'paint', count: '4' })]);
    expect(await listBomVersions(ctx, LINE)).toEqual([]);

    const draft = await putBomDraft(ctx, LINE, goodLines());
    expect(draft.lines.map((l) => l.lineNo)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    const version = await publishBom(ctx, LINE);
    const live = await findModelLine(ctx, LINE);
    expect(version).toMatchObject({ number: 1, lineCount: 10, catalogVersionId: live?.liveVersionId });
    expect(version.report.ok).toBe(true);
    expect((await getBomDraft(ctx, LINE)).basedOnVersionId).toBe(version.id);
    expect((await events('bom.version_published')).map((e) => e.aggregate_id)).toContain(LINE);
  });
});

describe('explosion', () => {
  it('lists the exact parts of one car, one line per group, in station order', async () => {
    const list = await explodeConfiguration(ctx, { modelLine: LINE, selection: car });
    expect(list.parts.map((p) => [p.station, p.partNumber, p.quantity])).toEqual([
      ['body', 'T-BIW', 1],
      ['paint', 'T-PAINT-BLUE', 4],
      ['assembly', 'T-ROOF-PANO', 1],
      ['assembly', 'T-SEATS-7', 1],
      ['assembly', 'T-HARNESS', 1],
      ['assembly', 'T-TYRE', 4],
    ]);
    expect(list.parts.find((p) => p.partNumber === 'T-SEATS-7')).toMatchObject({
      supplierOrgId: seatSupplier,
      sequenced: true,
      unit: 'set',
      leadTimeDays: 3,
      group: 'seats',
    });
    expect(list.longestLeadTime).toMatchObject({ days: 40, partNumber: 'T-ROOF-PANO' });
    expect(list.bomVersionNumber).toBe(1);
  });

  it('refuses incomplete, invalid and unknown configurations', async () => {
    const e1 = await expectAppError(
      explodeConfiguration(ctx, { modelLine: LINE, selection: { trim: 'lux', paint: 'red' } }),
      'bom.invalid_configuration',
    );
    expect(e1.extra?.['missing']).toEqual(['roof', 'seats']);
    await expectAppError(
      explodeConfiguration(ctx, { modelLine: LINE, selection: { ...car, trim: 'base' } }),
      'bom.invalid_configuration',
    );
    await expectAppError(
      explodeConfiguration(ctx, { modelLine: LINE, selection: { ...car, paint: 'green' } }),
      'catalog.unknown_option',
    );
    await expectAppError(
      explodeConfiguration(ctx, { modelLine: LINE, versionId: 'bomv_nope', selection: car }),
      'bom.version_not_found',
    );
  });

  it('gives the longest lead time of a configuration, and for a partial one the worst completion', async () => {
    expect(await longestLeadTimeDays(ctx, { modelLine: LINE, selection: car })).toBe(40);
    expect(
      await longestLeadTimeDays(ctx, { modelLine: LINE, selection: { ...car, roof: 'roof:none' } }),
    ).toBe(10);
    // Still open: the panoramic roof may come.
    expect(await longestLeadTimeDays(ctx, { modelLine: LINE, selection: { trim: 'lux' } })).toBe(40);
    // The base trim rules the panoramic roof out; white paint too.
    expect(await longestLeadTimeDays(ctx, { modelLine: LINE, selection: { trim: 'base' } })).toBe(10);
    expect(await longestLeadTimeDays(ctx, { modelLine: LINE, selection: { paint: 'white' } })).toBe(10);
    await expectAppError(
      longestLeadTimeDays(ctx, { modelLine: LINE, selection: { trim: 'base', roof: 'pano' } }),
      'bom.invalid_configuration',
    );
  });

  it('explodes with an older version when asked, and with current part data', async () => {
    const [v1] = await listBomVersions(ctx, LINE);
    const more = goodLines().map((l) => (l.lineNo === 100 ? { ...l, quantity: 5 } : l));
    await putBomDraft(ctx, LINE, more);
    const v2 = await publishBom(ctx, LINE);
    expect(v2.number).toBe(2);
    const tyres = (list: { parts: { partNumber: string; quantity: number }[] }) =>
      list.parts.find((p) => p.partNumber === 'T-TYRE')?.quantity;
    expect(tyres(await explodeConfiguration(ctx, { modelLine: LINE, selection: car }))).toBe(5);
    expect(
      tyres(await explodeConfiguration(ctx, { modelLine: LINE, versionId: v1?.id, selection: car })),
    ).toBe(4);
  });
});

describe('vehicle parts', () => {
  it('stores the exploded list against the vehicle id, idempotently, and replaces it on change', async () => {
    const stored = await storeVehicleParts(ctx, 'C2B-2026-000001', { modelLine: LINE, selection: car });
    expect(stored.vehicleId).toBe('C2B-2026-000001');
    expect(stored.parts).toHaveLength(6);
    const again = await storeVehicleParts(ctx, 'C2B-2026-000001', { modelLine: LINE, selection: car });
    expect(again.storedAt).toEqual(stored.storedAt);
    const published = async () =>
      (await events('bom.vehicle_parts_stored')).filter((e) => e.aggregate_id === 'C2B-2026-000001');
    expect(await published()).toHaveLength(1);
    expect((await published())[0]?.payload).toMatchObject({ partCount: 6, longestLeadTimeDays: 40 });

    const changed = await storeVehicleParts(ctx, 'C2B-2026-000001', {
      modelLine: LINE,
      selection: { ...car, roof: 'roof:none', paint: 'red' },
    });
    expect(changed.parts.map((p) => p.partNumber)).toContain('T-ROOF-SOLID');
    expect(await published()).toHaveLength(2);
    const read = await getVehicleParts(ctx, 'C2B-2026-000001');
    expect(read.parts).toEqual(changed.parts);
    expect(read.selection).toEqual(changed.selection);
    expect(read.longestLeadTime?.days).toBe(10);
    await expectAppError(getVehicleParts(ctx, 'C2B-2026-999999'), 'bom.vehicle_parts_not_found');
    await expectAppError(
      storeVehicleParts(ctx, 'x', { modelLine: LINE, selection: car }),
      'bom.invalid_vehicle_id',
    );
  });

  it('keeps a stored list as planned when part data changes later', async () => {
    await storeVehicleParts(ctx, 'C2B-2026-000002', { modelLine: LINE, selection: car });
    const pano = parts.get('T-ROOF-PANO') as Part;
    await updatePart(ctx, pano.id, { leadTimeDays: 45 });
    expect((await getVehicleParts(ctx, 'C2B-2026-000002')).longestLeadTime?.days).toBe(40);
    expect(await longestLeadTimeDays(ctx, { modelLine: LINE, selection: car })).toBe(45);
    const changed = (await events('bom.part_updated')).find((e) => e.aggregate_id === pano.id);
    expect(changed?.payload).toMatchObject({
      changes: ['leadTimeDays'],
      previousLeadTimeDays: 40,
      leadTimeDays: 45,
    });
  });

  it('answers the call-offs: sequenced parts per vehicle in the given order, totals for the rest', async () => {
    await storeVehicleParts(ctx, 'C2B-2026-000003', {
      modelLine: LINE,
      selection: { trim: 'base', paint: 'white', roof: 'roof:none', seats: 's5' },
    });
    const demand = await partsBySupplier(ctx, ['C2B-2026-000003', 'C2B-2026-000404', 'C2B-2026-000002']);
    expect(demand.missingVehicleIds).toEqual(['C2B-2026-000404']);
    const seats = demand.suppliers.find((s) => s.supplierOrgId === seatSupplier);
    expect(seats?.sequenced.map((d) => [d.position, d.vehicleId, d.partNumber])).toEqual([
      [1, 'C2B-2026-000003', 'T-SEATS-5'],
      [1, 'C2B-2026-000003', 'T-HARNESS'],
      [3, 'C2B-2026-000002', 'T-SEATS-7'],
      [3, 'C2B-2026-000002', 'T-HARNESS'],
    ]);
    expect(seats?.totals).toEqual([]);
    const tyres = demand.suppliers.find((s) => s.supplierOrgId === tyreSupplier);
    expect(tyres?.sequenced).toEqual([]);
    expect(tyres?.totals.find((d) => d.partNumber === 'T-TYRE')).toMatchObject({ quantity: 10, vehicles: 2 });
    expect(tyres?.totals.find((d) => d.partNumber === 'T-BIW')).toMatchObject({ quantity: 2, vehicles: 2 });

    const onlySeats = await partsBySupplier(ctx, ['C2B-2026-000002'], { supplierOrgId: seatSupplier });
    expect(onlySeats.suppliers.map((s) => s.supplierOrgId)).toEqual([seatSupplier]);
    expect(onlySeats.missingVehicleIds).toEqual([]);
  });

  it('refuses to deactivate a part of a current BOM', async () => {
    const err = await expectAppError(
      updatePart(ctx, (parts.get('T-BIW') as Part).id, { active: false }),
      'bom.part_in_use',
    );
    expect(err.extra?.['modelLines']).toEqual([LINE]);
  });
});

describe('a new catalogue version', () => {
  it('leaves the current BOM checked against the old one until it is published again', async () => {
    const before = await findModelLine(ctx, LINE);
    await putDraft(ctx, LINE, { ...model, basePrice: model.basePrice + 100_000 });
    const live = await publishVersion(ctx, LINE);
    const summary = (await listBoms(ctx)).find((b) => b.modelLine === LINE);
    expect(summary).toMatchObject({ catalogLiveVersionId: live.id, upToDate: false });
    expect(summary?.current?.catalogVersionId).toBe(before?.liveVersionId);
    // Cars valid on both versions still explode with the current BOM; the check uses the new one.
    expect((await explodeConfiguration(ctx, { modelLine: LINE, selection: car })).catalogVersionId).toBe(
      before?.liveVersionId,
    );
    expect((await checkBomDraft(ctx, LINE)).catalogVersionId).toBe(live.id);
    const republished = await publishBom(ctx, LINE);
    expect(republished.catalogVersionId).toBe(live.id);
    expect((await listBoms(ctx)).find((b) => b.modelLine === LINE)?.upToDate).toBe(true);
  });
});
