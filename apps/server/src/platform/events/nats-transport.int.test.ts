/**
 * The NATS JetStream transport against the real server (CI has one at 127.0.0.1:4222; set
 * NATS_TEST_URL for another). Each test uses its own subject and stream prefix and deletes its
 * streams afterwards.
 */
import { randomBytes } from 'node:crypto';
import { createServer, connect as netConnect, type Server, type Socket } from 'node:net';
import { type JetStreamManager, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDeps } from '../../testing/create-test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import { type Ctx, inTransaction, systemCtx } from '../context.ts';
import { createLogger, memoryLogger } from '../log.ts';
import { defineEvent, type EventEnvelope } from './define-event.ts';
import { createNatsTransport, NATS_HEADERS } from './nats-transport.ts';
import { publish } from './publish.ts';

const NATS_URL = process.env['NATS_TEST_URL'] ?? 'nats://127.0.0.1:4222';
const natsReachable = await new Promise<boolean>((resolve) => {
  const { hostname, port } = new URL(NATS_URL);
  const socket = netConnect({ host: hostname, port: Number(port || 4222) });
  socket.setTimeout(1000);
  socket.once('connect', () => {
    socket.destroy();
    resolve(true);
  });
  socket.once('error', () => resolve(false));
  socket.once('timeout', () => {
    socket.destroy();
    resolve(false);
  });
});
const skipped = natsReachable ? '' : ` (skipped: no NATS server at ${NATS_URL})`;

const silent = createLogger('silent');

let t: TestDatabase;
let admin: NatsConnection;
let jsm: JetStreamManager;
const streams = new Set<string>();

beforeAll(async () => {
  t = await createTestDatabase();
  if (natsReachable) {
    admin = await connect({ servers: NATS_URL });
    jsm = await jetstreamManager(admin);
  }
});
afterAll(async () => {
  for (const s of streams) await jsm.streams.delete(s).catch(() => undefined);
  await admin?.close();
  await t?.dispose();
});

/** Event types of two modules with a prefix of this run, so streams never clash between runs. */
function runEvents() {
  const run = randomBytes(4).toString('hex');
  const a = defineEvent(`t${run}.thing_happened`, z.strictObject({ n: z.number().int() }));
  const b = defineEvent(`u${run}.other_happened`, z.strictObject({ label: z.string() }), { version: 3 });
  return { run, a, b, prefix: `openc2b_test_${run}`, streamPrefix: `OPENC2B_TEST_${run.toUpperCase()}` };
}

async function messagesOf(
  stream: string,
): Promise<{ subject: string; id: string; envelope: EventEnvelope; headers: Record<string, string> }[]> {
  const info = await jsm.streams.info(stream);
  const out = [];
  for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
    const msg = await jsm.streams.getMessage(stream, { seq });
    if (!msg) continue;
    const headers: Record<string, string> = {};
    for (const [k, v] of msg.header ?? []) headers[k] = v[0] ?? '';
    out.push({
      subject: msg.subject,
      id: msg.header.get('Nats-Msg-Id'),
      envelope: msg.json<EventEnvelope>(),
      headers,
    });
  }
  return out;
}

