import { sql } from 'kysely';
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { AppError } from '../errors.ts';
import { newId } from '../ids.ts';
import type { EventDefinition } from './define-event.ts';

/**
 * Writes an event to platform.outbox in the caller's transaction: it is delivered only if that
 * transaction commits (after the commit, at least once).
 *
 * The aggregate's next sequence number is taken here, in the same transaction, from
 * platform.aggregate_sequences: the upsert locks the aggregate's counter row until commit, so
 * two transactions publishing for one aggregate take turns, numbers have no gaps (a rollback
 * returns its number) and the later number always has the later outbox seq.
 */
export async function publish<E extends EventDefinition>(
  ctx: Ctx,
  event: E,
  aggregateId: string,
  payload: z.input<E['schema']>,
): Promise<string> {
  if (!ctx.db.isTransaction) {
    // Outside a transaction the event could go out for a change that then fails (or vice versa).
    throw new AppError(
      'internal',
      'platform.publish_outside_transaction',
      `publish(${event.type}) needs inTransaction`,
    );
  }
  const parsed = event.schema.safeParse(payload);
  if (!parsed.success) {
    throw new AppError(
      'internal',
      'platform.invalid_event_payload',
      `${event.type}: ${z.prettifyError(parsed.error)}`,
    );
  }
  const counter = await ctx.db
    .insertInto('platform.aggregate_sequences')
    .values({ aggregate_id: aggregateId, last_sequence: 1 })
    .onConflict((oc) =>
      oc.column('aggregate_id').doUpdateSet({ last_sequence: sql`aggregate_sequences.last_sequence + 1` }),
    )
    .returning('last_sequence')
    .executeTakeFirstOrThrow();
  const id = newId('evt');
  await ctx.db
    .insertInto('platform.outbox')
    .values({
      id,
      type: event.type,
      version: event.version,
      aggregate_id: aggregateId,
      sequence: counter.last_sequence,
      payload: JSON.stringify(parsed.data),
      actor: JSON.stringify(ctx.actor),
      request_id: ctx.requestId,
      occurred_at: ctx.now,
    })
    .execute();
  return id;
}
