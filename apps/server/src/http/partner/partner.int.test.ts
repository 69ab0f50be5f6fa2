/**
 * The partner API of the systems of record: keys with one scope per system and fact, signed
 * requests (forged, expired, replayed, malformed: refused, nothing changes), idempotent
 * versioned upserts (a re-send gets the same answer, the newest version wins in any order),
 * ERP parts and prices into the BOM, CRM leads assigned to dealers and read by their staff
 * only, and the admin's request log.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { longestLeadTimeDays } from '../../modules/bom/index.ts';
import { API_KEY_SCOPES } from '../../modules/identity/index.ts';
import { vinCheckDigit } from '../../modules/production/index.ts';
import { systemCtx } from '../../platform/context.ts';
import { seedDemoData } from '../../seed/index.ts';
import { createTestApp, type TestApp } from '../../testing/create-test-app.ts';
import { type PartnerKey, partnerRequest, sendPartner } from '../../testing/partner-client.ts';
import { createPartnerKey } from '../../testing/partner-keys.ts';
import { configurationOf } from '../production-fixtures.ts';
import { type TestClient, testClient } from '../test-client.ts';

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
type Problem = { status: number; code: string; errors?: { path: string }[]; type: string };
type Part = {
  id: string;
  partNumber: string;
  name: { 'zh-CN': string; en: string };
  supplierOrgId: string;
  leadTimeDays: number;
  unit: string;
  sequenced: boolean;
  active: boolean;
  unitPrice: { amount: number; currency: string } | null;
};
type Lead = { id: string; sourceId: string; name: string; phone: string; city: string | null; stage: string };

let t: TestApp;
let admin: TestClient;
let orgs: Map<string, Org>;
let erp: PartnerKey;
let crm: PartnerKey;
let allScopes: PartnerKey;
let reader: PartnerKey;

const orgId = (code: string) => orgs.get(code)?.id ?? '';

const createKey = (name: string, orgCode: string, scopes: string[]): Promise<PartnerKey> =>
  createPartnerKey(admin, { name, orgId: orgId(orgCode), scopes });

async function rows(query: string): Promise<unknown[]> {
  return (await sql.raw(query).execute(t.db)).rows;
}

/** Everything a partner request could change, to compare before and after a refusal. */
async function businessState() {
  return {
    parts: await rows('select * from bom.parts order by part_number'),
    leads: await rows('select * from leads.leads order by id'),
    versions: await rows('select * from partner.source_versions order by system, entity, natural_key'),
    seen: await rows('select key_id, signature from partner.seen_signatures order by 1, 2'),
    outbox: await rows('select id from platform.outbox order by seq'),
    audit: await rows('select id from platform.audit_log order by id'),
  };
}

async function getPart(partNumber: string): Promise<Part> {
  const res = await admin.json<{ items: Part[] }>(
    'GET',
    `/factory/parts?q=${encodeURIComponent(partNumber)}`,
  );
  const part = res.body.items.find((p) => p.partNumber === partNumber);
  if (!part) throw new Error(`no part ${partNumber}`);
  return part;
}

const partBody = (sourceVersion: number | string, extra: Record<string, unknown> = {}) => ({
  sourceVersion,
  name: { 'zh-CN': '座椅滑轨', en: 'Seat rail' },
  supplierCode: 'SUP-SEAT',
  leadTimeDays: 12,
  unit: 'pair',
  ...extra,
});

