import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { cancelOrder, previewCancellation } from '../../flows/cancel-order.ts';
import { listOrderSummaries, readOrder, viewOf } from '../../flows/read-order.ts';
import type { PaymentProviders } from '../../modules/payments/index.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { IDEMPOTENCY_HEADER_DOC, idempotently } from '../../platform/http/idempotent.ts';
import { problemResponses } from '../../platform/http/problem.ts';
import { guardedRoute } from '../access.ts';
import {
  CancellationPreviewSchema,
  cancellationPreviewDto,
  OrderIdParam,
  OrderListQuery,
  OrderPageSchema,
  OrderSchema,
  orderDto,
  orderSummaryDto,
} from '../order-shapes.ts';

/** `/admin/orders`: every order (admin; support agents read only), brand-initiated cancellation. */
const tags = ['admin', 'orders'];
const json = <S extends z.ZodType>(schema: S) => ({ 'application/json': { schema } });

const list = guardedRoute('order.read_all', {
  method: 'get',
  path: '/orders',
  tags,
  summary: 'All orders, newest first: filter by state or dealer, search vehicle id or buyer name',
  request: { query: OrderListQuery.extend({ dealerId: z.string().min(1).max(64).optional() }) },
  responses: {
    200: { description: 'OK', content: json(OrderPageSchema) },
    ...problemResponses(400, 401, 403),
  },
});

const detail = guardedRoute('order.read_all', {
  method: 'get',
  path: '/orders/{id}',
  tags,
  summary: 'Any order (order id or vehicle id) with money, payments, refunds, ledger and timeline',
  request: { params: OrderIdParam },
  responses: {
    200: { description: 'OK', content: json(OrderSchema) },
    ...problemResponses(400, 401, 403, 404),
  },
});

const cancellation = guardedRoute('order.cancel_any', {
  method: 'get',
  path: '/orders/{id}/cancellation',
  tags,
  summary: 'What a brand-initiated cancellation would refund (everything paid)',
  request: { params: OrderIdParam },
  responses: {
    200: { description: 'OK', content: json(CancellationPreviewSchema) },
    ...problemResponses(400, 401, 403, 404),
  },
});

const cancel = guardedRoute('order.cancel_any', {
  method: 'post',
  path: '/orders/{id}/cancel',
  tags,
  summary:
    'Cancel an order on behalf of the brand, with a reason, in any state before delivered; full refund',
  description: 'Idempotent: requires `Idempotency-Key`.',
  request: {
    params: OrderIdParam,
    headers: z.object({
      [IDEMPOTENCY_HEADER_DOC.name]: z
        .string()
        .optional()
        .openapi({ description: IDEMPOTENCY_HEADER_DOC.description }),
    }),
    body: {
      required: true,
      content: json(
        z.strictObject({
          reason: z.string().trim().min(1).max(500),
          expectedRefund: z.number().int().min(0).optional(),
        }),
      ),
    },
  },
  responses: {
    200: {
      description: 'Cancelled',
      content: json(z.object({ order: OrderSchema, refund: z.number().int(), forfeited: z.number().int() })),
    },
    ...problemResponses(400, 401, 403, 404, 409, 422),
  },
});

export function mountAdminOrderRoutes(router: OpenAPIHono<AppEnv>, providers: PaymentProviders): void {
  router.openapi(list, async (c) => {
    const page = await listOrderSummaries(c.var.ctx, 'order.read_all', c.req.valid('query'));
    return c.json({ items: page.items.map(orderSummaryDto), nextCursor: page.nextCursor }, 200);
  });

  router.openapi(detail, async (c) => {
    return c.json(
      orderDto(await readOrder(c.var.ctx, c.req.valid('param').id, 'order.read_all'), 'admin'),
      200,
    );
  });

  router.openapi(cancellation, async (c) => {
    const preview = await previewCancellation(c.var.ctx, c.req.valid('param').id, 'brand');
    return c.json(cancellationPreviewDto(preview), 200);
  });

  router.openapi(cancel, async (c) => {
    const params = c.req.valid('param');
    const input = c.req.valid('json');
    const r = await idempotently(c, '/admin/orders/{id}/cancel', { params, body: input }, async (tx) => {
      const done = await cancelOrder(tx, providers, params.id, { by: 'brand', ...input });
      return {
        status: 200 as const,
        body: {
          order: orderDto(await viewOf(tx, done.order), 'admin'),
          refund: done.refund,
          forfeited: done.forfeited,
        },
      };
    });
    return c.json(r.body, r.status);
  });
}
