import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDeps } from '../../testing/create-test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import { manualClock } from '../clock.ts';
import { type Ctx, inTransaction, systemCtx } from '../context.ts';
import { createLogger } from '../log.ts';
import { defineEvent, type EventEnvelope } from './define-event.ts';
import { createEventBus } from './event-bus.ts';
import {
  findOutboxEvent,
  listDeadDeliveries,
  outboxLag,
  replayAllDeadDeliveries,
  replayDeadDeliveries,
} from './outbox-admin.ts';
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

  it('retries a throwing handler later without holding back the other subscribers, in order per aggregate', async () => {
    const t = await database();
    const clock = manualClock('2026-05-01T00:00:00Z');
    const deps = createDeps(t.database, { log: silent, clock });
    // random() = 0.999…: the delay is just under its ceiling (1 s after the first failure).
    const bus = createEventBus({ db: deps.db, log: silent, clock, retryBaseMs: 1000, random: () => 0.9999 });
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

    expect(await bus.drain()).toMatchObject({ delivered: 1, failed: 1, dead: 0, waiting: 2 });
    // The steady subscriber has everything; the flaky one's agg_x waits behind its failed first event.
    expect(steady).toEqual(['agg_x:1', 'agg_x:2', 'agg_y:1']);
    expect(flaky).toEqual(['agg_y:1']);
    const failed = await deps.db
      .selectFrom('platform.outbox_delivery as d')
      .innerJoin('platform.outbox as o', 'o.id', 'd.event_id')
      .select(['d.status', 'd.attempts', 'd.last_error', 'd.next_attempt_at', 'o.processed_at'])
      .where('o.aggregate_id', '=', 'agg_x')
      .where('d.subscriber', '=', 'test.flaky')
      .executeTakeFirstOrThrow();
    expect(failed).toMatchObject({ status: 'retrying', attempts: 1, processed_at: null });
    expect(failed.last_error).toContain('downstream unavailable');
    expect(new Date(failed.next_attempt_at).toISOString()).toBe('2026-05-01T00:00:00.999Z');

    // Not due yet: nothing happens.
    expect(await bus.drain()).toMatchObject({ delivered: 0, failed: 0 });
    clock.advance(1000);
    expect(await bus.drain()).toMatchObject({ delivered: 2, failed: 0, waiting: 0 });
    expect(steady).toEqual(['agg_x:1', 'agg_x:2', 'agg_y:1']);
    expect(flaky).toEqual(['agg_y:1', 'agg_x:1', 'agg_x:2']);
  });

  it('numbers the events of each aggregate 1, 2, 3 without gaps and puts the version in the envelope', async () => {
    const t = await database();
    const deps = createDeps(t.database, { log: silent });
    const v2 = defineEvent('test.thing_renamed', z.strictObject({ name: z.string() }), { version: 2 });
    const seen: EventEnvelope[] = [];
    deps.events.subscribe(thingHappened, 'test.log', async (_ctx, e) => {
      seen.push(e);
    });
    deps.events.subscribe(v2, 'test.log', async (_ctx, e) => {
      seen.push(e);
    });
    const ctx = systemCtx(deps, 'test');
    await publishIn(ctx, 'agg_a', 1);
    await publishIn(ctx, 'agg_b', 1);
    // A rolled-back publish gives its number back.
    await expect(
      inTransaction(ctx, async (tx) => {
        await publish(tx, thingHappened, 'agg_a', { n: 99 });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await inTransaction(ctx, async (tx) => {
      await publish(tx, thingHappened, 'agg_a', { n: 2 });
      await publish(tx, v2, 'agg_a', { name: 'x' });
    });
    await deps.events.drain();
    expect(seen.map((e) => [e.aggregateId, e.sequence, e.type, e.version])).toEqual([
      ['agg_a', 1, 'test.thing_happened', 1],
      ['agg_b', 1, 'test.thing_happened', 1],
      ['agg_a', 2, 'test.thing_happened', 1],
      ['agg_a', 3, 'test.thing_renamed', 2],
    ]);
    expect(Object.keys(seen[0] ?? {})).toEqual([
      'id',
      'type',
      'version',
      'aggregateId',
      'sequence',
      'occurredAt',
      'actor',
      'requestId',
      'payload',
    ]);
    expect(new Set(seen.map((e) => e.id)).size).toBe(4);
  });

  it('dead-letters a delivery after maxAttempts; only its aggregate waits, only for that subscriber; a replay delivers in order', async () => {
    const t = await database();
    const clock = manualClock('2026-05-02T00:00:00Z');
    const deps = createDeps(t.database, { log: silent, clock });
    const bus = createEventBus({
      db: deps.db,
      log: silent,
      clock,
      retryBaseMs: 1000,
      maxAttempts: 3,
      random: () => 0.5,
    });
    let broken = true;
    const picky: string[] = [];
    const other: string[] = [];
    bus.subscribe(thingHappened, 'test.picky', async (_ctx, e) => {
      if (broken && e.aggregateId === 'agg_bad' && e.payload.n === 1) throw new Error('cannot handle n=1');
      picky.push(`${e.aggregateId}:${e.payload.n}`);
    });
    bus.subscribe(thingHappened, 'test.other', async (_ctx, e) => {
      other.push(`${e.aggregateId}:${e.payload.n}`);
    });
    const ctx = systemCtx(deps, 'test');
    const first = await publishIn(ctx, 'agg_bad', 1);
    await publishIn(ctx, 'agg_bad', 2);
    await publishIn(ctx, 'agg_good', 1);

    expect(await bus.drain()).toMatchObject({ failed: 1, dead: 0 });
    for (let i = 0; i < 2; i++) {
      clock.advance(60_000);
      await bus.drain();
    }
    expect(bus.counters()).toEqual([
      { target: 'test.other', delivered: 3, failed: 0, dead: 0 },
      { target: 'test.picky', delivered: 1, failed: 3, dead: 1 },
    ]);
    // Long after: a dead delivery is not retried by itself.
    clock.advance(24 * 3_600_000);
    expect(await bus.drain()).toMatchObject({ failed: 0, waiting: 2 });
    expect(picky).toEqual(['agg_good:1']);
    expect(other).toEqual(['agg_bad:1', 'agg_bad:2', 'agg_good:1']);

    const dead = await listDeadDeliveries(deps.db, {});
    expect(dead.items).toHaveLength(1);
    expect(dead.items[0]).toMatchObject({
      target: 'test.picky',
      status: 'dead',
      attempts: 3,
      event: { id: first, aggregateId: 'agg_bad', sequence: 1 },
    });
    expect(dead.items[0]?.lastError).toContain('cannot handle n=1');
    const lag = await outboxLag(deps.db, bus.targets());
    expect(lag.find((l) => l.target === 'test.picky')).toMatchObject({
      undelivered: 2,
      dead: 1,
      retrying: 0,
    });
    expect(lag.find((l) => l.target === 'test.other')).toMatchObject({
      undelivered: 0,
      oldestUndeliveredAt: null,
    });
    expect(lag.find((l) => l.target === 'test.picky')?.oldestUndeliveredAt?.toISOString()).toBe(
      '2026-05-02T00:00:00.000Z',
    );

    // Fixed; replayed: the dead event goes first, the one that waited behind it follows.
    broken = false;
    expect(await replayDeadDeliveries(ctx, [{ eventId: first, target: 'test.picky' }])).toBe(1);
    expect(await replayDeadDeliveries(ctx, [{ eventId: first, target: 'test.picky' }])).toBe(0);
    expect(await bus.drain()).toMatchObject({ delivered: 2, failed: 0, waiting: 0 });
    expect(picky).toEqual(['agg_good:1', 'agg_bad:1', 'agg_bad:2']);
    expect(other).toEqual(['agg_bad:1', 'agg_bad:2', 'agg_good:1']);
    const replayed = await findOutboxEvent(deps.db, first);
    expect(replayed?.deliveries.find((d) => d.target === 'test.picky')).toMatchObject({
      status: 'delivered',
      replays: 1,
      attempts: 1,
    });
    expect((await listDeadDeliveries(deps.db, {})).items).toEqual([]);
  });

  it('replays every dead delivery of a target in bulk', async () => {
    const t = await database();
    const clock = manualClock('2026-05-03T00:00:00Z');
    const deps = createDeps(t.database, { log: silent, clock });
    const bus = createEventBus({ db: deps.db, log: silent, clock, maxAttempts: 1 });
    let up = false;
    const got: string[] = [];
    bus.subscribe(thingHappened, 'test.down', async (_ctx, e) => {
      if (!up) throw new Error('down');
      got.push(`${e.aggregateId}:${e.payload.n}`);
    });
    const ctx = systemCtx(deps, 'test');
    for (const agg of ['agg_1', 'agg_2', 'agg_3']) {
      await publishIn(ctx, agg, 1);
      await publishIn(ctx, agg, 2);
    }
    // One attempt each: the first event of each aggregate dies, the second waits behind it.
    expect(await bus.drain()).toMatchObject({ failed: 3, dead: 3, waiting: 6 });
    expect((await listDeadDeliveries(deps.db, { target: 'test.down' })).items).toHaveLength(3);
    const page = await listDeadDeliveries(deps.db, { limit: 2 });
    expect(page.items.map((d) => d.event.aggregateId)).toEqual(['agg_1', 'agg_2']);
    const rest = await listDeadDeliveries(deps.db, { limit: 2, cursor: page.nextCursor ?? '' });
    expect(rest.items.map((d) => d.event.aggregateId)).toEqual(['agg_3']);
    expect(rest.nextCursor).toBeNull();

    up = true;
    expect(await replayAllDeadDeliveries(ctx, { target: 'test.nobody' })).toBe(0);
    expect(await replayAllDeadDeliveries(ctx, { type: thingHappened.type })).toBe(3);
    expect(await bus.drain()).toMatchObject({ delivered: 6, waiting: 0 });
    expect(got.filter((g) => g.startsWith('agg_2'))).toEqual(['agg_2:1', 'agg_2:2']);
    expect(got).toHaveLength(6);
  });

  it('lets events wait for a transport that is not ready without counting attempts', async () => {
    const t = await database();
    const deps = createDeps(t.database, { log: silent });
    let ready = false;
    const sent: string[] = [];
    deps.events.addTransport({
      name: 'transport.test',
      ready: () => ready,
      send: async (e) => {
        sent.push(`${e.aggregateId}:${e.sequence}`);
      },
      close: async () => {},
    });
    const ctx = systemCtx(deps, 'test');
    await publishIn(ctx, 'agg_t', 1);
    await publishIn(ctx, 'agg_t', 2);
    expect(await deps.events.drain()).toMatchObject({ delivered: 0, failed: 0, waiting: 2 });
    expect(await deps.db.selectFrom('platform.outbox_delivery').selectAll().execute()).toEqual([]);
    expect(deps.events.targets()).toContainEqual({
      name: 'transport.test',
      kind: 'transport',
      types: 'all',
      ready: false,
      maxAttempts: 12,
    });
    ready = true;
    expect(await deps.events.drain()).toMatchObject({ delivered: 2, waiting: 0 });
    expect(sent).toEqual(['agg_t:1', 'agg_t:2']);
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
      .updateTable('platform.outbox_delivery')
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
