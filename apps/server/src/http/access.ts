import { createRoute, type OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { API_KEY_SCOPES, assertAuthorized, type Permission, reachOf } from '../modules/identity/index.ts';
import type { AppEnv } from '../platform/http/app-env.ts';

/**
 * Every route is declared with the permission it needs. `guardedRoute` puts that permission in
 * three places so they cannot drift apart:
 * - a middleware that runs `assertAuthorized` before the request is validated (so an anonymous
 *   caller learns nothing about a route's schema: 401 before 400);
 * - the OpenAPI `security` requirement (cookie session, and API key where a scope grants it);
 * - the `x-permission` extension, which the route access matrix test reads.
 * Checks that need the record (its organisation or owner) run in the module with the same helper.
 */
export const SECURITY_SCHEMES = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: 'c2b_session',
    description: 'Session cookie set by /auth/sign-in',
  },
  csrf: {
    type: 'apiKey',
    in: 'header',
    name: 'x-csrf-token',
    description:
      'Required with the session cookie on POST/PUT/PATCH/DELETE: the value of the c2b_csrf cookie',
  },
  apiKey: { type: 'http', scheme: 'bearer', description: 'Partner API key (`Authorization: Bearer c2bk_…`)' },
} as const;

export function registerSecuritySchemes(router: OpenAPIHono<AppEnv>): void {
  for (const [name, scheme] of Object.entries(SECURITY_SCHEMES)) {
    router.openAPIRegistry.registerComponent('securitySchemes', name, scheme);
  }
}

export function requirePermission(permission: Permission): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    assertAuthorized(c.var.ctx.actor, permission);
    await next();
  };
}

function securityFor(permission: Permission, method: string): Record<string, string[]>[] {
  if (reachOf({ kind: 'anonymous' }, permission)) return [];
  const safe = method === 'get' || method === 'head';
  const security: Record<string, string[]>[] = [safe ? { session: [] } : { session: [], csrf: [] }];
  const byKey = reachOf({ kind: 'api_key', keyId: '', orgId: '', scopes: [...API_KEY_SCOPES] }, permission);
  if (byKey) security.push({ apiKey: [] });
  return security;
}

/**
 * Extra middleware around the permission check: `before` runs first (and sees every answer,
 * refusals included), `after` runs once the permission is granted, before the body is parsed
 * (e.g. the partner signature check). `security` replaces the OpenAPI security requirements
 * derived from the permission (e.g. a signed API key request only).
 */
export type RouteGuards = {
  before?: MiddlewareHandler<AppEnv>[];
  after?: MiddlewareHandler<AppEnv>[];
  security?: Record<string, string[]>[];
};

export function guardedRoute<const R extends Omit<RouteConfig, 'middleware' | 'security'>>(
  permission: Permission,
  route: R,
  guards: RouteGuards = {},
) {
  return createRoute({
    ...route,
    middleware: [...(guards.before ?? []), requirePermission(permission), ...(guards.after ?? [])],
    security: guards.security ?? securityFor(permission, route.method),
    'x-permission': permission,
  });
}
