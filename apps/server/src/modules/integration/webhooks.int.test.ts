/**
 * Webhooks end to end over real HTTP: outbox -> fan-out -> delivery worker -> a node:http
 * server on a free port. Time is a manual clock, so retries are due when the test says so.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { manualClock } from '../../platform/clock.ts';
import { type Ctx, inTransaction, systemCtx } from '../../platform/context.ts';
import { defineEvent, type EventEnvelope } from '../../platform/events/define-event.ts';
import { publish } from '../../platform/events/publish.ts';
import { createLogger } from '../../platform/log.ts';
import { createDeps } from '../../testing/create-test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import { createIntegration, type Integration, WEBHOOK_HEADERS } from './index.ts';

const silent = createLogger('silent');
const shipped = defineEvent(
  'wh.vehicle_shipped',
  z.strictObject({ vin: z.string(), step: z.number().int() }),
);
const noted = defineEvent('wh.note_added', z.strictObject({ text: z.string() }));
const otherModule = defineEvent('zz.thing_done', z.strictObject({ n: z.number() }));

type Received = { headers: IncomingMessage['headers']; body: string; answered: number };

/** A receiver whose answer the test decides per request. */
async function receiver(answer: (n: number, req: IncomingMessage) => number | 'hang' | { redirect: string }) {
  const received: Received[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      const a = answer(received.length + 1, req);
      const status = a === 'hang' ? 0 : typeof a === 'number' ? a : 302;
      received.push({ headers: req.headers, body, answered: status });
      if (a === 'hang') return; // never answers: the worker's timeout ends it
      if (typeof a === 'object') {
        res.writeHead(302, { location: a.redirect }).end();
        return;
      }
      res.writeHead(a, { 'content-type': 'text/plain' }).end(a >= 300 ? `no thanks (${a})` : 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/hooks/c2b`,
    received,
    envelopes: () => received.map((r) => JSON.parse(r.body) as EventEnvelope),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** What a receiver must do, written independently of sign-webhook.ts. */
function signatureIsValid(secret: string, r: Received): boolean {
  const ts = String(r.headers[WEBHOOK_HEADERS.timestamp.toLowerCase()]);
  const given = String(r.headers[WEBHOOK_HEADERS.signature.toLowerCase()]);
  const expected = `v1=${createHmac('sha256', secret).update(`${ts}.${r.body}`).digest('hex')}`;
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

const open: TestDatabase[] = [];
afterAll(async () => {
  for (const t of open) await t.dispose();
});

/** Each test on its own database, so one test's queued deliveries never meet another's worker. */
async function setup(
  options: { maxAttempts?: number; allowPrivate?: boolean; timeoutMs?: number; database?: TestDatabase } = {},
) {
  const t = options.database ?? (await createTestDatabase());
  if (!options.database) open.push(t);
  const clock = manualClock('2026-07-01T08:00:00Z');
  const deps = createDeps(t.database, { log: silent, clock });
  const integration: Integration = createIntegration({
    db: deps.db,
    log: silent,
    clock,
    bus: deps.events,
    events: [shipped, noted, otherModule],
    allowPrivateNetworks: options.allowPrivate ?? true,
    worker: {
      random: () => 0.5,
      maxAttempts: options.maxAttempts ?? 8,
      backoff: { baseMs: 1000, maxMs: 60_000 },
      timeoutMs: options.timeoutMs ?? 5000,
    },
  });
  integration.subscribe();
  const ctx = systemCtx(deps, 'test');
  const emit = <E extends typeof shipped | typeof noted | typeof otherModule>(
    event: E,
    aggregateId: string,
    payload: z.input<E['schema']>,
  ) => inTransaction(ctx, (tx: Ctx) => publish(tx, event, aggregateId, payload));
  /** Outbox -> fan-out -> one worker pass. */
  const pump = async () => {
    await deps.events.drain();
    return integration.worker.runDue();
  };
  return { t, clock, deps, integration, ctx, emit, pump };
}

describe('webhook delivery', () => {
  it('retries an endpoint that fails 5 times with growing delays, then delivers the event signed, in order per aggregate', async () => {
    const { clock, integration, ctx, emit, pump } = await setup();
    const server = await receiver((n) => (n <= 5 ? 503 : 200));
    try {
      const { webhook, secret } = await integration.createWebhook(ctx, {
        name: 'ERP 生产订单 / production orders',
        url: server.url,
        eventTypes: ['wh.*'],
      });
      const first = await emit(shipped, 'veh_1', { vin: 'LSJA0000000000001', step: 1 });
      const second = await emit(shipped, 'veh_1', { vin: 'LSJA0000000000001', step: 2 });
      await emit(otherModule, 'x_1', { n: 1 }); // not subscribed: no delivery

      const firstPass = await pump();
      expect(firstPass).toMatchObject({ delivered: 0, failed: 1 });
      // The second event of veh_1 waits behind the first: one request only.
      expect(server.received).toHaveLength(1);
      const gaps: number[] = [];
      for (let attempt = 2; attempt <= 5; attempt++) {
        const [pending] = (await integration.listWebhookDeliveries(ctx, { eventId: first })).items;
        const due = (pending?.nextAttemptAt?.getTime() ?? 0) - clock.now().getTime();
        gaps.push(due);
        // Not due yet: nothing is sent.
        clock.advance(due - 1);
        expect(await integration.worker.runDue()).toMatchObject({ delivered: 0, failed: 0 });
        clock.advance(1);
        expect(await pump()).toMatchObject({ failed: 1 });
      }
      // Full jitter with random() = 0.5: half of 1 s, 2 s, 4 s, 8 s (never below the 1 s floor).
      expect(gaps).toEqual([1000, 1000, 2000, 4000]);
      const [beforeSuccess] = (await integration.listWebhookDeliveries(ctx, { eventId: first })).items;
      expect(beforeSuccess).toMatchObject({ status: 'pending', attempts: 5, lastStatus: 503 });
      expect(beforeSuccess?.lastError).toContain('HTTP 503: no thanks (503)');

      clock.advance(60_000);
      // Attempt 6 succeeds; the waiting second event follows in the same pass.
      expect(await pump()).toMatchObject({ delivered: 2, failed: 0 });
      expect(server.received.map((r) => r.answered)).toEqual([503, 503, 503, 503, 503, 200, 200]);
      const envelopes = server.envelopes();
      expect(envelopes.map((e) => e.id)).toEqual([first, first, first, first, first, first, second]);
      expect(envelopes.at(-1)).toMatchObject({
        id: second,
        type: 'wh.vehicle_shipped',
        version: 1,
        aggregateId: 'veh_1',
        sequence: 2,
        payload: { vin: 'LSJA0000000000001', step: 2 },
      });
      for (const r of server.received) {
        expect(signatureIsValid(secret, r)).toBe(true);
        expect(signatureIsValid('whsec_wrong', r)).toBe(false);
        expect(r.headers['content-type']).toBe('application/json');
        const envelope = JSON.parse(r.body) as EventEnvelope;
        expect(r.headers[WEBHOOK_HEADERS.eventId.toLowerCase()]).toBe(envelope.id);
        expect(r.headers[WEBHOOK_HEADERS.eventType.toLowerCase()]).toBe('wh.vehicle_shipped');
        expect(r.headers[WEBHOOK_HEADERS.deliveryId.toLowerCase()]).toMatch(/^whd_/);
      }
      // The timestamp is this attempt's, so a receiver can refuse an old one.
      const lastTs = Number(server.received.at(-1)?.headers[WEBHOOK_HEADERS.timestamp.toLowerCase()]);
      expect(lastTs).toBe(Math.floor(clock.now().getTime() / 1000));
      const delivered = (await integration.listWebhookDeliveries(ctx, { endpointId: webhook.id })).items;
      expect(delivered.map((d) => [d.sequence, d.status, d.attempts])).toEqual([
        [2, 'delivered', 1],
        [1, 'delivered', 6],
      ]);
      // Delivered deliveries are never sent again.
      clock.advance(3_600_000);
      expect(await pump()).toMatchObject({ delivered: 0, failed: 0 });
      expect(server.received).toHaveLength(7);
    } finally {
      await server.close();
    }
  });

  it('dead-letters an endpoint that always fails; later events of that aggregate wait; a replay after the fix delivers all in order', async () => {
    const { clock, integration, ctx, emit, pump } = await setup({ maxAttempts: 3 });
    let fixed = false;
    const broken = await receiver(() => (fixed ? 204 : 500));
    const healthy = await receiver(() => 200);
    try {
      const { webhook: bad } = await integration.createWebhook(ctx, {
        name: 'DMS',
        url: broken.url,
        eventTypes: ['wh.vehicle_shipped', 'wh.note_added'],
      });
      await integration.createWebhook(ctx, { name: 'CRM', url: healthy.url, eventTypes: ['*'] });
      const a1 = await emit(shipped, 'veh_a', { vin: 'A', step: 1 });
      const a2 = await emit(noted, 'veh_a', { text: '第二 second' });
      const b1 = await emit(shipped, 'veh_b', { vin: 'B', step: 1 });
      await pump();
      for (let i = 0; i < 5; i++) {
        clock.advance(120_000);
        await pump();
      }
      // veh_a's first and veh_b's first are dead for DMS (3 attempts each); a2 waits behind a1.
      expect(broken.received).toHaveLength(6);
      expect(new Set(broken.envelopes().map((e) => e.id))).toEqual(new Set([a1, b1]));
      // The healthy endpoint got everything, in order per aggregate.
      const toHealthy = healthy.envelopes();
      expect(toHealthy.filter((e) => e.aggregateId === 'veh_a').map((e) => e.id)).toEqual([a1, a2]);
      expect(toHealthy.map((e) => e.id).sort()).toEqual([a1, a2, b1].sort());

      const dead = await integration.listWebhookDeliveries(ctx, { status: 'dead', order: 'oldest' });
      expect(dead.items.map((d) => [d.eventId, d.endpointName, d.attempts, d.lastStatus])).toEqual([
        [a1, 'DMS', 3, 500],
        [b1, 'DMS', 3, 500],
      ]);
      const status = await integration.status(ctx);
      expect(status.webhooks.find((w) => w.name === 'DMS')).toMatchObject({
        undelivered: 3,
        dead: 2,
        retrying: 0,
        attempts: { delivered: 0, failed: 6, dead: 2 },
      });
      expect(status.webhooks.find((w) => w.name === 'CRM')).toMatchObject({ undelivered: 0, dead: 0 });
      // Not retried on its own.
      clock.advance(86_400_000);
      expect(await pump()).toMatchObject({ delivered: 0, failed: 0 });

      fixed = true;
      const one = await integration.replayDeadLetters(ctx, {
        webhookDeliveryIds: [dead.items[0]?.id ?? ''],
        outbox: [],
      });
      expect(one).toEqual({ webhooks: 1, outbox: 0 });
      expect(await pump()).toMatchObject({ delivered: 2, failed: 0 }); // a1, then a2 that waited
      expect(await integration.replayAllDeadLetters(ctx, { source: 'webhooks', endpointId: bad.id })).toEqual(
        {
          webhooks: 1,
          outbox: 0,
        },
      );
      expect(await pump()).toMatchObject({ delivered: 1 });
      const delivered = broken.received.filter((r) => r.answered === 204).map((r) => JSON.parse(r.body).id);
      expect(delivered).toEqual([a1, a2, b1]); // a1 and a2 replayed first, b1 after
      const after = await integration.listWebhookDeliveries(ctx, { endpointId: bad.id });
      expect(after.items.every((d) => d.status === 'delivered')).toBe(true);
      expect(after.items.find((d) => d.eventId === a1)).toMatchObject({ replays: 1, attempts: 1 });
      expect((await integration.status(ctx)).webhooks.find((w) => w.name === 'DMS')).toMatchObject({
        undelivered: 0,
        dead: 0,
      });
    } finally {
      await broken.close();
      await healthy.close();
    }
  });

  it('sends nothing to an inactive endpoint (its queued deliveries wait), follows no redirect and gives up on a hanging endpoint', async () => {
    const { clock, deps, integration, ctx, emit, pump } = await setup({ timeoutMs: 300 });
    const target = await receiver(() => 200);
    const redirecting = await receiver(() => ({ redirect: target.url }));
    const hanging = await receiver(() => 'hang');
    try {
      const { webhook: paused } = await integration.createWebhook(ctx, {
        name: 'WMS',
        url: target.url,
        eventTypes: ['wh.note_added'],
      });
      await integration.createWebhook(ctx, { name: 'Redirect', url: redirecting.url, eventTypes: ['wh.*'] });
      await integration.createWebhook(ctx, { name: 'Hang', url: hanging.url, eventTypes: ['wh.note_added'] });
      await integration.createWebhook(ctx, {
        name: 'Off',
        url: target.url,
        eventTypes: ['*'],
        active: false,
      });
      const queued = await emit(noted, 'n_1', { text: 'queued while active' });
      // Fanned out while WMS is active; then WMS is deactivated before the worker runs.
      await deps.events.drain();
      await integration.updateWebhook(ctx, paused.id, { active: false });
      await integration.worker.runDue();
      await emit(noted, 'n_2', { text: 'while inactive' });
      await pump();
      // WMS was deactivated after the fan-out of n_1: that delivery waits; n_2 was not queued.
      expect(target.received).toHaveLength(0);
      const wms = await integration.listWebhookDeliveries(ctx, { endpointId: paused.id });
      expect(wms.items.map((d) => [d.eventId, d.status, d.attempts])).toEqual([[queued, 'pending', 0]]);
      // The redirect was answered with 302 and not followed.
      expect(redirecting.received.length).toBeGreaterThan(0);
      const redirect = (await integration.listWebhookDeliveries(ctx, { failing: true })).items.find(
        (d) => d.endpointName === 'Redirect',
      );
      expect(redirect).toMatchObject({ lastStatus: 302 });
      expect(redirect?.lastError).toContain('HTTP 302');
      const hang = (await integration.listWebhookDeliveries(ctx, { failing: true })).items.find(
        (d) => d.endpointName === 'Hang',
      );
      expect(hang?.lastError).toBe('timed out after 300 ms');
      expect(hang?.lastStatus).toBeNull();

      await integration.updateWebhook(ctx, paused.id, { active: true });
      clock.advance(1);
      await integration.worker.runDue();
      expect(target.envelopes().map((e) => e.id)).toEqual([queued]);
    } finally {
      await Promise.all([target.close(), redirecting.close(), hanging.close()]);
    }
  });

  it('refuses at delivery time an address that private networks do not allow', async () => {
    const { t, integration, ctx, emit } = await setup({ allowPrivate: true });
    const server = await receiver(() => 200);
    try {
      await integration.createWebhook(ctx, { name: 'Internal', url: server.url, eventTypes: ['wh.*'] });
      // The same database, a worker of a production process (private networks not allowed).
      const strict = await setup({ allowPrivate: false, database: t });
      await emit(noted, 'p_1', { text: 'x' });
      await strict.deps.events.drain();
      expect(await strict.integration.worker.runDue()).toMatchObject({ failed: 1 });
      expect(server.received).toHaveLength(0);
      const [d] = (await integration.listWebhookDeliveries(ctx, { failing: true })).items;
      expect(d?.lastError).toBe('refused URL: private_address');
    } finally {
      await server.close();
    }
  });
});
