import { hostname } from 'node:os';
import type { Actor } from '../actor.ts';
import type { Clock } from '../clock.ts';
import type { Ctx, Db } from '../context.ts';
import { notifyCommitted, onAfterCommit } from '../db/after-commit.ts';
import type { Logger } from '../log.ts';
import type { EventDefinition, EventEnvelope, PayloadOf } from './define-event.ts';

/**
 * In-process subscribers and external transports fed from platform.outbox.
 *
 * Delivery is at least once and recorded per (event, subscriber) in platform.outbox_delivery:
 * a subscriber's handler runs in a transaction that also writes its delivery row, so its
 * database effects happen once even if the process dies mid-way. A handler that throws is
 * retried later with backoff; later events of the same aggregate wait for it (order per
 * aggregate). Transports (NATS) record their row after a successful send; a crash in between
 * re-sends, which the transport de-duplicates by event id.
 */
export type EventHandler<P = unknown> = (ctx: Ctx, event: EventEnvelope<P>) => Promise<void>;

export type EventTransport = {
  /** Recorded as the subscriber name in outbox_delivery, e.g. `transport.nats`. */
  name: string;
  send(event: EventEnvelope): Promise<void>;
  close(): Promise<void>;
};

export type DrainResult = { delivered: number; failed: number; waiting: number };

export type EventBus = {
  subscribe<E extends EventDefinition>(
    event: E,
    subscriber: string,
    handler: EventHandler<PayloadOf<E>>,
  ): void;
  subscribe(type: string, subscriber: string, handler: EventHandler): void;
  addTransport(transport: EventTransport): void;
  /** Delivers every due event now; resolves when done. The loop uses it; tests call it. */
  drain(): Promise<DrainResult>;
  /** Starts the polling loop and the after-commit wake-up. */
  start(): void;
  /** Stops the loop, waits for the delivery in progress, closes the transports. */
  stop(): Promise<void>;
};

export type EventBusOptions = {
  db: Db;
  log: Logger;
  clock: Clock;
  pollMs?: number;
  batchSize?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
};

type OutboxRow = {
  seq: string;
  id: string;
  type: string;
  aggregate_id: string;
  payload: unknown;
  actor: Actor;
  request_id: string;
  occurred_at: Date;
  attempts: number;
  next_attempt_at: Date;
};

type Subscription = { name: string; handler: EventHandler };

const SUBSCRIBER_NAME = /^[a-z][a-z0-9_.-]*$/;

