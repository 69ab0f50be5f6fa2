import { type Selectable, sql } from 'kysely';
import type { Ctx, Db } from '../../platform/context.ts';
import type { IntegrationDb, WebhookDeliveriesTable, WebhookEndpointsTable } from './tables.ts';
import type { Page, WebhookDelivery, WebhookDeliveryStatus, WebhookEndpoint, WebhookLag } from './types.ts';

/** The only file of this module with SQL, and only schema `integration`. */
const db = (ctx: Ctx | { db: Db }): IntegrationDb => ctx.db;

const toDate = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));
const toDateOrNull = (v: Date | string | null | undefined): Date | null => (v == null ? null : toDate(v));

/** A unique index refused the write (SQLSTATE 23505, from pg and PGlite alike). */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';
}

// ---------------------------------------------------------------- endpoints

export type EndpointRow = Selectable<WebhookEndpointsTable>;

export function toEndpoint(row: EndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    url: row.url,
    eventTypes: row.event_types,
    active: row.active,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
    secretRotatedAt: toDateOrNull(row.secret_rotated_at),
    secretPrefix: row.secret.slice(0, 10),
  };
}

export type NewEndpointRow = {
  id: string;
  name: string;
  description: string | null;
  url: string;
  eventTypes: string[];
  secret: string;
  active: boolean;
  createdBy: string | null;
  now: Date;
};

export async function insertEndpoint(ctx: Ctx, e: NewEndpointRow): Promise<void> {
  await db(ctx)
    .insertInto('integration.webhook_endpoints')
    .values({
      id: e.id,
      name: e.name,
      description: e.description,
      url: e.url,
      event_types: e.eventTypes,
      secret: e.secret,
      active: e.active,
      created_at: e.now,
      created_by: e.createdBy,
      updated_at: e.now,
    })
    .execute();
}

export type EndpointPatch = {
  name?: string | undefined;
  description?: string | null | undefined;
  url?: string | undefined;
  eventTypes?: string[] | undefined;
  active?: boolean | undefined;
  secret?: string | undefined;
};

export async function updateEndpoint(ctx: Ctx, id: string, patch: EndpointPatch): Promise<void> {
  await db(ctx)
    .updateTable('integration.webhook_endpoints')
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.url !== undefined ? { url: patch.url } : {}),
      ...(patch.eventTypes !== undefined ? { event_types: patch.eventTypes } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
      ...(patch.secret !== undefined ? { secret: patch.secret, secret_rotated_at: ctx.now } : {}),
      updated_at: ctx.now,
    })
    .where('id', '=', id)
    .execute();
}

