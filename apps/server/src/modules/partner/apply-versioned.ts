import { createHash } from 'node:crypto';
import { type Ctx, inTransaction } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { canonicalJson, decideVersion, type SourceVersion } from './compare-versions.ts';
import * as store from './store.ts';
import type { PartnerAck, PartnerSystem, RequestResult } from './types.ts';

export type VersionedWrite = {
  system: PartnerSystem;
  /** What the natural key names, e.g. `part`, `part_price`, `lead`. */
  entity: string;
  /** The source's own id: part number, CRM lead id, arrival id, VIN. */
  naturalKey: string;
  /** The source's version of a record; absent for a fact (an arrival, a hand-over), which never changes. */
  version?: SourceVersion | undefined;
  /** The request's content (validated); its canonical hash tells a re-send from a reused version. */
  payload: unknown;
  /** The route, for the log: `PUT /partner/erp/parts/{partNumber}`. */
  endpoint: string;
};

export type VersionedResult = { ack: PartnerAck; result: Exclude<RequestResult, 'refused'> };

/** A fact has one version: sent again it is a duplicate, with other content a conflict. */
const FACT_VERSION: SourceVersion = { kind: 'number', value: 0n, text: 'fact' };

/**
 * The one rule for every partner upsert and fact (compare-versions.ts), in one transaction with
 * the write it guards: the natural key's version row is locked, the decision taken, `apply`
 * runs only for a newer version, and the version, the answer and the log entry are saved with
 * it. `apply` is the target module's write (the flows pass it); it returns the record's id.
 * 409 `partner.version_reused` / `partner.version_kind_changed` for a source that broke the rule,
 * `partner.fact_changed` for a fact sent again with other content.
 */
export async function applyVersioned(
  ctx: Ctx,
  write: VersionedWrite,
  apply: (tx: Ctx) => Promise<{ id: string }>,
): Promise<VersionedResult> {
  const actor = ctx.actor;
  if (actor.kind !== 'api_key') {
    throw new AppError('forbidden', 'identity.forbidden', 'Only partner API keys push facts.');
  }
  const payloadHash = createHash('sha256').update(canonicalJson(write.payload), 'utf8').digest('hex');
  const key = { system: write.system, entity: write.entity, naturalKey: write.naturalKey };
  const version = write.version ?? FACT_VERSION;
  return inTransaction(ctx, async (tx) => {
    const current = await store.lockVersion(tx, key);
    const decision = decideVersion(current.applied, version, payloadHash);
    let outcome: VersionedResult;
    switch (decision.action) {
      case 'conflict':
        if (!write.version) {
          throw new AppError(
            'conflict',
            'partner.fact_changed',
            `${write.entity} ${write.naturalKey} was recorded with other content; a fact does not change (send a new one).`,
          );
        }
        throw new AppError(
          'conflict',
          `partner.${decision.reason}`,
          decision.reason === 'version_reused'
            ? `Version ${version.text} of ${write.entity} ${write.naturalKey} was already applied with other content; send a new version.`
            : `${write.entity} ${write.naturalKey} is versioned by ${current.applied?.kind === 'time' ? 'time' : 'counter'}; keep sending that kind.`,
          { extra: { appliedVersion: current.applied?.text ?? null } },
        );
      case 'duplicate':
        // The answer given when this version was applied, word for word.
        outcome = {
          ack: current.answer ?? staleAck(write, version, current.applied?.text ?? version.text, null),
          result: 'duplicate',
        };
        break;
      case 'stale':
        outcome = {
          ack: staleAck(write, version, current.applied?.text ?? '', current.answer?.id ?? null),
          result: 'stale',
        };
        break;
      case 'apply': {
        const { id } = await apply(tx);
        const ack: PartnerAck = {
          applied: true,
          entity: write.entity,
          naturalKey: write.naturalKey,
          version: version.text,
          id,
        };
        await store.saveVersion(tx, key, { ...version, payloadHash }, ack, actor.keyId);
        outcome = { ack, result: 'applied' };
        break;
      }
    }
    await store.insertLogEntry(tx, {
      id: newId('preq'),
      at: tx.now,
      keyId: actor.keyId,
      orgId: actor.orgId,
      system: write.system,
      endpoint: write.endpoint,
      naturalKey: write.naturalKey,
      version: version.text,
      result: outcome.result,
      status: 200,
      code: null,
      requestId: tx.requestId,
    });
    return outcome;
  });
}

function staleAck(
  write: VersionedWrite,
  version: SourceVersion,
  appliedVersion: string,
  id: string | null,
): PartnerAck {
  return {
    applied: false,
    reason: 'stale',
    entity: write.entity,
    naturalKey: write.naturalKey,
    version: version.text,
    appliedVersion,
    id,
  };
}