export function createEventBus(options: EventBusOptions): EventBus {
  const { db, log, clock } = options;
  const pollMs = options.pollMs ?? 1000;
  const batchSize = options.batchSize ?? 200;
  const retryBaseMs = options.retryBaseMs ?? 1000;
  const retryMaxMs = options.retryMaxMs ?? 10 * 60_000;
  const subscriptions = new Map<string, Subscription[]>();
  const transports: EventTransport[] = [];
  const names = new Set<string>();

  let timer: NodeJS.Timeout | undefined;
  let unlisten: (() => void) | undefined;
  // Drains run one after another; a wake-up during a drain asks for one more.
  let current: Promise<DrainResult> | undefined;
  let again = false;

  function register(name: string, key: string) {
    if (!SUBSCRIBER_NAME.test(name)) throw new Error(`subscriber name must be lower-case dotted: ${name}`);
    if (names.has(key)) throw new Error(`subscriber ${key} is already registered`);
    names.add(key);
  }

  function subscribe(event: EventDefinition | string, subscriber: string, handler: EventHandler<never>) {
    const type = typeof event === 'string' ? event : event.type;
    register(subscriber, `${type}:${subscriber}`);
    const list = subscriptions.get(type) ?? [];
    list.push({ name: subscriber, handler: handler as EventHandler });
    subscriptions.set(type, list);
  }

  function envelopeOf(row: OutboxRow): EventEnvelope {
    return {
      id: row.id,
      type: row.type,
      aggregateId: row.aggregate_id,
      payload: row.payload,
      occurredAt: new Date(row.occurred_at).toISOString(),
      actor: row.actor,
      requestId: row.request_id,
    };
  }

  /** True when every subscriber and transport has the event. */
  async function deliver(row: OutboxRow): Promise<boolean> {
    const event = envelopeOf(row);
    const done = new Set(
      (
        await db
          .selectFrom('platform.outbox_delivery')
          .select('subscriber')
          .where('event_id', '=', row.id)
          .execute()
      ).map((r) => r.subscriber as string),
    );
    for (const sub of subscriptions.get(row.type) ?? []) {
      if (done.has(sub.name)) continue;
      const elog = log.child({
        eventId: row.id,
        eventType: row.type,
        subscriber: sub.name,
        requestId: row.request_id,
      });
      try {
        await db.transaction().execute(async (tx) => {
          // The delivery row first: if another dispatcher already has it, do nothing.
          const claimed = await tx
            .insertInto('platform.outbox_delivery')
            .values({ event_id: row.id, subscriber: sub.name, delivered_at: clock.now() })
            .onConflict((oc) => oc.doNothing())
            .returning('subscriber')
            .executeTakeFirst();
          if (!claimed) return;
          const ctx: Ctx = {
            db: tx,
            actor: { kind: 'system', name: sub.name },
            requestId: row.request_id,
            now: clock.now(),
            log: elog,
          };
          await sub.handler(ctx, event);
        });
        // The handler may have published events of its own.
        notifyCommitted(db);
      } catch (err) {
        await recordFailure(row, sub.name, err);
        return false;
      }
    }
    for (const transport of transports) {
      if (done.has(transport.name)) continue;
      try {
        await transport.send(event);
        await db
          .insertInto('platform.outbox_delivery')
          .values({ event_id: row.id, subscriber: transport.name, delivered_at: clock.now() })
          .onConflict((oc) => oc.doNothing())
          .execute();
      } catch (err) {
        await recordFailure(row, transport.name, err);
        return false;
      }
    }
    await db
      .updateTable('platform.outbox')
      .set({ processed_at: clock.now() })
      .where('id', '=', row.id)
      .execute();
    return true;
  }

  async function recordFailure(row: OutboxRow, subscriber: string, err: unknown) {
    const attempts = row.attempts + 1;
    const delay = Math.min(retryMaxMs, retryBaseMs * 2 ** (attempts - 1));
    const next = new Date(clock.now().getTime() + delay);
    log.error('event delivery failed; will retry', {
      eventId: row.id,
      eventType: row.type,
      subscriber,
      attempts,
      retryAt: next.toISOString(),
      err,
    });
    await db
      .updateTable('platform.outbox')
      .set({
        attempts,
        next_attempt_at: next,
        last_error: `${subscriber}: ${err instanceof Error ? err.message : String(err)}`.slice(0, 2000),
      })
      .where('id', '=', row.id)
      .execute();
  }

  async function drainOnce(): Promise<DrainResult> {
    const result: DrainResult = { delivered: 0, failed: 0, waiting: 0 };
    for (;;) {
      const rows = (await db
        .selectFrom('platform.outbox')
        .select([
          'seq',
          'id',
          'type',
          'aggregate_id',
          'payload',
          'actor',
          'request_id',
          'occurred_at',
          'attempts',
          'next_attempt_at',
        ])
        .where('processed_at', 'is', null)
        .orderBy('seq')
        .limit(batchSize)
        .execute()) as OutboxRow[];
      const now = clock.now().getTime();
      // An aggregate whose earlier event is not through yet is blocked for this round.
      const blocked = new Set<string>();
      let progressed = 0;
      result.waiting = 0;
      for (const row of rows) {
        if (blocked.has(row.aggregate_id)) {
          result.waiting++;
          continue;
        }
        if (new Date(row.next_attempt_at).getTime() > now) {
          blocked.add(row.aggregate_id);
          result.waiting++;
          continue;
        }
        if (await deliver(row)) {
          progressed++;
          result.delivered++;
        } else {
          blocked.add(row.aggregate_id);
          result.failed++;
          result.waiting++;
        }
      }
      if (progressed === 0 || rows.length < batchSize) return result;
    }
  }

  function drain(): Promise<DrainResult> {
    const run = (current ?? Promise.resolve()).catch(() => undefined).then(drainOnce);
    current = run;
    return run;
  }

  let busy = false;
  function wake() {
    if (!timer) return;
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    drain()
      .catch((err) => log.error('event dispatcher failed', { err }))
      .finally(() => {
        busy = false;
        if (again) {
          again = false;
          wake();
        }
      });
  }

  return {
    subscribe: subscribe as EventBus['subscribe'],
    addTransport(transport) {
      register(transport.name, transport.name);
      transports.push(transport);
    },
    drain,
    start() {
      if (timer) return;
      timer = setInterval(wake, pollMs);
      timer.unref();
      unlisten = onAfterCommit(db, wake);
      log.info('event dispatcher started', {
        host: hostname(),
        pollMs,
        transports: transports.map((t) => t.name),
      });
      wake();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      unlisten?.();
      await current?.catch(() => undefined);
      for (const t of transports) await t.close();
    },
  };
}
