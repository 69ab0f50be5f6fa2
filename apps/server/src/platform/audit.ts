import { actorId, actorOrgId } from './actor.ts';
import type { Ctx } from './context.ts';
import { newId } from './ids.ts';

/**
 * An append-only record of who did what. Written in the caller's transaction, so an audited
 * change and its audit row commit together. Actor and request id come from ctx.
 */
export type AuditEntryInput = {
  action: string;
  targetType: string;
  targetId: string;
  /** The organisation the target belongs to; defaults to the actor's. */
  orgId?: string | null;
  data?: Record<string, unknown>;
};

export async function recordAudit(ctx: Ctx, entry: AuditEntryInput): Promise<string> {
  const id = newId('aud');
  await ctx.db
    .insertInto('platform.audit_log')
    .values({
      id,
      at: ctx.now,
      actor_kind: ctx.actor.kind,
      actor_id: actorId(ctx.actor),
      org_id: entry.orgId === undefined ? actorOrgId(ctx.actor) : entry.orgId,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId,
      request_id: ctx.requestId,
      data: JSON.stringify(entry.data ?? {}),
    })
    .execute();
  return id;
}
