import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/context.ts';
import type { EventEnvelope } from '../../platform/events/define-event.ts';
import { findEnvelopes } from '../../platform/events/outbox-rows.ts';
import type { Logger } from '../../platform/log.ts';
import { type Backoff, backoffWithJitterMs } from '../../platform/retry.ts';
import { createWakeLoop } from '../../platform/wake-loop.ts';
import { checkWebhookTarget, type Resolver } from './check-webhook-url.ts';
import { signWebhook, WEBHOOK_HEADERS } from './sign-webhook.ts';
import * as store from './store.ts';

/**
 * The webhook delivery worker. Each pass claims due deliveries (store.claimDueDeliveries: only
 * the first undelivered one of each (endpoint, aggregate), so an aggregate's events reach an
 * endpoint in order), POSTs them with a bounded number in flight, and records the outcome:
 * a 2xx answer is delivered; anything else (other status, redirect, timeout, refused address)
 * is a failed attempt, retried after exponential backoff with full jitter, and dead after
 * `maxAttempts`. The attempt is counted when claimed, so a worker that dies mid-request still
 * used it; its lease runs out and the delivery is sent again (the receiver sees the same event
 * id twice and can drop the second).
 */
export type WebhookWorkerOptions = {
  db: Db;
  log: Logger;
  clock: Clock;
  allowPrivateNetworks: boolean;
  fetch?: typeof fetch;
  resolve?: Resolver;
  timeoutMs?: number;
  maxAttempts?: number;
  backoff?: Backoff;
  random?: () => number;
  concurrency?: number;
  batchSize?: number;
  /** Floor of the retry delay, so a jitter near 0 does not retry at once (default 1 s). */
  minDelayMs?: number;
  /** How long a claimed delivery stays with this worker (default: the timeout + 60 s). */
  leaseMs?: number;
  pollMs?: number;
  userAgent?: string;
  onAttempt?: (endpointId: string, outcome: 'delivered' | 'failed' | 'dead') => void;
};

export type WebhookRunResult = { delivered: number; failed: number; dead: number };

export type WebhookWorker = {
  runDue(): Promise<WebhookRunResult>;
  start(): void;
  stop(): Promise<void>;
};

export const WEBHOOK_DEFAULTS = {
  timeoutMs: 10_000,
  maxAttempts: 15,
  backoff: { baseMs: 5000, maxMs: 60 * 60_000 },
  concurrency: 8,
  batchSize: 50,
} as const;

/** How much of a failing answer is kept for the console. */
const ERROR_BODY_CHARS = 300;

