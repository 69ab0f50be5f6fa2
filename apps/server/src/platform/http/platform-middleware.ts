import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { anonymousActor } from '../actor.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../context.ts';
import { AppError, type ErrorKind } from '../errors.ts';
import { newId } from '../ids.ts';
import type { Logger } from '../log.ts';
import type { AppEnv } from './app-env.ts';
import { problemResponse } from './problem.ts';

export const MAX_BODY_BYTES = 1024 * 1024;
export const REQUEST_ID_HEADER = 'x-request-id';
// A caller's id is kept only if it is short and harmless in logs.
const INCOMING_ID = /^[\w.:-]{1,128}$/;

export type PlatformHttpDeps = { db: Db; log: Logger; clock: Clock };

/**
 * What every app gets before any route: request id, a base ctx (anonymous actor; the session
 * middleware replaces the actor), an access log line, a body limit, one error handler and a
 * problem+json 404.
 */
export function installPlatformHttp(app: Hono<AppEnv>, deps: PlatformHttpDeps): void {
  app.use('*', async (c, next) => {
    const incoming = c.req.header(REQUEST_ID_HEADER);
    const requestId = incoming && INCOMING_ID.test(incoming) ? incoming : newId('req');
    const log = deps.log.child({ requestId });
    c.set('requestId', requestId);
    c.set('ctx', { db: deps.db, actor: anonymousActor, requestId, now: deps.clock.now(), log });
    const started = performance.now();
    await next();
    c.header(REQUEST_ID_HEADER, requestId);
    log.info('request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  });

  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) =>
        problemResponse(c, {
          kind: 'payload_too_large',
          code: 'http.payload_too_large',
          detail: `Request body is larger than ${MAX_BODY_BYTES} bytes`,
        }),
    }),
  );

  app.onError((err, c) => {
    if (err instanceof AppError) {
      if (err.kind === 'internal') c.var.ctx?.log.error('internal error', { err });
      return problemResponse(c, err);
    }
    if (err instanceof HTTPException) {
      // Raised by Hono itself, e.g. its JSON validator on a body that does not parse.
      if (err.status === 400 && /json/i.test(err.message)) {
        return problemResponse(c, {
          kind: 'bad_request',
          code: 'validation.malformed_json',
          detail: 'The request body is not valid JSON',
        });
      }
      const kind = kindOfStatus(err.status);
      if (kind !== 'internal') return problemResponse(c, { kind, code: `http.${kind}` });
    }
    // Anything else is a bug: log everything, answer nothing about it.
    (c.var.ctx?.log ?? deps.log).error('unhandled error', { err, method: c.req.method, path: c.req.path });
    return problemResponse(c, { kind: 'internal', code: 'internal', detail: 'An unexpected error occurred' });
  });

  app.notFound((c) =>
    problemResponse(c, {
      kind: 'not_found',
      code: 'http.route_not_found',
      detail: `No route for ${c.req.method} ${c.req.path}`,
    }),
  );
}

function kindOfStatus(status: number): ErrorKind {
  switch (status) {
    case 400:
      return 'bad_request';
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 413:
      return 'payload_too_large';
    case 422:
      return 'unprocessable';
    case 429:
      return 'rate_limited';
    case 503:
      return 'unavailable';
    default:
      return 'internal';
  }
}
