import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { getOwnVehicle, listOwnVehicles } from '../../modules/owners/index.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { problemResponses } from '../../platform/http/problem.ts';
import { guardedRoute } from '../access.ts';
import { OwnedVehicleSchema, ownedVehicleDto } from '../build-shapes.ts';
import { VehicleIdSchema } from '../production-shapes.ts';

/** `/store/my/vehicles`: the signed-in customer's own delivered vehicles (我的车辆); anyone else's is 404. */
const tags = ['store', 'owners'];
const json = <S extends z.ZodType>(schema: S) => ({ 'application/json': { schema } });

const list = guardedRoute('owned_vehicle.read', {
  method: 'get',
  path: '/my/vehicles',
  tags,
  summary: "The signed-in customer's own vehicles, newest delivery first",
  responses: {
    200: { description: 'OK', content: json(z.object({ items: z.array(OwnedVehicleSchema) })) },
    ...problemResponses(401, 403),
  },
});

const one = guardedRoute('owned_vehicle.read', {
  method: 'get',
  path: '/my/vehicles/{vehicleId}',
  tags,
  summary: 'One own vehicle (by vehicle id)',
  request: { params: z.strictObject({ vehicleId: VehicleIdSchema }) },
  responses: {
    200: { description: 'OK', content: json(z.object({ vehicle: OwnedVehicleSchema })) },
    ...problemResponses(400, 401, 403, 404),
  },
});

export function mountStoreOwnerRoutes(router: OpenAPIHono<AppEnv>): void {
  router.openapi(list, async (c) => {
    return c.json({ items: (await listOwnVehicles(c.var.ctx)).map(ownedVehicleDto) }, 200);
  });
  router.openapi(one, async (c) => {
    const vehicle = await getOwnVehicle(c.var.ctx, c.req.valid('param').vehicleId.toUpperCase());
    return c.json({ vehicle: ownedVehicleDto(vehicle) }, 200);
  });
}
