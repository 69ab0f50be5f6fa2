/**
 * Integration: events out to the systems of record. Webhook subscribers (name, URL, event type
 * patterns, secret, active flag), the fan-out of outbox events into one delivery per matching
 * subscriber, the delivery worker (signed POSTs, retries with backoff and jitter, dead letters,
 * order per subscriber and aggregate), and the operations view over the whole event flow:
 * where each event went, lag, failures, dead letters of the outbox and of webhooks, replay and
 * metrics. The outbox, its dispatcher and the NATS transport are platform code; this module
 * reads and repairs them through platform/events.
 *
 * Must not: hand out a webhook secret except in the answer that created or rotated it; send to
 * a URL that fails the SSRF checks; follow redirects; send an aggregate's later event to a
 * subscriber before its earlier one is delivered; know any domain's events beyond the
 * catalogue it is given. Only store.ts has SQL, and only schema `integration`.
 */
import type { Clock } from '../../platform/clock.ts';
import type { Ctx, Db } from '../../platform/context.ts';
import type { EventDefinition } from '../../platform/events/define-event.ts';
import type { EventBus } from '../../platform/events/event-bus.ts';
import type { Logger } from '../../platform/log.ts';
import { createWebhookWorker, type WebhookWorker, type WebhookWorkerOptions } from './deliver-webhooks.ts';
import { FAN_OUT_SUBSCRIBER, fanOutToWebhooks } from './fan-out.ts';
import {
  createWebhook,
  getWebhook,
  listWebhooks,
  type NewWebhook,
  rotateWebhookSecret,
  updateWebhook,
  type WebhookPatch,
  type WebhookPolicy,
} from './manage-webhooks.ts';
import { selectedEventTypes } from './match-event-type.ts';
import {
  type AttemptCounters,
  getEvent,
  integrationStatus,
  listEvents,
  listOutboxDeadLetters,
  listWebhookDeliveries,
  replayAllDeadLetters,
  replayDeadLetters,
} from './operations.ts';
import { renderMetrics } from './render-metrics.ts';

export type { UrlCheck, UrlProblem } from './check-webhook-url.ts';
export { checkWebhookTarget, checkWebhookUrl, isPrivateAddress } from './check-webhook-url.ts';
export type { WebhookRunResult, WebhookWorker } from './deliver-webhooks.ts';
export { WEBHOOK_DEFAULTS } from './deliver-webhooks.ts';
export { FAN_OUT_SUBSCRIBER } from './fan-out.ts';
export type { NewWebhook, WebhookPatch } from './manage-webhooks.ts';
export {
  isEventTypePattern,
  MAX_EVENT_TYPE_PATTERNS,
  matchesEventType,
  selectedEventTypes,
} from './match-event-type.ts';
export type {
  AttemptCounters,
  EventDetail,
  IntegrationStatus,
  ReplayAllFilter,
  ReplayRequest,
} from './operations.ts';
export { renderMetrics } from './render-metrics.ts';
export type { VerifyResult } from './sign-webhook.ts';
export {
  DEFAULT_TOLERANCE_SECONDS,
  SIGNATURE_VERSION,
  signWebhook,
  verifyWebhookSignature,
  WEBHOOK_HEADERS,
  WEBHOOK_SECRET_PREFIX,
} from './sign-webhook.ts';
export type { DeliveryFilter } from './store.ts';
export type { Page, WebhookDelivery, WebhookDeliveryStatus, WebhookEndpoint, WebhookLag } from './types.ts';
export { WEBHOOK_DELIVERY_STATUSES } from './types.ts';

export type IntegrationOptions = {
  db: Db;
  log: Logger;
  clock: Clock;
  bus: EventBus;
  /** Every event a webhook can subscribe to (the event catalogue). */
  events: readonly EventDefinition[];
  allowPrivateNetworks: boolean;
  /** Overrides for the delivery worker (tests: a fixed random, short timeouts). */
  worker?: Partial<Omit<WebhookWorkerOptions, 'db' | 'log' | 'clock' | 'allowPrivateNetworks'>>;
};

/**
 * The module needs more than ctx (the bus, the catalogue, the URL policy, the worker), so it
 * is a factory; app.ts makes one and main.ts starts its worker.
 */
export function createIntegration(options: IntegrationOptions) {
  const knownEventTypes = options.events.map((e) => e.type);
  const policy: WebhookPolicy = { knownEventTypes, allowPrivateNetworks: options.allowPrivateNetworks };
  const webhookCounters = new Map<string, AttemptCounters>();
  const worker: WebhookWorker = createWebhookWorker({
    db: options.db,
    log: options.log.child({ component: 'webhooks' }),
    clock: options.clock,
    allowPrivateNetworks: options.allowPrivateNetworks,
    ...options.worker,
    onAttempt(endpointId, outcome) {
      const c = webhookCounters.get(endpointId) ?? { delivered: 0, failed: 0, dead: 0 };
      if (outcome === 'delivered') c.delivered++;
      else c.failed++;
      if (outcome === 'dead') c.dead++;
      webhookCounters.set(endpointId, c);
      options.worker?.onAttempt?.(endpointId, outcome);
    },
  });
  return {
    worker,
    knownEventTypes: () => [...knownEventTypes],
    /** Subscribes the fan-out to every catalogue event (app.ts, once). */
    subscribe() {
      for (const event of options.events) {
        options.bus.subscribe(event, FAN_OUT_SUBSCRIBER, async (ctx, e) => {
          await fanOutToWebhooks(ctx, e);
        });
      }
    },
    createWebhook: (ctx: Ctx, input: NewWebhook) => createWebhook(ctx, input, policy),
    updateWebhook: (ctx: Ctx, id: string, patch: WebhookPatch) => updateWebhook(ctx, id, patch, policy),
    rotateWebhookSecret,
    getWebhook,
    listWebhooks,
    /** The catalogue types a list of patterns selects. */
    selectedEventTypes: (patterns: readonly string[]) => selectedEventTypes(patterns, knownEventTypes),
    listEvents,
    getEvent,
    listWebhookDeliveries,
    listOutboxDeadLetters,
    replayDeadLetters,
    replayAllDeadLetters,
    status: (ctx: Ctx) => integrationStatus(ctx, options.bus, webhookCounters),
    metricsText: async (ctx: Ctx) =>
      renderMetrics(await integrationStatus(ctx, options.bus, webhookCounters)),
  };
}

export type Integration = ReturnType<typeof createIntegration>;
