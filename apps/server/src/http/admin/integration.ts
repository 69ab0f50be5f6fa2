import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppDeps } from '../../app.ts';
import { EVENT_CATALOGUE } from '../../event-catalogue.ts';
import {
  isEventTypePattern,
  MAX_EVENT_TYPE_PATTERNS,
  WEBHOOK_DELIVERY_STATUSES,
} from '../../modules/integration/index.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { problemResponses } from '../../platform/http/problem.ts';
import { guardedRoute } from '../access.ts';
import {
  EventDetailSchema,
  eventDetailDto,
  IntegrationStatusSchema,
  integrationStatusDto,
  OutboxDeadLetterSchema,
  OutboxEventSchema,
  outboxDeadLetterDto,
  outboxEventDto,
  WebhookDeliverySchema,
  WebhookSchema,
  webhookDeliveryDto,
  webhookDto,
} from '../integration-shapes.ts';

/** /admin/integration: webhook subscribers, the event flow, dead letters and replay. */
const tags = ['admin: integration'];
const json = <S extends z.ZodType>(schema: S) => ({ 'application/json': { schema } });
const ok = <S extends z.ZodType>(schema: S, description = 'OK') => ({ description, content: json(schema) });
const page = <S extends z.ZodType>(item: S) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

const id = z.string().min(1).max(64);
const cursor = z.string().max(100).optional();
const limit = z.coerce.number().int().min(1).max(200).optional();
const eventType = z.string().max(100).optional();
const idParam = z.strictObject({ id });

const pattern = z
  .string()
  .trim()
  .max(100)
  .refine(isEventTypePattern, { message: 'An event type, `<module>.*`, `*.<name>` or `*`' });

const WebhookInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(500).nullable().optional(),
  url: z.string().trim().min(1).max(2048).openapi({ example: 'https://erp.example.com/hooks/openc2b' }),
  eventTypes: z.array(pattern).min(1).max(MAX_EVENT_TYPE_PATTERNS),
  active: z.boolean().optional(),
});

const CreatedSchema = z.object({
  webhook: WebhookSchema,
  secret: z.string().openapi({ description: 'The signing secret (`whsec_…`). Shown in this answer only.' }),
});

