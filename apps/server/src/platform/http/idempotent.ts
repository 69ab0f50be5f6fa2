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
 * A route handler's idempotent answer: reads `Idempotency-Key` (400 when missing or malformed),
 * runs `work` once per key in one transaction with the key (see ../idempotency.ts), and answers
 * the stored status and JSON body; a replay carries `Idempotent-Replayed: true`.
 * `route` is the route template (`/store/orders/{id}/payments`); `input` is what the request
 * means (path parameters and the validated body), hashed into the fingerprint.
 */
export async function respondIdempotently(
  c: Context<AppEnv>,
  route: string,
  input: { params?: unknown; body?: unknown },
  work: (tx: Ctx) => Promise<StoredAnswer>,
): Promise<Response> {
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
    work,
  );
  if (result.replayed) c.header(REPLAYED_HEADER, 'true');
  return c.json(result.body as object, result.status as ContentfulStatusCode);
}

/** OpenAPI description of the header, for `request.headers` of idempotent routes. */
export const IDEMPOTENCY_HEADER_DOC = {
  name: IDEMPOTENCY_HEADER,
  description:
    'Required. 8-128 visible ASCII characters (e.g. a UUID), new for each new request. A retry with the same key and the same request gets the first answer (header `Idempotent-Replayed: true`); the same key with another request is 422 `platform.idempotency_key_reused`.',
} as const;
