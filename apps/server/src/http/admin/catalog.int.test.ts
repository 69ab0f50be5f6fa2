import type { Model } from '@openc2b/configurator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoModels } from '../../modules/catalog/index.ts';
import { seedDemoData } from '../../seed/index.ts';
import { createTestApp, type TestApp } from '../../testing/create-test-app.ts';
import { type TestClient, testClient } from '../test-client.ts';

type Problem = {
  code: string;
  errors?: { path: string }[];
  issues?: { path: string; code: string }[];
  report?: { ok: boolean; findings: { kind: string; option?: string; rules: string[] }[] };
};
type AdminLine = {
  code: string;
  liveVersion: { id: string; number: number } | null;
  draftDiffersFromLive: boolean;
};
type Report = {
  ok: boolean;
  issues: unknown[];
  findings: { kind: string; option?: string }[];
  variantCount: string;
  compiledBytes: number;
  nodes: number;
};

const t90 = demoModels.find((m) => m.id === 'qc-t90-2027') as Model;

const TINY_XCSP = `<?xml version="1.0" encoding="UTF-8"?>
<instance>
 <presentation format="XCSP 2.1" type="CSP" name="tiny"/>
 <domains nbDomains="2">
  <domain name="D0" nbValues="3">0..2</domain>
  <domain name="D1" nbValues="3"> 0 1 -1 </domain>
 </domains>
 <variables nbVariables="3">
  <variable name="a" domain="D0"/>
  <variable name="b" domain="D1"/>
  <variable name="c" domain="D1"/>
 </variables>
 <relations nbRelations="2">
  <relation name="R0" arity="2" nbTuples="4" semantics="supports"> 0 0|1 1|2 -1|2 1</relation>
  <relation name="R1" arity="2" nbTuples="1" semantics="conflicts">-1 -1</relation>
 </relations>
 <constraints nbConstraints="2">
  <constraint name="C0" arity="2" scope="a b" reference="R0"/>
  <constraint name="C1" arity="2" scope="b c" reference="R1"/>
 </constraints>
</instance>`;

let t: TestApp;
let admin: TestClient;

const liveT90 = async () =>
  (await testClient(t.app).json<{ version: { id: string } }>('GET', '/store/model-lines/qc-t90')).body.version
    .id;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoData(t.deps);
  admin = testClient(t.app);
  expect((await admin.signIn('admin@qicheng.example')).status).toBe(200);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('catalogue authoring access', () => {
  it('needs an admin: 401 anonymous, 403 for dealer staff and customers', async () => {
    const anonymous = testClient(t.app);
    expect((await anonymous.request('GET', '/admin/model-lines')).status).toBe(401);
    expect((await anonymous.request('POST', '/admin/model-lines/qc-t90/publish')).status).toBe(401);
    for (const login of ['sales.sh@qicheng.example', 'customer@example.com', 'engineer@qicheng.example']) {
      const c = testClient(t.app);
      expect((await c.signIn(login)).status).toBe(200);
      const res = await c.json<Problem>('GET', '/admin/model-lines');
      expect(res.status, login).toBe(403);
      expect(
        (await c.request('PUT', '/admin/model-lines/qc-t90/draft', { body: { model: t90 } })).status,
      ).toBe(403);
    }
  });
});

describe('demo catalogue seed', () => {
  it('is idempotent: a second run publishes and saves nothing', async () => {
    const versions = async () =>
      (await t.db.selectFrom('catalog.versions').select('id').execute()).length +
      (await t.db.selectFrom('catalog.configuration_saves').select('saver').execute()).length;
    const before = await versions();
    const lines = await seedDemoData(t.deps);
    expect(lines).toContain('Demo catalogue: already present.');
    expect(await versions()).toBe(before);
  });
});

