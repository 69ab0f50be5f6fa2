import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../seed/index.ts';
import { createTestApp, type TestApp } from '../../testing/create-test-app.ts';
import { type TestClient, testClient } from '../test-client.ts';

type Org = { id: string; code: string; kind: string; name: { 'zh-CN': string; en: string } };
type Problem = { status: number; code: string; errors?: { path: string }[] };

let t: TestApp;
let admin: TestClient;
let orgs: Map<string, Org>;

const orgId = (code: string) => orgs.get(code)?.id ?? '';

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoData(t.deps);
  admin = testClient(t.app);
  expect((await admin.signIn('admin@qicheng.example')).status).toBe(200);
  const list = await admin.json<{ items: Org[] }>('GET', '/admin/organisations');
  orgs = new Map(list.body.items.map((o) => [o.code, o]));
});
afterAll(async () => {
  await t?.close();
});

async function signedIn(login: string, password = 'demo1234'): Promise<TestClient> {
  const c = testClient(t.app);
  expect((await c.signIn(login, password)).status).toBe(200);
  return c;
}

describe('organisations', () => {
  it('lists the brand, plant, five dealers and eight suppliers with bilingual names and coordinates', async () => {
    expect([...orgs.values()].map((o) => o.kind).sort()).toEqual(
      [
        'brand',
        'dealer',
        'dealer',
        'dealer',
        'dealer',
        'dealer',
        'plant',
        ...Array(8).fill('supplier'),
      ].sort(),
    );
    const dealers = await admin.json<{ items: (Org & { city: { en: string }; lat: number })[] }>(
      'GET',
      '/admin/organisations?kind=dealer',
    );
    expect(dealers.body.items.map((d) => d.city.en).sort()).toEqual([
      'Beijing',
      'Chengdu',
      'Guangzhou',
      'Hangzhou',
      'Shanghai',
    ]);
    expect(dealers.body.items.every((d) => d.lat > 20 && d.lat < 41)).toBe(true);
  });

  it('is open to analysts, closed to customers (403) and anonymous callers (401)', async () => {
    expect(
      (await (await signedIn('analyst@qicheng.example')).json('GET', '/admin/organisations')).status,
    ).toBe(200);
    const customer = await (await signedIn('customer@example.com')).json<Problem>(
      'GET',
      '/admin/organisations',
    );
    expect(customer.status).toBe(403);
    expect(customer.body.code).toBe('identity.forbidden');
    const anonymous = await testClient(t.app).json<Problem>('GET', '/admin/organisations');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('identity.unauthenticated');
  });
});

describe('users', () => {
  it('pages through all accounts', async () => {
    const first = await admin.json<{ items: { id: string }[]; nextCursor: string | null }>(
      'GET',
      '/admin/users?limit=4',
    );
    expect(first.body.items).toHaveLength(4);
    expect(first.body.nextCursor).toBeTruthy();
    const rest = await admin.json<{ items: { id: string }[]; nextCursor: string | null }>(
      'GET',
      `/admin/users?limit=200&cursor=${first.body.nextCursor}`,
    );
    expect(rest.body.nextCursor).toBeNull();
    expect(first.body.items.length + rest.body.items.length).toBe(10);
    expect(JSON.stringify(rest.body)).not.toMatch(/scrypt|password/i);
  });

  it('creates staff bound to an organisation of the right kind, and audits it', async () => {
    const created = await admin.json<{ user: { id: string; role: string; orgId: string } }>(
      'POST',
      '/admin/users',
      {
        body: {
          name: '黄磊 Huang Lei',
          email: 'sales.gz@qicheng.example',
          password: 'welcome-123',
          role: 'dealer_staff',
          orgId: orgId('DLR-GZ'),
        },
      },
    );
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({ role: 'dealer_staff', orgId: orgId('DLR-GZ') });

    const gz = await signedIn('sales.gz@qicheng.example', 'welcome-123');
    expect((await gz.json<{ dealership: Org }>('GET', '/dealer/dealership')).body.dealership.code).toBe(
      'DLR-GZ',
    );

    const mismatch = await admin.json<Problem>('POST', '/admin/users', {
      body: {
        name: 'X',
        email: 'x@qicheng.example',
        password: 'welcome-123',
        role: 'planner',
        orgId: orgId('DLR-GZ'),
      },
    });
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.code).toBe('identity.role_org_mismatch');

    const audit = await admin.json<{ items: { action: string; targetId: string; actorKind: string }[] }>(
      'GET',
      '/admin/audit-log',
    );
    expect(audit.status).toBe(200);
    expect(audit.body.items).toContainEqual(
      expect.objectContaining({
        action: 'identity.user_created',
        targetId: created.body.user.id,
        actorKind: 'staff',
      }),
    );
    expect(audit.body.items.some((e) => e.action === 'identity.signed_in')).toBe(true);
  });

  it('lets only admins create accounts', async () => {
    const analyst = await signedIn('analyst@qicheng.example');
    const r = await analyst.json<Problem>('POST', '/admin/users', {
      body: {
        name: 'X',
        email: 'y@qicheng.example',
        password: 'welcome-123',
        role: 'admin',
        orgId: orgId('QC-HQ'),
      },
    });
    expect(r.status).toBe(403);
  });
});

