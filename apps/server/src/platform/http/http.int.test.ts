import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, jsonRequest, type TestApp } from '../../testing/create-test-app.ts';
import { systemClock } from '../clock.ts';
import { AppError } from '../errors.ts';
import { memoryLogger } from '../log.ts';
import { createRouter } from './create-router.ts';
import { installPlatformHttp, MAX_BODY_BYTES } from './platform-middleware.ts';
import { PROBLEM_CONTENT_TYPE } from './problem.ts';

let t: TestApp;
const log = memoryLogger();

// A router like an audience's, with a strict body, to exercise the platform's answers.
function probeApp() {
  const app = createRouter();
  installPlatformHttp(app, { db: t.db, log, clock: systemClock });
  app.openapi(
    createRoute({
      method: 'post',
      path: '/probe/{id}',
      request: {
        params: z.object({ id: z.string().regex(/^prb_/) }),
        query: z.object({ limit: z.coerce.number().int().max(100).optional() }),
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.strictObject({
                name: z.string().min(1),
                seats: z.number().int(),
                note: z.string().optional(),
              }),
            },
          },
        },
      },
      responses: {
        200: {
          description: 'ok',
          content: { 'application/json': { schema: z.object({ ok: z.boolean() }) } },
        },
      },
    }),
    (c) => c.json({ ok: true }, 200),
  );
  app.get('/boom/sql', async (c) => {
    await sql`select * from no_such_table_secret`.execute(c.var.ctx.db);
    return c.text('unreachable');
  });
  app.get('/boom/throw', () => {
    throw new Error('secret internal detail at /srv/app.ts:12');
  });
  app.get('/boom/app-error', () => {
    throw new AppError('conflict', 'ordering.order_locked', 'The order is locked', {
      extra: { lockedAt: 'x' },
    });
  });
  return app;
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function problemOf(res: Response) {
  expect(res.headers.get('content-type')).toContain(PROBLEM_CONTENT_TYPE);
  const body = (await res.json()) as Record<string, unknown>;
  expect(body['status']).toBe(res.status);
  expect(body['requestId']).toBe(res.headers.get('x-request-id'));
  expect(typeof body['type']).toBe('string');
  expect(typeof body['title']).toBe('string');
  return body;
}

describe('platform routes', () => {
  it('answers /healthz and /readyz', async () => {
    const health = await jsonRequest(t.app, 'GET', '/healthz');
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await jsonRequest(t.app, 'GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', checks: { database: 'ok' } });
  });

  it('answers an unknown route with 404 problem+json and keeps a given request id', async () => {
    const res = await jsonRequest(t.app, 'GET', '/nope', undefined, { 'x-request-id': 'abc-123' });
    expect(res.status).toBe(404);
    expect(res.headers.get('x-request-id')).toBe('abc-123');
    const body = await problemOf(res);
    expect(body['code']).toBe('http.route_not_found');
  });

  it('makes up a request id when the given one is unsafe', async () => {
    const res = await jsonRequest(t.app, 'GET', '/healthz', undefined, { 'x-request-id': 'bad id <script>' });
    expect(res.headers.get('x-request-id')).toMatch(/^req_[0-9A-Z]{26}$/);
  });

  it('mounts every audience router', async () => {
    for (const prefix of ['/store', '/dealer', '/admin', '/factory', '/partner', '/auth']) {
      const res = await jsonRequest(t.app, 'GET', `${prefix}/definitely-not-a-route`);
      expect(res.status, prefix).toBe(404);
      expect((await problemOf(res))['code']).toBe('http.route_not_found');
    }
  });

  it('serves the OpenAPI document and a reference page without CDN assets', async () => {
    const doc = (await (await jsonRequest(t.app, 'GET', '/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/healthz', '/readyz']));
    const page = await t.app.request('/docs');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('/readyz');
    expect(html).not.toMatch(/<script[^>]+src=|https?:\/\/cdn/);
  });
});

describe('bad input', () => {
  it('names wrong types, missing and unknown fields', async () => {
    const res = await jsonRequest(probeApp(), 'POST', '/probe/prb_1', { name: 5, extra: true, other: 1 });
    expect(res.status).toBe(400);
    const body = await problemOf(res);
    expect(body['code']).toBe('validation.invalid_request');
    const paths = (body['errors'] as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(['extra', 'name', 'other', 'seats']);
  });

  it('names bad path and query parameters', async () => {
    const bad = await jsonRequest(probeApp(), 'POST', '/probe/x?limit=1000', { name: 'a', seats: 5 });
    expect(bad.status).toBe(400);
    const paths = ((await problemOf(bad))['errors'] as { path: string }[]).map((e) => e.path);
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.every((p) => p === 'param.id' || p === 'query.limit')).toBe(true);
    const good = await jsonRequest(probeApp(), 'POST', '/probe/prb_1?limit=10', { name: 'a', seats: 5 });
    expect(good.status).toBe(200);
  });

  it('answers malformed JSON with validation.malformed_json', async () => {
    const res = await jsonRequest(probeApp(), 'POST', '/probe/prb_1', '{"name": "a",');
    expect(res.status).toBe(400);
    expect((await problemOf(res))['code']).toBe('validation.malformed_json');
  });

  it('refuses a body over the limit with 413 problem+json', async () => {
    const res = await jsonRequest(probeApp(), 'POST', '/probe/prb_1', {
      name: 'x'.repeat(MAX_BODY_BYTES + 10),
      seats: 1,
    });
    expect(res.status).toBe(413);
    expect((await problemOf(res))['code']).toBe('http.payload_too_large');
  });

  it('maps AppError kinds to status with the code and extra members', async () => {
    const res = await jsonRequest(probeApp(), 'GET', '/boom/app-error');
    expect(res.status).toBe(409);
    const body = await problemOf(res);
    expect(body).toMatchObject({
      code: 'ordering.order_locked',
      detail: 'The order is locked',
      lockedAt: 'x',
    });
  });

  it('never leaks a stack trace or SQL; logs the details instead', async () => {
    for (const path of ['/boom/sql', '/boom/throw']) {
      const res = await jsonRequest(probeApp(), 'GET', path);
      expect(res.status).toBe(500);
      const text = JSON.stringify(await problemOf(res.clone()));
      expect(JSON.parse(text)).toMatchObject({ code: 'internal' });
      expect(text).not.toMatch(/no_such_table_secret|select|secret internal|\.ts:|at /i);
    }
    const logged = JSON.stringify(log.records.filter((r) => r.level === 'error'));
    expect(logged).toContain('no_such_table_secret');
    expect(logged).toContain('secret internal detail');
  });
});