export async function findEndpointRow(ctx: Ctx, id: string): Promise<EndpointRow | undefined> {
  return db(ctx)
    .selectFrom('integration.webhook_endpoints')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listEndpointRows(ctx: Ctx): Promise<EndpointRow[]> {
  return db(ctx)
    .selectFrom('integration.webhook_endpoints')
    .selectAll()
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function listActiveEndpointPatterns(ctx: Ctx): Promise<{ id: string; event_types: string[] }[]> {
  return db(ctx)
    .selectFrom('integration.webhook_endpoints')
    .select(['id', 'event_types'])
    .where('active', '=', true)
    .orderBy('id')
    .execute();
}

// ---------------------------------------------------------------- deliveries

export type NewDeliveryRow = {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  aggregateId: string;
  sequence: number;
  now: Date;
};

/** One row per (endpoint, event); a second fan-out of the same event adds nothing. */
export async function insertDeliveries(ctx: Ctx, rows: NewDeliveryRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db(ctx)
    .insertInto('integration.webhook_deliveries')
    .values(
      rows.map((r) => ({
        id: r.id,
        endpoint_id: r.endpointId,
        event_id: r.eventId,
        event_type: r.eventType,
        aggregate_id: r.aggregateId,
        sequence: r.sequence,
        status: 'pending' as const,
        next_attempt_at: r.now,
        created_at: r.now,
      })),
    )
    .onConflict((oc) => oc.columns(['endpoint_id', 'event_id']).doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}

export type ClaimedDelivery = {
  id: string;
  endpoint_id: string;
  event_id: string;
  attempts: number;
  url: string;
  secret: string;
};

/**
 * Takes up to `limit` due deliveries of active endpoints whose earlier deliveries of the same
 * (endpoint, aggregate) are all delivered, leases them until `leaseUntil` and counts the attempt.
 * SKIP LOCKED: two workers never take the same one.
 */
export async function claimDueDeliveries(
  root: Db,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<ClaimedDelivery[]> {
  const result = await sql<ClaimedDelivery>`
    with due as (
      select c.id
        from integration.webhook_deliveries c
        join integration.webhook_endpoints e on e.id = c.endpoint_id and e.active
       where c.status = 'pending'
         and c.next_attempt_at <= ${now}
         and (c.lease_until is null or c.lease_until < ${now})
         and not exists (
           select 1 from integration.webhook_deliveries p
            where p.endpoint_id = c.endpoint_id
              and p.aggregate_id = c.aggregate_id
              and p.status <> 'delivered'
              and p.sequence < c.sequence)
       order by c.next_attempt_at, c.sequence
       limit ${limit}
       for update of c skip locked),
    claimed as (
      update integration.webhook_deliveries d
         set lease_until = ${leaseUntil}, attempts = d.attempts + 1, last_attempt_at = ${now}
        from due
       where d.id = due.id
      returning d.id, d.endpoint_id, d.event_id, d.attempts)
    select claimed.*, e.url, e.secret
      from claimed join integration.webhook_endpoints e on e.id = claimed.endpoint_id`.execute(root);
  return result.rows;
}

export async function markDeliverySent(root: Db, id: string, now: Date, status: number): Promise<void> {
  await db({ db: root })
    .updateTable('integration.webhook_deliveries')
    .set({ status: 'delivered', delivered_at: now, lease_until: null, last_status: status })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

export async function markDeliveryFailed(
  root: Db,
  id: string,
  outcome: { now: Date; dead: boolean; nextAttemptAt: Date; status: number | null; error: string },
): Promise<void> {
  await db({ db: root })
    .updateTable('integration.webhook_deliveries')
    .set({
      status: outcome.dead ? 'dead' : 'pending',
      dead_at: outcome.dead ? outcome.now : null,
      next_attempt_at: outcome.nextAttemptAt,
      lease_until: null,
      last_status: outcome.status,
      last_error: outcome.error.slice(0, 2000),
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

type DeliveryRow = Selectable<WebhookDeliveriesTable> & { endpoint_name: string };

function toDelivery(r: DeliveryRow): WebhookDelivery {
  return {
    id: r.id,
    endpointId: r.endpoint_id,
    endpointName: r.endpoint_name,
    eventId: r.event_id,
    eventType: r.event_type,
    aggregateId: r.aggregate_id,
    sequence: Number(r.sequence),
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.status === 'pending' ? toDate(r.next_attempt_at) : null,
    lastAttemptAt: toDateOrNull(r.last_attempt_at),
    lastStatus: r.last_status,
    lastError: r.last_error,
    deliveredAt: toDateOrNull(r.delivered_at),
    deadAt: toDateOrNull(r.dead_at),
    replays: r.replays,
    createdAt: toDate(r.created_at),
  };
}

export type DeliveryFilter = {
  endpointId?: string | undefined;
  status?: WebhookDeliveryStatus | undefined;
  /** Pending deliveries that failed at least once. */
  failing?: boolean | undefined;
  eventId?: string | undefined;
  eventType?: string | undefined;
  aggregateId?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
  /** newest first (default), or oldest first (the dead-letter list: the order a replay sends). */
  order?: 'newest' | 'oldest';
};

export async function listDeliveries(ctx: Ctx, f: DeliveryFilter): Promise<Page<WebhookDelivery>> {
  const limit = f.limit ?? 50;
  const newest = (f.order ?? 'newest') === 'newest';
  let q = db(ctx)
    .selectFrom('integration.webhook_deliveries as d')
    .innerJoin('integration.webhook_endpoints as e', 'e.id', 'd.endpoint_id')
    .selectAll('d')
    .select('e.name as endpoint_name');
  if (f.endpointId) q = q.where('d.endpoint_id', '=', f.endpointId);
  if (f.status) q = q.where('d.status', '=', f.status);
  if (f.failing) q = q.where('d.status', '=', 'pending').where('d.attempts', '>', 0);
  if (f.eventId) q = q.where('d.event_id', '=', f.eventId);
  if (f.eventType) q = q.where('d.event_type', '=', f.eventType);
  if (f.aggregateId) q = q.where('d.aggregate_id', '=', f.aggregateId);
  if (f.cursor) q = q.where('d.id', newest ? '<' : '>', f.cursor);
  const rows = await q
    .orderBy('d.id', newest ? 'desc' : 'asc')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit).map(toDelivery);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}

/** Back in the queue, due now, with a fresh attempt budget; only dead ones. */
export async function requeueDead(
  ctx: Ctx,
  filter: { ids?: string[]; endpointId?: string | undefined; eventType?: string | undefined },
): Promise<number> {
  let q = db(ctx)
    .updateTable('integration.webhook_deliveries')
    .set({
      status: 'pending',
      attempts: 0,
      next_attempt_at: ctx.now,
      dead_at: null,
      lease_until: null,
      replays: sql`replays + 1`,
    })
    .where('status', '=', 'dead');
  if (filter.ids) {
    if (filter.ids.length === 0) return 0;
    q = q.where('id', 'in', filter.ids);
  }
  if (filter.endpointId) q = q.where('endpoint_id', '=', filter.endpointId);
  if (filter.eventType) q = q.where('event_type', '=', filter.eventType);
  return Number((await q.executeTakeFirst()).numUpdatedRows);
}

export async function lagByEndpoint(ctx: Ctx): Promise<WebhookLag[]> {
  const rows = await db(ctx)
    .selectFrom('integration.webhook_endpoints as e')
    .leftJoin('integration.webhook_deliveries as d', 'd.endpoint_id', 'e.id')
    .select([
      'e.id',
      'e.name',
      'e.active',
      sql<string>`count(d.id) filter (where d.status <> 'delivered')`.as('undelivered'),
      sql<string>`count(d.id) filter (where d.status = 'pending' and d.attempts > 0)`.as('retrying'),
      sql<string>`count(d.id) filter (where d.status = 'dead')`.as('dead'),
      sql<Date | string | null>`min(d.created_at) filter (where d.status <> 'delivered')`.as('oldest'),
      sql<Date | string | null>`max(d.delivered_at)`.as('last_delivered'),
    ])
    .groupBy(['e.id', 'e.name', 'e.active'])
    .orderBy('e.name')
    .execute();
  return rows.map((r) => ({
    endpointId: r.id,
    name: r.name,
    active: r.active,
    undelivered: Number(r.undelivered),
    retrying: Number(r.retrying),
    dead: Number(r.dead),
    oldestUndeliveredAt: toDateOrNull(r.oldest),
    lastDeliveredAt: toDateOrNull(r.last_delivered),
  }));
}
