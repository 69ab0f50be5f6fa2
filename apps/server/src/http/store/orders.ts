import { type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  changeOrderConfiguration,
  placeOrderForBuild,
  quoteOrderConfigurationChange,
} from '../../flows/build-date.ts';
import { cancelOrder, previewCancellation } from '../../flows/cancel-order.ts';
import { changeOrderFinance } from '../../flows/change-finance.ts';
import { acceptDelivery } from '../../flows/handover.ts';
import { listOrderSummaries, readOrder, viewOf } from '../../flows/read-order.ts';
import { startPayment } from '../../flows/start-payment.ts';
import { changeInsurance, quoteFinanceForOrder } from '../../modules/ordering/index.ts';
import type { PaymentProviders } from '../../modules/payments/index.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { IDEMPOTENCY_HEADER_DOC, idempotently } from '../../platform/http/idempotent.ts';
import { problemResponses } from '../../platform/http/problem.ts';
import { guardedRoute } from '../access.ts';
import { OwnedVehicleSchema, ownedVehicleDto } from '../build-shapes.ts';
import {
  CancellationPreviewSchema,
  ConfigurationChangeQuoteSchema,
  cancellationPreviewDto,
  configurationChangeDto,
  FinanceChoiceSchema,
  FinanceQuoteSchema,
  financeQuoteDto,
  OrderIdParam,
  OrderListQuery,
  OrderPageSchema,
  OrderSchema,
  orderDto,
  orderSummaryDto,
  PaymentRequestSchema,
  PaymentSchema,
  PlaceOrderSchema,
  paymentDto,
} from '../order-shapes.ts';
import { IsoDateSchema } from '../production-shapes.ts';

/** `/store/orders`: the signed-in customer's own orders; any other order answers 404. */
const tags = ['store', 'orders'];
const json = <S extends z.ZodType>(schema: S) => ({ 'application/json': { schema } });
const body = <S extends z.ZodType>(schema: S) => ({ body: { required: true, content: json(schema) } });
const idempotencyHeaders = z.object({
  [IDEMPOTENCY_HEADER_DOC.name]: z
    .string()
    .optional()
    .openapi({ description: IDEMPOTENCY_HEADER_DOC.description }),
});
const code = z.string().min(1).max(64);

const list = guardedRoute('order.read', {
  method: 'get',
  path: '/orders',
  tags,
  summary: "The signed-in customer's orders, newest first, with what is due on each",
  request: { query: OrderListQuery },
  responses: {
    200: { description: 'OK', content: json(OrderPageSchema) },
    ...problemResponses(400, 401, 403),
  },
});

const place = guardedRoute('order.place', {
  method: 'post',
  path: '/orders',
  tags,
  summary: 'Place an order (draft, with its vehicle id); configuration derived and priced by the server',
  description:
    'Idempotent: requires `Idempotency-Key`. The car is registered with production on the vehicle id; with `deliveryDate` the date is reserved at the plant (line capacity, option limits) and the dealer (hand-over capacity) in the same transaction: 409 `production.date_unavailable` with `reason`, `reasons` and `nextAvailable` when it is gone, and nothing is created. A draft not paid within 24 h is cancelled by the system and its date released. 409 `catalog.stale_version` (with `liveVersionId`) for a code or version that is no longer on sale, 400 `catalog.invalid_code`, 422 `catalog.invalid_configuration`, 422 `ordering.dealer_unavailable`, 409 `ordering.stale_terms`, 422 `finance.*` for a finance choice the offer does not allow, 422 `production.parts_unknown`.',
  request: { headers: idempotencyHeaders, ...body(PlaceOrderSchema) },
  responses: {
    201: { description: 'Placed', content: json(OrderSchema) },
    ...problemResponses(400, 401, 403, 404, 409, 422),
  },
});

const detail = guardedRoute('order.read', {
  method: 'get',
  path: '/orders/{id}',
  tags,
  summary:
    'One own order (by order id or vehicle id): price, finance, insurance, money due, payments, timeline',
  request: { params: OrderIdParam },
  responses: {
    200: { description: 'OK', content: json(OrderSchema) },
    ...problemResponses(400, 401, 403, 404),
  },
});

const changeQuote = guardedRoute('order.change', {
  method: 'post',
  path: '/orders/{id}/configuration/quote',
  tags,
  summary:
    'Quote a configuration change before lock: proposed vs current price per line, finance re-quoted, whether the delivery date still holds',
  request: { params: OrderIdParam, ...body(z.strictObject({ configurationCode: code })) },
  responses: {
    200: { description: 'OK', content: json(ConfigurationChangeQuoteSchema) },
    ...problemResponses(400, 401, 403, 404, 409, 422),
  },
});

