import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { createPartnerApiKey } from '../../flows/create-partner-api-key.ts';
import { API_KEY_SCOPES, listApiKeys, revokeApiKey } from '../../modules/identity/index.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { problemResponses } from '../../platform/http/problem.ts';
import type { SecretBox } from '../../platform/secret-box.ts';
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
  summary: 'Create a partner API key; the secret and the signing secret are in this answer only',
  description:
    'System-of-record scopes belong to one kind of organisation (erp:parts and crm:leads to the brand): another kind is 422 `partner.scope_not_for_organisation` naming the scope.',
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
            signingSecret: z.string().openapi({
              description:
                'HMAC-SHA256 key for the OpenC2B-Signature header of partner requests (see the partnerSignature security scheme). Shown once.',
            }),
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

export function mountApiKeyRoutes(router: OpenAPIHono<AppEnv>, signingSecrets: SecretBox): void {
  router.openapi(list, async (c) => {
    return c.json({ items: (await listApiKeys(c.var.ctx)).map(apiKeyDto) }, 200);
  });
  router.openapi(create, async (c) => {
    const body = c.req.valid('json');
    const created = await createPartnerApiKey(
      c.var.ctx,
      {
        name: body.name,
        orgId: body.orgId,
        scopes: body.scopes,
        expiresAt: body.expiresAt ? new Date(body.expiresAt) : undefined,
      },
      signingSecrets,
    );
    return c.json(
      { apiKey: apiKeyDto(created.apiKey), secret: created.secret, signingSecret: created.signingSecret },
      201,
    );
  });
  router.openapi(revoke, async (c) => {
    await revokeApiKey(c.var.ctx, c.req.valid('param').id);
    return c.body(null, 204);
  });
}
