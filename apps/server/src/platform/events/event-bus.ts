import { hostname } from 'node:os';
import { sql } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Ctx, Db } from '../context.ts';
import { notifyCommitted } from '../db/after-commit.ts';
import type { Logger } from '../log.ts';
import { type Backoff, backoffWithJitterMs } from '../retry.ts';
import { createWakeLoop } from '../wake-loop.ts';
import type { EventDefinition, EventEnvelope, PayloadOf } from './define-event.ts';
import { envelopeOf, OUTBOX_COLUMNS, type OutboxRow } from './outbox-rows.ts';

/**
 * In-process subscribers and external transports ("targets") fed from platform.outbox.
 *
 * Delivery is at least once, with its state kept per (event, target) in
 * platform.outbox_delivery: `delivered`, `retrying` (failed; `next_attempt_at` says when
 * again, exponential backoff with full jitter) or `dead` (failed `maxAttempts` times).
 * A subscriber's handler runs in a transaction that also marks its row delivered, so its
 * database effects happen once even if the process dies mid-way. A transport marks its row
 * after a successful send; a crash in between re-sends the event, which the receiver
 * recognises by the event id (NATS drops it by `Nats-Msg-Id`).
 *
 * Order per aggregate, per target: a target gets an aggregate's events in sequence order.
 * While one of them is retrying or dead for a target, that aggregate's later events wait for
 * that target only; other targets, and other aggregates for the same target, go on. A dead
 * delivery therefore holds its aggregate back for its target until it is replayed (admin
 * console) and succeeds. A transport that is not ready (not connected) is skipped without
 * counting an attempt: its events wait in the outbox.
 *
 * An event is `processed` once every target registered in this process has it.
 */
export type EventHandler<P = unknown> = (ctx: Ctx, event: EventEnvelope<P>) => Promise<void>;

export type EventTransport = {
  /** Recorded as the target name in outbox_delivery, e.g. `transport.nats`. */
  name: string;
  /** False while the transport cannot send (e.g. not connected yet). Absent: always ready. */
  ready?(): boolean;
  send(event: EventEnvelope): Promise<void>;
  close(): Promise<void>;
  /** Failed sends (while ready) before a delivery is dead; default the bus's maxAttempts. */
  maxAttempts?: number;
};

export type TargetKind = 'subscriber' | 'transport';

/** What the bus delivers to, for the console and the metrics. */
export type EventTarget = {
  name: string;
  kind: TargetKind;
  /** Event types it receives; `all` for transports. */
  types: string[] | 'all';
  ready: boolean;
  maxAttempts: number;
};

export type DrainResult = {
  /** Events that every target now has. */
  delivered: number;
  /** Failed delivery attempts in this pass. */
  failed: number;
  /** Deliveries that became dead in this pass. */
  dead: number;
  /** Events still waiting for at least one target after this pass. */
  waiting: number;
};

export type SubscribeOptions = { maxAttempts?: number };

export type EventBus = {
  subscribe<E extends EventDefinition>(
    event: E,
    subscriber: string,
    handler: EventHandler<PayloadOf<E>>,
    options?: SubscribeOptions,
  ): void;
  subscribe(type: string, subscriber: string, handler: EventHandler, options?: SubscribeOptions): void;
  addTransport(transport: EventTransport): void;
  targets(): EventTarget[];
  counters(): TargetCounters[];
  /** Delivers every due event now; resolves when done. The loop uses it; tests call it. */
  drain(): Promise<DrainResult>;
  /** Starts the polling loop and the after-commit wake-up. */
  start(): void;
  /** Stops the loop after the delivery in hand, waits for it, closes the transports. */
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
  /** Failed attempts before a delivery is dead (per subscriber or transport unless they say). */
  maxAttempts?: number;
  /** For the jitter; tests pass a fixed one. */
  random?: () => number;
};

/** Attempts per target since this process started (Prometheus counters). */
export type TargetCounters = { target: string; delivered: number; failed: number; dead: number };

export const DEFAULT_MAX_ATTEMPTS = 12;

type Subscription = { name: string; handler: EventHandler; maxAttempts: number };

type DeliveryState = {
  status: 'delivered' | 'retrying' | 'dead';
  attempts: number;
  next_attempt_at: Date | null;
};

type Target =
  | { kind: 'subscriber'; name: string; maxAttempts: number; subscription: Subscription }
  | { kind: 'transport'; name: string; maxAttempts: number; transport: EventTransport };

const TARGET_NAME = /^[a-z][a-z0-9_.-]*$/;