const routes = {
  status: guardedRoute('integration.read', {
    method: 'get',
    path: '/integration/status',
    tags,
    summary: 'Lag and failures of every subscriber, transport and webhook (the figures of /metrics)',
    responses: { 200: ok(IntegrationStatusSchema), ...problemResponses(401, 403) },
  }),
  eventTypes: guardedRoute('integration.read', {
    method: 'get',
    path: '/integration/event-types',
    tags,
    summary: 'The event catalogue: every event type a webhook can subscribe to',
    responses: {
      200: ok(
        z.object({
          items: z.array(z.object({ type: z.string(), version: z.number().int(), description: z.string() })),
        }),
      ),
      ...problemResponses(401, 403),
    },
  }),
  listWebhooks: guardedRoute('integration.read', {
    method: 'get',
    path: '/integration/webhooks',
    tags,
    summary: 'Webhook subscribers (never their secrets)',
    responses: { 200: ok(z.object({ items: z.array(WebhookSchema) })), ...problemResponses(401, 403) },
  }),
  createWebhook: guardedRoute('integration.manage', {
    method: 'post',
    path: '/integration/webhooks',
    tags,
    summary: 'Register a webhook subscriber; the signing secret is in this answer only',
    request: { body: { required: true, content: json(WebhookInput) } },
    responses: { 201: ok(CreatedSchema, 'Created'), ...problemResponses(400, 401, 403, 409, 422) },
  }),
  getWebhook: guardedRoute('integration.read', {
    method: 'get',
    path: '/integration/webhooks/{id}',
    tags,
    summary: 'One webhook subscriber',
    request: { params: idParam },
    responses: { 200: ok(z.object({ webhook: WebhookSchema })), ...problemResponses(400, 401, 403, 404) },
  }),
  updateWebhook: guardedRoute('integration.manage', {
    method: 'patch',
    path: '/integration/webhooks/{id}',
    tags,
    summary:
      'Change a webhook subscriber; `active: false` pauses it (queued deliveries wait, new events skip it)',
    request: { params: idParam, body: { required: true, content: json(WebhookInput.partial()) } },
    responses: {
      200: ok(z.object({ webhook: WebhookSchema })),
      ...problemResponses(400, 401, 403, 404, 409, 422),
    },
  }),
  rotateSecret: guardedRoute('integration.manage', {
    method: 'post',
    path: '/integration/webhooks/{id}/rotate-secret',
    tags,
    summary: 'A new signing secret, effective at once; shown in this answer only',
    request: { params: idParam },
    responses: { 200: ok(CreatedSchema), ...problemResponses(400, 401, 403, 404) },
  }),
  listEvents: guardedRoute('integration.read', {
    method: 'get',
    path: '/integration/events',
    tags,
    summary: 'Outbox events, newest first, with where each went (subscribers and transports)',
    request: {
      query: z.strictObject({
        type: eventType,
        aggregateId: z.string().max(64).optional(),
        state: z.enum(['pending', 'processed']).optional(),
        cursor,
        limit,
      }),
    },
    responses: { 200: ok(page(OutboxEventSchema)), ...problemResponses(400, 401, 403) },
  }),
  getEvent: guardedRoute('integration.read', {
    method: 'get',
    path: '/integration/events/{id}',
    tags,
    summary: 'One event: envelope, payload, and its delivery to every subscriber, transport and webhook',
    request: { params: idParam },
    responses: { 200: ok(z.object({ event: EventDetailSchema })), ...problemResponses(400, 401, 403, 404) },
  }),
  listDeliveries: guardedRoute('integration.read', {
    method: 'get',
    path: '/integration/deliveries',
    tags,
    summary: 'Webhook deliveries, newest first (status per event and endpoint)',
    request: {
      query: z.strictObject({
        endpointId: id.optional(),
        status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional(),
        failing: z
          .enum(['true', 'false'])
          .optional()
          .openapi({ description: '`true`: pending deliveries that failed at least once' }),
        eventId: id.optional(),
        eventType,
        aggregateId: z.string().max(64).optional(),
        cursor,
        limit,
      }),
    },
    responses: { 200: ok(page(WebhookDeliverySchema)), ...problemResponses(400, 401, 403) },
  }),
  webhookDeadLetters: guardedRoute('integration.read', {
    method: 'get',
    path: '/integration/dead-letters/webhooks',
    tags,
    summary: 'Dead webhook deliveries, oldest first (the order a replay sends them)',
    request: { query: z.strictObject({ endpointId: id.optional(), eventType, cursor, limit }) },
    responses: { 200: ok(page(WebhookDeliverySchema)), ...problemResponses(400, 401, 403) },
  }),
  outboxDeadLetters: guardedRoute('integration.read', {
    method: 'get',
    path: '/integration/dead-letters/outbox',
    tags,
    summary: 'Dead deliveries to in-process subscribers and transports, oldest first',
    request: { query: z.strictObject({ target: z.string().max(100).optional(), eventType, cursor, limit }) },
    responses: { 200: ok(page(OutboxDeadLetterSchema)), ...problemResponses(400, 401, 403) },
  }),
  replay: guardedRoute('integration.manage', {
    method: 'post',
    path: '/integration/dead-letters/replay',
    tags,
    summary: 'Replay chosen dead letters (one or many); those no longer dead are left alone',
    request: {
      body: {
        required: true,
        content: json(
          z
            .strictObject({
              webhookDeliveryIds: z.array(id).max(500).default([]),
              outbox: z
                .array(z.strictObject({ eventId: id, target: z.string().min(1).max(100) }))
                .max(500)
                .default([]),
            })
            .refine((b) => b.webhookDeliveryIds.length + b.outbox.length > 0, {
              message: 'Name at least one dead letter',
              path: ['webhookDeliveryIds'],
            }),
        ),
      },
    },
    responses: {
      200: ok(z.object({ replayed: z.object({ webhooks: z.number().int(), outbox: z.number().int() }) })),
      ...problemResponses(400, 401, 403),
    },
  }),
  replayAll: guardedRoute('integration.manage', {
    method: 'post',
    path: '/integration/dead-letters/replay-all',
    tags,
    summary: 'Replay every dead letter that matches (of one webhook, one subscriber, one event type, or all)',
    request: {
      body: {
        required: true,
        content: json(
          z.strictObject({
            source: z.enum(['webhooks', 'outbox', 'all']),
            endpointId: id.optional(),
            target: z.string().min(1).max(100).optional(),
            eventType,
          }),
        ),
      },
    },
    responses: {
      200: ok(z.object({ replayed: z.object({ webhooks: z.number().int(), outbox: z.number().int() }) })),
      ...problemResponses(400, 401, 403),
    },
  }),
};

