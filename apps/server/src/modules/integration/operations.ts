import { recordAudit } from '../../platform/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { EventBus, TargetCounters } from '../../platform/events/event-bus.ts';
import {
  type DeadDelivery,
  type DeadLetterRef,
  type EventFilter,
  findOutboxEvent,
  listDeadDeliveries,
  listOutboxEvents,
  type OutboxEvent,
  outboxBacklog,
  outboxLag,
  replayAllDeadDeliveries,
  replayDeadDeliveries,
  type TargetDelivery,
  type TargetLag,
} from '../../platform/events/outbox-admin.ts';
import { assertAuthorized } from '../identity/index.ts';
import * as store from './store.ts';
import type { Page, WebhookDelivery, WebhookLag } from './types.ts';

/**
 * What the admin console shows and repairs: the events and where each one went (in-process
 * subscribers, transports, webhook subscribers), lag and failures, the dead letters of both
 * kinds and their replay. Reads need `integration.read`, replays `integration.manage`.
 */
export type AttemptCounters = { delivered: number; failed: number; dead: number };

export type IntegrationStatus = {
  at: Date;
  outbox: { pending: number; oldestPendingAt: Date | null };
  targets: (TargetLag & { types: string[] | 'all'; attempts: AttemptCounters })[];
  webhooks: (WebhookLag & { attempts: AttemptCounters })[];
};

export type EventDetail = OutboxEvent & { deliveries: TargetDelivery[]; webhooks: WebhookDelivery[] };

const ZERO: AttemptCounters = { delivered: 0, failed: 0, dead: 0 };

export async function integrationStatus(
  ctx: Ctx,
  bus: EventBus,
  webhookCounters: ReadonlyMap<string, AttemptCounters>,
): Promise<IntegrationStatus> {
  assertAuthorized(ctx.actor, 'integration.read');
  const targets = bus.targets();
  const counters = new Map<string, TargetCounters>(bus.counters().map((c) => [c.target, c]));
  const [outbox, lag, webhooks] = await Promise.all([
    outboxBacklog(ctx.db),
    outboxLag(ctx.db, targets),
    store.lagByEndpoint(ctx),
  ]);
  return {
    at: ctx.now,
    outbox,
    targets: lag.map((l) => {
      const c = counters.get(l.target);
      return {
        ...l,
        types: targets.find((t) => t.name === l.target)?.types ?? [],
        attempts: c ? { delivered: c.delivered, failed: c.failed, dead: c.dead } : ZERO,
      };
    }),
    webhooks: webhooks.map((w) => ({ ...w, attempts: webhookCounters.get(w.endpointId) ?? ZERO })),
  };
}

export async function listEvents(
  ctx: Ctx,
  filter: EventFilter,
): Promise<{ items: (OutboxEvent & { deliveries: TargetDelivery[] })[]; nextCursor: string | null }> {
  assertAuthorized(ctx.actor, 'integration.read');
  return listOutboxEvents(ctx.db, filter);
}

export async function getEvent(ctx: Ctx, id: string): Promise<EventDetail> {
  assertAuthorized(ctx.actor, 'integration.read');
  const event = await findOutboxEvent(ctx.db, id);
  if (!event) throw new AppError('not_found', 'integration.event_not_found', 'No such event.');
  const webhooks = await store.listDeliveries(ctx, { eventId: id, limit: 200, order: 'oldest' });
  return { ...event, webhooks: webhooks.items };
}

export async function listWebhookDeliveries(
  ctx: Ctx,
  filter: store.DeliveryFilter,
): Promise<Page<WebhookDelivery>> {
  assertAuthorized(ctx.actor, 'integration.read');
  return store.listDeliveries(ctx, filter);
}

export async function listOutboxDeadLetters(
  ctx: Ctx,
  filter: {
    target?: string | undefined;
    type?: string | undefined;
    cursor?: string | undefined;
    limit?: number | undefined;
  },
): Promise<{ items: DeadDelivery[]; nextCursor: string | null }> {
  assertAuthorized(ctx.actor, 'integration.read');
  return listDeadDeliveries(ctx.db, filter);
}

export type ReplayRequest = { webhookDeliveryIds: string[]; outbox: DeadLetterRef[] };

/** Replays the given dead letters (those still dead); returns how many were queued again. */
export async function replayDeadLetters(
  ctx: Ctx,
  request: ReplayRequest,
): Promise<{ webhooks: number; outbox: number }> {
  assertAuthorized(ctx.actor, 'integration.manage');
  return inTransaction(ctx, async (tx) => {
    const webhooks = await store.requeueDead(tx, { ids: request.webhookDeliveryIds });
    const outbox = await replayDeadDeliveries(tx, request.outbox);
    await recordAudit(tx, {
      action: 'integration.dead_letters_replayed',
      targetType: 'dead_letters',
      targetId: 'selected',
      data: { webhooks, outbox, asked: request.webhookDeliveryIds.length + request.outbox.length },
    });
    return { webhooks, outbox };
  });
}

export type ReplayAllFilter = {
  source: 'webhooks' | 'outbox' | 'all';
  endpointId?: string | undefined;
  target?: string | undefined;
  eventType?: string | undefined;
};

/** Replays every dead letter matching the filter. */
export async function replayAllDeadLetters(
  ctx: Ctx,
  filter: ReplayAllFilter,
): Promise<{ webhooks: number; outbox: number }> {
  assertAuthorized(ctx.actor, 'integration.manage');
  return inTransaction(ctx, async (tx) => {
    const webhooks =
      filter.source === 'outbox' || filter.target
        ? 0
        : await store.requeueDead(tx, { endpointId: filter.endpointId, eventType: filter.eventType });
    const outbox =
      filter.source === 'webhooks' || filter.endpointId
        ? 0
        : await replayAllDeadDeliveries(tx, { target: filter.target, type: filter.eventType });
    await recordAudit(tx, {
      action: 'integration.dead_letters_replayed',
      targetType: 'dead_letters',
      targetId: 'all',
      data: { ...filter, webhooks, outbox },
    });
    return { webhooks, outbox };
  });
}
