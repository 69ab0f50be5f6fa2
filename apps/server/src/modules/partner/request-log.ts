import type { Ctx } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { assertAuthorized } from '../identity/index.ts';
import * as store from './store.ts';
import type { Page, PartnerSystem, RequestLogEntry, RequestResult } from './types.ts';

export type RefusedRequest = {
  system: PartnerSystem;
  endpoint: string;
  naturalKey: string | null;
  /** The source version, when the body could be read far enough to say. */
  version: string | null;
  status: number;
  code: string | null;
};

/**
 * Logs a refused request of a known API key (bad scope, signature, body, or a write refused by
 * the target module). Outside any transaction, so it stays when the write is rolled back.
 * Requests of unknown keys are not logged: there is no key to show, and anyone could fill the
 * log with them.
 */
export async function recordRefusal(ctx: Ctx, refused: RefusedRequest): Promise<void> {
  const actor = ctx.actor;
  if (actor.kind !== 'api_key') return;
  await store.insertLogEntry(ctx, {
    id: newId('preq'),
    at: ctx.now,
    keyId: actor.keyId,
    orgId: actor.orgId,
    system: refused.system,
    endpoint: refused.endpoint,
    naturalKey: refused.naturalKey,
    version: refused.version,
    result: 'refused',
    status: refused.status,
    code: refused.code,
    requestId: ctx.requestId,
  });
}

export type RequestLogQuery = {
  keyId?: string | undefined;
  system?: PartnerSystem | undefined;
  result?: RequestResult | undefined;
  naturalKey?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
};

/** The partner request log, newest first (admin). */
export async function listPartnerRequests(
  ctx: Ctx,
  query: RequestLogQuery = {},
): Promise<Page<RequestLogEntry>> {
  assertAuthorized(ctx.actor, 'partner_request.read');
  const limit = Math.min(Math.max(query.limit ?? 50, 1), 200);
  const rows = await store.listLogEntries(ctx, {
    keyId: query.keyId,
    system: query.system,
    result: query.result,
    naturalKey: query.naturalKey,
    before: query.cursor,
    limit,
  });
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}
