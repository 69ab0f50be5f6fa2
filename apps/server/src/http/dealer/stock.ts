import { type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  listOwnStock,
  STOCK_STATUSES,
  STOCK_USAGES,
  type StockVehicle,
} from '../../modules/dealers/index.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { problemResponses } from '../../platform/http/problem.ts';
import { guardedRoute } from '../access.ts';

const StockVehicleSchema = z
  .object({
    vin: z.string(),
    modelLine: z.string(),
    configurationCode: z.string().nullable(),
    usage: z.enum(STOCK_USAGES),
    status: z.enum(STOCK_STATUSES),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('StockVehicle');

function stockDto(v: StockVehicle): z.infer<typeof StockVehicleSchema> {
  return {
    vin: v.vin,
    modelLine: v.modelLine,
    configurationCode: v.configurationCode,
    usage: v.usage,
    status: v.status,
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
  };
}

const list = guardedRoute('dealer_stock.read', {
  method: 'get',
  path: '/stock',
  tags: ['dealer'],
  summary: "The own dealership's stock vehicles (demo, test drive, for sale), as its DMS reports them",
  request: {
    query: z.strictObject({
      usage: z.enum(STOCK_USAGES).optional(),
      status: z.enum(STOCK_STATUSES).optional(),
      cursor: z.string().max(17).optional(),
      limit: z.coerce.number().int().min(1).max(500).optional(),
    }),
  },
  responses: {
    200: {
      description: 'OK',
      content: {
        'application/json': {
          schema: z.object({ items: z.array(StockVehicleSchema), nextCursor: z.string().nullable() }),
        },
      },
    },
    ...problemResponses(400, 401, 403),
  },
});

export function mountStockRoutes(router: OpenAPIHono<AppEnv>): void {
  router.openapi(list, async (c) => {
    const page = await listOwnStock(c.var.ctx, c.req.valid('query'));
    return c.json({ items: page.items.map(stockDto), nextCursor: page.nextCursor }, 200);
  });
}
