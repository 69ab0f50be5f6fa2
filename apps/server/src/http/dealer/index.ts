import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppDeps } from '../../app.ts';
import { getDealership, getOwnDealership, listDealerStaff } from '../../modules/identity/index.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { createRouter } from '../../platform/http/create-router.ts';
import { problemResponses } from '../../platform/http/problem.ts';
import { guardedRoute, registerSecuritySchemes } from '../access.ts';
import { OrganisationSchema, organisationDto, UserSchema, userDto } from '../identity-shapes.ts';
// ---- hand-over (issue #6)
import { mountDealerHandoverRoutes } from './handovers.ts';
import { mountLeadRoutes } from './leads.ts';
// ---- orders (issue #5)
import { mountDealerOrderRoutes } from './orders.ts';
import { mountDealerProductionRoutes } from './production.ts';
import { mountStockRoutes } from './stock.ts';

/** Routes of `/dealer`: staff of one dealer, who see their own dealer only. */
const tags = ['dealer'];
const DealershipAnswer = z.object({ dealership: OrganisationSchema });

const ownDealership = guardedRoute('dealership.read', {
  method: 'get',
  path: '/dealership',
  tags,
  summary: "The signed-in staff member's dealership",
  responses: {
    200: { description: 'OK', content: { 'application/json': { schema: DealershipAnswer } } },
    ...problemResponses(401, 403, 404),
  },
});

const dealership = guardedRoute('dealership.read', {
  method: 'get',
  path: '/dealerships/{id}',
  tags,
  summary: "A dealership's profile (own dealership only; any other id is 404)",
  request: { params: z.strictObject({ id: z.string().min(1).max(64) }) },
  responses: {
    200: { description: 'OK', content: { 'application/json': { schema: DealershipAnswer } } },
    ...problemResponses(400, 401, 403, 404),
  },
});

const staff = guardedRoute('dealer_staff.list', {
  method: 'get',
  path: '/staff',
  tags,
  summary: 'Colleagues at the own dealership',
  responses: {
    200: {
      description: 'OK',
      content: { 'application/json': { schema: z.object({ items: z.array(UserSchema) }) } },
    },
    ...problemResponses(401, 403, 404),
  },
});

export function dealerRoutes(_deps: AppDeps): OpenAPIHono<AppEnv> {
  const router = createRouter();
  registerSecuritySchemes(router);
  router.openapi(ownDealership, async (c) => {
    return c.json({ dealership: organisationDto(await getOwnDealership(c.var.ctx)) }, 200);
  });
  router.openapi(dealership, async (c) => {
    const { id } = c.req.valid('param');
    return c.json({ dealership: organisationDto(await getDealership(c.var.ctx, id)) }, 200);
  });
  router.openapi(staff, async (c) => {
    return c.json({ items: (await listDealerStaff(c.var.ctx)).map(userDto) }, 200);
  });
  // ---- orders (issue #5)
  mountDealerOrderRoutes(router);
  mountDealerProductionRoutes(router);
  // ---- leads and stock (issue #7)
  mountLeadRoutes(router);
  mountStockRoutes(router);
  // ---- hand-over (issue #6)
  mountDealerHandoverRoutes(router);
  return router;
}
