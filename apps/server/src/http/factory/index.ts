import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppDeps } from '../../app.ts';
import { getAccount, getOwnPlant } from '../../modules/identity/index.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { createRouter } from '../../platform/http/create-router.ts';
import { problemResponses } from '../../platform/http/problem.ts';
import { guardedRoute, registerSecuritySchemes } from '../access.ts';
import { OrganisationSchema, organisationDto, UserSchema, userDto } from '../identity-shapes.ts';
import { mountFactoryBomRoutes } from './bom.ts';
import { mountFactoryProductionRoutes } from './production.ts';

/** Routes of `/factory`: planners and station operators of a plant. */
const me = guardedRoute('plant.read', {
  method: 'get',
  path: '/me',
  tags: ['factory'],
  summary: 'The signed-in planner or station operator and their plant',
  responses: {
    200: {
      description: 'OK',
      content: { 'application/json': { schema: z.object({ user: UserSchema, plant: OrganisationSchema }) } },
    },
    ...problemResponses(401, 403, 404),
  },
});

export function factoryRoutes(_deps: AppDeps): OpenAPIHono<AppEnv> {
  const router = createRouter();
  registerSecuritySchemes(router);
  router.openapi(me, async (c) => {
    const plant = await getOwnPlant(c.var.ctx);
    const user = await getAccount(c.var.ctx);
    return c.json({ user: userDto(user), plant: organisationDto(plant) }, 200);
  });
  mountFactoryBomRoutes(router);
  mountFactoryProductionRoutes(router);
  return router;
}
