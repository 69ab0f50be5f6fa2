import { connect as netConnect } from 'node:net';
import { jetstreamManager } from '@nats-io/jetstream';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDeps } from '../../testing/create-test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import { manualClock } from '../clock.ts';
import { type Ctx, inTransaction, systemCtx } from '../context.ts';
import { createLogger } from '../log.ts';
import { defineEvent, type EventEnvelope } from './define-event.ts';
import { createEventBus } from './event-bus.ts';
import { createNatsTransport } from './nats-transport.ts';
import { publish } from './publish.ts';

const thingHappened = defineEvent('test.thing_happened', z.strictObject({ n: z.number().int() }));
const silent = createLogger('silent');

const open: TestDatabase[] = [];
afterAll(async () => {
  for (const t of open) await t.dispose();
});
async function database(persistent = false) {
  const t = await createTestDatabase({ persistent });
  open.push(t);
  return t;
}

const publishIn = (ctx: Ctx, aggregateId: string, n: number) =>
  inTransaction(ctx, (tx) => publish(tx, thingHappened, aggregateId, { n }));

describe('transactional outbox', () => {
  it('never delivers an event of a rolled-back transaction; delivers a committed one after a crash and restart', async () => {
    const t = await database(true);
    const before = createDeps(t.database, { log: silent });
    const ctx = systemCtx(before, 'test');
    await publishIn(ctx, 'agg_1', 1);
    await expect(
      inTransaction(ctx, async (tx) => {
        await publish(tx, thingHappened, 'agg_1', { n: 2 });
        throw new Error('business write failed');
      }),
    ).rejects.toThrow('business write failed');

    // Crash: the dispatcher never ran; the database is closed and opened again from its data.
    const reopened = await t.reopen();
    const after = createDeps(reopened, { log: silent });
    const received: number[] = [];
    after.events.subscribe(thingHappened, 'test.recorder', async (_ctx, e) => {
      received.push(e.payload.n);
    });
    expect(await after.events.drain()).toMatchObject({ delivered: 1, failed: 0 });
    expect(received).toEqual([1]);
    // Delivered once: another pass finds nothing to do.
    expect(await after.events.drain()).toMatchObject({ delivered: 0 });
    expect(received).toEqual([1]);
    const rows = await reopened.db.selectFrom('platform.outbox_delivery').select('subscriber').execute();
    expect(rows).toEqual([{ subscriber: 'test.recorder' }]);
    // Two file-backed PGlite starts (several seconds each on a busy machine): a generous limit.
  }, 180_000);

  it('retries a throwing handler later without re-running the others, in order per aggregate', async () => {
    const t = await database();
    const clock = manualClock('2026-05-01T00:00:00Z');
    const deps = createDeps(t.database, { log: silent, clock });
    const bus = createEventBus({ db: deps.db, log: silent, clock, retryBaseMs: 1000 });
    const steady: string[] = [];
    const flaky: string[] = [];
    let failNext = true;
    bus.subscribe(thingHappened, 'test.steady', async (_ctx, e) => {
      steady.push(`${e.aggregateId}:${e.payload.n}`);
    });
    bus.subscribe(thingHappened, 'test.flaky', async (_ctx, e) => {
      if (failNext) {
        failNext = false;
        throw new Error('downstream unavailable');
      }
      flaky.push(`${e.aggregateId}:${e.payload.n}`);
    });
    const ctx = systemCtx(deps, 'test');
    await publishIn(ctx, 'agg_x', 1);
    await publishIn(ctx, 'agg_x', 2);
    await publishIn(ctx, 'agg_y', 1);

    expect(await bus.drain()).toMatchObject({ delivered: 1, failed: 1 });
    // agg_x waits behind its failed first event; agg_y goes through.
    expect(steady).toEqual(['agg_x:1', 'agg_y:1']);
    expect(flaky).toEqual(['agg_y:1']);
    const failed = await deps.db
      .selectFrom('platform.outbox')
      .select(['attempts', 'last_error', 'processed_at'])
      .where('aggregate_id', '=', 'agg_x')
      .orderBy('seq')
      .executeTakeFirstOrThrow();
    expect(failed).toMatchObject({ attempts: 1, processed_at: null });
    expect(failed.last_error).toContain('downstream unavailable');

    // Not due yet: nothing happens.
    expect(await bus.drain()).toMatchObject({ delivered: 0, failed: 0 });
    clock.advance(1000);
    expect(await bus.drain()).toMatchObject({ delivered: 2, failed: 0 });
    expect(steady).toEqual(['agg_x:1', 'agg_y:1', 'agg_x:2']);
    expect(flaky).toEqual(['agg_y:1', 'agg_x:1', 'agg_x:2']);
  });

  it("rolls back a failing handler's writes together with its delivery record", async () => {
    const t = await database();
    const deps = createDeps(t.database, { log: silent });
    let calls = 0;
    deps.events.subscribe(thingHappened, 'test.writer', async (ctx) => {
      calls++;
      await ctx.db
        .insertInto('platform.audit_log')
        .values({
          id: `aud_w${calls}`,
          at: ctx.now,
          actor_kind: 'system',
          action: 'test.written',
          target_type: 't',
          target_id: 'x',
          request_id: ctx.requestId,
        })
        .execute();
      if (calls === 1) throw new Error('fails after writing');
    });
    await publishIn(systemCtx(deps, 'test'), 'agg_w', 1);
    await deps.events.drain();
    const audit = await deps.db
      .selectFrom('platform.audit_log')
      .select('id')
      .where('action', '=', 'test.written')
      .execute();
    expect(audit).toEqual([]);
    await deps.db
      .updateTable('platform.outbox')
      .set({ next_attempt_at: new Date(0) })
      .execute();
    await deps.events.drain();
    const after = await deps.db
      .selectFrom('platform.audit_log')
      .select('id')
      .where('action', '=', 'test.written')
      .execute();
    expect(after).toEqual([{ id: 'aud_w2' }]);
  });

  it('wakes the running dispatcher right after commit', async () => {
    const t = await database();
    const deps = createDeps(t.database, { log: silent });
    const bus = createEventBus({ db: deps.db, log: silent, clock: deps.clock, pollMs: 3_600_000 });
    const seen = new Promise<EventEnvelope<{ n: number }>>((resolve) => {
      bus.subscribe(thingHappened, 'test.waiter', async (_ctx, e) => resolve(e));
    });
    bus.start();
    try {
      // The start-up pass runs first; the event below is only found through the commit wake-up.
      await bus.drain();
      const id = await publishIn(systemCtx(deps, 'test'), 'agg_wake', 7);
      const event = await seen;
      expect(event).toMatchObject({
        id,
        type: 'test.thing_happened',
        aggregateId: 'agg_wake',
        payload: { n: 7 },
      });
      expect(event.actor).toEqual({ kind: 'system', name: 'test' });
    } finally {
      await bus.stop();
    }
  });

  it('refuses to publish outside a transaction and refuses a payload that does not match', async () => {
    const t = await database();
    const ctx = systemCtx(createDeps(t.database, { log: silent }), 'test');
    await expect(publish(ctx, thingHappened, 'agg', { n: 1 })).rejects.toMatchObject({
      code: 'platform.publish_outside_transaction',
    });
    await expect(
      inTransaction(ctx, (tx) => publish(tx, thingHappened, 'agg', { n: 'one' } as unknown as { n: number })),
    ).rejects.toMatchObject({ code: 'platform.invalid_event_payload' });
  });
});

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

