/**
 * Route access matrix: every operation in the app's own OpenAPI document (read at test time, so
 * new routes are covered without editing this file), called by every kind of actor. The answer
 * must be what the permission table says for the route's declared `x-permission`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorize, PERMISSIONS, type Permission } from '../modules/identity/index.ts';
import type { Actor, StaffRole } from '../platform/actor.ts';
import { STAFF_ROLES } from '../platform/actor.ts';
import { seedDemoData } from '../seed/index.ts';
import { createTestApp, type TestApp } from '../testing/create-test-app.ts';
import { testClient } from './test-client.ts';

const AUDIENCES = ['/auth', '/store', '/dealer', '/admin', '/factory', '/partner'];
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

type Operation = {
  method: (typeof METHODS)[number];
  path: string;
  permission: Permission | undefined;
  hasBody: boolean;
};
type Caller = {
  name: string;
  actor: Actor;
  request: (method: string, path: string, body?: unknown) => Promise<Response>;
};

const LOGIN_OF: Record<StaffRole, string> = {
  admin: 'admin@qicheng.example',
  dealer_staff: 'sales.sh@qicheng.example',
  planner: 'planner@qicheng.example',
  station_operator: 'operator@qicheng.example',
  supplier_user: 'supplier@seating.example',
  analyst: 'analyst@qicheng.example',
  engineer: 'engineer@qicheng.example',
  support_agent: 'support@qicheng.example',
};

let t: TestApp;
let operations: Operation[];
const callers: Caller[] = [];
const orgIds = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoData(t.deps);

  const doc = (await (await t.app.request('/openapi.json')).json()) as {
    paths: Record<string, Partial<Record<string, { 'x-permission'?: string; requestBody?: unknown }>>>;
  };
  operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const op = item[method];
      if (!op) return [];
      return [
        { method, path, permission: op['x-permission'] as Permission | undefined, hasBody: !!op.requestBody },
      ];
    }),
  );
  // Safe calls first, and calls that may end the caller's session (sign-out) last.
  const rank = (op: Operation) =>
    op.method === 'get' ? 0 : op.hasBody ? 1 : op.path.startsWith('/auth') ? 3 : 2;
  operations.sort((a, b) => rank(a) - rank(b));

  const admin = testClient(t.app);
  expect((await admin.signIn(LOGIN_OF.admin)).status).toBe(200);
  const orgs = await admin.json<{ items: { id: string; code: string }[] }>('GET', '/admin/organisations');
  for (const o of orgs.body.items) orgIds.set(o.code, o.id);
  const key = await admin.json<{ secret: string; apiKey: { id: string } }>('POST', '/admin/api-keys', {
    body: { name: 'Seat MES', orgId: orgIds.get('SUP-SEAT'), scopes: ['partner:read'] },
  });
  expect(key.status).toBe(201);

  const anonymous = testClient(t.app);
  callers.push({
    name: 'anonymous',
    actor: { kind: 'anonymous' },
    request: (m, p, body) => anonymous.request(m, p, body === undefined ? {} : { body }),
  });
  const customer = testClient(t.app);
  expect((await customer.signIn('customer@example.com')).status).toBe(200);
  const me = await customer.json<{ user: { id: string } }>('GET', '/auth/me');
  callers.push({
    name: 'customer',
    actor: { kind: 'customer', userId: me.body.user.id },
    request: (m, p, body) => customer.request(m, p, body === undefined ? {} : { body }),
  });
  for (const role of STAFF_ROLES) {
    const c = testClient(t.app);
    expect((await c.signIn(LOGIN_OF[role])).status).toBe(200);
    const u = await c.json<{ user: { id: string; orgId: string } }>('GET', '/auth/me');
    callers.push({
      name: role,
      actor: { kind: 'staff', role, userId: u.body.user.id, orgId: u.body.user.orgId },
      request: (m, p, body) => c.request(m, p, body === undefined ? {} : { body }),
    });
  }
  callers.push({
    name: 'api_key',
    actor: {
      kind: 'api_key',
      keyId: key.body.apiKey.id,
      orgId: orgIds.get('SUP-SEAT') ?? '',
      scopes: ['partner:read'],
    },
    request: async (m, p, body) =>
      t.app.request(p, {
        method: m,
        headers: {
          authorization: `Bearer ${key.body.secret}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
  });
}, 120_000);

afterAll(async () => {
  await t?.close();
});

/** Path parameters name a record of an organisation none of the callers belongs to. */
function concrete(path: string): string {
  return path.replace(/\{[^}]+\}/g, () => orgIds.get('DLR-BJ') ?? 'x');
}

describe('route access matrix', () => {
  it('finds the identity routes in the OpenAPI document', () => {
    const names = operations.map((o) => `${o.method.toUpperCase()} ${o.path}`);
    for (const expected of [
      'POST /auth/sign-in',
      'GET /admin/users',
      'GET /dealer/dealerships/{id}',
      'GET /store/brand',
    ]) {
      expect(names).toContain(expected);
    }
  });

  it('every audience route declares a known permission', () => {
    const undeclared = operations
      .filter((o) => AUDIENCES.some((a) => o.path.startsWith(`${a}/`)))
      .filter((o) => !o.permission || !(PERMISSIONS as readonly string[]).includes(o.permission))
      .map((o) => `${o.method.toUpperCase()} ${o.path}`);
    expect(undeclared).toEqual([]);
  });

  it('answers every caller on every route as the permission table says', async () => {
    const problems: string[] = [];
    // One caller at a time: sign-out (ranked last) ends only that caller's session.
    for (const caller of callers) {
      for (const op of operations) {
        const path = concrete(op.path);
        const body = op.hasBody ? {} : undefined;
        const res = await caller.request(op.method.toUpperCase(), path, body);
        const status = res.status;
        const code = status >= 400 ? ((await res.json()) as { code?: string }).code : undefined;
        const label = `${caller.name} ${op.method.toUpperCase()} ${op.path} -> ${status} ${code ?? ''}`;

        if (status >= 500) problems.push(`${label}: server error`);
        if (!op.permission) {
          // Platform routes (health, docs) are public.
          if (status === 401 || status === 403) problems.push(`${label}: platform route refused`);
          continue;
        }
        const decision = authorize(caller.actor, op.permission);
        if (!decision.ok) {
          const expected = decision.reason === 'unauthenticated' ? 401 : 403;
          if (status !== expected) problems.push(`${label}: expected ${expected}`);
        } else if (status === 401 || status === 403) {
          problems.push(`${label}: allowed by the table but refused`);
        }
        // Independent of the table: HQ routes are never open to customers, dealers or partners.
        if (
          op.path.startsWith('/admin') &&
          ['anonymous', 'customer', 'dealer_staff', 'supplier_user', 'api_key'].includes(caller.name)
        ) {
          if (status < 400) problems.push(`${label}: /admin route answered`);
        }
        // Another dealer's record is invisible, not forbidden.
        if (op.path.startsWith('/dealer/dealerships/') && caller.name === 'dealer_staff' && status !== 404) {
          problems.push(`${label}: another dealer's record must be 404`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
