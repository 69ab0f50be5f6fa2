/**
 * Orders on NATS (issue #7): a placed and locked order, through the app as the customer does it,
 * puts its ordering and production events on their subjects, exactly once per message id, also
 * when sent again. Against the real server (CI has one at 127.0.0.1:4222; NATS_TEST_URL for
 * another), with a stream prefix of its own that is deleted afterwards. Beside the transport's
 * own test in platform/events, which may not reach the modules and the demo data this one needs.
 */
import { randomBytes } from 'node:crypto';
import { connect as netConnect } from 'node:net';
import { type JetStreamManager, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventEnvelope } from './platform/events/define-event.ts';
import { createNatsTransport } from './platform/events/nats-transport.ts';
import { createLogger } from './platform/log.ts';
import { seedDemoData } from './seed/index.ts';
import { createTestApp } from './testing/create-test-app.ts';
import { payAs, placeOrderAs, registerCustomer } from './testing/orders-fixtures.ts';

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

let admin: NatsConnection;
let jsm: JetStreamManager;
const streams = new Set<string>();

beforeAll(async () => {
  if (natsReachable) {
    admin = await connect({ servers: NATS_URL });
    jsm = await jetstreamManager(admin);
  }
});
afterAll(async () => {
  for (const s of streams) await jsm.streams.delete(s).catch(() => undefined);
  await admin?.close();
});

async function messagesOf(
  stream: string,
): Promise<{ subject: string; id: string; envelope: EventEnvelope }[]> {
  const info = await jsm.streams.info(stream);
  const out = [];
  for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
    const msg = await jsm.streams.getMessage(stream, { seq });
    if (!msg) continue;
    out.push({
      subject: msg.subject,
      id: msg.header.get('Nats-Msg-Id'),
      envelope: msg.json<EventEnvelope>(),
    });
  }
  return out;
}

describe('orders on NATS JetStream', () => {
  it.skipIf(!natsReachable)(
    `a placed and locked order puts its events on their subjects exactly once per message id${skipped}`,
    async () => {
      const run = randomBytes(4).toString('hex');
      const prefix = `openc2b_test_${run}`;
      const streamPrefix = `OPENC2B_TEST_${run.toUpperCase()}`;
      const app = await createTestApp({ log: silent });
      const nats = createNatsTransport({ url: NATS_URL, log: silent, subjectPrefix: prefix, streamPrefix });
      for (const type of ['ordering.x', 'production.x', 'payments.x']) streams.add(nats.streamOf(type));
      try {
        await seedDemoData(app.deps);
        await nats.whenReady();
        app.deps.events.addTransport(nats);
        // Through the app as the customer does it: place (with the car registered), pay, lock.
        const customer = await registerCustomer(app, 'NATS Buyer');
        const placed = await placeOrderAs(app, customer);
        await payAs(app, customer, placed.id, 'intention');
        await payAs(app, customer, placed.id, 'deposit');
        for (let i = 0; i < 10 && (await app.deps.events.drain()).waiting > 0; i++);
        const outbox = await app.db
          .selectFrom('platform.outbox')
          .select(['id', 'type'])
          .where('aggregate_id', 'in', [placed.id, placed.vehicleId])
          .orderBy('seq')
          .execute();
        const types = outbox.map((r) => r.type as string);
        for (const type of [
          'ordering.order_placed',
          'ordering.order_reserved',
          'ordering.order_locked',
          'production.vehicle_registered',
          'production.vehicle_confirmed',
        ]) {
          expect(
            types.filter((x) => x === type),
            type,
          ).toHaveLength(1);
        }
        const ours = async (type: string) =>
          (await messagesOf(nats.streamOf(type))).filter(
            (m) => m.envelope.aggregateId === placed.id || m.envelope.aggregateId === placed.vehicleId,
          );
        const onStreams = [...(await ours('ordering.x')), ...(await ours('production.x'))];
        expect(onStreams.map((m) => m.id).sort()).toEqual(
          outbox
            .filter((r) => /^(ordering|production)\./.test(r.type as string))
            .map((r) => r.id as string)
            .sort(),
        );
        for (const m of onStreams) {
          expect(m.subject).toBe(`${prefix}.${m.envelope.type}`);
          expect(m.id).toBe(m.envelope.id);
        }
        // Sent again (a crash between send and record): JetStream keeps one per message id.
        const before = (await jsm.streams.info(nats.streamOf('ordering.x'))).state.messages;
        for (const m of onStreams) await nats.send(m.envelope);
        expect((await jsm.streams.info(nats.streamOf('ordering.x'))).state.messages).toBe(before);
      } finally {
        await nats.close();
        await app.close();
      }
    },
    120_000,
  );
});