const change = guardedRoute('order.change', {
  method: 'put',
  path: '/orders/{id}/configuration',
  tags,
  summary:
    'Confirm a configuration change (draft or reserved); 409 ordering.price_changed if the total differs, 409 production.date_unavailable (with nextAvailable) if the date no longer holds',
  request: {
    params: OrderIdParam,
    ...body(
      z.strictObject({
        configurationCode: code,
        expectedTotal: z
          .number()
          .int()
          .min(0)
          .openapi({ description: 'The total the customer saw in the quote' }),
        deliveryDate: IsoDateSchema.optional().openapi({
          description: 'A new date, when the quote said the current one no longer holds',
        }),
      }),
    ),
  },
  responses: {
    200: { description: 'OK', content: json(OrderSchema) },
    ...problemResponses(400, 401, 403, 404, 409, 422),
  },
});

const setFinance = guardedRoute('order.change', {
  method: 'put',
  path: '/orders/{id}/finance',
  tags,
  summary: 'Attach or change the finance offer (until shipped); quoted on the order price',
  request: { params: OrderIdParam, ...body(FinanceChoiceSchema) },
  responses: {
    200: { description: 'OK', content: json(OrderSchema) },
    ...problemResponses(400, 401, 403, 404, 409, 422),
  },
});

const quoteFinance = guardedRoute('order.change', {
  method: 'post',
  path: '/orders/{id}/finance/quote',
  tags,
  summary: "Quote a finance choice on the order's own price, without changing the order",
  description:
    'What `PUT /orders/{id}/finance` would attach: 422 `finance.*` or `ordering.down_payment_below_deposit` for a choice the offer or the order terms do not allow.',
  request: { params: OrderIdParam, ...body(FinanceChoiceSchema) },
  responses: {
    200: { description: 'OK', content: json(z.object({ quote: FinanceQuoteSchema })) },
    ...problemResponses(400, 401, 403, 404, 422),
  },
});

