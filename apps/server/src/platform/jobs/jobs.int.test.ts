import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDeps } from '../../testing/create-test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import { manualClock } from '../clock.ts';
import { inTransaction, systemCtx } from '../context.ts';
import { createLogger } from '../log.ts';
import { defineJob } from './define-job.ts';
import { enqueue } from './enqueue.ts';
import { createJobQueue } from './job-queue.ts';

const silent = createLogger('silent');
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.dispose();
});

const statusOf = async (id: string) =>
  t.database.db
    .selectFrom('platform.jobs')
    .select(['status', 'attempts', 'run_at', 'last_error'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

describe('job queue', () => {
  it('runs a due job once with its parsed payload, and not a job scheduled later', async () => {
    const clock = manualClock('2026-06-01T00:00:00Z');
    const deps = createDeps(t.database, { log: silent, clock });
    const seen: string[] = [];
    const greet = defineJob({
      name: 'test.greet',
      payload: z.strictObject({ name: z.string() }),
      handler: async (_ctx, p) => {
        seen.push(p.name);
      },
    });
    const queue = createJobQueue({ db: deps.db, log: silent, clock });
    queue.register(greet);
    const ctx = systemCtx(deps, 'test');
    const now = await inTransaction(ctx, (tx) => enqueue(tx, greet, { name: 'now' }));
    const later = await enqueue(ctx, greet, { name: 'later' }, { runAt: new Date('2026-06-01T01:00:00Z') });
    expect(await queue.runDue()).toBe(1);
    expect(seen).toEqual(['now']);
    expect((await statusOf(now)).status).toBe('done');
    expect((await statusOf(later)).status).toBe('queued');
    clock.advance(60 * 60_000);
    expect(await queue.runDue()).toBe(1);
    expect(seen).toEqual(['now', 'later']);
    expect(await queue.runDue()).toBe(0);
  });

  it('retries with exponential backoff and marks the job dead after its last attempt', async () => {
    const clock = manualClock('2026-06-02T00:00:00Z');
    const deps = createDeps(t.database, { log: silent, clock });
    let calls = 0;
    const flaky = defineJob({
      name: 'test.flaky',
      payload: z.object({}),
      maxAttempts: 3,
      backoffMs: 1000,
      handler: async () => {
        calls++;
        throw new Error(`failure ${calls}`);
      },
    });
    const queue = createJobQueue({ db: deps.db, log: silent, clock });
    queue.register(flaky);
    const id = await enqueue(systemCtx(deps, 'test'), flaky, {});
    expect(await queue.runDue()).toBe(1);
    expect(await statusOf(id)).toMatchObject({ status: 'queued', attempts: 1, last_error: 'failure 1' });
    expect((await statusOf(id)).run_at).toEqual(new Date('2026-06-02T00:00:01Z'));
    expect(await queue.runDue()).toBe(0); // not due yet
    clock.advance(1000);
    expect(await queue.runDue()).toBe(1);
    expect((await statusOf(id)).run_at).toEqual(new Date('2026-06-02T00:00:03Z')); // 2 s later
    clock.advance(2000);
    expect(await queue.runDue()).toBe(1);
    expect(await statusOf(id)).toMatchObject({ status: 'dead', attempts: 3, last_error: 'failure 3' });
    clock.advance(60 * 60_000);
    expect(await queue.runDue()).toBe(0);
    expect(calls).toBe(3);
  });

  it('de-duplicates by key while a job is pending, and takes over a job left running by a dead worker', async () => {
    const clock = manualClock('2026-06-03T00:00:00Z');
    const deps = createDeps(t.database, { log: silent, clock });
    let runs = 0;
    const sync = defineJob({
      name: 'test.sync',
      payload: z.object({ dealer: z.string() }),
      handler: async () => {
        runs++;
      },
    });
    const ctx = systemCtx(deps, 'test');
    const a = await enqueue(ctx, sync, { dealer: 'd1' }, { key: 'd1' });
    const b = await enqueue(ctx, sync, { dealer: 'd1' }, { key: 'd1' });
    expect(b).toBe(a);
    // A worker claims the job and dies (never finishes it).
    await deps.db
      .updateTable('platform.jobs')
      .set({ status: 'running', locked_at: clock.now(), locked_by: 'dead-worker', attempts: 1 })
      .where('id', '=', a)
      .execute();
    const queue = createJobQueue({ db: deps.db, log: silent, clock, lockTimeoutMs: 60_000 });
    queue.register(sync);
    expect(await queue.runDue()).toBe(0);
    clock.advance(60_001);
    expect(await queue.runDue()).toBe(1);
    expect(await statusOf(a)).toMatchObject({ status: 'done', attempts: 2 });
    expect(runs).toBe(1);
    // Done: the key is free again.
    expect(await enqueue(ctx, sync, { dealer: 'd1' }, { key: 'd1' })).not.toBe(a);
  });

  it('marks a job whose stored payload no longer matches its schema dead without running it', async () => {
    const clock = manualClock('2026-06-04T00:00:00Z');
    const deps = createDeps(t.database, { log: silent, clock });
    let runs = 0;
    const strict = defineJob({
      name: 'test.strict',
      payload: z.object({ count: z.number() }),
      handler: async () => {
        runs++;
      },
    });
    const id = await enqueue(systemCtx(deps, 'test'), strict, { count: 1 });
    await deps.db
      .updateTable('platform.jobs')
      .set({ payload: JSON.stringify({ count: 'x' }) })
      .where('id', '=', id)
      .execute();
    const queue = createJobQueue({ db: deps.db, log: silent, clock });
    queue.register(strict);
    expect(await queue.runDue()).toBe(1);
    expect((await statusOf(id)).status).toBe('dead');
    expect(runs).toBe(0);
  });
});
