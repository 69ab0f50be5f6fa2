import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_CATALOGUE } from '../../event-catalogue.ts';
import { versionPublished } from '../../modules/catalog/index.ts';
import { manualClock } from '../../platform/clock.ts';
import { inTransaction, systemCtx } from '../../platform/context.ts';
import { publish } from '../../platform/events/publish.ts';
import { seedDemoData } from '../../seed/index.ts';
import { createTestApp, type TestApp } from '../../testing/create-test-app.ts';
import { type TestClient, testClient } from '../test-client.ts';

type Problem = { status: number; code: string; errors?: { path: string; message: string }[] };
type Webhook = {
  id: string;
  name: string;
  active: boolean;
  eventTypes: string[];
  selectedEventTypes: string[];
  secretPrefix: string;
};
type Delivery = { id: string; eventId: string; status: string; attempts: number; endpointName: string };

const METRICS_TOKEN = 'metrics-token-for-tests-0123456789';
const clock = manualClock('2026-08-01T09:00:00Z');

let t: TestApp;
let admin: TestClient;
let analyst: TestClient;
let customer: TestClient;
let server: Server;
let url = '';
let failing = false;
const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];

beforeAll(async () => {
  t = await createTestApp({ clock, config: { metricsToken: METRICS_TOKEN } });
  await seedDemoData(t.deps);
  // The demo catalogue published versions on seeding; start from a clean event flow.
  await t.deps.events.drain();
  admin = testClient(t.app);
  expect((await admin.signIn('admin@qicheng.example')).status).toBe(200);
  analyst = testClient(t.app);
  expect((await analyst.signIn('analyst@qicheng.example')).status).toBe(200);
  customer = testClient(t.app);
  expect((await customer.signIn('customer@example.com')).status).toBe(200);
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(failing ? 500 : 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/c2b`;
}, 120_000);
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await t?.close();
});

const publishVersion = (modelLineId: string, n: number) =>
  inTransaction(systemCtx(t.deps, 'test'), (tx) =>
    publish(tx, versionPublished, modelLineId, {
      modelLineId,
      modelLine: 'qc-test',
      versionId: `ver_${n}`,
      number: n,
      modelHash: 'h',
      variantCount: '12',
    }),
  );
const pump = async () => {
  await t.deps.events.drain();
  return t.deps.integration.worker.runDue();
};

describe('webhook subscribers over HTTP', () => {
  it('is for admins: 401 anonymous, 403 customer and analyst', async () => {
    const anonymous = await testClient(t.app).json<Problem>('GET', '/admin/integration/webhooks');
    expect(anonymous.status).toBe(401);
    for (const c of [customer, analyst]) {
      expect((await c.json<Problem>('GET', '/admin/integration/webhooks')).body.code).toBe(
        'identity.forbidden',
      );
      const post = await c.json<Problem>('POST', '/admin/integration/webhooks', {
        body: { name: 'x', url, eventTypes: ['*'] },
      });
      expect(post.status).toBe(403);
      expect((await c.json<Problem>('GET', '/admin/integration/status')).status).toBe(403);
      expect(
        (
          await c.json<Problem>('POST', '/admin/integration/dead-letters/replay-all', {
            body: { source: 'all' },
          })
        ).status,
      ).toBe(403);
    }
  });

  it('refuses bad input naming the field (400), bad URLs and unknown event types (422), a taken name (409)', async () => {
    const unknownField = await admin.json<Problem>('POST', '/admin/integration/webhooks', {
      body: { name: 'ERP', url, eventTypes: ['*'], secret: 'mine' },
    });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.errors?.map((e) => e.path)).toContain('secret');
    const badPattern = await admin.json<Problem>('POST', '/admin/integration/webhooks', {
      body: { name: 'ERP', url, eventTypes: ['catalog.*', 'ord*'] },
    });
    expect(badPattern.status).toBe(400);
    expect(badPattern.body.errors?.map((e) => e.path)).toContain('eventTypes.1');
    const ftp = await admin.json<Problem>('POST', '/admin/integration/webhooks', {
      body: { name: 'ERP', url: 'ftp://erp.example.com/in', eventTypes: ['*'] },
    });
    expect(ftp.status).toBe(422);
    expect(ftp.body.code).toBe('integration.invalid_webhook_url');
    expect(ftp.body.errors?.[0]?.path).toBe('url');
    const typo = await admin.json<Problem>('POST', '/admin/integration/webhooks', {
      body: { name: 'ERP', url, eventTypes: ['catalog.*', 'catalgo.*'] },
    });
    expect(typo.status).toBe(422);
    expect(typo.body).toMatchObject({
      code: 'integration.unknown_event_type',
      errors: [{ path: 'eventTypes.1' }],
    });

    const first = await admin.json('POST', '/admin/integration/webhooks', {
      body: { name: 'Name Taken', url, eventTypes: ['catalog.version_published'], active: false },
    });
    expect(first.status).toBe(201);
    const again = await admin.json<Problem>('POST', '/admin/integration/webhooks', {
      body: { name: 'name taken', url, eventTypes: ['*'] },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('integration.webhook_name_taken');
    const missing = await admin.json<Problem>('GET', '/admin/integration/webhooks/whk_nope');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('integration.webhook_not_found');
    expect(
      (
        await admin.json<Problem>('PATCH', '/admin/integration/webhooks/whk_nope', {
          body: { active: false },
        })
      ).status,
    ).toBe(404);
  });

  it('shows the secret once, delivers signed events, pauses when deactivated, rotates the secret, and audits', async () => {
    const created = await admin.json<{ webhook: Webhook; secret: string }>(
      'POST',
      '/admin/integration/webhooks',
      {
        body: {
          name: 'ERP 主数据 / master data',
          url,
          eventTypes: ['catalog.*'],
          description: 'SAP test system',
        },
      },
    );
    expect(created.status).toBe(201);
    const { webhook, secret } = created.body;
    expect(secret).toMatch(/^whsec_/);
    expect(webhook).toMatchObject({
      active: true,
      eventTypes: ['catalog.*'],
      selectedEventTypes: ['catalog.version_published', 'catalog.configuration_saved'],
      secretPrefix: secret.slice(0, 10),
    });
    const list = await admin.json<{ items: Webhook[] }>('GET', '/admin/integration/webhooks');
    expect(list.body.items.map((w) => w.name)).toContain('ERP 主数据 / master data');
    expect(JSON.stringify(list.body)).not.toContain(secret);
    expect(
      JSON.stringify((await admin.json('GET', `/admin/integration/webhooks/${webhook.id}`)).body),
    ).not.toContain(secret);

    const eventId = await publishVersion('mdl_http_1', 1);
    expect(await pump()).toMatchObject({ delivered: 1 });
    const got = received.at(-1);
    expect(got && JSON.parse(got.body)).toMatchObject({
      id: eventId,
      type: 'catalog.version_published',
      sequence: 1,
    });
    const mac = createHmac('sha256', secret)
      .update(`${got?.headers['openc2b-timestamp']}.${got?.body}`)
      .digest('hex');
    expect(got?.headers['openc2b-signature']).toBe(`v1=${mac}`);

    // The event, where it went: the fan-out subscriber and the webhook.
    const detail = await admin.json<{
      event: { deliveries: { target: string; status: string }[]; webhooks: Delivery[]; payload: unknown };
    }>('GET', `/admin/integration/events/${eventId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.event.deliveries).toContainEqual(
      expect.objectContaining({ target: 'integration.webhooks', status: 'delivered' }),
    );
    expect(detail.body.event.webhooks).toEqual([
      expect.objectContaining({ endpointName: 'ERP 主数据 / master data', status: 'delivered', attempts: 1 }),
    ]);
    expect(detail.body.event.payload).toMatchObject({ versionId: 'ver_1' });
    expect((await admin.json<Problem>('GET', '/admin/integration/events/evt_nope')).body.code).toBe(
      'integration.event_not_found',
    );
    const events = await admin.json<{ items: { id: string }[] }>(
      'GET',
      '/admin/integration/events?type=catalog.version_published&limit=5',
    );
    expect(events.body.items[0]?.id).toBe(eventId);

    // Deactivated: nothing is queued for it.
    const paused = await admin.json<{ webhook: Webhook }>(
      'PATCH',
      `/admin/integration/webhooks/${webhook.id}`,
      {
        body: { active: false },
      },
    );
    expect(paused.body.webhook.active).toBe(false);
    const before = received.length;
    await publishVersion('mdl_http_1', 2);
    await pump();
    expect(received.length).toBe(before);
    await admin.json('PATCH', `/admin/integration/webhooks/${webhook.id}`, { body: { active: true } });

    const rotated = await admin.json<{ secret: string; webhook: Webhook }>(
      'POST',
      `/admin/integration/webhooks/${webhook.id}/rotate-secret`,
    );
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(secret);
    await publishVersion('mdl_http_1', 3);
    await pump();
    const last = received.at(-1);
    const newMac = createHmac('sha256', rotated.body.secret)
      .update(`${last?.headers['openc2b-timestamp']}.${last?.body}`)
      .digest('hex');
    expect(last?.headers['openc2b-signature']).toBe(`v1=${newMac}`);

    const audit = await admin.json<{ items: { action: string; targetId: string }[] }>(
      'GET',
      '/admin/audit-log?limit=50',
    );
    const actions = audit.body.items.filter((a) => a.targetId === webhook.id).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'integration.webhook_created',
        'integration.webhook_deactivated',
        'integration.webhook_activated',
        'integration.webhook_secret_rotated',
      ]),
    );
  });

  it('lists dead letters of webhooks and of the outbox, replays one and all, and reports them in status and /metrics', async () => {
    failing = true;
    const eventId = await publishVersion('mdl_http_2', 1);
    // Through every attempt of the default policy.
    for (let i = 0; i < 20; i++) {
      await pump();
      clock.advance(2 * 3_600_000);
    }
    const dead = await admin.json<{ items: Delivery[] }>('GET', '/admin/integration/dead-letters/webhooks');
    expect(dead.body.items).toEqual([expect.objectContaining({ eventId, status: 'dead', attempts: 15 })]);
    const failingList = await admin.json<{ items: Delivery[] }>(
      'GET',
      '/admin/integration/deliveries?status=dead',
    );
    expect(failingList.body.items.map((d) => d.eventId)).toEqual([eventId]);

    // An in-process subscriber that fails once, dead at its first failure.
    let subscriberUp = false;
    t.deps.events.subscribe(
      versionPublished,
      'test.http_subscriber',
      async () => {
        if (!subscriberUp) throw new Error('subscriber down');
      },
      { maxAttempts: 1 },
    );
    const other = await publishVersion('mdl_http_3', 1);
    await t.deps.events.drain();
    const outboxDead = await admin.json<{ items: { eventId: string; target: string; lastError: string }[] }>(
      'GET',
      '/admin/integration/dead-letters/outbox?target=test.http_subscriber',
    );
    expect(outboxDead.body.items).toEqual([
      expect.objectContaining({
        eventId: other,
        target: 'test.http_subscriber',
        lastError: 'subscriber down',
      }),
    ]);

    const status = await admin.json<{
      outbox: { pending: number; lagSeconds: number };
      targets: { target: string; dead: number }[];
      webhooks: { name: string; dead: number; undelivered: number; attempts: { failed: number } }[];
    }>('GET', '/admin/integration/status');
    expect(status.body.targets).toContainEqual(
      expect.objectContaining({ target: 'test.http_subscriber', dead: 1 }),
    );
    expect(status.body.webhooks).toContainEqual(
      expect.objectContaining({
        name: 'ERP 主数据 / master data',
        dead: 1,
        attempts: expect.objectContaining({ failed: 15 }),
      }),
    );
    expect(status.body.outbox.pending).toBeGreaterThanOrEqual(1);

    expect((await testClient(t.app).request('GET', '/metrics')).status).toBe(401);
    const wrong = await t.app.request('/metrics', { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toContain('Bearer');
    const metrics = await t.app.request('/metrics', {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    const text = await metrics.text();
    expect(text).toContain('# TYPE openc2b_outbox_oldest_pending_age_seconds gauge');
    expect(text).toMatch(
      /openc2b_event_target_dead_letters\{target="test\.http_subscriber",kind="subscriber"\} 1\n/,
    );
    expect(text).toMatch(
      /openc2b_webhook_dead_letters\{endpoint_id="whk_\w+",endpoint="ERP 主数据 \/ master data"\} 1\n/,
    );
    expect(text).toMatch(
      /openc2b_webhook_delivery_failures_total\{[^}]*endpoint="ERP 主数据 \/ master data"\} 15\n/,
    );

    const noneGiven = await admin.json<Problem>('POST', '/admin/integration/dead-letters/replay', {
      body: {},
    });
    expect(noneGiven.status).toBe(400);
    expect(noneGiven.body.errors?.[0]?.path).toBe('webhookDeliveryIds');
    failing = false;
    subscriberUp = true;
    const one = await admin.json<{ replayed: { webhooks: number; outbox: number } }>(
      'POST',
      '/admin/integration/dead-letters/replay',
      {
        body: { webhookDeliveryIds: [dead.body.items[0]?.id] },
      },
    );
    expect(one.body.replayed).toEqual({ webhooks: 1, outbox: 0 });
    const all = await admin.json<{ replayed: { webhooks: number; outbox: number } }>(
      'POST',
      '/admin/integration/dead-letters/replay-all',
      {
        body: { source: 'all' },
      },
    );
    expect(all.body.replayed).toEqual({ webhooks: 0, outbox: 1 });
    const sentBefore = received.length;
    clock.advance(2 * 3_600_000); // the other event's webhook delivery is due again too
    await pump();
    expect(received.slice(sentBefore).map((r) => JSON.parse(r.body).id)).toContain(eventId);
    expect(
      (await admin.json<{ items: unknown[] }>('GET', '/admin/integration/dead-letters/webhooks')).body.items,
    ).toEqual([]);
    expect(
      (await admin.json<{ items: unknown[] }>('GET', '/admin/integration/dead-letters/outbox')).body.items,
    ).toEqual([]);
  });
});

describe('event catalogue pages', () => {
  it('serves the committed AsyncAPI document and the /docs/events page with the signature scheme', async () => {
    const here = dirname(fileURLToPath(import.meta.url));
    const committed = JSON.parse(readFileSync(join(here, '../../../asyncapi.json'), 'utf8'));
    const served = await (await t.app.request('/asyncapi.json')).json();
    expect(served).toEqual(committed);
    const page = await t.app.request('/docs/events', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const s of [
      'catalog.version_published',
      'openc2b.catalog.configuration_saved',
      'OpenC2B-Signature',
      'HMAC-SHA256',
      '300 seconds',
      'createHmac',
    ]) {
      expect(html).toContain(s);
    }
    const types = await admin.json<{ items: { type: string }[] }>('GET', '/admin/integration/event-types');
    expect(types.body.items.map((i) => i.type)).toEqual(EVENT_CATALOGUE.map((e) => e.type));
    expect(types.body.items.map((i) => i.type)).toContain('catalog.version_published');
  });

  it('answers 404 on /metrics when no token is configured', async () => {
    const plain = await createTestApp();
    try {
      const res = await plain.app.request('/metrics');
      expect(res.status).toBe(404);
      expect(((await res.json()) as Problem).code).toBe('platform.metrics_disabled');
    } finally {
      await plain.close();
    }
  });
});