export function mountIntegrationRoutes(router: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const integration = deps.integration;
  const dto = (w: Parameters<typeof webhookDto>[0]) =>
    webhookDto(w, integration.selectedEventTypes(w.eventTypes));

  router.openapi(routes.status, async (c) =>
    c.json(integrationStatusDto(await integration.status(c.var.ctx)), 200),
  );
  router.openapi(routes.eventTypes, async (c) =>
    c.json(
      {
        items: EVENT_CATALOGUE.map((e) => ({ type: e.type, version: e.version, description: e.description })),
      },
      200,
    ),
  );
  router.openapi(routes.listWebhooks, async (c) =>
    c.json({ items: (await integration.listWebhooks(c.var.ctx)).map(dto) }, 200),
  );
  router.openapi(routes.createWebhook, async (c) => {
    const created = await integration.createWebhook(c.var.ctx, c.req.valid('json'));
    return c.json({ webhook: dto(created.webhook), secret: created.secret }, 201);
  });
  router.openapi(routes.getWebhook, async (c) =>
    c.json({ webhook: dto(await integration.getWebhook(c.var.ctx, c.req.valid('param').id)) }, 200),
  );
  router.openapi(routes.updateWebhook, async (c) => {
    const updated = await integration.updateWebhook(c.var.ctx, c.req.valid('param').id, c.req.valid('json'));
    return c.json({ webhook: dto(updated) }, 200);
  });
  router.openapi(routes.rotateSecret, async (c) => {
    const rotated = await integration.rotateWebhookSecret(c.var.ctx, c.req.valid('param').id);
    return c.json({ webhook: dto(rotated.webhook), secret: rotated.secret }, 200);
  });
  router.openapi(routes.listEvents, async (c) => {
    const result = await integration.listEvents(c.var.ctx, c.req.valid('query'));
    return c.json({ items: result.items.map(outboxEventDto), nextCursor: result.nextCursor }, 200);
  });
  router.openapi(routes.getEvent, async (c) =>
    c.json({ event: eventDetailDto(await integration.getEvent(c.var.ctx, c.req.valid('param').id)) }, 200),
  );
  router.openapi(routes.listDeliveries, async (c) => {
    const { failing, ...q } = c.req.valid('query');
    const result = await integration.listWebhookDeliveries(c.var.ctx, { ...q, failing: failing === 'true' });
    return c.json({ items: result.items.map(webhookDeliveryDto), nextCursor: result.nextCursor }, 200);
  });
  router.openapi(routes.webhookDeadLetters, async (c) => {
    const result = await integration.listWebhookDeliveries(c.var.ctx, {
      ...c.req.valid('query'),
      status: 'dead',
      order: 'oldest',
    });
    return c.json({ items: result.items.map(webhookDeliveryDto), nextCursor: result.nextCursor }, 200);
  });
  router.openapi(routes.outboxDeadLetters, async (c) => {
    const { eventType: type, ...q } = c.req.valid('query');
    const result = await integration.listOutboxDeadLetters(c.var.ctx, { ...q, type });
    return c.json({ items: result.items.map(outboxDeadLetterDto), nextCursor: result.nextCursor }, 200);
  });
  router.openapi(routes.replay, async (c) => {
    const body = c.req.valid('json');
    const replayed = await integration.replayDeadLetters(c.var.ctx, {
      webhookDeliveryIds: body.webhookDeliveryIds,
      outbox: body.outbox,
    });
    return c.json({ replayed }, 200);
  });
  router.openapi(routes.replayAll, async (c) =>
    c.json({ replayed: await integration.replayAllDeadLetters(c.var.ctx, c.req.valid('json')) }, 200),
  );
}
