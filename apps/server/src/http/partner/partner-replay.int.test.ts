/**
 * A captured partner request replayed (issue #7): inside the five-minute window its signature
 * was used up; after the window, when the seen-signature record is gone, its old timestamp
 * alone refuses it. Nothing changes either way. The server's clock is a manual one, so the
 * window passes when the test says so.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SIGNATURE_TOLERANCE_SECONDS } from '../../modules/partner/index.ts';
import { type ManualClock, manualClock } from '../../platform/clock.ts';
import { seedDemoData } from '../../seed/index.ts';
import { createTestApp, type TestApp } from '../../testing/create-test-app.ts';
import { signedIn } from '../../testing/orders-fixtures.ts';
import { type PartnerKey, partnerRequest, sendPartner } from '../../testing/partner-client.ts';
import { createPartnerKey } from '../../testing/partner-keys.ts';

let t: TestApp;
let clock: ManualClock;
let erp: PartnerKey;

const PATH = '/partner/erp/parts/QC-TEST-REPLAY';
const body = (sourceVersion: number, leadTimeDays: number) => ({
  sourceVersion,
  name: { 'zh-CN': '座椅滑轨', en: 'Seat rail' },
  supplierCode: 'SUP-SEAT',
  leadTimeDays,
  unit: 'pair',
});
const seconds = () => Math.floor(clock.now().getTime() / 1000);

async function rows(query: string): Promise<unknown[]> {
  return (await sql.raw(query).execute(t.db)).rows;
}

async function state() {
  return {
    parts: await rows("select * from bom.parts where part_number = 'QC-TEST-REPLAY'"),
    versions: await rows('select * from partner.source_versions order by system, entity, natural_key'),
    outbox: await rows('select id from platform.outbox order by seq'),
  };
}

beforeAll(async () => {
  clock = manualClock(new Date());
  t = await createTestApp({ clock });
  await seedDemoData(t.deps);
  const admin = await signedIn(t, 'admin@qicheng.example');
  const orgs = await admin.json<{ items: { id: string; code: string }[] }>('GET', '/admin/organisations');
  const hq = orgs.body.items.find((o) => o.code === 'QC-HQ')?.id ?? '';
  erp = await createPartnerKey(admin, { name: 'SAP ERP', orgId: hq, scopes: ['erp:parts'] });
}, 120_000);

afterAll(async () => {
  await t?.close();
});

it('refuses a captured request replayed inside the window (used signature) and after it (old timestamp), changing nothing', async () => {
  const captured = partnerRequest(t.app, erp, 'PUT', PATH, body(1, 12), { timestamp: seconds() });
  const first = await captured.send();
  expect(first.status).toBe(200);
  const signature = captured.headers['OpenC2B-Signature'] ?? '';
  expect(await rows(`select 1 from partner.seen_signatures where signature = '${signature}'`)).toHaveLength(
    1,
  );
  const before = await state();

  const again = await captured.send();
  expect(again.status).toBe(401);
  expect(again.headers.get('content-type')).toContain('application/problem+json');
  expect(((await again.json()) as { code: string }).code).toBe('partner.signature_replayed');

  // The window passes; a new request (signed now) lets the server forget the old signature.
  clock.advance((SIGNATURE_TOLERANCE_SECONDS + 60) * 1000);
  const fresh = await sendPartner<{ applied: boolean }>(
    t.app,
    erp,
    'PUT',
    '/partner/erp/parts/QC-TEST-OTHER',
    body(1, 5),
    {
      timestamp: seconds(),
    },
  );
  expect(fresh.status).toBe(200);
  expect(await rows(`select 1 from partner.seen_signatures where signature = '${signature}'`)).toEqual([]);

  const late = await captured.send();
  expect(late.status).toBe(401);
  expect(late.headers.get('content-type')).toContain('application/problem+json');
  expect(((await late.json()) as { code: string }).code).toBe('partner.timestamp_out_of_window');
  const after = await state();
  expect(after.parts).toEqual(before.parts);
  // Only the fresh request's part and version were added.
  expect(after.versions.length).toBe(before.versions.length + 1);
});