const leadBody = (sourceVersion: number | string, extra: Record<string, unknown> = {}) => ({
  sourceVersion,
  name: '王小明',
  phone: '138 0013 8000',
  city: '上海',
  modelLine: 'qc-d90-pro',
  source: 'douyin',
  campaign: '2026-spring',
  stage: 'new',
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoData(t.deps);
  admin = testClient(t.app);
  expect((await admin.signIn('admin@qicheng.example')).status).toBe(200);
  const list = await admin.json<{ items: Org[] }>('GET', '/admin/organisations');
  orgs = new Map(list.body.items.map((o) => [o.code, o]));
  erp = await createKey('SAP ERP', 'QC-HQ', ['erp:parts']);
  crm = await createKey('Salesforce CRM', 'QC-HQ', ['crm:leads']);
  allScopes = await createKey('Everything', 'QC-HQ', ['erp:parts', 'crm:leads', 'partner:read']);
  reader = await createKey('Seat MES', 'SUP-SEAT', ['partner:read']);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('partner keys', () => {
  it('come with a signing secret, shown once and kept sealed', async () => {
    expect(erp.signingSecret).toMatch(/^c2bs_/);
    const stored = await rows(`select sealed from partner.signing_secrets where key_id = '${erp.id}'`);
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(erp.signingSecret.slice(5));
    const listed = await admin.json<{ items: Record<string, unknown>[] }>('GET', '/admin/api-keys');
    expect(JSON.stringify(listed.body)).not.toContain(erp.signingSecret);
    expect(listed.body.items.find((k) => k['id'] === erp.id)?.['scopes']).toEqual(['erp:parts']);
  });

  it('refuse a system scope for the wrong kind of organisation (422 naming the scope)', async () => {
    const res = await admin.json<Problem>('POST', '/admin/api-keys', {
      body: { name: 'Dealer ERP', orgId: orgId('DLR-SH'), scopes: ['partner:read', 'erp:parts'] },
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('partner.scope_not_for_organisation');
    expect(res.body.errors?.map((e) => e.path)).toEqual(['scopes.1']);
  });

  it('a key for one system cannot call another system’s endpoints (403), nor can a read key', async () => {
    const before = await businessState();
    const asCrm = await sendPartner<Problem>(
      t.app,
      crm,
      'PUT',
      '/partner/erp/parts/QC-TEST-RAIL',
      partBody(1),
    );
    expect(asCrm.status).toBe(403);
    expect(asCrm.res.headers.get('content-type')).toContain('application/problem+json');
    const asErp = await sendPartner<Problem>(t.app, erp, 'PUT', '/partner/crm/leads/L-1', leadBody(1));
    expect(asErp.status).toBe(403);
    const asReader = await sendPartner<Problem>(
      t.app,
      reader,
      'PUT',
      '/partner/erp/parts/QC-TEST-RAIL',
      partBody(1),
    );
    expect(asReader.status).toBe(403);
    expect(await businessState()).toEqual(before);
  });

  it('staff sessions cannot use the partner endpoints either', async () => {
    const res = await admin.json<Problem>('PUT', '/partner/erp/parts/QC-TEST-RAIL', { body: partBody(1) });
    expect(res.status).toBe(403);
  });

  it('no partner key reads customer data: every GET route refuses keys holding every scope', async () => {
    // One key per kind of organisation with all the scopes it may hold: together every scope.
    const keys = [
      allScopes,
      await createKey('Brand WMS', 'QC-HQ', ['wms:arrivals']),
      await createKey('Dealer DMS', 'DLR-SH', ['partner:read', 'dms:stock', 'dms:handover']),
      await createKey('Plant WMS', 'QC-PLANT-NJ', ['partner:read', 'wms:arrivals']),
      reader,
    ];
    const listed = await admin.json<{ items: { id: string; scopes: string[] }[] }>('GET', '/admin/api-keys');
    const held = new Set(
      listed.body.items.filter((k) => keys.some((key) => key.id === k.id)).flatMap((k) => k.scopes),
    );
    expect([...held].sort()).toEqual([...API_KEY_SCOPES].sort());
    const doc = (await (await t.app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { 'x-permission'?: string }>>;
    };
    const answered: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      if (!item['get']?.['x-permission']) continue; // platform routes: health, docs
      if (path === '/partner/organisation') continue; // partner:read: the key's own organisation
      const concrete = path.replace(/\{[^}]+\}/g, 'x');
      for (const key of keys) {
        const res = await sendPartner(t.app, key, 'GET', concrete);
        if (res.status !== 403) answered.push(`GET ${path} -> ${res.status}`);
      }
    }
    expect(answered).toEqual([]);
  });

  it('GET /partner/organisation answers a key with its own organisation’s public profile only', async () => {
    const res = await sendPartner<{ organisation: Record<string, unknown> }>(
      t.app,
      reader,
      'GET',
      '/partner/organisation',
    );
    expect(res.status).toBe(200);
    expect(res.body.organisation).toEqual({
      id: orgId('SUP-SEAT'),
      kind: 'supplier',
      code: 'SUP-SEAT',
      name: expect.objectContaining({ 'zh-CN': expect.any(String), en: expect.any(String) }),
      city: null,
      address: null,
      lat: null,
      lng: null,
      phone: null,
      openingHours: null,
    });
    // the supplier's own staff see the whole profile (the partner portal's home page)
    const staff = testClient(t.app);
    expect((await staff.signIn('supplier@seating.example')).status).toBe(200);
    const profile = await staff.json<{ organisation: Record<string, unknown> }>(
      'GET',
      '/partner/organisation',
    );
    expect(profile.body.organisation['code']).toBe('SUP-SEAT');
    expect(profile.body.organisation['address']).not.toBeNull();
    // without partner:read (a system scope only): 403
    expect((await sendPartner(t.app, erp, 'GET', '/partner/organisation')).status).toBe(403);
  });
});

describe('signatures', () => {
  const path = '/partner/erp/parts/QC-TEST-SIG';

  it('accepts a good signature', async () => {
    const res = await sendPartner<Ack>(t.app, erp, 'PUT', path, partBody(1));
    expect(res.status).toBe(200);
    expect(res.body.applied).toBe(true);
  });

  it('refuses forged, expired, future, replayed and unsigned requests with 401 problem+json, changing nothing', async () => {
    const now = Math.floor(Date.now() / 1000);
    const good = partnerRequest(t.app, erp, 'PUT', path, partBody(2));
    expect((await good.send()).status).toBe(200);
    const before = await businessState();
    const cases: [string, () => Promise<Response>][] = [
      [
        'partner.signature_invalid',
        partnerRequest(t.app, erp, 'PUT', path, partBody(3), { signingSecret: 'c2bs_forged' }).send,
      ],
      [
        'partner.signature_invalid',
        partnerRequest(t.app, erp, 'PUT', path, partBody(3), { signingSecret: crm.signingSecret }).send,
      ],
      [
        'partner.signature_invalid',
        // signed for another path
        async () =>
          t.app.request('/partner/erp/parts/QC-OTHER', {
            method: 'PUT',
            headers: partnerRequest(t.app, erp, 'PUT', path, partBody(3)).headers,
            body: JSON.stringify(partBody(3)),
          }),
      ],
      [
        'partner.signature_invalid',
        // the body changed after signing
        async () =>
          t.app.request(path, {
            method: 'PUT',
            headers: good.headers,
            body: JSON.stringify(partBody(3, { leadTimeDays: 99 })),
          }),
      ],
      [
        'partner.timestamp_out_of_window',
        partnerRequest(t.app, erp, 'PUT', path, partBody(3), { timestamp: now - 600 }).send,
      ],
      [
        'partner.timestamp_out_of_window',
        partnerRequest(t.app, erp, 'PUT', path, partBody(3), { timestamp: now + 600 }).send,
      ],
      ['partner.signature_replayed', good.send],
      [
        'partner.signature_missing',
        partnerRequest(t.app, erp, 'PUT', path, partBody(3), { headers: { 'OpenC2B-Signature': '' } }).send,
      ],
      [
        'partner.timestamp_invalid',
        partnerRequest(t.app, erp, 'PUT', path, partBody(3), {
          headers: { 'OpenC2B-Timestamp': 'yesterday' },
        }).send,
      ],
    ];
    for (const [code, send] of cases) {
      const res = await send();
      expect(res.status, code).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(((await res.json()) as Problem).code).toBe(code);
    }
    expect(await businessState()).toEqual(before);
    expect((await getPart('QC-TEST-SIG')).leadTimeDays).toBe(12);
  });

  it('refuses an unknown or revoked key (401) before anything else', async () => {
    const res = await sendPartner<Problem>(t.app, { ...erp, secret: 'c2bk_nope' }, 'PUT', path, partBody(4));
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('identity.invalid_api_key');
  });

  it('refuses a malformed body with 400 naming the field, changing nothing', async () => {
    const before = await businessState();
    const cases: [unknown, string][] = [
      [partBody(5, { leadTimeDays: -1 }), 'leadTimeDays'],
      [partBody(5, { colour: 'red' }), 'colour'],
      [{ ...partBody(5), unit: undefined }, 'unit'],
      [partBody(-5), 'sourceVersion'],
      [partBody('2026-13-45T99:00:00Z'), 'sourceVersion'],
      [partBody(5, { name: { 'zh-CN': '滑轨' } }), 'name.en'],
    ];
    for (const [body, field] of cases) {
      const res = await sendPartner<Problem>(t.app, erp, 'PUT', path, body);
      expect(res.status, field).toBe(400);
      expect(res.res.headers.get('content-type')).toContain('application/problem+json');
      expect(
        res.body.errors?.map((e) => e.path),
        field,
      ).toContain(field);
    }
    const badJson = await sendPartner<Problem>(t.app, erp, 'PUT', path, undefined, {
      rawBody: '{"sourceVersion": 5,',
    });
    expect(badJson.status).toBe(400);
    expect(badJson.body.code).toBe('validation.malformed_json');
    const after = await businessState();
    // A signature is used up even when the body is refused; nothing else is written.
    expect({ ...after, seen: [] }).toEqual({ ...before, seen: [] });
    expect(after.seen.length).toBe(before.seen.length + 7);
  });

  it('refuses a supplier code that is not a supplier (400), changing nothing', async () => {
    const before = await businessState();
    const res = await sendPartner<Problem>(t.app, erp, 'PUT', path, partBody(6, { supplierCode: 'DLR-SH' }));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('partner.unknown_supplier');
    expect(res.body.errors?.[0]?.path).toBe('supplierCode');
    const after = await businessState();
    expect({ ...after, seen: [] }).toEqual({ ...before, seen: [] });
  });
});

describe('ERP parts and prices', () => {
  it('creates a part from the ERP, bilingual, with its supplier', async () => {
    const res = await sendPartner<Ack>(t.app, erp, 'PUT', '/partner/erp/parts/QC-TEST-RAIL', partBody(1));
    expect(res.status).toBe(200);
    const part = await getPart('QC-TEST-RAIL');
    expect(res.body).toEqual({
      applied: true,
      entity: 'part',
      naturalKey: 'QC-TEST-RAIL',
      version: '1',
      id: part.id,
    });
    expect(part).toMatchObject({
      name: { 'zh-CN': '座椅滑轨', en: 'Seat rail' },
      supplierOrgId: orgId('SUP-SEAT'),
      leadTimeDays: 12,
      unit: 'pair',
      sequenced: false,
      active: true,
      unitPrice: null,
    });
  });

  it('answers a re-send with the same answer and changes nothing', async () => {
    const path = '/partner/erp/parts/QC-TEST-RAIL';
    const first = await sendPartner<Ack>(t.app, erp, 'PUT', path, partBody(2, { leadTimeDays: 14 }));
    expect(first.status).toBe(200);
    expect(first.res.headers.get('idempotent-replayed')).toBeNull();
    const before = await businessState();
    // the same content in another key order, signed anew
    const { sourceVersion, ...rest } = partBody(2, { leadTimeDays: 14 });
    const again = await sendPartner<Ack>(t.app, erp, 'PUT', path, { ...rest, sourceVersion });
    expect(again.status).toBe(first.status);
    expect(again.body).toEqual(first.body);
    expect(again.res.headers.get('idempotent-replayed')).toBe('true');
    const after = await businessState();
    expect({ ...after, seen: [] }).toEqual({ ...before, seen: [] });
  });

  it('refuses a version already applied with other content (409)', async () => {
    const res = await sendPartner<Problem>(
      t.app,
      erp,
      'PUT',
      '/partner/erp/parts/QC-TEST-RAIL',
      partBody(2, { leadTimeDays: 15 }),
    );
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('partner.version_reused');
    expect((await getPart('QC-TEST-RAIL')).leadTimeDays).toBe(14);
  });

  it('the newest version wins whatever the arrival order', async () => {
    const versions = [
      { v: 3, days: 30 },
      { v: 1, days: 10 },
      { v: 5, days: 50 },
      { v: 2, days: 20 },
      { v: 4, days: 40 },
    ];
    const answers: Ack[] = [];
    for (const { v, days } of versions) {
      const res = await sendPartner<Ack>(
        t.app,
        erp,
        'PUT',
        '/partner/erp/parts/QC-TEST-ORDER',
        partBody(v, { leadTimeDays: days }),
      );
      expect(res.status).toBe(200);
      answers.push(res.body);
      const part = await getPart('QC-TEST-ORDER');
      expect(part.leadTimeDays).toBe(Math.max(...versions.slice(0, answers.length).map((x) => x.days)));
    }
    expect(answers.map((a) => a.applied)).toEqual([true, false, true, false, false]);
    expect(answers[1]).toMatchObject({ applied: false, reason: 'stale', version: '1', appliedVersion: '3' });
    expect(answers[4]).toMatchObject({ applied: false, reason: 'stale', version: '4', appliedVersion: '5' });
    expect(answers[1]?.id).toBe(answers[0]?.id);
  });

  it('orders change times to the microsecond, across offsets', async () => {
    const path = '/partner/erp/parts/QC-TEST-TIME';
    const later = await sendPartner<Ack>(
      t.app,
      erp,
      'PUT',
      path,
      partBody('2026-03-01T16:00:00.000002+08:00', { leadTimeDays: 2 }),
    );
    expect(later.body.applied).toBe(true);
    const earlier = await sendPartner<Ack>(
      t.app,
      erp,
      'PUT',
      path,
      partBody('2026-03-01T08:00:00.000001Z', { leadTimeDays: 1 }),
    );
    expect(earlier.body).toMatchObject({ applied: false, reason: 'stale' });
    expect((await getPart('QC-TEST-TIME')).leadTimeDays).toBe(2);
    const counter = await sendPartner<Problem>(t.app, erp, 'PUT', path, partBody(99, { leadTimeDays: 3 }));
    expect(counter.status).toBe(409);
    expect(counter.body.code).toBe('partner.version_kind_changed');
  });

  it('sets unit prices in minor units, versioned apart from the master data', async () => {
    const path = '/partner/erp/parts/QC-TEST-RAIL/price';
    const set = await sendPartner<Ack>(t.app, erp, 'PUT', path, {
      sourceVersion: 1,
      unitPrice: { amount: 12_800, currency: 'CNY' },
    });
    expect(set.body).toMatchObject({ applied: true, entity: 'part_price', version: '1' });
    const stale = await sendPartner<Ack>(t.app, erp, 'PUT', path, { sourceVersion: 0, unitPrice: null });
    expect(stale.body).toMatchObject({ applied: false, reason: 'stale' });
    expect((await getPart('QC-TEST-RAIL')).unitPrice).toEqual({ amount: 12_800, currency: 'CNY' });
    const bad = await sendPartner<Problem>(t.app, erp, 'PUT', path, {
      sourceVersion: 2,
      unitPrice: { amount: 12.5, currency: 'CNY' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.path)).toContain('unitPrice.amount');
    const unknown = await sendPartner<Problem>(t.app, erp, 'PUT', '/partner/erp/parts/QC-NO-SUCH/price', {
      sourceVersion: 1,
      unitPrice: { amount: 1, currency: 'CNY' },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('bom.part_not_found');
    // the master data kept its own version
    expect(
      (await sendPartner<Ack>(t.app, erp, 'PUT', '/partner/erp/parts/QC-TEST-RAIL', partBody(1))).body,
    ).toMatchObject({ applied: false, reason: 'stale', appliedVersion: '2' });
  });

  it('a lead-time change moves the delivery promise, and is published with the old one', async () => {
    const ctx = systemCtx(t.deps, 'test');
    const before = await longestLeadTimeDays(ctx, { modelLine: 'qc-d90-pro', selection: {} });
    const ecoat = await getPart('QC-PNT-ECOAT');
    // The earliest date the storefront offers for a D90 Pro at the Shanghai dealer.
    const car = await configurationOf(ctx, 'qc-d90-pro');
    const earliest = async () => {
      const res = await testClient(t.app).json<{ earliest: string | null }>(
        'GET',
        `/store/delivery-calendar/earliest?modelLine=qc-d90-pro&configurationCode=${encodeURIComponent(car.code)}&dealerId=${orgId('DLR-SH')}`,
      );
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.earliest;
    };
    const earliestBefore = await earliest();
    expect(earliestBefore).not.toBeNull();
    const res = await sendPartner<Ack>(t.app, erp, 'PUT', '/partner/erp/parts/QC-PNT-ECOAT', {
      sourceVersion: 1,
      name: ecoat.name,
      supplierCode: 'SUP-PAINT',
      leadTimeDays: 70,
      unit: ecoat.unit,
    });
    expect(res.body.applied).toBe(true);
    expect(before).toBeLessThan(70);
    expect(await longestLeadTimeDays(ctx, { modelLine: 'qc-d90-pro', selection: {} })).toBe(70);
    // Every car needs the e-coat: no production day before it can arrive, so no date either.
    const earliestAfter = await earliest();
    expect(earliestAfter).not.toBeNull();
    const today = new Date().toISOString().slice(0, 10);
    const partsReady = new Date(Date.parse(today) + 70 * 86_400_000).toISOString().slice(0, 10);
    expect((earliestAfter ?? '') > partsReady).toBe(true);
    expect((earliestAfter ?? '') > (earliestBefore ?? '')).toBe(true);
    const events = await rows(
      `select payload from platform.outbox where type = 'bom.part_updated' and aggregate_id = '${ecoat.id}'`,
    );
    expect(events).toHaveLength(1);
    expect((events[0] as { payload: unknown }).payload).toMatchObject({
      changes: ['leadTimeDays'],
      leadTimeDays: 70,
      previousLeadTimeDays: ecoat.leadTimeDays,
    });
    const audit = await rows(
      `select actor_kind, actor_id from platform.audit_log where action = 'bom.part_updated' and target_id = '${ecoat.id}'`,
    );
    expect(audit).toEqual([{ actor_kind: 'api_key', actor_id: erp.id }]);
  });

  it('refuses to deactivate a part of a current BOM (409), and the version stays unapplied', async () => {
    const ecoat = await getPart('QC-PNT-ECOAT');
    const body = {
      sourceVersion: 2,
      name: ecoat.name,
      supplierCode: 'SUP-PAINT',
      leadTimeDays: 70,
      unit: ecoat.unit,
    };
    const res = await sendPartner<Problem>(t.app, erp, 'PUT', '/partner/erp/parts/QC-PNT-ECOAT', {
      ...body,
      active: false,
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('bom.part_in_use');
    // version 2 was not used up by the refusal: the ERP can send it again once it is right
    const retry = await sendPartner<Ack>(t.app, erp, 'PUT', '/partner/erp/parts/QC-PNT-ECOAT', body);
    expect(retry.body).toMatchObject({ applied: true, version: '2' });
  });
});

describe('CRM leads', () => {
  let shStaff: TestClient;
  let bjStaff: TestClient;

  beforeAll(async () => {
    shStaff = testClient(t.app);
    expect((await shStaff.signIn('sales.sh@qicheng.example')).status).toBe(200);
    bjStaff = testClient(t.app);
    expect((await bjStaff.signIn('sales.bj@qicheng.example')).status).toBe(200);
  });

  it('creates leads and assigns them by preferred dealer or by city; the answer carries no personal data', async () => {
    const byCity = await sendPartner<Ack>(t.app, crm, 'PUT', '/partner/crm/leads/CRM-1', leadBody(1));
    expect(byCity.status).toBe(200);
    expect(byCity.body).toEqual({
      applied: true,
      entity: 'lead',
      naturalKey: 'CRM-1',
      version: '1',
      id: expect.stringMatching(/^lead_/),
    });
    expect(JSON.stringify(byCity.body)).not.toMatch(/王小明|13800138000/);
    const preferred = await sendPartner<Ack>(
      t.app,
      crm,
      'PUT',
      '/partner/crm/leads/CRM-2',
      leadBody(1, { name: 'Li Wei', phone: '+86 139 0000 0002', preferredDealerCode: 'DLR-BJ' }),
    );
    expect(preferred.body.applied).toBe(true);
    const nowhere = await sendPartner<Ack>(
      t.app,
      crm,
      'PUT',
      '/partner/crm/leads/CRM-3',
      leadBody(1, { name: '张三', phone: '13900000003', city: '拉萨' }),
    );
    expect(nowhere.body.applied).toBe(true);

    const sh = await shStaff.json<{ items: Lead[] }>('GET', '/dealer/leads');
    expect(sh.status).toBe(200);
    expect(sh.body.items.map((l) => l.sourceId)).toEqual(['CRM-1']);
    expect(sh.body.items[0]).toMatchObject({
      name: '王小明',
      phone: '+8613800138000',
      city: '上海',
      stage: 'new',
    });
    const bj = await bjStaff.json<{ items: Lead[] }>('GET', '/dealer/leads');
    expect(bj.body.items.map((l) => l.sourceId)).toEqual(['CRM-2']);
  });

  it('dealer staff see their own dealer’s leads only: another dealer’s lead is 404', async () => {
    const bj = await bjStaff.json<{ items: Lead[] }>('GET', '/dealer/leads');
    const bjLead = bj.body.items[0];
    if (!bjLead) throw new Error('no Beijing lead');
    expect((await bjStaff.json('GET', `/dealer/leads/${bjLead.id}`)).status).toBe(200);
    const other = await shStaff.json<Problem>('GET', `/dealer/leads/${bjLead.id}`);
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('leads.lead_not_found');
    const unknown = await shStaff.json<Problem>('GET', '/dealer/leads/lead_00000000000000000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('leads.lead_not_found');
  });

  it('applies the newest version whatever the order, and moves the lead on a new preferred dealer', async () => {
    const v3 = await sendPartner<Ack>(
      t.app,
      crm,
      'PUT',
      '/partner/crm/leads/CRM-1',
      leadBody(3, { stage: 'test_drive' }),
    );
    expect(v3.body.applied).toBe(true);
    const v2 = await sendPartner<Ack>(
      t.app,
      crm,
      'PUT',
      '/partner/crm/leads/CRM-1',
      leadBody(2, { stage: 'contacted', preferredDealerCode: 'DLR-BJ' }),
    );
    expect(v2.body).toMatchObject({ applied: false, reason: 'stale', appliedVersion: '3' });
    const sh = await shStaff.json<{ items: Lead[] }>('GET', '/dealer/leads');
    expect(sh.body.items.find((l) => l.sourceId === 'CRM-1')?.stage).toBe('test_drive');

    const moved = await sendPartner<Ack>(
      t.app,
      crm,
      'PUT',
      '/partner/crm/leads/CRM-1',
      leadBody(4, { stage: 'negotiating', preferredDealerCode: 'DLR-BJ' }),
    );
    expect(moved.body.applied).toBe(true);
    expect((await shStaff.json<{ items: Lead[] }>('GET', '/dealer/leads')).body.items).toEqual([]);
    const bj = await bjStaff.json<{ items: Lead[] }>('GET', '/dealer/leads?stage=negotiating');
    expect(bj.body.items.map((l) => l.sourceId)).toEqual(['CRM-1']);
    const events = await rows(
      `select type, payload from platform.outbox where type like 'leads.%' and aggregate_id = '${moved.body.id}' order by seq`,
    );
    expect(events.map((e) => (e as { type: string }).type)).toEqual([
      'leads.lead_received',
      'leads.lead_assigned',
      'leads.lead_stage_changed',
      'leads.lead_stage_changed',
      'leads.lead_assigned',
    ]);
    // events travel to other systems: never the person's name or phone
    expect(JSON.stringify(events)).not.toMatch(/王小明|13800138000/);
  });

  it('refuses bad lead data with 400 naming the field, changing nothing', async () => {
    const before = await businessState();
    const cases: [Record<string, unknown>, string, string][] = [
      [leadBody(1, { phone: '12345' }), 'phone', 'leads.invalid_phone'],
      [leadBody(1, { name: '<b>x</b>' }), 'name', 'leads.invalid_name'],
      [leadBody(1, { modelLine: 'qc-nope' }), 'modelLine', 'leads.unknown_model_line'],
      [leadBody(1, { stage: 'hot' }), 'stage', 'validation.invalid_request'],
      [leadBody(1, { email: 'x@example.com' }), 'email', 'validation.invalid_request'],
    ];
    for (const [body, field, code] of cases) {
      const res = await sendPartner<Problem>(t.app, crm, 'PUT', '/partner/crm/leads/CRM-9', body);
      expect(res.status, field).toBe(400);
      expect(res.body.code, field).toBe(code);
      expect(
        res.body.errors?.map((e) => e.path),
        field,
      ).toContain(field);
    }
    const after = await businessState();
    expect({ ...after, seen: [] }).toEqual({ ...before, seen: [] });
  });

  it('no partner key reads leads back', async () => {
    for (const key of [crm, allScopes]) {
      expect((await sendPartner(t.app, key, 'GET', '/dealer/leads')).status).toBe(403);
      expect((await sendPartner(t.app, key, 'GET', '/partner/crm/leads/CRM-1')).status).toBe(404);
    }
  });
});

describe('DMS dealer stock', () => {
  // A VIN with its check digit (9th character), as production computes it.
  const base = 'LSCD90P20R0000017';
  const VIN = `${base.slice(0, 8)}${vinCheckDigit(base)}${base.slice(9)}`;
  const wrongCheckDigit = `${base.slice(0, 8)}${vinCheckDigit(base) === '1' ? '2' : '1'}${base.slice(9)}`;
  let dmsSh: PartnerKey;
  let dmsBj: PartnerKey;
  type Stock = {
    vin: string;
    modelLine: string;
    usage: string;
    status: string;
    configurationCode: string | null;
  };
  const stockBody = (sourceVersion: number, extra: Record<string, unknown> = {}) => ({
    sourceVersion,
    modelLine: 'qc-d90-pro',
    configurationCode: 'D90-DEMO-1',
    usage: 'demo',
    status: 'available',
    ...extra,
  });

  beforeAll(async () => {
    dmsSh = await createKey('DMS Pudong', 'DLR-SH', ['dms:stock']);
    dmsBj = await createKey('DMS Chaoyang', 'DLR-BJ', ['dms:stock']);
  });

  async function stockOf(login: string): Promise<Stock[]> {
    const c = testClient(t.app);
    expect((await c.signIn(login)).status).toBe(200);
    const res = await c.json<{ items: Stock[] }>('GET', '/dealer/stock');
    expect(res.status).toBe(200);
    return res.body.items;
  }

  it('is for dealer keys only', async () => {
    const res = await admin.json<Problem>('POST', '/admin/api-keys', {
      body: { name: 'HQ DMS', orgId: orgId('QC-HQ'), scopes: ['dms:stock'] },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors?.map((e) => e.path)).toEqual(['scopes.0']);
    expect(
      (await sendPartner(t.app, dmsSh, 'PUT', '/partner/erp/parts/QC-TEST-RAIL', partBody(9))).status,
    ).toBe(403);
    expect((await sendPartner(t.app, erp, 'PUT', `/partner/dms/stock/${VIN}`, stockBody(1))).status).toBe(
      403,
    );
  });

  it("writes only the key's own dealer's stock, seen by that dealer's staff only", async () => {
    const res = await sendPartner<Ack>(t.app, dmsSh, 'PUT', `/partner/dms/stock/${VIN}`, stockBody(1));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      applied: true,
      entity: 'stock_vehicle',
      naturalKey: `DLR-SH/${VIN}`,
      version: '1',
      id: VIN,
    });
    expect(await stockOf('sales.sh@qicheng.example')).toEqual([
      expect.objectContaining({ vin: VIN, modelLine: 'qc-d90-pro', usage: 'demo', status: 'available' }),
    ]);
    expect(await stockOf('sales.bj@qicheng.example')).toEqual([]);
    // the Beijing DMS reporting the same VIN writes Beijing's row, with its own versions
    const bj = await sendPartner<Ack>(
      t.app,
      dmsBj,
      'PUT',
      `/partner/dms/stock/${VIN}`,
      stockBody(1, { status: 'in_transit', usage: 'for_sale' }),
    );
    expect(bj.body.applied).toBe(true);
    expect((await stockOf('sales.sh@qicheng.example'))[0]?.status).toBe('available');
    expect((await stockOf('sales.bj@qicheng.example'))[0]?.status).toBe('in_transit');
  });

  it('keeps the newest version whatever the order, and refuses bad records changing nothing', async () => {
    const path = `/partner/dms/stock/${VIN}`;
    expect(
      (await sendPartner<Ack>(t.app, dmsSh, 'PUT', path, stockBody(3, { status: 'sold' }))).body.applied,
    ).toBe(true);
    expect(
      (await sendPartner<Ack>(t.app, dmsSh, 'PUT', path, stockBody(2, { status: 'reserved' }))).body,
    ).toMatchObject({
      applied: false,
      reason: 'stale',
    });
    expect((await stockOf('sales.sh@qicheng.example'))[0]?.status).toBe('sold');
    const before = await businessState();
    const badVin = await sendPartner<Problem>(
      t.app,
      dmsSh,
      'PUT',
      '/partner/dms/stock/LSCD90P26R000001O',
      stockBody(4),
    );
    expect(badVin.status).toBe(400);
    expect(badVin.body.errors?.map((e) => e.path)).toContain('param.vin');
    const badCheck = await sendPartner<Problem>(
      t.app,
      dmsSh,
      'PUT',
      `/partner/dms/stock/${wrongCheckDigit}`,
      stockBody(4),
    );
    expect(badCheck.status).toBe(400);
    expect(badCheck.body.code).toBe('dealers.invalid_vin');
    expect(badCheck.body.errors?.map((e) => e.path)).toEqual(['vin']);
    const badLine = await sendPartner<Problem>(
      t.app,
      dmsSh,
      'PUT',
      path,
      stockBody(4, { modelLine: 'qc-nope' }),
    );
    expect(badLine.status).toBe(400);
    expect(badLine.body.code).toBe('partner.unknown_model_line');
    const badUsage = await sendPartner<Problem>(t.app, dmsSh, 'PUT', path, stockBody(4, { usage: 'rental' }));
    expect(badUsage.body.errors?.map((e) => e.path)).toContain('usage');
    const after = await businessState();
    expect({ ...after, seen: [] }).toEqual({ ...before, seen: [] });
  });
});

describe('partner request log', () => {
  it('shows every request of a known key with its result, to admins only', async () => {
    const log = await admin.json<{
      items: {
        keyName: string | null;
        system: string;
        endpoint: string;
        naturalKey: string | null;
        result: string;
        code: string | null;
        version: string | null;
      }[];
    }>('GET', '/admin/partner-requests?naturalKey=QC-TEST-ORDER');
    expect(log.status).toBe(200);
    expect(log.body.items.map((e) => `${e.result} ${e.version}`).reverse()).toEqual([
      'applied 3',
      'stale 1',
      'applied 5',
      'stale 2',
      'stale 4',
    ]);
    expect(log.body.items[0]).toMatchObject({
      keyName: 'SAP ERP',
      system: 'erp',
      endpoint: 'PUT /partner/erp/parts/{partNumber}',
    });

    const rail = await admin.json<{ items: { result: string; code: string | null }[] }>(
      'GET',
      '/admin/partner-requests?naturalKey=QC-TEST-RAIL',
    );
    const results = rail.body.items.map((e) => e.result);
    expect(results).toContain('duplicate');
    expect(rail.body.items.filter((e) => e.result === 'refused').map((e) => e.code)).toEqual(
      expect.arrayContaining(['partner.version_reused', 'identity.forbidden']),
    );

    const sig = await admin.json<{ items: { result: string; code: string | null }[] }>(
      'GET',
      `/admin/partner-requests?naturalKey=QC-TEST-SIG&result=refused&keyId=${erp.id}`,
    );
    expect(sig.body.items.map((e) => e.code)).toEqual(
      expect.arrayContaining([
        'partner.signature_invalid',
        'partner.timestamp_out_of_window',
        'partner.signature_replayed',
        'validation.invalid_request',
        'validation.malformed_json',
      ]),
    );

    const page = await admin.json<{ items: unknown[]; nextCursor: string | null }>(
      'GET',
      '/admin/partner-requests?limit=2',
    );
    expect(page.body.items).toHaveLength(2);
    expect(page.body.nextCursor).not.toBeNull();
    const next = await admin.json<{ items: { id: string }[] }>(
      'GET',
      `/admin/partner-requests?limit=2&cursor=${page.body.nextCursor}`,
    );
    expect(next.body.items).toHaveLength(2);

    const dealer = testClient(t.app);
    expect((await dealer.signIn('sales.sh@qicheng.example')).status).toBe(200);
    expect((await dealer.json('GET', '/admin/partner-requests')).status).toBe(403);
    expect((await sendPartner(t.app, allScopes, 'GET', '/admin/partner-requests')).status).toBe(403);
  });
});
