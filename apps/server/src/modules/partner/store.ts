import type { Ctx } from '../../platform/context.ts';
import type { AppliedVersion } from './compare-versions.ts';
import type { PartnerDb } from './tables.ts';
import type { PartnerAck, PartnerSystem, RequestLogEntry, RequestResult } from './types.ts';

/** The only file of this module with SQL, and only schema `partner`. */
const db = (ctx: Ctx): PartnerDb => ctx.db;

const toDate = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

// ---------------------------------------------------------------- signing secrets

export async function insertSigningSecret(ctx: Ctx, keyId: string, sealed: string): Promise<void> {
  await db(ctx)
    .insertInto('partner.signing_secrets')
    .values({ key_id: keyId, sealed, created_at: ctx.now })
    .execute();
}

export async function findSigningSecret(ctx: Ctx, keyId: string): Promise<string | undefined> {
  const row = await db(ctx)
    .selectFrom('partner.signing_secrets')
    .select('sealed')
    .where('key_id', '=', keyId)
    .executeTakeFirst();
  return row?.sealed;
}

// ---------------------------------------------------------------- seen signatures

/** Records an accepted signature; false when it was already there (a replay). One statement. */
export async function rememberSignature(
  ctx: Ctx,
  keyId: string,
  signature: string,
  expiresAt: Date,
): Promise<boolean> {
  const rows = await db(ctx)
    .insertInto('partner.seen_signatures')
    .values({ key_id: keyId, signature, expires_at: expiresAt })
    .onConflict((oc) => oc.columns(['key_id', 'signature']).doNothing())
    .returning('key_id')
    .execute();
  return rows.length > 0;
}

export async function forgetExpiredSignatures(ctx: Ctx, now: Date): Promise<void> {
  await db(ctx).deleteFrom('partner.seen_signatures').where('expires_at', '<', now).execute();
}

// ---------------------------------------------------------------- source versions

export type VersionKey = { system: PartnerSystem; entity: string; naturalKey: string };
export type VersionRow = { applied: AppliedVersion | undefined; answer: PartnerAck | undefined };

/**
 * The version row of a natural key, locked for this transaction. It is created first (empty)
 * when missing, so two requests for one new key queue on the row instead of racing to insert.
 */
export async function lockVersion(ctx: Ctx, key: VersionKey): Promise<VersionRow> {
  await db(ctx)
    .insertInto('partner.source_versions')
    .values({ system: key.system, entity: key.entity, natural_key: key.naturalKey })
    .onConflict((oc) => oc.columns(['system', 'entity', 'natural_key']).doNothing())
    .execute();
  const row = await db(ctx)
    .selectFrom('partner.source_versions')
    .selectAll()
    .where('system', '=', key.system)
    .where('entity', '=', key.entity)
    .where('natural_key', '=', key.naturalKey)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (row.version === null || row.version_kind === null) return { applied: undefined, answer: undefined };
  return {
    applied: {
      kind: row.version_kind as AppliedVersion['kind'],
      value: BigInt(row.version),
      text: row.version_text ?? String(row.version),
      payloadHash: row.payload_hash ?? '',
    },
    answer: row.answer === null ? undefined : json<PartnerAck>(row.answer),
  };
}

export async function saveVersion(
  ctx: Ctx,
  key: VersionKey,
  applied: AppliedVersion,
  answer: PartnerAck,
  keyId: string,
): Promise<void> {
  await db(ctx)
    .updateTable('partner.source_versions')
    .set({
      version_kind: applied.kind,
      version: applied.value.toString(),
      version_text: applied.text,
      payload_hash: applied.payloadHash,
      answer: JSON.stringify(answer),
      key_id: keyId,
      applied_at: ctx.now,
    })
    .where('system', '=', key.system)
    .where('entity', '=', key.entity)
    .where('natural_key', '=', key.naturalKey)
    .execute();
}

// ---------------------------------------------------------------- request log

export async function insertLogEntry(ctx: Ctx, entry: RequestLogEntry): Promise<void> {
  await db(ctx)
    .insertInto('partner.request_log')
    .values({
      id: entry.id,
      at: entry.at,
      key_id: entry.keyId,
      org_id: entry.orgId,
      system: entry.system,
      endpoint: entry.endpoint,
      natural_key: entry.naturalKey,
      version: entry.version,
      result: entry.result,
      status: entry.status,
      code: entry.code,
      request_id: entry.requestId,
    })
    .execute();
}

export type LogFilter = {
  keyId?: string | undefined;
  system?: PartnerSystem | undefined;
  result?: RequestResult | undefined;
  naturalKey?: string | undefined;
  before?: string | undefined;
  limit: number;
};

/** Newest first; one row more than `limit` tells the caller there is a next page. */
export async function listLogEntries(ctx: Ctx, f: LogFilter): Promise<RequestLogEntry[]> {
  let q = db(ctx).selectFrom('partner.request_log').selectAll();
  if (f.keyId !== undefined) q = q.where('key_id', '=', f.keyId);
  if (f.system !== undefined) q = q.where('system', '=', f.system);
  if (f.result !== undefined) q = q.where('result', '=', f.result);
  if (f.naturalKey !== undefined) q = q.where('natural_key', '=', f.naturalKey);
  if (f.before !== undefined) q = q.where('id', '<', f.before);
  const rows = await q
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: toDate(r.at),
    keyId: r.key_id,
    orgId: r.org_id,
    system: r.system as PartnerSystem,
    endpoint: r.endpoint,
    naturalKey: r.natural_key,
    version: r.version,
    result: r.result as RequestResult,
    status: r.status,
    code: r.code,
    requestId: r.request_id,
  }));
}
