import { sql } from 'kysely';
import { type Ctx, type Db, inTransaction } from '../context.ts';
import type { EventEnvelope } from './define-event.ts';
import type { EventTarget } from './event-bus.ts';
import { envelopeOf, OUTBOX_COLUMNS, type OutboxRow } from './outbox-rows.ts';

/**
 * Reads and repairs of the outbox for operations (the admin console and the metrics):
 * the state of each (event, target), dead letters and their replay, and lag per target.
 * Domain-free: callers check permissions and map to response shapes.
 */
export type DeliveryStatus = 'delivered' | 'retrying' | 'dead';

export type TargetDelivery = {
  target: string;
  status: DeliveryStatus;
  attempts: number;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  deadAt: Date | null;
  lastError: string | null;
  replays: number;
};

export type OutboxEvent = EventEnvelope & { seq: string; processedAt: Date | null };

export type DeadDelivery = TargetDelivery & { event: OutboxEvent };

export type DeadLetterRef = { eventId: string; target: string };

export type TargetLag = {
  target: string;
  kind: EventTarget['kind'];
  ready: boolean;
  /** Events of its types it does not have yet (waiting, retrying or dead). */
  undelivered: number;
  retrying: number;
  dead: number;
  /** When the oldest event it does not have yet happened; null when it is up to date. */
  oldestUndeliveredAt: Date | null;
};

type DeliveryRow = {
  event_id: string;
  subscriber: string;
  status: DeliveryStatus;
  attempts: number;
  last_attempt_at: Date | string | null;
  next_attempt_at: Date | string | null;
  delivered_at: Date | string | null;
  dead_at: Date | string | null;
  last_error: string | null;
  replays: number;
};

const date = (v: Date | string | null | undefined): Date | null => (v == null ? null : new Date(v));

function toDelivery(r: DeliveryRow): TargetDelivery {
  return {
    target: r.subscriber,
    status: r.status,
    attempts: r.attempts,
    lastAttemptAt: date(r.last_attempt_at),
    nextAttemptAt: date(r.next_attempt_at),
    deliveredAt: date(r.delivered_at),
    deadAt: date(r.dead_at),
    lastError: r.last_error,
    replays: r.replays,
  };
}

function toEvent(r: OutboxRow): OutboxEvent {
  return { ...envelopeOf(r), seq: r.seq, processedAt: date(r.processed_at) };
}

const EVENT_COLUMNS = [...OUTBOX_COLUMNS.map((c) => `o.${c}` as const), 'o.processed_at'] as const;

export type EventFilter = {
  type?: string | undefined;
  aggregateId?: string | undefined;
  /** `pending`: some target does not have it yet. */
  state?: 'pending' | 'processed' | undefined;
  /** The seq of the last event of the previous page (newest first). */
  cursor?: string | undefined;
  limit?: number | undefined;
};

/** Events newest first, each with its (event, target) rows. */
export async function listOutboxEvents(
  db: Db,
  filter: EventFilter,
): Promise<{ items: (OutboxEvent & { deliveries: TargetDelivery[] })[]; nextCursor: string | null }> {
  const limit = filter.limit ?? 50;
  let q = db.selectFrom('platform.outbox as o').select(EVENT_COLUMNS);
  if (filter.type) q = q.where('o.type', '=', filter.type);
  if (filter.aggregateId) q = q.where('o.aggregate_id', '=', filter.aggregateId);
  if (filter.state === 'pending') q = q.where('o.processed_at', 'is', null);
  if (filter.state === 'processed') q = q.where('o.processed_at', 'is not', null);
  if (filter.cursor) q = q.where('o.seq', '<', filter.cursor);
  const rows = (await q
    .orderBy('o.seq', 'desc')
    .limit(limit + 1)
    .execute()) as OutboxRow[];
  const page = rows.slice(0, limit);
  const deliveries = await deliveriesOf(
    db,
    page.map((r) => r.id),
  );
  return {
    items: page.map((r) => ({ ...toEvent(r), deliveries: deliveries.get(r.id) ?? [] })),
    nextCursor: rows.length > limit ? (page.at(-1)?.seq ?? null) : null,
  };
}

export async function findOutboxEvent(
  db: Db,
  id: string,
): Promise<(OutboxEvent & { deliveries: TargetDelivery[] }) | undefined> {
  const row = (await db
    .selectFrom('platform.outbox as o')
    .select(EVENT_COLUMNS)
    .where('o.id', '=', id)
    .executeTakeFirst()) as OutboxRow | undefined;
  if (!row) return undefined;
  return { ...toEvent(row), deliveries: (await deliveriesOf(db, [id])).get(id) ?? [] };
}

async function deliveriesOf(db: Db, ids: string[]): Promise<Map<string, TargetDelivery[]>> {
  const out = new Map<string, TargetDelivery[]>();
  if (ids.length === 0) return out;
  const rows = (await db
    .selectFrom('platform.outbox_delivery')
    .selectAll()
    .where('event_id', 'in', ids)
    .orderBy('subscriber')
    .execute()) as DeliveryRow[];
  for (const r of rows) out.set(r.event_id, [...(out.get(r.event_id) ?? []), toDelivery(r)]);
  return out;
}