export function createEventBus(options: EventBusOptions): EventBus {
  const { db, log, clock } = options;
  const pollMs = options.pollMs ?? 1000;
  const batchSize = options.batchSize ?? 200;
  const backoff: Backoff = { baseMs: options.retryBaseMs ?? 1000, maxMs: options.retryMaxMs ?? 10 * 60_000 };
  const defaultMaxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const random = options.random ?? Math.random;
  const subscriptions = new Map<string, Subscription[]>();
  const transports: EventTransport[] = [];
  const keys = new Set<string>();
  const subscriberTypes = new Map<string, Set<string>>();
  const counts = new Map<string, TargetCounters>();
  const count = (target: string, field: 'delivered' | 'failed' | 'dead') => {
    const c = counts.get(target) ?? { target, delivered: 0, failed: 0, dead: 0 };
    c[field]++;
    counts.set(target, c);
  };

  function register(name: string, key: string) {
    if (!TARGET_NAME.test(name)) throw new Error(`subscriber name must be lower-case dotted: ${name}`);
    if (keys.has(key)) throw new Error(`subscriber ${key} is already registered`);
    keys.add(key);
  }

  function subscribe(
    event: EventDefinition | string,
    subscriber: string,
    handler: EventHandler<never>,
    subscribeOptions: SubscribeOptions = {},
  ) {
    const type = typeof event === 'string' ? event : event.type;
    if (transports.some((t) => t.name === subscriber)) throw new Error(`${subscriber} is a transport`);
    register(subscriber, `${type}:${subscriber}`);
    const list = subscriptions.get(type) ?? [];
    list.push({
      name: subscriber,
      handler: handler as EventHandler,
      maxAttempts: subscribeOptions.maxAttempts ?? defaultMaxAttempts,
    });
    subscriptions.set(type, list);
    const types = subscriberTypes.get(subscriber) ?? new Set<string>();
    types.add(type);
    subscriberTypes.set(subscriber, types);
  }

  function targetsOf(type: string): Target[] {
    return [
      ...(subscriptions.get(type) ?? []).map(
        (subscription): Target => ({
          kind: 'subscriber',
          name: subscription.name,
          maxAttempts: subscription.maxAttempts,
          subscription,
        }),
      ),
      ...transports.map(
        (transport): Target => ({
          kind: 'transport',
          name: transport.name,
          maxAttempts: transport.maxAttempts ?? defaultMaxAttempts,
          transport,
        }),
      ),
    ];
  }

  /** Runs the handler in a transaction that marks the delivery; false if it was already delivered. */
  async function runSubscriber(
    target: Target & { kind: 'subscriber' },
    row: OutboxRow,
    event: EventEnvelope,
  ) {
    const now = clock.now();
    const elog = log.child({
      eventId: row.id,
      eventType: row.type,
      subscriber: target.name,
      requestId: row.request_id,
    });
    await db.transaction().execute(async (tx) => {
      // The delivery row first: if another dispatcher delivered it meanwhile, do nothing.
      const claimed = await markDelivered(tx, row.id, target.name, now);
      if (!claimed) return;
      const ctx: Ctx = {
        db: tx,
        actor: { kind: 'system', name: target.name },
        requestId: row.request_id,
        now,
        log: elog,
      };
      await target.subscription.handler(ctx, event);
    });
    // The handler may have published events of its own.
    notifyCommitted(db);
  }

  async function recordFailure(row: OutboxRow, target: Target, previous: number, err: unknown) {
    const attempts = previous + 1;
    const now = clock.now();
    const dead = attempts >= target.maxAttempts;
    const next = dead ? null : new Date(now.getTime() + backoffWithJitterMs(backoff, attempts, random));
    const message = `${err instanceof Error ? err.message : String(err)}`.slice(0, 2000);
    const fields = {
      eventId: row.id,
      eventType: row.type,
      aggregateId: row.aggregate_id,
      target: target.name,
      attempts,
      err,
    };
    if (dead) log.error('event delivery failed for the last time; dead letter', fields);
    else log.warn('event delivery failed; will retry', { ...fields, retryAt: next?.toISOString() });
    const values = {
      status: dead ? 'dead' : 'retrying',
      attempts,
      last_attempt_at: now,
      next_attempt_at: next,
      last_error: message,
      dead_at: dead ? now : null,
    };
    await db
      .insertInto('platform.outbox_delivery')
      .values({ event_id: row.id, subscriber: target.name, delivered_at: null, ...values })
      .onConflict((oc) =>
        oc
          .columns(['event_id', 'subscriber'])
          .doUpdateSet(values)
          // Another dispatcher may have delivered it meanwhile: a success is never undone.
          .where(sql<boolean>`outbox_delivery.status <> 'delivered'`),
      )
      .execute();
    count(target.name, 'failed');
    if (dead) count(target.name, 'dead');
    return dead;
  }

  async function drainOnce(signal: AbortSignal): Promise<DrainResult> {
    const result: DrainResult = { delivered: 0, failed: 0, dead: 0, waiting: 0 };
    // Per target, the aggregates whose earlier event it does not have yet: later ones wait.
    const blocked = new Map<string, Set<string>>();
    const isBlocked = (target: string, aggregate: string) => blocked.get(target)?.has(aggregate) ?? false;
    const block = (target: string, aggregate: string) => {
      const set = blocked.get(target) ?? new Set<string>();
      set.add(aggregate);
      blocked.set(target, set);
    };
    // One pass over every pending event, page by page (keyset on seq), so that events held
    // back behind a dead letter cannot fill a page and starve the ones after them.
    let after = '0';
    for (;;) {
      const rows = (await db
        .selectFrom('platform.outbox')
        .select(OUTBOX_COLUMNS)
        .where('processed_at', 'is', null)
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(batchSize)
        .execute()) as OutboxRow[];
      if (rows.length === 0) return result;
      const states = new Map<string, DeliveryState>();
      const stateRows = await db
        .selectFrom('platform.outbox_delivery')
        .select(['event_id', 'subscriber', 'status', 'attempts', 'next_attempt_at'])
        .where(
          'event_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
      for (const s of stateRows) states.set(`${s.event_id} ${s.subscriber}`, s as DeliveryState);

      for (const row of rows) {
        if (signal.aborted) return result;
        const event = envelopeOf(row);
        let complete = true;
        for (const target of targetsOf(row.type)) {
          const state = states.get(`${row.id} ${target.name}`);
          if (state?.status === 'delivered') continue;
          const notDue =
            state?.status === 'retrying' &&
            state.next_attempt_at !== null &&
            new Date(state.next_attempt_at).getTime() > clock.now().getTime();
          const notReady = target.kind === 'transport' && target.transport.ready?.() === false;
          if (isBlocked(target.name, row.aggregate_id) || state?.status === 'dead' || notDue || notReady) {
            block(target.name, row.aggregate_id);
            complete = false;
            continue;
          }
          try {
            if (target.kind === 'subscriber') await runSubscriber(target, row, event);
            else {
              await target.transport.send(event);
              await markDelivered(db, row.id, target.name, clock.now());
            }
            count(target.name, 'delivered');
          } catch (err) {
            result.failed++;
            if (await recordFailure(row, target, state?.attempts ?? 0, err)) result.dead++;
            block(target.name, row.aggregate_id);
            complete = false;
          }
        }
        if (complete) {
          await db
            .updateTable('platform.outbox')
            .set({ processed_at: clock.now() })
            .where('id', '=', row.id)
            .execute();
          result.delivered++;
        } else {
          result.waiting++;
        }
      }
      if (rows.length < batchSize) return result;
      after = rows.at(-1)?.seq ?? after;
    }
  }

  const loop = createWakeLoop({ name: 'event dispatcher', db, log, pollMs, work: drainOnce });

  return {
    subscribe: subscribe as EventBus['subscribe'],
    addTransport(transport) {
      if (subscriberTypes.has(transport.name)) throw new Error(`${transport.name} is a subscriber`);
      register(transport.name, transport.name);
      transports.push(transport);
    },
    targets() {
      return [
        ...[...subscriberTypes].map(
          ([name, types]): EventTarget => ({
            name,
            kind: 'subscriber',
            types: [...types].sort(),
            ready: true,
            maxAttempts: Math.max(
              ...[...types].map(
                (type) => subscriptions.get(type)?.find((s) => s.name === name)?.maxAttempts ?? 0,
              ),
            ),
          }),
        ),
        ...transports.map(
          (t): EventTarget => ({
            name: t.name,
            kind: 'transport',
            types: 'all',
            ready: t.ready?.() ?? true,
            maxAttempts: t.maxAttempts ?? defaultMaxAttempts,
          }),
        ),
      ];
    },
    counters: () =>
      [...counts.values()].map((c) => ({ ...c })).sort((a, b) => a.target.localeCompare(b.target)),
    drain: loop.run,
    start() {
      if (loop.started) return;
      log.info('event dispatcher started', {
        host: hostname(),
        pollMs,
        transports: transports.map((t) => t.name),
      });
      loop.start();
    },
    async stop() {
      await loop.stop();
      for (const t of transports) await t.close();
    },
  };
}

/**
 * Marks (event, target) delivered unless it already is; true when this call did it. On a
 * retrying or dead row (a replay) the attempt is counted.
 */
async function markDelivered(db: Db, eventId: string, target: string, now: Date): Promise<boolean> {
  const row = await db
    .insertInto('platform.outbox_delivery')
    .values({
      event_id: eventId,
      subscriber: target,
      status: 'delivered',
      attempts: 1,
      last_attempt_at: now,
      delivered_at: now,
    })
    .onConflict((oc) =>
      oc
        .columns(['event_id', 'subscriber'])
        .doUpdateSet({
          status: 'delivered',
          attempts: sql`outbox_delivery.attempts + 1`,
          last_attempt_at: now,
          delivered_at: now,
          next_attempt_at: null,
          dead_at: null,
        })
        .where(sql<boolean>`outbox_delivery.status <> 'delivered'`),
    )
    .returning('subscriber')
    .executeTakeFirst();
  return row !== undefined;
}
