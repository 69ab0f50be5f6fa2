import { z } from '@hono/zod-openapi';
import type {
  EventDetail,
  IntegrationStatus,
  WebhookDelivery,
  WebhookEndpoint,
} from '../modules/integration/index.ts';
import { WEBHOOK_DELIVERY_STATUSES } from '../modules/integration/index.ts';
import { type Actor, actorId } from '../platform/actor.ts';
import type { EventEnvelope } from '../platform/events/define-event.ts';
import type { DeadDelivery, OutboxEvent, TargetDelivery } from '../platform/events/outbox-admin.ts';

/** Response shapes of /admin/integration and the mapping from module types to them. */
const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
const actorLabel = (a: Actor) => {
  const id = actorId(a);
  return id ? `${a.kind}:${id}` : a.kind;
};

export const WebhookSchema = z
  .object({
    id: z.string().openapi({ example: 'whk_01JD0000000000000000000000' }),
    name: z.string(),
    description: z.string().nullable(),
    url: z.string(),
    eventTypes: z.array(z.string()).openapi({ example: ['ordering.*', 'production.vehicle_step_recorded'] }),
    selectedEventTypes: z
      .array(z.string())
      .openapi({ description: 'The catalogue event types the patterns select today' }),
    active: z.boolean(),
    secretPrefix: z
      .string()
      .openapi({ description: 'First characters of the secret, to tell which one a receiver has' }),
    createdAt: z.string(),
    updatedAt: z.string(),
    secretRotatedAt: z.string().nullable(),
  })
  .openapi('Webhook');

export function webhookDto(w: WebhookEndpoint, selected: string[]): z.infer<typeof WebhookSchema> {
  return {
    id: w.id,
    name: w.name,
    description: w.description,
    url: w.url,
    eventTypes: w.eventTypes,
    selectedEventTypes: selected,
    active: w.active,
    secretPrefix: w.secretPrefix,
    createdAt: w.createdAt.toISOString(),
    updatedAt: w.updatedAt.toISOString(),
    secretRotatedAt: iso(w.secretRotatedAt),
  };
}

export const WebhookDeliverySchema = z
  .object({
    id: z.string(),
    endpointId: z.string(),
    endpointName: z.string(),
    eventId: z.string(),
    eventType: z.string(),
    aggregateId: z.string(),
    sequence: z.number().int(),
    status: z.enum(WEBHOOK_DELIVERY_STATUSES),
    attempts: z.number().int(),
    nextAttemptAt: z.string().nullable(),
    lastAttemptAt: z.string().nullable(),
    lastStatus: z.number().int().nullable().openapi({ description: 'HTTP status of the last attempt' }),
    lastError: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    deadAt: z.string().nullable(),
    replays: z.number().int(),
    createdAt: z.string(),
  })
  .openapi('WebhookDelivery');

export function webhookDeliveryDto(d: WebhookDelivery): z.infer<typeof WebhookDeliverySchema> {
  return {
    id: d.id,
    endpointId: d.endpointId,
    endpointName: d.endpointName,
    eventId: d.eventId,
    eventType: d.eventType,
    aggregateId: d.aggregateId,
    sequence: d.sequence,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: iso(d.nextAttemptAt),
    lastAttemptAt: iso(d.lastAttemptAt),
    lastStatus: d.lastStatus,
    lastError: d.lastError,
    deliveredAt: iso(d.deliveredAt),
    deadAt: iso(d.deadAt),
    replays: d.replays,
    createdAt: d.createdAt.toISOString(),
  };
}

export const TargetDeliverySchema = z
  .object({
    target: z.string().openapi({ description: 'In-process subscriber or transport, e.g. `transport.nats`' }),
    status: z.enum(['delivered', 'retrying', 'dead']),
    attempts: z.number().int(),
    lastAttemptAt: z.string().nullable(),
    nextAttemptAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    deadAt: z.string().nullable(),
    lastError: z.string().nullable(),
    replays: z.number().int(),
  })
  .openapi('TargetDelivery');

function targetDeliveryDto(d: TargetDelivery): z.infer<typeof TargetDeliverySchema> {
  return {
    target: d.target,
    status: d.status,
    attempts: d.attempts,
    lastAttemptAt: iso(d.lastAttemptAt),
    nextAttemptAt: iso(d.nextAttemptAt),
    deliveredAt: iso(d.deliveredAt),
    deadAt: iso(d.deadAt),
    lastError: d.lastError,
    replays: d.replays,
  };
}

const envelopeFields = {
  id: z.string(),
  type: z.string(),
  version: z.number().int(),
  aggregateId: z.string(),
  sequence: z.number().int(),
  occurredAt: z.string(),
  actor: z.string().openapi({ description: '`<kind>:<id>`, e.g. `staff:usr_…`' }),
  requestId: z.string(),
};

function envelopeDto(e: EventEnvelope) {
  return {
    id: e.id,
    type: e.type,
    version: e.version,
    aggregateId: e.aggregateId,
    sequence: e.sequence,
    occurredAt: e.occurredAt,
    actor: actorLabel(e.actor),
    requestId: e.requestId,
  };
}