describe('API keys', () => {
  it('creates a key shown once, uses it within its scope and organisation, and revokes it', async () => {
    const created = await admin.json<{
      apiKey: { id: string; prefix: string; lastUsedAt: string | null };
      secret: string;
    }>('POST', '/admin/api-keys', {
      body: { name: 'Tyre ERP', orgId: orgId('SUP-TYRE'), scopes: ['partner:read'] },
    });
    expect(created.status).toBe(201);
    const { secret, apiKey } = created.body;
    expect(secret.startsWith(apiKey.prefix)).toBe(true);
    const bearer = { authorization: `Bearer ${secret}` };

    const listed = await admin.json<{ items: unknown[] }>('GET', '/admin/api-keys');
    expect(JSON.stringify(listed.body)).not.toContain(secret);

    const own = await t.app.request('/partner/organisation', { headers: bearer });
    expect(own.status).toBe(200);
    expect(((await own.json()) as { organisation: Org }).organisation.code).toBe('SUP-TYRE');

    const after = await admin.json<{ items: { id: string; lastUsedAt: string | null }[] }>(
      'GET',
      '/admin/api-keys',
    );
    expect(after.body.items.find((k) => k.id === apiKey.id)?.lastUsedAt).toBeTruthy();

    // Out of scope: 403, whatever the route.
    for (const path of ['/admin/users', '/dealer/dealership', '/factory/me', '/auth/me']) {
      const r = await t.app.request(path, { headers: bearer });
      expect(r.status, path).toBe(403);
    }

    expect((await admin.request('DELETE', `/admin/api-keys/${apiKey.id}`)).status).toBe(204);
    const revoked = await t.app.request('/partner/organisation', { headers: bearer });
    expect(revoked.status).toBe(401);
    expect(((await revoked.json()) as Problem).code).toBe('identity.invalid_api_key');
    expect((await admin.request('DELETE', `/admin/api-keys/${apiKey.id}`)).status).toBe(204);
    const missing = await admin.json<Problem>('DELETE', '/admin/api-keys/key_01JD0000000000000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('identity.api_key_not_found');
  });

  it('refuses unknown keys, malformed Authorization headers and unknown scopes', async () => {
    for (const authorization of ['Bearer c2bk_not-a-key', 'Basic YWRtaW46ZGVtbzEyMzQ=', 'Bearer']) {
      const r = await t.app.request('/store/brand', { headers: { authorization } });
      expect(r.status, authorization).toBe(401);
    }
    const r = await admin.json<Problem>('POST', '/admin/api-keys', {
      body: { name: 'X', orgId: orgId('SUP-TYRE'), scopes: ['admin:all'] },
    });
    expect(r.status).toBe(400);
    expect(r.body.errors?.[0]?.path).toMatch(/^scopes/);
  });
});

describe('dealer, partner and factory views', () => {
  it('shows dealer staff their own dealer; another dealer is 404 exactly like a missing one', async () => {
    const sh = await signedIn('sales.sh@qicheng.example');
    const own = await sh.json<{ dealership: Org & { openingHours: string } }>('GET', '/dealer/dealership');
    expect(own.body.dealership.code).toBe('DLR-SH');
    expect(own.body.dealership.openingHours).toBeTruthy();
    expect((await sh.json('GET', `/dealer/dealerships/${orgId('DLR-SH')}`)).status).toBe(200);

    const other = await sh.json<Problem & { requestId: string }>(
      'GET',
      `/dealer/dealerships/${orgId('DLR-BJ')}`,
    );
    const missing = await sh.json<Problem & { requestId: string }>(
      'GET',
      '/dealer/dealerships/org_01JD0000000000000000000000',
    );
    expect(other.status).toBe(404);
    const strip = ({
      requestId: _r,
      detail: _d,
      ...rest
    }: Problem & { requestId: string; detail?: string }) => rest;
    expect(strip(other.body)).toEqual(strip(missing.body));
    expect(other.body.code).toBe('identity.dealership_not_found');

    const staff = await sh.json<{ items: { email: string }[] }>('GET', '/dealer/staff');
    expect(staff.body.items.map((u) => u.email)).toEqual(['sales.sh@qicheng.example']);
  });

  it('shows a supplier user their organisation and a planner their plant', async () => {
    const supplier = await signedIn('supplier@seating.example');
    expect(
      (await supplier.json<{ organisation: Org }>('GET', '/partner/organisation')).body.organisation.code,
    ).toBe('SUP-SEAT');
    const planner = await signedIn('planner@qicheng.example');
    const me = await planner.json<{ user: { role: string }; plant: Org }>('GET', '/factory/me');
    expect(me.body.user.role).toBe('planner');
    expect(me.body.plant.code).toBe('QC-PLANT-NJ');
  });

  it('shows anyone the brand and its dealer cities', async () => {
    const r = await testClient(t.app).json<{ name: { en: string }; dealerCities: { 'zh-CN': string }[] }>(
      'GET',
      '/store/brand',
    );
    expect(r.status).toBe(200);
    expect(r.body.name.en).toBe('Qicheng Motors');
    expect(r.body.dealerCities.map((c) => c['zh-CN']).sort()).toEqual(
      ['上海', '北京', '广州', '成都', '杭州'].sort(),
    );
  });
});

describe('demo data', () => {
  it('seeds once: a second run changes nothing and prints the accounts', async () => {
    const lines = await seedDemoData(t.deps);
    expect(lines[0]).toBe('Demo data: already present.');
    expect(lines.join('\n')).toContain('demo1234');
    expect(lines.join('\n')).toContain('sales.bj@qicheng.example');
    const orgsAfter = await admin.json<{ items: Org[] }>('GET', '/admin/organisations');
    expect(orgsAfter.body.items).toHaveLength(15);
  });
});
