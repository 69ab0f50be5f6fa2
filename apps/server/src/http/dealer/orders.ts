import type { OpenAPIHono, z } from '@hono/zod-openapi';
import { listOrderSummaries, readOrder } from '../../flows/read-order.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { problemResponses } from '../../platform/http/problem.ts';
import { guardedRoute } from '../access.ts';
import {
  OrderIdParam,
  OrderListQuery,
  OrderPageSchema,
  OrderSchema,
  orderDto,
  orderSummaryDto,
} from '../order-shapes.ts';

/** `/dealer/orders`: the orders that name the staff member's own dealer; any other is 404. */
const tags = ['dealer', 'orders'];
const json = <S extends z.ZodType>(schema: S) => ({ 'application/json': { schema } });

const list = guardedRoute('dealer_order.read', {
  method: 'get',
  path: '/orders',
  tags,
  summary:
    "The own dealer's orders, newest first: filter by state, search vehicle id or buyer name, cursor paging",
  request: { query: OrderListQuery },
  responses: {
    200: { description: 'OK', content: json(OrderPageSchema) },
    ...problemResponses(400, 401, 403),
  },
});

const detail = guardedRoute('dealer_order.read', {
  method: 'get',
  path: '/orders/{id}',
  tags,
  summary:
    "One of the own dealer's orders (order id or vehicle id) with the buyer's contact and the timeline",
  request: { params: OrderIdParam },
  responses: {
    200: { description: 'OK', content: json(OrderSchema) },
    ...problemResponses(400, 401, 403, 404),
  },
});

export function mountDealerOrderRoutes(router: OpenAPIHono<AppEnv>): void {
  router.openapi(list, async (c) => {
    const page = await listOrderSummaries(c.var.ctx, 'dealer_order.read', c.req.valid('query'));
    return c.json({ items: page.items.map(orderSummaryDto), nextCursor: page.nextCursor }, 200);
  });
  router.openapi(detail, async (c) => {
    return c.json(
      orderDto(await readOrder(c.var.ctx, c.req.valid('param').id, 'dealer_order.read'), 'dealer'),
      200,
    );
  });
}
