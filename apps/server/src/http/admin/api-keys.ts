import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { API_KEY_SCOPES, createApiKey, listApiKeys, revokeApiKey } from '../../modules/identity/index.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { problemResponses } from '../../platform/http/problem.ts';
import { guardedRoute } from '../access.ts';
import { ApiKeySchema, apiKeyDto } from '../identity-shapes.ts';

const tags = ['admin'];

const list = guardedRoute('api_key.manage', {
  method: 'get',
  path: '/api-keys',
  tags,
  summary: 'Partner API keys (never their secrets)',
  responses: {
    200: {
      description: 'OK',
      content: { 'application/json': { schema: z.object({ items: z.array(ApiKeySchema) }) } },
    },
    ...problemResponses(401, 403),
  },
});

const create = guardedRoute('api_key.manage', {
  method: 'post',
  path: '/api-keys',
  tags,
  summary: 'Create a partner API key; the secret is in this answer only',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.strictObject({
            name: z.string().trim().min(1).max(100),
            orgId: z.string().min(1).max(64),
            scopes: z.array(z.enum(API_KEY_SCOPES)).min(1),
            expiresAt: z.iso.datetime({ offset: true }).optional(),
          }),
        },
      },
    },
  },
  responses: {
    201: {
      description: 'Created',
      content: {
        'application/json': {
          schema: z.object({
            apiKey: ApiKeySchema,
            secret: z
              .string()
              .openapi({ description: 'Send as `Authorization: Bearer <secret>`. Shown once.' }),
          }),
        },
      },
    },
    ...problemResponses(400, 401, 403, 422),
  },
});

const revoke = guardedRoute('api_key.manage', {
  method: 'delete',
  path: '/api-keys/{id}',
  tags,
  summary: 'Revoke a partner API key (idempotent)',
  request: { params: z.strictObject({ id: z.string().min(1).max(64) }) },
  responses: { 204: { description: 'Revoked' }, ...problemResponses(400, 401, 403, 404) },
});

export function mountApiKeyRoutes(router: OpenAPIHono<AppEnv>): void {
  router.openapi(list, async (c) => {
    return c.json({ items: (await listApiKeys(c.var.ctx)).map(apiKeyDto) }, 200);
  });
  router.openapi(create, async (c) => {
    const body = c.req.valid('json');
    const created = await createApiKey(c.var.ctx, {
      name: body.name,
      orgId: body.orgId,
      scopes: body.scopes,
      expiresAt: body.expiresAt ? new Date(body.expiresAt) : undefined,
    });
    return c.json({ apiKey: apiKeyDto(created.apiKey), secret: created.secret }, 201);
  });
  router.openapi(revoke, async (c) => {
    await revokeApiKey(c.var.ctx, c.req.valid('param').id);
    return c.body(null, 204);
  });
}
