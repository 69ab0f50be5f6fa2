import type { Actor } from '../actor.ts';
import type { Db } from '../context.ts';
import type { EventEnvelope } from './define-event.ts';

/** A row of platform.outbox as the dispatcher and the console read it. */
export type OutboxRow = {
  seq: string;
  id: string;
  type: string;
  version: number;
  aggregate_id: string;
  sequence: string | number;
  payload: unknown;
  actor: Actor;
  request_id: string;
  occurred_at: Date | string;
  processed_at?: Date | string | null;
};

export const OUTBOX_COLUMNS = [
  'seq',
  'id',
  'type',
  'version',
  'aggregate_id',
  'sequence',
  'payload',
  'actor',
  'request_id',
  'occurred_at',
] as const;

/** The envelope sent to subscribers and transports; the field order is the JSON order. */
export function envelopeOf(row: OutboxRow): EventEnvelope {
  return {
    id: row.id,
    type: row.type,
    version: row.version,
    aggregateId: row.aggregate_id,
    sequence: Number(row.sequence),
    occurredAt: new Date(row.occurred_at).toISOString(),
    actor: row.actor,
    requestId: row.request_id,
    payload: row.payload,
  };
}

/** Envelopes of the given events (those that exist), by id. */
export async function findEnvelopes(db: Db, ids: readonly string[]): Promise<Map<string, EventEnvelope>> {
  if (ids.length === 0) return new Map();
  const rows = (await db
    .selectFrom('platform.outbox')
    .select(OUTBOX_COLUMNS)
    .where('id', 'in', [...new Set(ids)])
    .execute()) as OutboxRow[];
  return new Map(rows.map((r) => [r.id, envelopeOf(r)]));
}