describe('NATS JetStream transport', () => {
  it.skipIf(!natsReachable)(
    `publishes each event once to openc2b.<type> with Nats-Msg-Id = event id${natsReachable ? '' : ` (skipped: no NATS server at ${NATS_URL})`}`,
    async () => {
      const t = await database();
      const deps = createDeps(t.database, { log: silent });
      const suffix = Math.random().toString(36).slice(2, 8);
      const nats = await createNatsTransport({
        url: NATS_URL,
        log: silent,
        subjectPrefix: `openc2b_test_${suffix}`,
        streamPrefix: `OPENC2B_TEST_${suffix.toUpperCase()}`,
      });
      const stream = nats.streamOf(thingHappened.type);
      const jsm = await jetstreamManager(nats.connection);
      try {
        deps.events.addTransport(nats);
        const id = await publishIn(systemCtx(deps, 'test'), 'agg_n', 3);
        expect(await deps.events.drain()).toMatchObject({ delivered: 1, failed: 0 });
        const msg = await jsm.streams.getMessage(stream, { seq: 1 });
        expect(msg?.subject).toBe(`openc2b_test_${suffix}.test.thing_happened`);
        expect(msg?.header.get('Nats-Msg-Id')).toBe(id);
        expect(msg?.json<EventEnvelope>()).toMatchObject({ id, payload: { n: 3 } });
        // A re-send (crash between send and record) is de-duplicated by the stream.
        await nats.send({
          id,
          type: thingHappened.type,
          aggregateId: 'agg_n',
          payload: { n: 3 },
          occurredAt: new Date().toISOString(),
          actor: { kind: 'system', name: 'test' },
          requestId: 'req_resend',
        });
        expect((await jsm.streams.info(stream)).state.messages).toBe(1);
      } finally {
        await jsm.streams.delete(stream).catch(() => undefined);
        await deps.events.stop();
      }
    },
  );
});
