import { actorId } from '../../platform/actor.ts';
import type { Ctx } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import * as store from './store.ts';
import type { Order, TimelineEntry, TimelineKind } from './types.ts';

export type TimelineInput = {
  kind: TimelineKind;
  /** Codes and amounts the web renders in either language; never display text. */
  data?: Record<string, unknown>;
  estimatedAt?: Date | null;
  at?: Date;
};

/** One entry on the order's timeline, in the caller's transaction. */
export async function recordTimeline(
  ctx: Ctx,
  order: Pick<Order, 'id' | 'state'>,
  input: TimelineInput,
): Promise<TimelineEntry> {
  const entry: TimelineEntry = {
    id: newId('tle'),
    orderId: order.id,
    at: input.at ?? ctx.now,
    kind: input.kind,
    state: order.state,
    data: input.data ?? {},
    actorKind: ctx.actor.kind,
    actorId: actorId(ctx.actor),
    estimatedAt: input.estimatedAt ?? null,
  };
  await store.insertTimelineEntry(ctx, entry);
  return entry;
}
