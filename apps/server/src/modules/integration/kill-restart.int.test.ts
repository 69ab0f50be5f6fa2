/**
 * The dispatcher process killed in the middle of delivery, then restarted: nothing is lost,
 * duplicates are recognisable by id, and each aggregate's order is kept. A child process
 * (testing/dispatcher-child.ts) runs the outbox dispatcher and the webhook worker on this
 * test's database (a PGlite directory, or PostgreSQL with DATABASE_URL); the test's HTTP
 * receiver holds the K-th request unanswered and, when it arrives, SIGKILLs the child while
 * that delivery and others of the batch are in flight. A second child finishes the work.
 * With a NATS server the child also publishes to JetStream, checked at the end.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect as netConnect } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterAll, expect, it } from 'vitest';
import { systemClock } from '../../platform/clock.ts';
import { inTransaction, systemCtx } from '../../platform/context.ts';
import type { EventEnvelope } from '../../platform/events/define-event.ts';
import { createEventBus } from '../../platform/events/event-bus.ts';
import { publish } from '../../platform/events/publish.ts';
import { createLogger } from '../../platform/log.ts';
import { stepRecorded } from '../../testing/dispatcher-child.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import { createIntegration } from './index.ts';

const silent = createLogger('silent');
const here = dirname(fileURLToPath(import.meta.url));
const CHILD = join(here, '../../testing/dispatcher-child.ts');
const AGGREGATES = ['veh_a', 'veh_b', 'veh_c'];
const STEPS = 8;
const KILL_AT = 7;

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

let t: TestDatabase | undefined;
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
  await t?.dispose();
});

type Request = { id: string; aggregateId: string; sequence: number; answered: boolean; at: number };

function startChild(env: Record<string, string>): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [CHILD], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code, signal) => {
      if (code !== 0 && signal !== 'SIGKILL') console.error(`dispatcher child failed (${code}):\n${stderr}`);
      resolve(code);
    });
  });
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return { child, exited };
}

it(`loses nothing and keeps each aggregate's order when the dispatcher is killed mid-batch and restarted${natsReachable ? ' (webhooks and NATS)' : ' (webhooks; NATS skipped: no server)'}`, async () => {
  t = await createTestDatabase({ persistent: true });
  const db = t.database.db;

  // The receiver: answers 200, except that it never answers the KILL_AT-th request.
  const requests: Request[] = [];
  let count = 0;
  let reachedKillPoint: () => void = () => {};
  const killPoint = new Promise<void>((resolve) => {
    reachedKillPoint = resolve;
  });
  const held: ServerResponse[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      const e = JSON.parse(body) as EventEnvelope;
      count++;
      const r: Request = {
        id: e.id,
        aggregateId: e.aggregateId,
        sequence: e.sequence,
        answered: false,
        at: count,
      };
      requests.push(r);
      if (count === KILL_AT) {
        held.push(res);
        reachedKillPoint();
        return;
      }
      res.writeHead(200).end();
      r.answered = true;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/in`;

  // Register the webhook and publish the events (interleaved across aggregates).
  const bus = createEventBus({ db, log: silent, clock: systemClock });
  const integration = createIntegration({
    db,
    log: silent,
    clock: systemClock,
    bus,
    events: [stepRecorded],
    allowPrivateNetworks: true,
  });
  const ctx = systemCtx({ db, log: silent, clock: systemClock }, 'test');
  await integration.createWebhook(ctx, { name: 'MES', url, eventTypes: ['killtest.*'] });
  const published = new Map<string, { aggregateId: string; sequence: number }>();
  for (let step = 1; step <= STEPS; step++) {
    for (const vehicleId of AGGREGATES) {
      const id = await inTransaction(ctx, (tx) => publish(tx, stepRecorded, vehicleId, { vehicleId, step }));
      published.set(id, { aggregateId: vehicleId, sequence: step });
    }
  }

  const run = randomBytes(4).toString('hex');
  const nats: Record<string, string> = natsReachable
    ? {
        CHILD_NATS_URL: NATS_URL,
        CHILD_NATS_SUBJECT_PREFIX: `openc2b_kill_${run}`,
        CHILD_NATS_STREAM_PREFIX: `OPENC2B_KILL_${run.toUpperCase()}`,
      }
    : {};
  const location = t.location;
  const dbEnv: Record<string, string> =
    'postgresUrl' in location
      ? { CHILD_DATABASE_URL: location.postgresUrl }
      : 'pgliteDir' in location
        ? { CHILD_PGLITE_DIR: location.pgliteDir }
        : {};
  // PGlite: one process at a time on a data directory.
  await t.close();

  // First run: killed when the KILL_AT-th request arrives (that one and others in flight).
  const first = startChild({ ...dbEnv, ...nats });
  await Promise.race([
    killPoint,
    first.exited.then((code) => {
      throw new Error(`the first dispatcher exited (${code}) before the kill point`);
    }),
  ]);
  first.child.kill('SIGKILL');
  await first.exited;
  const inFlightAtKill = new Set(requests.filter((r) => !r.answered).map((r) => r.id));
  expect(inFlightAtKill.size).toBeGreaterThanOrEqual(1);
  // Sent by the killed process: only these may arrive twice (an answer it never recorded).
  const sentBeforeKill = new Set(requests.map((r) => r.id));
  expect(requests.length).toBeLessThan(published.size);
  for (const res of held) res.destroy();

  // Restarted: it finishes everything and exits 0.
  const second = startChild({ ...dbEnv, ...nats });
  expect(await second.exited).toBe(0);

  // Nothing lost: every event reached the receiver and is delivered in the database.
  const reopened = await t.reopen();
  const receivedIds = new Set(requests.map((r) => r.id));
  expect([...published.keys()].filter((id) => !receivedIds.has(id))).toEqual([]);
  const rows = await reopened.db
    .selectFrom('integration.webhook_deliveries')
    .select(['event_id', 'status'])
    .execute();
  expect(rows).toHaveLength(published.size);
  expect(rows.every((r) => r.status === 'delivered')).toBe(true);
  const unprocessed = await reopened.db
    .selectFrom('platform.outbox')
    .select('id')
    .where('processed_at', 'is', null)
    .execute();
  expect(unprocessed).toEqual([]);

  // Duplicates are recognisable by id (the same id, aggregate and sequence again), and only
  // events the killed process had sent arrive twice; the one held at the kill always does.
  const seen = new Map<string, number>();
  for (const r of requests) seen.set(r.id, (seen.get(r.id) ?? 0) + 1);
  const duplicated = [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  for (const id of duplicated) expect(sentBeforeKill.has(id), id).toBe(true);
  for (const id of inFlightAtKill) expect(seen.get(id)).toBeGreaterThanOrEqual(2);
  for (const r of requests)
    expect(published.get(r.id)).toEqual({ aggregateId: r.aggregateId, sequence: r.sequence });

  // Order per aggregate: first arrivals in sequence order, and no event was sent before the
  // aggregate's previous one had been answered 200.
  for (const aggregate of AGGREGATES) {
    const mine = requests.filter((r) => r.aggregateId === aggregate);
    const firstArrivals = mine
      .filter((r, i) => mine.findIndex((x) => x.id === r.id) === i)
      .map((r) => r.sequence);
    expect(firstArrivals).toEqual(Array.from({ length: STEPS }, (_, i) => i + 1));
    for (const r of mine) {
      if (r.sequence === 1) continue;
      const previousAnswered = mine.some((p) => p.sequence === r.sequence - 1 && p.answered && p.at < r.at);
      expect(previousAnswered, `${aggregate} #${r.sequence} sent before #${r.sequence - 1} succeeded`).toBe(
        true,
      );
    }
  }

  if (natsReachable) {
    const nc = await connect({ servers: NATS_URL });
    const jsm = await jetstreamManager(nc);
    const stream = `OPENC2B_KILL_${run.toUpperCase()}_KILLTEST`;
    try {
      const info = await jsm.streams.info(stream);
      // Exactly once per message id, whatever was re-sent after the kill.
      expect(info.state.messages).toBe(published.size);
      const onStream: EventEnvelope[] = [];
      for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq++) {
        const msg = await jsm.streams.getMessage(stream, { seq });
        if (msg) onStream.push(msg.json<EventEnvelope>());
      }
      expect(new Set(onStream.map((e) => e.id))).toEqual(new Set(published.keys()));
      for (const aggregate of AGGREGATES) {
        expect(onStream.filter((e) => e.aggregateId === aggregate).map((e) => e.sequence)).toEqual(
          Array.from({ length: STEPS }, (_, i) => i + 1),
        );
      }
    } finally {
      await jsm.streams.delete(stream).catch(() => undefined);
      await nc.close();
    }
  }
}, 240_000);
