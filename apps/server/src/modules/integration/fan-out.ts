import type { Ctx } from '../../platform/context.ts';
import type { EventEnvelope } from '../../platform/events/define-event.ts';
import { newId } from '../../platform/ids.ts';
import { matchesAnyEventType } from './match-event-type.ts';
import * as store from './store.ts';

/** The in-process subscriber that turns an outbox event into webhook deliveries. */
export const FAN_OUT_SUBSCRIBER = 'integration.webhooks';

/**
 * One delivery row per active endpoint whose patterns match, in the dispatcher's transaction
 * for this subscriber (so each event is fanned out once, even across crashes). The event's
 * sequence is copied so the worker can keep each aggregate's order per endpoint. Endpoints that are
 * inactive now get nothing for this event, also if they are activated later.
 */
export async function fanOutToWebhooks(ctx: Ctx, event: EventEnvelope): Promise<number> {
  const endpoints = await store.listActiveEndpointPatterns(ctx);
  const rows = endpoints
    .filter((e) => matchesAnyEventType(e.event_types, event.type))
    .map((e) => ({
      id: newId('whd'),
      endpointId: e.id,
      eventId: event.id,
      eventType: event.type,
      aggregateId: event.aggregateId,
      sequence: event.sequence,
      now: ctx.now,
    }));
  return store.insertDeliveries(ctx, rows);
}
