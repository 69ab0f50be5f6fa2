import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/create-test-app.ts';
import { recordAudit } from './audit.ts';
import { type Ctx, systemCtx } from './context.ts';
import { type IdempotentRequest, runIdempotent } from './idempotency.ts';

/**
 * runIdempotent on the real database (PGlite, and PostgreSQL with DATABASE_URL): the work is
 * slow on purpose, so concurrent duplicates miss the fast path and must wait on the unique index.
 */
let t: TestApp;
let ctx: Ctx;

beforeAll(async () => {
  t = await createTestApp();
  ctx = systemCtx(t.deps, 'test');
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const request = (key: string, fingerprint = 'a'.repeat(64)): IdempotentRequest => ({
  key,
  actorId: 'usr_test',
  method: 'POST',
  route: '/test/{id}',
  fingerprint,
});

const audits = async (action: string) =>
  (await t.db.selectFrom('platform.audit_log').select('id').where('action', '=', action).execute()).length;

const slowWork = (action: string) => async (tx: Ctx) => {
  await sql`select pg_sleep(0.05)`.execute(tx.db);
  const id = await recordAudit(tx, { action, targetType: 'test', targetId: 'x', orgId: null });
  return { status: 201, body: { id } };
};

describe('runIdempotent', () => {
  it('does the work once for 20 concurrent duplicates; the others get the stored answer', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        runIdempotent({ ...ctx, now: new Date() }, request('concurrent-1'), slowWork('test.concurrent')),
      ),
    );
    expect(await audits('test.concurrent')).toBe(1);
    expect(new Set(results.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(results.every((r) => r.status === 201)).toBe(true);
  });

  it('leaves no key when the work throws, so a retry does the work', async () => {
    await expect(
      runIdempotent(ctx, request('fails-first'), async (tx) => {
        await recordAudit(tx, { action: 'test.rolled_back', targetType: 'test', targetId: 'x', orgId: null });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await audits('test.rolled_back')).toBe(0);
    const retry = await runIdempotent(ctx, request('fails-first'), slowWork('test.retried'));
    expect(retry.replayed).toBe(false);
    expect(await audits('test.retried')).toBe(1);
  });

  it('refuses the key with another fingerprint (422) and keeps actors and routes apart', async () => {
    await runIdempotent(ctx, request('scoped-1'), slowWork('test.scoped'));
    await expect(
      runIdempotent(ctx, request('scoped-1', 'b'.repeat(64)), slowWork('test.scoped')),
    ).rejects.toMatchObject({
      code: 'platform.idempotency_key_reused',
      kind: 'unprocessable',
    });
    const other = await runIdempotent(
      ctx,
      { ...request('scoped-1'), actorId: 'usr_other' },
      slowWork('test.scoped'),
    );
    const otherRoute = await runIdempotent(
      ctx,
      { ...request('scoped-1'), route: '/test/other' },
      slowWork('test.scoped'),
    );
    expect([other.replayed, otherRoute.replayed]).toEqual([false, false]);
    expect(await audits('test.scoped')).toBe(3);
  });
});
