import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoBoms, storeVehicleParts } from '../../modules/bom/index.ts';
import { systemCtx } from '../../platform/context.ts';
import { seedDemoData } from '../../seed/index.ts';
import { createTestApp, type TestApp } from '../../testing/create-test-app.ts';
import { type TestClient, testClient } from '../test-client.ts';

type Problem = {
  status: number;
  code: string;
  errors?: { path: string; message: string }[];
  report?: Report;
  modelLines?: string[];
};
type Finding = {
  kind: string;
  group?: string;
  count?: string;
  witness?: { selection: Record<string, string>; code: string };
};
type Report = {
  ok: boolean;
  findings: Finding[];
  groups: { code: string; lines: number[] }[];
  lineCount: number;
};
type Part = { id: string; partNumber: string; supplierOrgId: string; leadTimeDays: number; active: boolean };
type Line = {
  lineNo: number;
  part: Part;
  quantity: number;
  condition: unknown;
  group: string | null;
  station: string;
};
type Exploded = {
  lineNo: number;
  partNumber: string;
  group: string | null;
  sequenced: boolean;
  station: string;
};
type PartsList = {
  bomVersionId: string;
  selection: Record<string, string>;
  parts: Exploded[];
  longestLeadTime: { days: number } | null;
};

let t: TestApp;
let planner: TestClient;
let orgIds: Map<string, string>;

const signedIn = async (login: string): Promise<TestClient> => {
  const c = testClient(t.app);
  expect((await c.signIn(login)).status).toBe(200);
  return c;
};

const lineInputs = (lines: Line[]) =>
  lines.map((l) => ({
    lineNo: l.lineNo,
    partId: l.part.id,
    quantity: l.quantity,
    condition: l.condition,
    group: l.group,
    station: l.station,
  }));

const popularCode = async (line: string): Promise<string> => {
  const res = await testClient(t.app).json<{ items: { code: string }[] }>(
    'GET',
    `/store/model-lines/${line}/popular`,
  );
  const code = res.body.items[0]?.code;
  if (!code) throw new Error(`no saved configuration of ${line}`);
  return code;
};

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoData(t.deps);
  planner = await signedIn('planner@qicheng.example');
  const admin = await signedIn('admin@qicheng.example');
  const orgs = await admin.json<{ items: { id: string; code: string }[] }>('GET', '/admin/organisations');
  orgIds = new Map(orgs.body.items.map((o) => [o.code, o.id]));
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('access', () => {
  it('answers 401 to anonymous callers and 403 to roles without the BOM permissions', async () => {
    const anonymous = testClient(t.app);
    expect((await anonymous.request('GET', '/factory/parts')).status).toBe(401);
    expect((await anonymous.request('POST', '/factory/boms/qc-t90/publish')).status).toBe(401);
    for (const login of [
      'customer@example.com',
      'sales.sh@qicheng.example',
      'supplier@seating.example',
      'operator@qicheng.example',
      'analyst@qicheng.example',
    ]) {
      const c = await signedIn(login);
      const res = await c.json<Problem>('GET', '/factory/boms');
      expect(res.status, login).toBe(403);
      expect(res.body.code).toBe('identity.forbidden');
    }
  });

  it('lets engineers read but not edit, and admins do both', async () => {
    const engineer = await signedIn('engineer@qicheng.example');
    expect((await engineer.request('GET', '/factory/boms')).status).toBe(200);
    expect(
      (await engineer.request('PUT', '/factory/boms/qc-t90/draft', { body: { lines: [] } })).status,
    ).toBe(403);
    const admin = await signedIn('admin@qicheng.example');
    expect((await admin.request('GET', '/factory/parts?limit=1')).status).toBe(200);
  });
});