const removeFinance = guardedRoute('order.change', {
  method: 'delete',
  path: '/orders/{id}/finance',
  tags,
  summary: 'Remove the finance offer (until shipped)',
  request: { params: OrderIdParam },
  responses: {
    200: { description: 'OK', content: json(OrderSchema) },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const setInsurance = guardedRoute('order.change', {
  method: 'put',
  path: '/orders/{id}/insurance',
  tags,
  summary: 'Choose the insurance products (empty list: none), until shipped',
  request: { params: OrderIdParam, ...body(z.strictObject({ products: z.array(code).max(20) })) },
  responses: {
    200: { description: 'OK', content: json(OrderSchema) },
    ...problemResponses(400, 401, 403, 404, 409, 422),
  },
});

const pay = guardedRoute('order.pay', {
  method: 'post',
  path: '/orders/{id}/payments',
  tags,
  summary: 'Start a payment of what is due (intention, deposit, balance); answers the pay URL',
  description:
    'Idempotent: requires `Idempotency-Key`. The amount is computed by the server. The deposit needs the order reserved and `acceptTerms: true`; a cancelled order cannot be locked (409 `ordering.illegal_transition` with `state`). A newer request (another key) cancels the older pending payment of the same purpose.',
  request: { params: OrderIdParam, headers: idempotencyHeaders, ...body(PaymentRequestSchema) },
  responses: {
    201: { description: 'Started', content: json(z.object({ payment: PaymentSchema })) },
    ...problemResponses(400, 401, 403, 404, 409, 422, 503),
  },
});

const cancellation = guardedRoute('order.cancel', {
  method: 'get',
  path: '/orders/{id}/cancellation',
  tags,
  summary: 'What cancelling would refund (and keep) by the order terms, before confirming',
  request: { params: OrderIdParam },
  responses: {
    200: { description: 'OK', content: json(CancellationPreviewSchema) },
    ...problemResponses(400, 401, 403, 404),
  },
});

const cancel = guardedRoute('order.cancel', {
  method: 'post',
  path: '/orders/{id}/cancel',
  tags,
  summary: 'Cancel an own order (draft, reserved, locked, scheduled); refunds by the order terms',
  description:
    'Idempotent: requires `Idempotency-Key`. With `expectedRefund` (from the preview) a changed refund is 409 `ordering.refund_changed`.',
  request: {
    params: OrderIdParam,
    headers: idempotencyHeaders,
    ...body(
      z.strictObject({
        reason: z.string().trim().max(500).optional(),
        expectedRefund: z.number().int().min(0).optional(),
      }),
    ),
  },
  responses: {
    200: {
      description: 'Cancelled',
      content: json(z.object({ order: OrderSchema, refund: z.number().int(), forfeited: z.number().int() })),
    },
    ...problemResponses(400, 401, 403, 404, 409, 422),
  },
});

const accept = guardedRoute('delivery.accept', {
  method: 'post',
  path: '/orders/{id}/accept-delivery',
  tags,
  summary: 'Accept the car at the hand-over: the order is delivered and the customer its owner',
  description:
    'Only at the dealer, with the hand-over booked, its checklist complete and the balance paid: otherwise 409 `ordering.delivery_not_ready` with `balanceDue`, `currency`, `handoverBooked`, `checklistLeft`; 409 `ordering.illegal_transition` before the car is at the dealer.',
  request: { params: OrderIdParam },
  responses: {
    200: {
      description: 'Delivered',
      content: json(z.object({ order: OrderSchema, vehicle: OwnedVehicleSchema })),
    },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

export function mountStoreOrderRoutes(router: OpenAPIHono<AppEnv>, providers: PaymentProviders): void {
  router.openapi(list, async (c) => {
    const page = await listOrderSummaries(c.var.ctx, 'order.read', c.req.valid('query'));
    return c.json({ items: page.items.map(orderSummaryDto), nextCursor: page.nextCursor }, 200);
  });

  router.openapi(place, async (c) => {
    const input = c.req.valid('json');
    const r = await idempotently(c, '/store/orders', { body: input }, async (tx) => {
      const order = await placeOrderForBuild(tx, providers, input);
      return { status: 201 as const, body: orderDto(await viewOf(tx, order), 'customer') };
    });
    return c.json(r.body, r.status);
  });

  router.openapi(detail, async (c) => {
    return c.json(
      orderDto(await readOrder(c.var.ctx, c.req.valid('param').id, 'order.read'), 'customer'),
      200,
    );
  });

  router.openapi(changeQuote, async (c) => {
    const quote = await quoteOrderConfigurationChange(
      c.var.ctx,
      c.req.valid('param').id,
      c.req.valid('json').configurationCode,
    );
    return c.json(configurationChangeDto(quote), 200);
  });

  router.openapi(change, async (c) => {
    const order = await changeOrderConfiguration(c.var.ctx, c.req.valid('param').id, c.req.valid('json'));
    return c.json(orderDto(await viewOf(c.var.ctx, order), 'customer'), 200);
  });

  router.openapi(setFinance, async (c) => {
    const order = await changeOrderFinance(c.var.ctx, c.req.valid('param').id, c.req.valid('json'));
    return c.json(orderDto(await viewOf(c.var.ctx, order), 'customer'), 200);
  });

  router.openapi(quoteFinance, async (c) => {
    const quote = await quoteFinanceForOrder(c.var.ctx, c.req.valid('param').id, c.req.valid('json'));
    return c.json({ quote: financeQuoteDto(quote) }, 200);
  });

  router.openapi(removeFinance, async (c) => {
    const order = await changeOrderFinance(c.var.ctx, c.req.valid('param').id, null);
    return c.json(orderDto(await viewOf(c.var.ctx, order), 'customer'), 200);
  });

  router.openapi(setInsurance, async (c) => {
    const order = await changeInsurance(c.var.ctx, c.req.valid('param').id, c.req.valid('json').products);
    return c.json(orderDto(await viewOf(c.var.ctx, order), 'customer'), 200);
  });

  router.openapi(pay, async (c) => {
    const params = c.req.valid('param');
    const input = c.req.valid('json');
    const r = await idempotently(c, '/store/orders/{id}/payments', { params, body: input }, async (tx) => {
      const { intent } = await startPayment(tx, providers, params.id, input);
      return { status: 201 as const, body: { payment: paymentDto(intent, true) } };
    });
    return c.json(r.body, r.status);
  });

  router.openapi(accept, async (c) => {
    const done = await acceptDelivery(c.var.ctx, c.req.valid('param').id);
    return c.json(
      {
        order: orderDto(await viewOf(c.var.ctx, done.order), 'customer'),
        vehicle: ownedVehicleDto(done.owned),
      },
      200,
    );
  });

  router.openapi(cancellation, async (c) => {
    const preview = await previewCancellation(c.var.ctx, c.req.valid('param').id, 'customer');
    return c.json(cancellationPreviewDto(preview), 200);
  });

  router.openapi(cancel, async (c) => {
    const params = c.req.valid('param');
    const input = c.req.valid('json');
    const r = await idempotently(c, '/store/orders/{id}/cancel', { params, body: input }, async (tx) => {
      const done = await cancelOrder(tx, providers, params.id, { by: 'customer', ...input });
      return {
        status: 200 as const,
        body: {
          order: orderDto(await viewOf(tx, done.order), 'customer'),
          refund: done.refund,
          forfeited: done.forfeited,
        },
      };
    });
    return c.json(r.body, r.status);
  });
}
