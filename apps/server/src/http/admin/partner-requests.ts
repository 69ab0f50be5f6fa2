import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { authorize, listApiKeys } from '../../modules/identity/index.ts';
import {
  listPartnerRequests,
  PARTNER_SYSTEMS,
  REQUEST_RESULTS,
  type RequestLogEntry,
} from '../../modules/partner/index.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { problemResponses } from '../../platform/http/problem.ts';
import { guardedRoute } from '../access.ts';

const PartnerRequestSchema = z
  .object({
    id: z.string(),
    at: z.string(),
    keyId: z.string(),
    keyName: z.string().nullable().openapi({ description: 'null for a key that no longer exists' }),
    orgId: z.string(),
    system: z.enum(PARTNER_SYSTEMS),
    endpoint: z.string().openapi({ example: 'PUT /partner/erp/parts/{partNumber}' }),
    naturalKey: z.string().nullable().openapi({ example: 'D90-SEAT-F-NAPPA' }),
    version: z.string().nullable(),
    result: z.enum(REQUEST_RESULTS),
    status: z.number().int(),
    code: z.string().nullable().openapi({ description: 'Problem code of a refused request' }),
    requestId: z.string(),
  })
  .openapi('PartnerRequest');

const list = guardedRoute('partner_request.read', {
  method: 'get',
  path: '/partner-requests',
  tags: ['admin'],
  summary: 'The partner request log: every request of a known API key and its result, newest first',
  request: {
    query: z.strictObject({
      keyId: z.string().max(64).optional(),
      system: z.enum(PARTNER_SYSTEMS).optional(),
      result: z.enum(REQUEST_RESULTS).optional(),
      naturalKey: z.string().max(200).optional(),
      cursor: z.string().max(64).optional(),
      limit: z.coerce.number().int().min(1).max(200).optional(),
    }),
  },
  responses: {
    200: {
      description: 'OK',
      content: {
        'application/json': {
          schema: z.object({ items: z.array(PartnerRequestSchema), nextCursor: z.string().nullable() }),
        },
      },
    },
    ...problemResponses(400, 401, 403),
  },
});

function dto(e: RequestLogEntry, keyNames: Map<string, string>): z.infer<typeof PartnerRequestSchema> {
  return {
    id: e.id,
    at: e.at.toISOString(),
    keyId: e.keyId,
    keyName: keyNames.get(e.keyId) ?? null,
    orgId: e.orgId,
    system: e.system,
    endpoint: e.endpoint,
    naturalKey: e.naturalKey,
    version: e.version,
    result: e.result,
    status: e.status,
    code: e.code,
    requestId: e.requestId,
  };
}

export function mountPartnerRequestRoutes(router: OpenAPIHono<AppEnv>): void {
  router.openapi(list, async (c) => {
    const page = await listPartnerRequests(c.var.ctx, c.req.valid('query'));
    // Key names for readers who may see the keys (admins); ids only for anyone else.
    const keys = authorize(c.var.ctx.actor, 'api_key.manage').ok ? await listApiKeys(c.var.ctx) : [];
    const keyNames = new Map(keys.map((k) => [k.id, k.name]));
    return c.json({ items: page.items.map((e) => dto(e, keyNames)), nextCursor: page.nextCursor }, 200);
  });
}
