import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { type Ctx, inTransaction } from './context.ts';
import { AppError } from './errors.ts';

/**
 * Idempotent requests: a client sends `Idempotency-Key` with every request that creates an order
 * or moves money, and a retry with the same key gets the first answer instead of doing the work
 * twice.
 *
 * - Scope: actor id + method + route template; the fingerprint is sha256 of the canonical JSON
 *   of the body and path parameters. The same key with another fingerprint is a client bug: 422.
 * - The key row is inserted in the SAME transaction as the business write, first. On PostgreSQL a
 *   concurrent duplicate blocks on the unique index until the first transaction ends; if it
 *   committed, the duplicate finds the stored answer, if it rolled back (the work threw), the
 *   duplicate does the work itself. So a failed request can be retried, and a successful one is
 *   done once. PGlite runs one transaction at a time, which gives the same result.
 * - Keys expire after 24 h; expired rows are deleted lazily by later requests (a few at a time,
 *   skipping rows another transaction holds), and an expired key may be used again.
 */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotent-replayed';
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

// 8-128 visible ASCII characters (0x21-0x7E): UUIDs, ULIDs and the like.
const KEY_PATTERN = /^[\x21-\x7e]{8,128}$/;
const CLEANUP_BATCH = 50;

const HEADER_PATH = `header.${IDEMPOTENCY_HEADER}`;

/** The key from the header value; 400 naming the header when it is missing or malformed. */
export function parseIdempotencyKey(raw: string | undefined): string {
  if (raw === undefined || raw.trim() === '') {
    throw new AppError(
      'bad_request',
      'platform.idempotency_key_required',
      'Send an Idempotency-Key header (8-128 visible ASCII characters, e.g. a UUID) with this request.',
      { fields: [{ path: HEADER_PATH, message: 'Required' }] },
    );
  }
  if (!KEY_PATTERN.test(raw)) {
    throw new AppError(
      'bad_request',
      'platform.idempotency_key_invalid',
      'The Idempotency-Key header must be 8-128 visible ASCII characters.',
      {
        fields: [{ path: HEADER_PATH, message: '8-128 visible ASCII characters (no spaces)' }],
      },
    );
  }
  return raw;
}

/** JSON with object keys sorted at every level, so equal values give equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value))
    return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function fingerprintOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

export type IdempotentRequest = {
  key: string;
  /** Who is asking: keys of different actors never collide. */
  actorId: string;
  method: string;
  /** The route template, e.g. `/store/orders/{id}/payments`. */
  route: string;
  fingerprint: string;
};

export type StoredAnswer = { status: number; body: unknown };
export type IdempotentResult = StoredAnswer & { replayed: boolean };

type KeyRow = { id: string; fingerprint: string; status: number | null; body: unknown };

const scoped = (ctx: Ctx, r: IdempotentRequest) =>
  ctx.db
    .selectFrom('platform.idempotency_keys')
    .select(['id', 'fingerprint', 'status', 'body'])
    .where('actor_id', '=', r.actorId)
    .where('method', '=', r.method)
    .where('route', '=', r.route)
    .where('key', '=', r.key)
    .where('expires_at', '>', ctx.now);

function replay(row: KeyRow, request: IdempotentRequest): IdempotentResult {
  if (row.fingerprint !== request.fingerprint) {
    throw new AppError(
      'unprocessable',
      'platform.idempotency_key_reused',
      'This Idempotency-Key was already used with a different request; use a new key for a new request.',
      { fields: [{ path: HEADER_PATH, message: 'Used before with another request' }] },
    );
  }
  if (row.status === null) {
    // Not reachable with committed rows (status is written in the key's transaction); kept so
    // that a half-written row can never be replayed as an empty answer.
    throw new AppError(
      'conflict',
      'platform.idempotency_request_in_progress',
      'The first request is still running.',
    );
  }
  return { status: row.status, body: row.body, replayed: true };
}

/**
 * Runs `work` once per key: in one transaction with the key row, which is inserted first. A
 * retry (or a concurrent duplicate) gets the stored status and body with `replayed: true`.
 */
export async function runIdempotent(
  ctx: Ctx,
  request: IdempotentRequest,
  work: (tx: Ctx) => Promise<StoredAnswer>,
): Promise<IdempotentResult> {
  // Fast path without a transaction: most retries arrive after the first answer committed.
  const known = (await scoped(ctx, request).executeTakeFirst()) as KeyRow | undefined;
  if (known) return replay(known, request);

  return inTransaction(ctx, async (tx) => {
    await removeExpired(tx, request);
    const inserted = await tx.db
      .insertInto('platform.idempotency_keys')
      .values({
        actor_id: request.actorId,
        method: request.method,
        route: request.route,
        key: request.key,
        fingerprint: request.fingerprint,
        created_at: tx.now,
        expires_at: new Date(tx.now.getTime() + IDEMPOTENCY_TTL_MS),
      })
      .onConflict((oc) => oc.columns(['actor_id', 'method', 'route', 'key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      // Another request with this key committed while this one waited on the unique index.
      const row = (await scoped(tx, request).executeTakeFirst()) as KeyRow | undefined;
      if (!row) {
        throw new AppError(
          'conflict',
          'platform.idempotency_request_in_progress',
          'A request with this Idempotency-Key is being handled; retry in a moment.',
        );
      }
      return replay(row, request);
    }
    const answer = await work(tx);
    await tx.db
      .updateTable('platform.idempotency_keys')
      .set({ status: answer.status, body: JSON.stringify(answer.body ?? null) })
      .where('id', '=', inserted.id)
      .execute();
    return { ...answer, replayed: false };
  });
}

async function removeExpired(ctx: Ctx, request: IdempotentRequest): Promise<void> {
  // This key, if it expired: it may be used again.
  await ctx.db
    .deleteFrom('platform.idempotency_keys')
    .where('actor_id', '=', request.actorId)
    .where('method', '=', request.method)
    .where('route', '=', request.route)
    .where('key', '=', request.key)
    .where('expires_at', '<=', ctx.now)
    .execute();
  // A few other expired keys; rows another transaction holds are skipped, never waited for.
  await sql`
    delete from platform.idempotency_keys
     where id in (select id from platform.idempotency_keys
                   where expires_at <= ${ctx.now}
                   order by expires_at
                   limit ${CLEANUP_BATCH}
                   for update skip locked)`.execute(ctx.db);
}
