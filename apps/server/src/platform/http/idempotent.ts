import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { actorId } from '../actor.ts';
import type { Ctx } from '../context.ts';
import { AppError } from '../errors.ts';
import {
  fingerprintOf,
  IDEMPOTENCY_HEADER,
  parseIdempotencyKey,
  REPLAYED_HEADER,
  runIdempotent,
  type StoredAnswer,
} from '../idempotency.ts';
import type { AppEnv } from './app-env.ts';

/**
 * A route handler's idempotent work: reads `Idempotency-Key` (400 when missing or malformed),
 * runs `work` once per key in one transaction with the key (see ../idempotency.ts), and gives
 * back the status and JSON body to answer, the stored ones for a replay (then with the header
 * `Idempotent-Replayed: true` set). The handler answers `c.json(r.body, r.status)`.
 * `route` is the route template (`/store/orders/{id}/payments`); `input` is what the request
 * means (path parameters and the validated body), hashed into the fingerprint.
 */
export async function idempotently<B, S extends ContentfulStatusCode>(
  c: Context<AppEnv>,
  route: string,
  input: { params?: unknown; body?: unknown },
  work: (tx: Ctx) => Promise<{ status: S; body: B }>,
): Promise<{ status: S; body: B }> {
  const ctx = c.var.ctx;
  const key = parseIdempotencyKey(c.req.header(IDEMPOTENCY_HEADER));
  const actor = actorId(ctx.actor);
  if (actor === null) {
    // The routes that use this are for signed-in people; their guard answers 401 first.
    throw new AppError('unauthenticated', 'platform.actor_required', 'Sign in to continue.');
  }
  const result = await runIdempotent(
    ctx,
    { key, actorId: actor, method: c.req.method, route, fingerprint: fingerprintOf(input) },
    work as (tx: Ctx) => Promise<StoredAnswer>,
  );
  if (result.replayed) c.header(REPLAYED_HEADER, 'true');
  // A stored answer is the JSON of what `work` returned for this route.
  return { status: result.status as S, body: result.body as B };
}

/** OpenAPI description of the header, for `request.headers` of idempotent routes. */
export const IDEMPOTENCY_HEADER_DOC = {
  name: IDEMPOTENCY_HEADER,
  description:
    'Required. 8-128 visible ASCII characters (e.g. a UUID), new for each new request. A retry with the same key and the same request gets the first answer (header `Idempotent-Replayed: true`); the same key with another request is 422 `platform.idempotency_key_reused`.',
} as const;
