import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { AppError } from '../errors.ts';
import { newId } from '../ids.ts';
import type { EventDefinition } from './define-event.ts';

/**
 * Writes an event to platform.outbox in the caller's transaction: it is delivered only if that
 * transaction commits (after the commit, at least once).
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
  const id = newId('evt');
  await ctx.db
    .insertInto('platform.outbox')
    .values({
      id,
      type: event.type,
      aggregate_id: aggregateId,
      payload: JSON.stringify(parsed.data),
      actor: JSON.stringify(ctx.actor),
      request_id: ctx.requestId,
      occurred_at: ctx.now,
      next_attempt_at: ctx.now,
    })
    .execute();
  return id;
}