export type DeadFilter = {
  target?: string | undefined;
  type?: string | undefined;
  /** The seq of the last event of the previous page (oldest first: the order a replay delivers). */
  cursor?: string | undefined;
  limit?: number | undefined;
};

export async function listDeadDeliveries(
  db: Db,
  filter: DeadFilter,
): Promise<{ items: DeadDelivery[]; nextCursor: string | null }> {
  const limit = filter.limit ?? 50;
  let q = db
    .selectFrom('platform.outbox_delivery as d')
    .innerJoin('platform.outbox as o', 'o.id', 'd.event_id')
    .selectAll('d')
    .select(EVENT_COLUMNS)
    .where('d.status', '=', 'dead');
  if (filter.target) q = q.where('d.subscriber', '=', filter.target);
  if (filter.type) q = q.where('o.type', '=', filter.type);
  if (filter.cursor) {
    const [seq, target] = filter.cursor.split(' ');
    q = q.where(sql<boolean>`(o.seq, d.subscriber) > (${seq}::bigint, ${target ?? ''})`);
  }
  const rows = (await q
    .orderBy('o.seq')
    .orderBy('d.subscriber')
    .limit(limit + 1)
    .execute()) as (DeliveryRow & OutboxRow)[];
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({ ...toDelivery(r), event: toEvent(r) })),
    nextCursor: rows.length > limit && last ? `${last.seq} ${last.subscriber}` : null,
  };
}

/**
 * Puts dead deliveries back in the queue, due now, with a fresh attempt budget. The dispatcher
 * then sends them in the aggregate's order, and the events that waited behind them follow.
 * Returns how many were dead and are now queued (others are left alone).
 */
export async function replayDeadDeliveries(ctx: Ctx, refs: readonly DeadLetterRef[]): Promise<number> {
  if (refs.length === 0) return 0;
  return inTransaction(ctx, async (tx) => {
    let count = 0;
    // One statement per target keeps the parameter lists short and the SQL plain.
    const byTarget = new Map<string, string[]>();
    for (const r of refs) byTarget.set(r.target, [...(byTarget.get(r.target) ?? []), r.eventId]);
    for (const [target, eventIds] of byTarget) {
      const result = await requeue(tx.db, tx.now)
        .where('subscriber', '=', target)
        .where('event_id', 'in', eventIds)
        .executeTakeFirst();
      count += Number(result.numUpdatedRows);
    }
    return count;
  });
}

/** Replays every dead delivery matching the filter (all when empty). */
export async function replayAllDeadDeliveries(
  ctx: Ctx,
  filter: { target?: string | undefined; type?: string | undefined },
): Promise<number> {
  return inTransaction(ctx, async (tx) => {
    let q = requeue(tx.db, tx.now);
    if (filter.target) q = q.where('subscriber', '=', filter.target);
    if (filter.type) {
      const ofType = tx.db.selectFrom('platform.outbox').select('id').where('type', '=', filter.type);
      q = q.where('event_id', 'in', ofType);
    }
    return Number((await q.executeTakeFirst()).numUpdatedRows);
  });
}

function requeue(db: Db, now: Date) {
  return db
    .updateTable('platform.outbox_delivery')
    .set({
      status: 'retrying',
      attempts: 0,
      next_attempt_at: now,
      dead_at: null,
      replays: sql`replays + 1`,
    })
    .where('status', '=', 'dead');
}

/** Lag and failures per target of the bus. */
export async function outboxLag(db: Db, targets: readonly EventTarget[]): Promise<TargetLag[]> {
  const out: TargetLag[] = [];
  for (const target of targets) {
    let q = db
      .selectFrom('platform.outbox as o')
      .leftJoin('platform.outbox_delivery as d', (join) =>
        join.onRef('d.event_id', '=', 'o.id').on('d.subscriber', '=', target.name),
      )
      .select([
        sql<string>`count(*)`.as('undelivered'),
        sql<string>`count(*) filter (where d.status = 'retrying')`.as('retrying'),
        sql<string>`count(*) filter (where d.status = 'dead')`.as('dead'),
        sql<Date | string | null>`min(o.occurred_at)`.as('oldest'),
      ])
      .where('o.processed_at', 'is', null)
      .where((eb) => eb.or([eb('d.status', 'is', null), eb('d.status', '<>', 'delivered')]));
    if (target.types !== 'all') {
      if (target.types.length === 0) continue;
      q = q.where('o.type', 'in', target.types);
    }
    const row = await q.executeTakeFirstOrThrow();
    out.push({
      target: target.name,
      kind: target.kind,
      ready: target.ready,
      undelivered: Number(row.undelivered),
      retrying: Number(row.retrying),
      dead: Number(row.dead),
      oldestUndeliveredAt: date(row.oldest),
    });
  }
  return out;
}

/** The outbox as a whole: events some target does not have yet, and the oldest of them. */
export async function outboxBacklog(db: Db): Promise<{ pending: number; oldestPendingAt: Date | null }> {
  const row = await db
    .selectFrom('platform.outbox')
    .select([sql<string>`count(*)`.as('pending'), sql<Date | string | null>`min(occurred_at)`.as('oldest')])
    .where('processed_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { pending: Number(row.pending), oldestPendingAt: date(row.oldest) };
}
