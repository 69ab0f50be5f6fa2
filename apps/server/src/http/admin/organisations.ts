import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { listOrganisations, ORGANISATION_KINDS } from '../../modules/identity/index.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { problemResponses } from '../../platform/http/problem.ts';
import { guardedRoute } from '../access.ts';
import { OrganisationSchema, organisationDto } from '../identity-shapes.ts';

const list = guardedRoute('organisation.list', {
  method: 'get',
  path: '/organisations',
  tags: ['admin'],
  summary: 'All organisations: brand HQ, dealers, suppliers, plants',
  request: { query: z.strictObject({ kind: z.enum(ORGANISATION_KINDS).optional() }) },
  responses: {
    200: {
      description: 'OK',
      content: { 'application/json': { schema: z.object({ items: z.array(OrganisationSchema) }) } },
    },
    ...problemResponses(400, 401, 403),
  },
});

export function mountOrganisationRoutes(router: OpenAPIHono<AppEnv>): void {
  router.openapi(list, async (c) => {
    const { kind } = c.req.valid('query');
    const items = await listOrganisations(c.var.ctx, kind ? { kind } : {});
    return c.json({ items: items.map(organisationDto) }, 200);
  });
}