export function createWebhookWorker(options: WebhookWorkerOptions): WebhookWorker {
  const { db, log, clock } = options;
  const send = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? WEBHOOK_DEFAULTS.timeoutMs;
  const maxAttempts = options.maxAttempts ?? WEBHOOK_DEFAULTS.maxAttempts;
  const backoff = options.backoff ?? WEBHOOK_DEFAULTS.backoff;
  const random = options.random ?? Math.random;
  const concurrency = options.concurrency ?? WEBHOOK_DEFAULTS.concurrency;
  const batchSize = options.batchSize ?? WEBHOOK_DEFAULTS.batchSize;
  const userAgent = options.userAgent ?? 'OpenC2B-Webhooks/1';
  const minDelayMs = options.minDelayMs ?? 1000;
  // The lease outlives the request's timeout, so only a dead worker's lease runs out.
  const leaseMs = Math.max(options.leaseMs ?? timeoutMs + 60_000, timeoutMs + 100);

  async function post(
    d: store.ClaimedDelivery,
    event: EventEnvelope,
  ): Promise<{ ok: true; status: number } | { ok: false; status: number | null; error: string }> {
    const target = await checkWebhookTarget(d.url, {
      allowPrivate: options.allowPrivateNetworks,
      ...(options.resolve ? { resolve: options.resolve } : {}),
    });
    if (!target.ok) return { ok: false, status: null, error: `refused URL: ${target.reason}` };
    const body = JSON.stringify(event);
    const timestamp = Math.floor(clock.now().getTime() / 1000);
    try {
      const res = await send(target.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': userAgent,
          [WEBHOOK_HEADERS.eventId]: event.id,
          [WEBHOOK_HEADERS.eventType]: event.type,
          [WEBHOOK_HEADERS.deliveryId]: d.id,
          [WEBHOOK_HEADERS.timestamp]: String(timestamp),
          [WEBHOOK_HEADERS.signature]: signWebhook(d.secret, timestamp, body),
        },
        body,
      });
      if (res.status >= 200 && res.status < 300) {
        await res.body?.cancel();
        return { ok: true, status: res.status };
      }
      const text = await readSome(res, ERROR_BODY_CHARS);
      return { ok: false, status: res.status, error: `HTTP ${res.status}${text ? `: ${text}` : ''}` };
    } catch (err) {
      const e = err as Error & { cause?: { code?: string; message?: string } };
      const reason =
        e.name === 'TimeoutError'
          ? `timed out after ${timeoutMs} ms`
          : (e.cause?.code ?? e.cause?.message ?? e.message);
      return { ok: false, status: null, error: reason };
    }
  }

  async function deliver(
    d: store.ClaimedDelivery,
    event: EventEnvelope | undefined,
    result: WebhookRunResult,
  ) {
    const outcome = event
      ? await post(d, event)
      : { ok: false as const, status: null, error: 'event no longer in the outbox' };
    const now = clock.now();
    const dlog = log.child({
      deliveryId: d.id,
      endpointId: d.endpoint_id,
      eventId: d.event_id,
      attempts: d.attempts,
    });
    if (outcome.ok) {
      await store.markDeliverySent(db, d.id, now, outcome.status);
      result.delivered++;
      options.onAttempt?.(d.endpoint_id, 'delivered');
      return;
    }
    const dead = d.attempts >= maxAttempts;
    const delay = dead ? 0 : Math.max(minDelayMs, backoffWithJitterMs(backoff, d.attempts, random));
    const nextAttemptAt = new Date(now.getTime() + delay);
    await store.markDeliveryFailed(db, d.id, {
      now,
      dead,
      nextAttemptAt,
      status: outcome.status,
      error: outcome.error,
    });
    result.failed++;
    if (dead) result.dead++;
    options.onAttempt?.(d.endpoint_id, dead ? 'dead' : 'failed');
    if (dead) dlog.error('webhook delivery failed for the last time; dead letter', { error: outcome.error });
    else
      dlog.warn('webhook delivery failed; will retry', {
        error: outcome.error,
        retryAt: nextAttemptAt.toISOString(),
      });
  }

  async function runOnce(signal: AbortSignal): Promise<WebhookRunResult> {
    const result: WebhookRunResult = { delivered: 0, failed: 0, dead: 0 };
    for (;;) {
      if (signal.aborted) return result;
      const now = clock.now();
      const leaseUntil = new Date(now.getTime() + leaseMs);
      const claimed = await store.claimDueDeliveries(db, now, leaseUntil, batchSize);
      if (claimed.length === 0) return result;
      const events = await findEnvelopes(
        db,
        claimed.map((d) => d.event_id),
      );
      // The claim holds at most one delivery per (endpoint, aggregate): all may go at once.
      let next = 0;
      const lanes = Array.from({ length: Math.min(concurrency, claimed.length) }, async () => {
        for (let i = next++; i < claimed.length; i = next++) {
          const d = claimed[i];
          if (d) await deliver(d, events.get(d.event_id), result);
        }
      });
      await Promise.all(lanes);
    }
  }

  const loop = createWakeLoop({
    name: 'webhook worker',
    db,
    log,
    pollMs: options.pollMs ?? 1000,
    work: runOnce,
  });
  return {
    runDue: loop.run,
    start() {
      if (loop.started) return;
      log.info('webhook worker started', { concurrency, maxAttempts });
      loop.start();
    },
    stop: loop.stop,
  };
}

async function readSome(res: Response, chars: number): Promise<string> {
  const reader = res.body?.getReader();
  if (!reader) return '';
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (text.length < chars) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    // a body cut off is still a failure with a status
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return text.replace(/\s+/g, ' ').trim().slice(0, chars);
}
