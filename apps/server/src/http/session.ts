import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppDeps } from '../app.ts';
import {
  checkCsrf,
  csrfTokenFor,
  isSafeMethod,
  isSameOrigin,
  resolveApiKey,
  resolveSession,
} from '../modules/identity/index.ts';
import { actorId } from '../platform/actor.ts';
import { AppError } from '../platform/errors.ts';
import type { AppEnv } from '../platform/http/app-env.ts';

/**
 * Resolves the actor of a request:
 * - `Authorization: Bearer <api key>`: a partner system; an unknown or revoked key is a 401;
 * - the `c2b_session` cookie: a customer or staff member. Unsafe methods must then carry
 *   `x-csrf-token` equal to the `c2b_csrf` cookie and bound to this session (403
 *   `identity.csrf_failed`), except sign-in and registration, which check `Origin` instead;
 * - neither: anonymous. Routes decide with `assertAuthorized` what anonymous callers may do.
 */
export const SESSION_COOKIE = 'c2b_session';
export const CSRF_COOKIE = 'c2b_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** Unsafe requests that start a session: no session to bind a token to yet, so Origin is checked. */
const ORIGIN_CHECKED = new Set(['/auth/sign-in', '/auth/register']);

function isHttps(c: Context<AppEnv>): boolean {
  const forwarded = c.req.header('x-forwarded-proto');
  return forwarded ? forwarded.split(',')[0]?.trim() === 'https' : new URL(c.req.url).protocol === 'https:';
}

function requestHosts(c: Context<AppEnv>): string[] {
  const hosts = [new URL(c.req.url).host];
  for (const h of [c.req.header('host'), c.req.header('x-forwarded-host')?.split(',')[0]?.trim()]) {
    if (h) hosts.push(h);
  }
  return hosts;
}

/** Sets both cookies for a session token, valid until `expiresAt`. */
export function setSessionCookies(c: Context<AppEnv>, secret: string, token: string, expiresAt: Date): void {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - c.var.ctx.now.getTime()) / 1000));
  const common = { path: '/', sameSite: 'Lax', secure: isHttps(c), maxAge } as const;
  setCookie(c, SESSION_COOKIE, token, { ...common, httpOnly: true });
  // Readable by the web app's scripts: it sends the value back in x-csrf-token.
  setCookie(c, CSRF_COOKIE, csrfTokenFor(secret, token), { ...common, httpOnly: false });
}

export function clearSessionCookies(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
  deleteCookie(c, CSRF_COOKIE, { path: '/' });
}

export function sessionTokenOf(c: Context<AppEnv>): string | undefined {
  return getCookie(c, SESSION_COOKIE) || undefined;
}

function csrfFailed(detail: string): AppError {
  return new AppError('forbidden', 'identity.csrf_failed', detail);
}

export function sessionMiddleware(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const secret = deps.config.sessionSecret;
  return async (c, next) => {
    const ctx = c.var.ctx;
    const unsafe = !isSafeMethod(c.req.method);

    if (unsafe && ORIGIN_CHECKED.has(c.req.path) && !isSameOrigin(c.req.header('origin'), requestHosts(c))) {
      throw csrfFailed('Cross-origin sign-in is not allowed.');
    }

    const authorization = c.req.header('authorization');
    if (authorization !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
      if (!m?.[1]) {
        throw new AppError(
          'unauthenticated',
          'identity.invalid_api_key',
          'Use `Authorization: Bearer <api key>`.',
        );
      }
      const actor = await resolveApiKey(ctx, m[1]);
      c.set('ctx', { ...ctx, actor, log: ctx.log.child({ actor: actorId(actor) }) });
      await next();
      return;
    }

    const token = sessionTokenOf(c);
    if (token) {
      const session = await resolveSession(ctx, token);
      if (!session) {
        // Expired or signed out elsewhere: forget it; the route answers as for anyone anonymous.
        if (!ORIGIN_CHECKED.has(c.req.path)) clearSessionCookies(c);
      } else {
        if (unsafe && !ORIGIN_CHECKED.has(c.req.path)) {
          const ok = checkCsrf({
            sessionSecret: secret,
            sessionToken: token,
            header: c.req.header(CSRF_HEADER),
            cookie: getCookie(c, CSRF_COOKIE),
          });
          if (!ok) throw csrfFailed(`Send the ${CSRF_COOKIE} cookie's value in the ${CSRF_HEADER} header.`);
        }
        if (session.renewed) setSessionCookies(c, secret, token, session.expiresAt);
        c.set('ctx', { ...ctx, actor: session.actor, log: ctx.log.child({ actor: session.user.id }) });
      }
    }
    await next();
  };
}
