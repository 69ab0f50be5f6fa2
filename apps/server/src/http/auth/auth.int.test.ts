import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { manualClock } from '../../platform/clock.ts';
import { seedDemoData } from '../../seed/index.ts';
import { createTestApp, type TestApp } from '../../testing/create-test-app.ts';
import { testClient } from '../test-client.ts';

const clock = manualClock(new Date());
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ clock });
  await seedDemoData(t.deps);
});
afterAll(async () => {
  await t?.close();
});

describe('registration and sign-in', () => {
  it('registers by phone, signs in at once and sets session and CSRF cookies', async () => {
    const c = testClient(t.app);
    const res = await c.request('POST', '/auth/register', {
      body: { name: '韩梅梅', phone: '139 0000 1111', password: 'secret-pass-1' },
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { user: Record<string, unknown> };
    expect(body.user).toMatchObject({ kind: 'customer', role: null, phone: '+8613900001111', email: null });
    expect(body.user).not.toHaveProperty('passwordHash');
    expect(JSON.stringify(body)).not.toContain('scrypt');

    const setCookies = res.headers.getSetCookie();
    const session = setCookies.find((s) => s.startsWith('c2b_session='));
    const csrf = setCookies.find((s) => s.startsWith('c2b_csrf='));
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(session).toMatch(/Path=\//);
    expect(csrf).not.toMatch(/HttpOnly/i);

    const me = await c.json<{ user: { phone: string }; csrfToken: string }>('GET', '/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.phone).toBe('+8613900001111');
    expect(me.body.csrfToken).toBe(c.cookies.get('c2b_csrf'));
  });

  it('registers by e-mail and signs in again by e-mail (any case) and by phone', async () => {
    const c = testClient(t.app);
    const reg = await c.request('POST', '/auth/register', {
      body: {
        name: 'Jane Doe',
        email: 'Jane.Doe@Example.com',
        phone: '13900002222',
        password: 'secret-pass-2',
        locale: 'en',
      },
    });
    expect(reg.status).toBe(201);
    expect((await c.request('POST', '/auth/sign-out')).status).toBe(204);

    const byEmail = testClient(t.app);
    const r1 = await byEmail.json<{ user: { email: string; locale: string } }>('POST', '/auth/sign-in', {
      body: { login: 'JANE.doe@example.com', password: 'secret-pass-2' },
    });
    expect(r1.status).toBe(200);
    expect(r1.body.user).toMatchObject({ email: 'jane.doe@example.com', locale: 'en' });

    const byPhone = testClient(t.app);
    const r2 = await byPhone.json('POST', '/auth/sign-in', {
      body: { login: '+86 139 0000 2222', password: 'secret-pass-2' },
    });
    expect(r2.status).toBe(200);
    expect((await byPhone.json('GET', '/auth/me')).status).toBe(200);
  });

  it('signs in a demo staff account', async () => {
    const c = testClient(t.app);
    const res = await c.json<{ user: Record<string, unknown> }>('POST', '/auth/sign-in', {
      body: { login: 'sales.sh@qicheng.example', password: 'demo1234' },
    });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({
      kind: 'staff',
      role: 'dealer_staff',
      orgName: { 'zh-CN': '启程汽车上海浦东体验中心', en: 'Qicheng Shanghai Pudong Experience Centre' },
    });
  });

  it('refuses a registration without a login, with a taken login, or a short password', async () => {
    const c = testClient(t.app);
    const none = await c.json<{ code: string }>('POST', '/auth/register', {
      body: { name: 'X', password: 'secret-pass' },
    });
    expect(none.status).toBe(400);
    expect(none.body.code).toBe('identity.login_required');

    const taken = await c.json<{ code: string; errors: { path: string }[] }>('POST', '/auth/register', {
      body: { name: 'X', email: 'CUSTOMER@example.com', password: 'secret-pass' },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('identity.login_taken');
    expect(taken.body.errors.map((e) => e.path)).toEqual(['email']);

    const short = await c.json<{ errors: { path: string }[] }>('POST', '/auth/register', {
      body: { name: 'X', email: 'x@example.com', password: 'short' },
    });
    expect(short.status).toBe(400);
    expect(short.body.errors.map((e) => e.path)).toEqual(['password']);
  });

  it('answers a wrong password and an unknown login alike: 401 identity.invalid_credentials', async () => {
    const c = testClient(t.app);
    const wrong = await c.json<{ code: string }>('POST', '/auth/sign-in', {
      body: { login: 'analyst@qicheng.example', password: 'wrong-password' },
    });
    const unknown = await c.json<{ code: string }>('POST', '/auth/sign-in', {
      body: { login: 'nobody@qicheng.example', password: 'wrong-password' },
    });
    for (const r of [wrong, unknown]) {
      expect(r.status).toBe(401);
      expect(r.body.code).toBe('identity.invalid_credentials');
      expect(r.res.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(c.cookies.size).toBe(0);
  });
});

describe('lock-out', () => {
  it('locks a login after 5 failures in 15 minutes, across restarts, then lets it in again', async () => {
    const c = testClient(t.app);
    const login = 'engineer@qicheng.example';
    for (let i = 0; i < 5; i++) {
      const r = await c.json<{ code: string }>('POST', '/auth/sign-in', {
        body: { login, password: `wrong-${i}` },
      });
      expect(r.status).toBe(401);
    }
    const locked = await c.json<{ code: string; retryAfter: number }>('POST', '/auth/sign-in', {
      body: { login, password: 'demo1234' },
    });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('identity.too_many_attempts');
    const retryAfter = Number(locked.res.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(locked.body.retryAfter).toBe(retryAfter);

    // A new app on the same database (a restart) still refuses.
    const restarted = testClient(createApp(t.deps));
    expect((await restarted.signIn(login)).status).toBe(429);
    // Other logins are not affected.
    expect((await restarted.signIn('support@qicheng.example')).status).toBe(200);

    clock.advance(15 * MINUTE + 1000);
    expect((await c.signIn(login)).status).toBe(200);
  });
});

describe('sessions', () => {
  it('signs out: the session ends and its token no longer works', async () => {
    const c = testClient(t.app);
    expect((await c.signIn('customer@example.com')).status).toBe(200);
    const token = c.cookies.get('c2b_session');
    expect(token).toBeTruthy();
    expect((await c.request('POST', '/auth/sign-out')).status).toBe(204);
    expect(c.cookies.has('c2b_session')).toBe(false);
    expect((await c.json('GET', '/auth/me')).status).toBe(401);

    const replay = await t.app.request('/auth/me', { headers: { cookie: `c2b_session=${token}` } });
    expect(replay.status).toBe(401);
    expect(((await replay.json()) as { code: string }).code).toBe('identity.unauthenticated');
  });

  it('slides the expiry with use and expires after 14 idle days', async () => {
    const c = testClient(t.app);
    expect((await c.signIn('13800138000')).status).toBe(200);
    clock.advance(2 * DAY);
    const renewed = await c.request('GET', '/auth/me');
    expect(renewed.status).toBe(200);
    expect(renewed.headers.getSetCookie().some((s) => s.startsWith('c2b_session='))).toBe(true);
    clock.advance(13 * DAY);
    expect((await c.request('GET', '/auth/me')).status).toBe(200);
    clock.advance(14 * DAY + MINUTE);
    expect((await c.request('GET', '/auth/me')).status).toBe(401);
  });

  it('answers 401 identity.unauthenticated without a session', async () => {
    const r = await testClient(t.app).json<{ code: string }>('GET', '/auth/me');
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('identity.unauthenticated');
  });
});

describe('CSRF', () => {
  it('refuses a state change with the session cookie but no or a wrong x-csrf-token', async () => {
    const c = testClient(t.app);
    expect((await c.signIn('customer@example.com')).status).toBe(200);
    const other = testClient(t.app);
    expect((await other.signIn('customer@example.com')).status).toBe(200);

    const missing = await c.json<{ code: string }>('POST', '/auth/sign-out', { csrf: false });
    expect(missing.status).toBe(403);
    expect(missing.body.code).toBe('identity.csrf_failed');

    const wrong = await c.json<{ code: string }>('POST', '/auth/sign-out', {
      csrf: false,
      headers: { 'x-csrf-token': 'not-the-token' },
    });
    expect(wrong.status).toBe(403);

    // Both cookie and header set to a token of another session: still refused.
    const foreign = other.cookies.get('c2b_csrf') ?? '';
    const session = c.cookies.get('c2b_session') ?? '';
    const planted = await t.app.request('/auth/sign-out', {
      method: 'POST',
      headers: { cookie: `c2b_session=${session}; c2b_csrf=${foreign}`, 'x-csrf-token': foreign },
    });
    expect(planted.status).toBe(403);

    // Still signed in, and the right token works.
    expect((await c.json('GET', '/auth/me')).status).toBe(200);
    expect((await c.request('POST', '/auth/sign-out')).status).toBe(204);
  });

  it('refuses a cross-origin sign-in', async () => {
    const r = await testClient(t.app).json<{ code: string }>('POST', '/auth/sign-in', {
      body: { login: 'customer@example.com', password: 'demo1234' },
      headers: { origin: 'https://evil.example' },
    });
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('identity.csrf_failed');
    const same = await testClient(t.app).request('POST', '/auth/sign-in', {
      body: { login: 'customer@example.com', password: 'demo1234' },
      headers: { origin: 'http://localhost' },
    });
    expect(same.status).toBe(200);
  });
});

describe('request validation', () => {
  type Problem = { status: number; code: string; errors?: { path: string; message: string }[] };

  it('answers malformed JSON with 400 validation.malformed_json', async () => {
    const r = await testClient(t.app).json<Problem>('POST', '/auth/sign-in', { body: '{"login": "x",' });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('validation.malformed_json');
    expect(r.res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('names a field of the wrong type', async () => {
    const r = await testClient(t.app).json<Problem>('POST', '/auth/sign-in', {
      body: { login: 42, password: 'x' },
    });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('validation.invalid_request');
    expect(r.body.errors?.map((e) => e.path)).toEqual(['login']);
  });

  it('names an unknown field', async () => {
    const r = await testClient(t.app).json<Problem>('POST', '/auth/register', {
      body: { name: 'X', email: 'x2@example.com', password: 'secret-pass', isAdmin: true },
    });
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([{ path: 'isAdmin', message: 'Unknown field' }]);
  });
});