describe('demo BOMs', () => {
  it('are published for every demo line against its live catalogue version', async () => {
    const res = await planner.json<{
      items: {
        modelLine: string;
        upToDate: boolean;
        current: { number: number; lineCount: number } | null;
      }[];
    }>('GET', '/factory/boms');
    expect(res.status).toBe(200);
    expect(res.body.items.map((b) => [b.modelLine, b.current?.number, b.upToDate])).toEqual([
      ['qc-d90-pro', 1, true],
      ['qc-t90', 1, true],
      ['qc-g20', 1, true],
    ]);
    for (const demo of demoBoms) {
      const found = res.body.items.find((b) => b.modelLine === demo.modelLine);
      expect(found?.current?.lineCount).toBe(demo.lines.length);
    }
  });

  it('are seeded once: a second run creates and publishes nothing', async () => {
    const count = async () =>
      (await t.db.selectFrom('bom.versions').select('id').execute()).length +
      (await t.db.selectFrom('bom.parts').select('id').execute()).length;
    const before = await count();
    expect(await seedDemoData(t.deps)).toContain('Demo super-BOM: already present.');
    expect(await count()).toBe(before);
  });

  it('pass their own publish check', async () => {
    for (const demo of demoBoms) {
      const res = await planner.json<Report>('POST', `/factory/boms/${demo.modelLine}/draft/check`);
      expect(res.status).toBe(200);
      expect(res.body.findings).toEqual([]);
      expect(res.body.ok).toBe(true);
    }
  });

  it('explode a real demo configuration with exactly one line from every group', async () => {
    for (const line of ['qc-d90-pro', 'qc-t90', 'qc-g20']) {
      const versions = await planner.json<{ items: { id: string }[] }>(
        'GET',
        `/factory/boms/${line}/versions`,
      );
      const versionId = versions.body.items[0]?.id ?? '';
      const version = await planner.json<{ lines: Line[]; report: Report }>(
        'GET',
        `/factory/boms/${line}/versions/${versionId}`,
      );
      const code = await popularCode(line);
      const res = await planner.json<PartsList>(
        'GET',
        `/factory/boms/${line}/explosion?configurationCode=${code}`,
      );
      expect(res.status, line).toBe(200);
      expect(res.body.bomVersionId).toBe(versionId);
      const groups = new Set(version.body.lines.map((l) => l.group).filter((g) => g !== null));
      expect(groups.size).toBeGreaterThan(5);
      for (const g of groups) {
        expect(
          res.body.parts.filter((p) => p.group === g),
          `${line} group ${g}`,
        ).toHaveLength(1);
      }
      expect(
        res.body.parts.filter((p) => p.partNumber.endsWith('-HARNESS-MAIN') && p.sequenced),
      ).toHaveLength(1);
      expect(res.body.longestLeadTime?.days).toBeGreaterThan(0);
    }
  });

  it('refuse a bad configuration code naming the field, and answer 404 for unknown records', async () => {
    const missing = await planner.json<Problem>('GET', '/factory/boms/qc-t90/explosion');
    expect(missing.status).toBe(400);
    expect(missing.body.errors?.map((e) => e.path)).toEqual(['query.configurationCode']);
    const typo = await planner.json<Problem>(
      'GET',
      '/factory/boms/qc-t90/explosion?configurationCode=A00000000',
    );
    expect(typo.status).toBe(400);
    expect(typo.body.code).toBe('bom.invalid_configuration_code');
    expect(typo.body.errors?.map((e) => e.path)).toEqual(['query.configurationCode']);
    const d90Code = await popularCode('qc-d90-pro');
    const otherModel = await planner.json<Problem>(
      'GET',
      `/factory/boms/qc-t90/explosion?configurationCode=${d90Code}`,
    );
    expect(otherModel.status).toBe(400);
    for (const [path, code] of [
      ['/factory/parts/prt_nope', 'bom.part_not_found'],
      ['/factory/boms/qc-nope/draft', 'bom.model_line_not_found'],
      ['/factory/boms/qc-t90/versions/bomv_nope', 'bom.version_not_found'],
      ['/factory/vehicles/C2B-2026-404404/parts', 'bom.vehicle_parts_not_found'],
    ] as const) {
      const res = await planner.json<Problem>('GET', path);
      expect(res.status, path).toBe(404);
      expect(res.body.code).toBe(code);
    }
  });
});