describe('model lines and drafts', () => {
  it('lists the seeded lines with version 1 live and drafts equal to it', async () => {
    const res = await admin.json<{ items: AdminLine[] }>('GET', '/admin/model-lines');
    expect(res.status).toBe(200);
    expect(res.body.items.map((l) => [l.code, l.liveVersion?.number, l.draftDiffersFromLive])).toEqual([
      ['qc-d90-pro', 1, false],
      ['qc-t90', 1, false],
      ['qc-g20', 1, false],
    ]);
  });

  it('creates a line (400 naming a bad field, 409 for a taken code)', async () => {
    const body = {
      code: 'qc-x1',
      name: { 'zh-CN': '启程 X1', en: 'Qicheng X1' },
      bodyType: { 'zh-CN': '轿车', en: 'Sedan' },
      modelYear: 2028,
    };
    const bad = await admin.json<Problem>('POST', '/admin/model-lines', {
      body: { ...body, modelYear: 'next' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.path)).toEqual(['modelYear']);
    const created = await admin.json<AdminLine>('POST', '/admin/model-lines', { body });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'qc-x1', liveVersion: null });
    const again = await admin.json<Problem>('POST', '/admin/model-lines', { body });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('catalog.model_line_exists');
    const draft = await admin.json<{ model: Model; basedOnVersionId: string | null }>(
      'GET',
      '/admin/model-lines/qc-x1/draft',
    );
    expect(draft.body.model.families).toEqual([]);
    expect(draft.body.basedOnVersionId).toBeNull();
    // Not on sale until published.
    const store = await testClient(t.app).json('GET', '/store/model-lines/qc-x1');
    expect(store.status).toBe(404);
  });

  it('refuses a structurally invalid draft with every issue', async () => {
    const res = await admin.json<Problem>('PUT', '/admin/model-lines/qc-t90/draft', {
      body: {
        model: { ...t90, currency: 'yuan', families: [...t90.families, { code: 'trim', options: [] }] },
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('catalog.invalid_model');
    expect(res.body.issues?.length).toBeGreaterThanOrEqual(2);
    expect(res.body.issues?.map((i) => i.path)).toContain('currency');
    const missing = await admin.json<Problem>('PUT', '/admin/model-lines/qc-t90/draft', { body: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.errors?.map((e) => e.path)).toEqual(['model']);
  });

  it('imports XCSP into a draft, and names the problem of bad XML', async () => {
    const ok = await admin.json<{ model: Model }>('POST', '/admin/model-lines/qc-x1/draft/import-xcsp', {
      body: { xml: TINY_XCSP },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.model.families.map((f) => f.code)).toEqual(['a', 'b', 'c']);
    const report = await admin.json<Report>('POST', '/admin/model-lines/qc-x1/draft/check');
    expect(report.body).toMatchObject({ ok: true, variantCount: '11' });
    for (const xml of [
      '<instance><domains>',
      'not xml',
      '<instance><variables nbVariables="1"><variable name="a" domain="D9"/></variables></instance>',
    ]) {
      const bad = await admin.json<Problem>('POST', '/admin/model-lines/qc-x1/draft/import-xcsp', {
        body: { xml },
      });
      expect(bad.status, xml).toBe(400);
      expect(bad.body.code).toBe('catalog.invalid_xcsp');
      expect(bad.body.errors?.[0]?.path).toBe('xml');
    }
    // The draft kept the last good import.
    const kept = await admin.json<{ model: Model }>('GET', '/admin/model-lines/qc-x1/draft');
    expect(kept.body.model.families).toHaveLength(3);
  });
});

describe('publishing', () => {
  it('refuses a contradictory draft with the report and keeps the live version', async () => {
    const live = await liveT90();
    const contradictory: Model = {
      ...t90,
      rules: [
        ...t90.rules,
        { id: 'two-trims', kind: 'constraint', expr: { all: ['trim-work', { not: 'trim-work' }] } },
      ],
    };
    expect(
      (await admin.json('PUT', '/admin/model-lines/qc-t90/draft', { body: { model: contradictory } })).status,
    ).toBe(200);
    const check = await admin.json<Report>('POST', '/admin/model-lines/qc-t90/draft/check');
    expect(check.status).toBe(200);
    expect(check.body.ok).toBe(false);
    expect(check.body.variantCount).toBe('0');
    expect(check.body.findings.map((f) => f.kind)).toContain('no_solution');

    const res = await admin.json<Problem>('POST', '/admin/model-lines/qc-t90/publish');
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('catalog.publish_refused');
    expect(res.body.report?.ok).toBe(false);
    expect(res.body.report?.findings.some((f) => f.kind === 'no_solution')).toBe(true);
    expect(await liveT90()).toBe(live);
    const history = await admin.json<{ items: unknown[] }>('GET', '/admin/model-lines/qc-t90/versions');
    expect(history.body.items).toHaveLength(1);
    const lines = await admin.json<{ items: AdminLine[] }>('GET', '/admin/model-lines');
    expect(lines.body.items.find((l) => l.code === 'qc-t90')?.draftDiffersFromLive).toBe(true);
  });

  it('refuses a draft with an option that can never be chosen', async () => {
    const dead: Model = {
      ...t90,
      rules: [...t90.rules, { id: 'no-work-trim', kind: 'constraint', expr: { not: 'trim-work' } }],
    };
    await admin.json('PUT', '/admin/model-lines/qc-t90/draft', { body: { model: dead } });
    const res = await admin.json<Problem>('POST', '/admin/model-lines/qc-t90/publish');
    expect(res.status).toBe(422);
    const finding = res.body.report?.findings.find(
      (f) => f.kind === 'dead_option' && f.option === 'trim-work',
    );
    expect(finding?.rules).toContain('no-work-trim');
  });

  it('publishes a valid draft as the next version, audited, and exports each version', async () => {
    const changed: Model = { ...t90, basePrice: t90.basePrice + 50000 };
    await admin.json('PUT', '/admin/model-lines/qc-t90/draft', { body: { model: changed } });
    const res = await admin.json<{ version: { id: string; number: number; variantCount: string } }>(
      'POST',
      '/admin/model-lines/qc-t90/publish',
    );
    expect(res.status).toBe(201);
    expect(res.body.version).toMatchObject({ number: 2, variantCount: '6935250432' });
    expect(await liveT90()).toBe(res.body.version.id);

    const history = await admin.json<{ items: { id: string; number: number }[] }>(
      'GET',
      '/admin/model-lines/qc-t90/versions',
    );
    expect(history.body.items.map((v) => v.number)).toEqual([2, 1]);
    const v1 = history.body.items[1]?.id ?? '';
    const exported = await admin.json<Model>('GET', `/admin/model-lines/qc-t90/versions/${v1}/model`);
    expect(exported.status).toBe(200);
    expect(exported.body).toEqual(t90);
    const wrongLine = await admin.json<Problem>('GET', `/admin/model-lines/qc-g20/versions/${v1}/model`);
    expect(wrongLine.status).toBe(404);

    const audit = await admin.json<{ items: { action: string }[] }>('GET', '/admin/audit-log');
    const actions = audit.body.items.map((a) => a.action);
    expect(actions).toContain('catalog.version_published');
    expect(actions).toContain('catalog.draft_updated');
  });

  it('answers 404 for the draft, check and publish of an unknown line', async () => {
    for (const [method, path] of [
      ['GET', '/admin/model-lines/nope/draft'],
      ['POST', '/admin/model-lines/nope/draft/check'],
      ['POST', '/admin/model-lines/nope/publish'],
      ['GET', '/admin/model-lines/nope/versions'],
    ] as const) {
      const res = await admin.json<Problem>(method, path);
      expect(res.status, path).toBe(404);
      expect(res.body.code).toBe('catalog.model_line_not_found');
    }
  });
});
