/**
 * The server serves the built web app: pages for browser navigations, the API for API clients,
 * on the prefixes the two share.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './testing/create-test-app.ts';

describe('web app serving', () => {
  let t: TestApp;
  let dist: string;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'c2b-web-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>定制你的车</title><div id="root"></div>');
    writeFileSync(join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');
    t = await createTestApp({ config: { webDist: dist } });
  });

  afterAll(async () => {
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves the storefront page at / whatever the Accept header', async () => {
    for (const accept of ['*/*', 'text/html']) {
      const res = await t.app.request('/', { headers: { accept } });
      expect(res.status, accept).toBe(200);
      expect(await res.text()).toContain('定制你的车');
    }
  });

  it('serves pages for client-side routes', async () => {
    const res = await t.app.request('/configure/qc-d90-pro-2027');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
  });

  it('serves hashed assets with long caching', async () => {
    const res = await t.app.request('/assets/app-abc123.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('immutable');
  });

  it('on shared prefixes, answers a browser navigation with the page and an API client with the API', async () => {
    const page = await t.app.request('/admin/users', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const api = await t.app.request('/admin/users', { headers: { accept: 'application/json' } });
    expect(api.status).toBe(401);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
  });

  it('never serves a page on API-only paths', async () => {
    const res = await t.app.request('/store/nope', { headers: { accept: 'text/html' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});