describe('parts', () => {
  const body = {
    partNumber: 'QC-BOLT-M10',
    name: { 'zh-CN': 'M10 车身螺栓', en: 'M10 body bolt' },
    leadTimeDays: 3,
    unit: 'pc',
    sequenced: false,
  };

  it('are created by planners, 400 naming a bad or unknown field, 409 for a taken number', async () => {
    const supplierOrgId = orgIds.get('SUP-STEEL');
    const bad = await planner.json<Problem>('POST', '/factory/parts', {
      body: { ...body, supplierOrgId, partNumber: 'bolt m10', colour: 'red' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.path).sort()).toEqual(['colour', 'partNumber']);
    const dealer = await planner.json<Problem>('POST', '/factory/parts', {
      body: { ...body, supplierOrgId: orgIds.get('DLR-SH') },
    });
    expect(dealer.status).toBe(400);
    expect(dealer.body.code).toBe('bom.unknown_supplier');
    expect(dealer.body.errors?.map((e) => e.path)).toEqual(['supplierOrgId']);

    const created = await planner.json<Part>('POST', '/factory/parts', { body: { ...body, supplierOrgId } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ partNumber: 'QC-BOLT-M10', supplierOrgId, active: true });
    const again = await planner.json<Problem>('POST', '/factory/parts', { body: { ...body, supplierOrgId } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('bom.part_number_taken');

    const patched = await planner.json<Part>('PATCH', `/factory/parts/${created.body.id}`, {
      body: { leadTimeDays: 4, active: false },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ leadTimeDays: 4, active: false });
    const renumber = await planner.json<Problem>('PATCH', `/factory/parts/${created.body.id}`, {
      body: { partNumber: 'QC-BOLT-M12' },
    });
    expect(renumber.status).toBe(400);
    expect(renumber.body.errors?.map((e) => e.path)).toEqual(['partNumber']);
  });

  it('are listed in part-number order with filters and paging', async () => {
    const seats = await planner.json<{ items: Part[]; nextCursor: string | null }>(
      'GET',
      `/factory/parts?supplierOrgId=${orgIds.get('SUP-SEAT')}&limit=5`,
    );
    expect(seats.status).toBe(200);
    expect(seats.body.items).toHaveLength(5);
    expect(seats.body.items.every((p) => p.supplierOrgId === orgIds.get('SUP-SEAT'))).toBe(true);
    const next = await planner.json<{ items: Part[] }>(
      'GET',
      `/factory/parts?supplierOrgId=${orgIds.get('SUP-SEAT')}&limit=5&cursor=${seats.body.nextCursor}`,
    );
    const numbers = [...seats.body.items, ...next.body.items].map((p) => p.partNumber);
    expect(numbers).toEqual([...numbers].sort());
    expect(new Set(numbers).size).toBe(numbers.length);
    const harness = await planner.json<{ items: Part[] }>('GET', '/factory/parts?q=harness');
    expect(harness.body.items.map((p) => p.partNumber).sort()).toEqual([
      'D90-HARNESS-MAIN',
      'G20-HARNESS-MAIN',
      'T90-HARNESS-MAIN',
    ]);
    const bad = await planner.json<Problem>('GET', '/factory/parts?active=maybe');
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.path)).toEqual(['query.active']);
  });

  it('cannot be deactivated while a current BOM uses them (409 naming the lines)', async () => {
    const list = await planner.json<{ items: Part[] }>('GET', '/factory/parts?q=QC-PNT-ECOAT');
    const ecoat = list.body.items[0];
    const res = await planner.json<Problem>('PATCH', `/factory/parts/${ecoat?.id}`, {
      body: { active: false },
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('bom.part_in_use');
    expect(res.body.modelLines).toEqual(['qc-d90-pro', 'qc-g20', 'qc-t90']);
  });
});

describe('drafts and publishing', () => {
  it('refuses malformed lines naming each field', async () => {
    const draft = await planner.json<{ lines: Line[] }>('GET', '/factory/boms/qc-t90/draft');
    const lines = lineInputs(draft.body.lines);
    const bad = await planner.json<Problem>('PUT', '/factory/boms/qc-t90/draft', {
      body: { lines: [{ ...lines[0], station: 'welding' }, ...lines.slice(1)] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.path)).toEqual(['lines.0.station']);
    const dup = await planner.json<Problem>('PUT', '/factory/boms/qc-t90/draft', {
      body: {
        lines: [lines[0], { ...lines[1], lineNo: lines[0]?.lineNo }, { ...lines[2], partId: 'prt_nope' }],
      },
    });
    expect(dup.status).toBe(400);
    expect(dup.body.code).toBe('bom.invalid_lines');
    expect(dup.body.errors?.map((e) => e.path)).toEqual(['lines.1.lineNo', 'lines.2.partId']);
  });

  it('refuses to publish a draft with a gap with the report, and publishes it when fixed', async () => {
    const draft = await planner.json<{ lines: Line[] }>('GET', '/factory/boms/qc-t90/draft');
    const full = lineInputs(draft.body.lines);
    const noRed = full.filter((l) => l.condition !== 'paint-canyon-red');
    expect(noRed).toHaveLength(full.length - 1);
    const saved = await planner.json<{ lines: Line[] }>('PUT', '/factory/boms/qc-t90/draft', {
      body: { lines: [...noRed, { ...noRed[0], lineNo: 9000, condition: 'PAINT_PINK', group: null }] },
    });
    expect(saved.status).toBe(200);

    const check = await planner.json<Report>('POST', '/factory/boms/qc-t90/draft/check');
    expect(check.status).toBe(200);
    expect(check.body.ok).toBe(false);
    expect(check.body.findings.map((f) => f.kind)).toEqual(['unknown_option', 'gap']);

    const refused = await planner.json<Problem>('POST', '/factory/boms/qc-t90/publish');
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('bom.publish_refused');
    const gap = refused.body.report?.findings.find((f) => f.kind === 'gap');
    expect(gap).toMatchObject({ group: 'paint' });
    expect(gap?.witness?.selection['paint']).toBe('paint-canyon-red');
    expect(BigInt(gap?.count ?? '0')).toBeGreaterThan(0n);
    // The witness is a real configuration: its code explodes on the published version.
    const witness = await planner.json<PartsList>(
      'GET',
      `/factory/boms/qc-t90/explosion?configurationCode=${gap?.witness?.code}`,
    );
    expect(witness.status).toBe(200);
    const versions = await planner.json<{ items: unknown[] }>('GET', '/factory/boms/qc-t90/versions');
    expect(versions.body.items).toHaveLength(1);

    const restored = await planner.json<{ lines: Line[] }>('PUT', '/factory/boms/qc-t90/draft', {
      body: { lines: full.map((l) => (l.condition === 'tyre-mt' ? { ...l, quantity: 5 } : l)) },
    });
    expect(restored.status).toBe(200);
    const published = await planner.json<{ version: { number: number; report: Report } }>(
      'POST',
      '/factory/boms/qc-t90/publish',
    );
    expect(published.status).toBe(201);
    expect(published.body.version.number).toBe(2);
    expect(published.body.version.report.ok).toBe(true);
  });
});

describe('vehicle parts', () => {
  it("shows a vehicle's stored parts list to planners", async () => {
    const code = await popularCode('qc-g20');
    const saved = await testClient(t.app).json<{ selection: Record<string, string> }>(
      'GET',
      `/store/configurations/${code}`,
    );
    await storeVehicleParts(systemCtx(t.deps, 'test'), 'C2B-2026-000777', {
      modelLine: 'qc-g20',
      selection: saved.body.selection,
    });
    const res = await planner.json<PartsList & { vehicleId: string }>(
      'GET',
      '/factory/vehicles/C2B-2026-000777/parts',
    );
    expect(res.status).toBe(200);
    expect(res.body.vehicleId).toBe('C2B-2026-000777');
    expect(res.body.parts.map((p) => p.station)).toEqual(
      [...res.body.parts.map((p) => p.station)].sort(
        (a, b) =>
          ['stamping', 'body', 'paint', 'assembly'].indexOf(a) -
          ['stamping', 'body', 'paint', 'assembly'].indexOf(b),
      ),
    );
    const engineer = await signedIn('engineer@qicheng.example');
    expect((await engineer.request('GET', '/factory/vehicles/C2B-2026-000777/parts')).status).toBe(200);
    const dealer = await signedIn('sales.bj@qicheng.example');
    expect((await dealer.request('GET', '/factory/vehicles/C2B-2026-000777/parts')).status).toBe(403);
  });
});