export const OutboxEventSchema = z
  .object({
    ...envelopeFields,
    processedAt: z.string().nullable().openapi({ description: 'When every subscriber and transport had it' }),
    deliveries: z.array(TargetDeliverySchema),
  })
  .openapi('OutboxEvent');

export function outboxEventDto(
  e: OutboxEvent & { deliveries: TargetDelivery[] },
): z.infer<typeof OutboxEventSchema> {
  return {
    ...envelopeDto(e),
    processedAt: iso(e.processedAt),
    deliveries: e.deliveries.map(targetDeliveryDto),
  };
}

export const EventDetailSchema = z
  .object({
    ...envelopeFields,
    payload: z.unknown(),
    processedAt: z.string().nullable(),
    deliveries: z.array(TargetDeliverySchema),
    webhooks: z.array(WebhookDeliverySchema),
  })
  .openapi('EventDetail');

export function eventDetailDto(e: EventDetail): z.infer<typeof EventDetailSchema> {
  return {
    ...envelopeDto(e),
    payload: e.payload,
    processedAt: iso(e.processedAt),
    deliveries: e.deliveries.map(targetDeliveryDto),
    webhooks: e.webhooks.map(webhookDeliveryDto),
  };
}

export const OutboxDeadLetterSchema = z
  .object({
    eventId: z.string(),
    eventType: z.string(),
    aggregateId: z.string(),
    sequence: z.number().int(),
    occurredAt: z.string(),
    target: z.string(),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    deadAt: z.string().nullable(),
    replays: z.number().int(),
  })
  .openapi('OutboxDeadLetter');

export function outboxDeadLetterDto(d: DeadDelivery): z.infer<typeof OutboxDeadLetterSchema> {
  return {
    eventId: d.event.id,
    eventType: d.event.type,
    aggregateId: d.event.aggregateId,
    sequence: d.event.sequence,
    occurredAt: d.event.occurredAt,
    target: d.target,
    attempts: d.attempts,
    lastError: d.lastError,
    deadAt: iso(d.deadAt),
    replays: d.replays,
  };
}

const AttemptsSchema = z.object({
  delivered: z.number().int(),
  failed: z.number().int(),
  dead: z.number().int(),
});

export const IntegrationStatusSchema = z
  .object({
    at: z.string(),
    outbox: z.object({
      pending: z.number().int(),
      oldestPendingAt: z.string().nullable(),
      lagSeconds: z.number(),
    }),
    targets: z.array(
      z.object({
        target: z.string(),
        kind: z.enum(['subscriber', 'transport']),
        types: z.union([z.array(z.string()), z.literal('all')]),
        ready: z.boolean(),
        undelivered: z.number().int(),
        retrying: z.number().int(),
        dead: z.number().int(),
        oldestUndeliveredAt: z.string().nullable(),
        lagSeconds: z.number(),
        attempts: AttemptsSchema.openapi({ description: 'Counted by this server process since it started' }),
      }),
    ),
    webhooks: z.array(
      z.object({
        endpointId: z.string(),
        name: z.string(),
        active: z.boolean(),
        undelivered: z.number().int(),
        retrying: z.number().int(),
        dead: z.number().int(),
        oldestUndeliveredAt: z.string().nullable(),
        lagSeconds: z.number(),
        lastDeliveredAt: z.string().nullable(),
        attempts: AttemptsSchema,
      }),
    ),
  })
  .openapi('IntegrationStatus');

const lag = (at: Date, since: Date | null) =>
  since ? Math.max(0, (at.getTime() - since.getTime()) / 1000) : 0;

export function integrationStatusDto(s: IntegrationStatus): z.infer<typeof IntegrationStatusSchema> {
  return {
    at: s.at.toISOString(),
    outbox: {
      pending: s.outbox.pending,
      oldestPendingAt: iso(s.outbox.oldestPendingAt),
      lagSeconds: lag(s.at, s.outbox.oldestPendingAt),
    },
    targets: s.targets.map((t) => ({
      target: t.target,
      kind: t.kind,
      types: t.types,
      ready: t.ready,
      undelivered: t.undelivered,
      retrying: t.retrying,
      dead: t.dead,
      oldestUndeliveredAt: iso(t.oldestUndeliveredAt),
      lagSeconds: lag(s.at, t.oldestUndeliveredAt),
      attempts: t.attempts,
    })),
    webhooks: s.webhooks.map((w) => ({
      endpointId: w.endpointId,
      name: w.name,
      active: w.active,
      undelivered: w.undelivered,
      retrying: w.retrying,
      dead: w.dead,
      oldestUndeliveredAt: iso(w.oldestUndeliveredAt),
      lagSeconds: lag(s.at, w.oldestUndeliveredAt),
      lastDeliveredAt: iso(w.lastDeliveredAt),
      attempts: w.attempts,
    })),
  };
}
