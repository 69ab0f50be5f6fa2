import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { getVehicleProgress } from '../../modules/production/index.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { problemResponses } from '../../platform/http/problem.ts';
import { guardedRoute } from '../access.ts';
import { VehicleIdSchema, VehicleProgressSchema, vehicleProgressDto } from '../production-shapes.ts';

/** `/dealer` production: where a car ordered through this dealer is (another dealer's car is 404). */
const progress = guardedRoute('vehicle_progress.read', {
  method: 'get',
  path: '/vehicles/{vehicleId}/progress',
  tags: ['dealer', 'production'],
  summary: 'A car for this dealer at the plant: steps with estimated and actual times, VIN, promised date',
  request: { params: z.strictObject({ vehicleId: VehicleIdSchema }) },
  responses: {
    200: { description: 'OK', content: { 'application/json': { schema: VehicleProgressSchema } } },
    ...problemResponses(400, 401, 403, 404),
  },
});

export function mountDealerProductionRoutes(router: OpenAPIHono<AppEnv>): void {
  router.openapi(progress, async (c) => {
    const { vehicleId } = c.req.valid('param');
    return c.json(vehicleProgressDto(await getVehicleProgress(c.var.ctx, vehicleId.toUpperCase())), 200);
  });
}
