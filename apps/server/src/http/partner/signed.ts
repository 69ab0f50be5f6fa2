import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppDeps } from '../../app.ts';
import type { Permission } from '../../modules/identity/index.ts';
import {
  type PartnerSystem,
  recordRefusal,
  SIGNATURE_HEADERS,
  SIGNATURE_TOLERANCE_SECONDS,
  verifySignedRequest,
} from '../../modules/partner/index.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { createSecretBox, type SecretBox } from '../../platform/secret-box.ts';
import { guardedRoute } from '../access.ts';

/**
 * Routes of the systems of record: an API key with the route's scope, and a signed request.
 * Order: the key (session middleware, 401), its scope (403), the signature (401), then the body
 * (400). Every refusal of a known key lands in the partner request log.
 */
export const SIGNATURE_SCHEME_DESCRIPTION = [
  'Partner requests of the systems of record are signed with the API key’s signing secret',
  '(`c2bs_…`, shown once when the key is created):',
  '',
  `- \`${SIGNATURE_HEADERS.timestamp}\`: the time of the request, Unix seconds; refused when more than ${SIGNATURE_TOLERANCE_SECONDS} s from the server’s clock;`,
  `- \`${SIGNATURE_HEADERS.nonce}\`: 16-64 random characters (A-Z a-z 0-9 _ -), new for every request, retries included;`,
  `- \`${SIGNATURE_HEADERS.signature}\`: \`v1=\` + hex(HMAC-SHA256(signing secret, timestamp + "\\n" + nonce + "\\n" + METHOD + "\\n" + path + "\\n" + body)),`,
  '  with the method in upper case, the path as sent including any query string, and the exact body bytes.',
  '',
  'A signature is accepted once: a replay is 401 `partner.signature_replayed` (re-send with a new nonce and',
  'signature; the idempotent upsert gives the same answer). Other 401 codes: `partner.signature_missing`,',
  '`partner.timestamp_invalid`, `partner.nonce_invalid`, `partner.signature_invalid`, `partner.timestamp_out_of_window`,',
  '`partner.signing_secret_missing`. Example client: `apps/server/scripts/partner-request.ts`.',
].join('\n');

export function registerSignatureSchemes(router: OpenAPIHono<AppEnv>): void {
  router.openAPIRegistry.registerComponent('securitySchemes', 'partnerSignature', {
    type: 'apiKey',
    in: 'header',
    name: SIGNATURE_HEADERS.signature,
    description: SIGNATURE_SCHEME_DESCRIPTION,
  });
  router.openAPIRegistry.registerComponent('securitySchemes', 'partnerTimestamp', {
    type: 'apiKey',
    in: 'header',
    name: SIGNATURE_HEADERS.timestamp,
    description: 'Unix seconds of the request; part of the signed string.',
  });
  router.openAPIRegistry.registerComponent('securitySchemes', 'partnerNonce', {
    type: 'apiKey',
    in: 'header',
    name: SIGNATURE_HEADERS.nonce,
    description: 'New random characters for every request; part of the signed string.',
  });
}

/**
 * The box that seals signing secrets: its key is derived from SESSION_SECRET (never stored in
 * the database). Changing that secret, or this purpose, makes every signing secret unreadable:
 * keys must then be issued again (401 `partner.signing_secret_missing`).
 */
export const SIGNING_SECRET_PURPOSE = 'partner-signing-secret/v1';

export function signingSecretBox(deps: Pick<AppDeps, 'config'>): SecretBox {
  return createSecretBox(deps.config.sessionSecret, SIGNING_SECRET_PURPOSE);
}

function requestPath(c: Context<AppEnv>): string {
  const url = new URL(c.req.url);
  return `${url.pathname}${url.search}`;
}

function verifySignature(box: SecretBox): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await verifySignedRequest(c.var.ctx, box, {
      method: c.req.method,
      path: requestPath(c),
      body: await c.req.text(),
      timestampHeader: c.req.header(SIGNATURE_HEADERS.timestamp),
      nonceHeader: c.req.header(SIGNATURE_HEADERS.nonce),
      signatureHeader: c.req.header(SIGNATURE_HEADERS.signature),
    });
    await next();
  };
}

/** The version the body names, for the log of a refused request; null when it cannot be read. */
async function versionOf(c: Context<AppEnv>): Promise<string | null> {
  try {
    const body: unknown = JSON.parse(await c.req.text());
    const v = (body as { sourceVersion?: unknown } | null)?.sourceVersion;
    return typeof v === 'number' || typeof v === 'string' ? String(v).slice(0, 40) : null;
  } catch {
    return null;
  }
}

function logRefusals(system: PartnerSystem, endpoint: string, keyParam: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const ctx = c.var.ctx;
    if (c.res.status < 400 || ctx.actor.kind !== 'api_key') return;
    let code: string | null = null;
    try {
      code = ((await c.res.clone().json()) as { code?: unknown }).code?.toString() ?? null;
    } catch {
      // not a problem document: keep the status only
    }
    try {
      await recordRefusal(ctx, {
        system,
        endpoint,
        naturalKey: c.req.param(keyParam)?.slice(0, 200) ?? null,
        version: await versionOf(c),
        status: c.res.status,
        code,
      });
    } catch (err) {
      // The log must not change the answer the caller gets.
      ctx.log.error('partner request log failed', { err });
    }
  };
}

/** How a route is named in the request log: `PUT /partner/erp/parts/{partNumber}`. */
export function endpointOf(route: { method: string; path: string }): string {
  return `${route.method.toUpperCase()} /partner${route.path}`;
}

/** `guardedRoute` for a system-of-record endpoint: scope, signature, refusal log. */
export function signedRoute<const R extends Parameters<typeof guardedRoute>[1]>(
  box: SecretBox,
  permission: Permission,
  system: PartnerSystem,
  keyParam: string,
  route: R,
) {
  const endpoint = endpointOf(route);
  return guardedRoute(permission, route, {
    before: [logRefusals(system, endpoint, keyParam)],
    after: [verifySignature(box)],
    security: [{ apiKey: [], partnerSignature: [], partnerTimestamp: [], partnerNonce: [] }],
  });
}
