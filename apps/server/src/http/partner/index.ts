import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppDeps } from '../../app.ts';
import { getPartnerOrganisation } from '../../modules/identity/index.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { createRouter } from '../../platform/http/create-router.ts';
import { problemResponses } from '../../platform/http/problem.ts';
import { guardedRoute, registerSecuritySchemes } from '../access.ts';
import { OrganisationSchema, organisationDto } from '../identity-shapes.ts';
import { mountPartnerCallOffRoutes } from './call-offs.ts';

/** Routes of `/partner`: supplier users (cookie session) and partner systems (API key). */
const organisation = guardedRoute('partner_organisation.read', {
  method: 'get',
  path: '/organisation',
  tags: ['partner'],
  summary: 'The caller’s own organisation (supplier user or API key with scope partner:read)',
  responses: {
    200: {
      description: 'OK',
      content: { 'application/json': { schema: z.object({ organisation: OrganisationSchema }) } },
    },
    ...problemResponses(401, 403, 404),
  },
});

export function partnerRoutes(_deps: AppDeps): OpenAPIHono<AppEnv> {
  const router = createRouter();
  registerSecuritySchemes(router);
  router.openapi(organisation, async (c) => {
    return c.json({ organisation: organisationDto(await getPartnerOrganisation(c.var.ctx)) }, 200);
  });
  mountPartnerCallOffRoutes(router);
  return router;
}