describe('NATS JetStream transport', () => {
  it.skipIf(!natsReachable)(
    `puts every event on its subject in its module's stream exactly once per message id, also when sent twice${skipped}`,
    async () => {
      const { a, b, prefix, streamPrefix } = runEvents();
      const deps = createDeps(t.database, { log: silent });
      const nats = createNatsTransport({ url: NATS_URL, log: silent, subjectPrefix: prefix, streamPrefix });
      streams.add(nats.streamOf(a.type));
      streams.add(nats.streamOf(b.type));
      try {
        await nats.whenReady();
        deps.events.addTransport(nats);
        const ctx = systemCtx(deps, 'test');
        const published: string[] = [];
        const sent: EventEnvelope[] = [];
        deps.events.subscribe(a, 'test.copy', async (_c, e) => {
          sent.push(e);
        });
        deps.events.subscribe(b, 'test.copy', async (_c, e) => {
          sent.push(e);
        });
        const inTx = (fn: (tx: Ctx) => Promise<string>) => inTransaction(ctx, fn);
        for (let n = 1; n <= 3; n++) {
          published.push(await inTx((tx) => publish(tx, a, 'agg_one', { n })));
          published.push(await inTx((tx) => publish(tx, a, 'agg_two', { n })));
        }
        published.push(await inTx((tx) => publish(tx, b, 'agg_one', { label: '标签 label' })));
        expect(await deps.events.drain()).toMatchObject({ delivered: 7, failed: 0 });

        const onA = await messagesOf(nats.streamOf(a.type));
        const onB = await messagesOf(nats.streamOf(b.type));
        expect(onA.map((m) => m.subject)).toEqual(Array(6).fill(`${prefix}.${a.type}`));
        expect(onB.map((m) => m.subject)).toEqual([`${prefix}.${b.type}`]);
        expect([...onA, ...onB].map((m) => m.id).sort()).toEqual([...published].sort());
        for (const m of [...onA, ...onB]) {
          expect(m.envelope.id).toBe(m.id);
          expect(m.headers).toMatchObject({
            [NATS_HEADERS.type]: m.envelope.type,
            [NATS_HEADERS.version]: String(m.envelope.version),
            [NATS_HEADERS.aggregateId]: m.envelope.aggregateId,
            [NATS_HEADERS.sequence]: String(m.envelope.sequence),
          });
        }
        // In the stream, each aggregate's events are in sequence order.
        for (const agg of ['agg_one', 'agg_two']) {
          expect(onA.filter((m) => m.envelope.aggregateId === agg).map((m) => m.envelope.payload)).toEqual([
            { n: 1 },
            { n: 2 },
            { n: 3 },
          ]);
        }
        expect(onB[0]?.envelope).toMatchObject({
          version: 3,
          aggregateId: 'agg_one',
          sequence: 4,
          payload: { label: '标签 label' },
        });

        // Every event sent again (a crash between send and record does that): nothing new.
        for (const e of sent) await nats.send(e);
        const ack = await jetstream(admin).publish(`${prefix}.${a.type}`, '{}', {
          msgID: published[0] ?? '',
        });
        expect(ack.duplicate).toBe(true);
        expect((await jsm.streams.info(nats.streamOf(a.type))).state.messages).toBe(6);
        expect((await jsm.streams.info(nats.streamOf(b.type))).state.messages).toBe(1);
        // And the dispatcher does not send delivered events again.
        expect(await deps.events.drain()).toMatchObject({ delivered: 0, failed: 0, waiting: 0 });
      } finally {
        await nats.close();
      }
    },
  );

  it.skipIf(!natsReachable)(
    `does not stop the process when NATS is unreachable: events wait, uncounted, and go out once it connects${skipped}`,
    async () => {
      const { a, prefix, streamPrefix } = runEvents();
      const proxy = await tcpProxy(NATS_URL);
      const log = memoryLogger('debug');
      const deps = createDeps(t.database, { log: silent });
      // Created and registered while the server cannot be reached: no throw, not ready.
      const nats = createNatsTransport({
        url: proxy.url,
        log,
        subjectPrefix: prefix,
        streamPrefix,
        retryBaseMs: 20,
      });
      streams.add(nats.streamOf(a.type));
      try {
        deps.events.addTransport(nats);
        const ctx = systemCtx(deps, 'test');
        const first = await inTransaction(ctx, (tx) => publish(tx, a, 'agg_wait', { n: 1 }));
        await inTransaction(ctx, (tx) => publish(tx, a, 'agg_wait', { n: 2 }));
        await proxy.refused(2);
        expect(nats.ready()).toBe(false);
        expect(await deps.events.drain()).toMatchObject({ delivered: 0, failed: 0 });
        expect(log.records.some((r) => r.level === 'warn' && r.msg.startsWith('NATS is unreachable'))).toBe(
          true,
        );
        expect(deps.events.targets()).toContainEqual(
          expect.objectContaining({ name: 'transport.nats', ready: false }),
        );
        const rows = await t.database.db
          .selectFrom('platform.outbox_delivery')
          .select('status')
          .where('event_id', '=', first)
          .execute();
        expect(rows).toEqual([]);

        proxy.open();
        await nats.whenReady();
        expect(await deps.events.drain()).toMatchObject({ delivered: 2, failed: 0 });
        const msgs = await messagesOf(nats.streamOf(a.type));
        expect(msgs.map((m) => m.envelope.payload)).toEqual([{ n: 1 }, { n: 2 }]);
      } finally {
        await nats.close();
        await proxy.close();
      }
    },
  );
});

/**
 * A TCP proxy to the real server that refuses connections (closes them at once) until
 * `open()`: an unreachable NATS without stopping the shared one. `refused(n)` resolves after
 * n refused connection attempts, so the test waits for a signal instead of sleeping.
 */
async function tcpProxy(target: string) {
  const { hostname, port } = new URL(target);
  let accepting = false;
  let refusals = 0;
  const waiting: { n: number; resolve: () => void }[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    if (!accepting) {
      client.destroy();
      refusals++;
      for (const w of waiting.filter((x) => refusals >= x.n)) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve();
      }
      return;
    }
    const upstream = netConnect({ host: hostname, port: Number(port || 4222) });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const proxyPort = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `nats://127.0.0.1:${proxyPort}`,
    open() {
      accepting = true;
    },
    refused(n: number) {
      return refusals >= n ? Promise.resolve() : new Promise<void>((resolve) => waiting.push({ n, resolve }));
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
