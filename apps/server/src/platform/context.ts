// biome-ignore-all lint/suspicious/noExplicitAny: the root db is shared by every module's own table types
import type { Kysely } from 'kysely';
import type { Actor } from './actor.ts';
import type { Clock } from './clock.ts';
import { notifyCommitted } from './db/after-commit.ts';
import { newId } from './ids.ts';
import type { Logger } from './log.ts';

/**
 * The context passed first to every call: which database handle (root or transaction), who is
 * acting, the request id for logs and audit, and the time of the request. Explicit so that
 * transactions are visible in signatures.
 */
export type Db = Kysely<any>;

export type Ctx = {
  db: Db;
  actor: Actor;
  requestId: string;
  now: Date;
  log: Logger;
};

/**
 * Runs `fn` in a transaction. Reuses the caller's transaction when `ctx.db` already is one, so
 * functions compose; after the outermost commit it wakes the outbox dispatcher.
 */
export async function inTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return fn(ctx);
  const root = ctx.db;
  const result = await root.transaction().execute((tx) => fn({ ...ctx, db: tx }));
  notifyCommitted(root);
  return result;
}

/** A context for work that no person started (start-up, worker, dispatcher, scripts). */
export function systemCtx(deps: { db: Db; log: Logger; clock: Clock }, name: string): Ctx {
  const requestId = newId('sys');
  return {
    db: deps.db,
    actor: { kind: 'system', name },
    requestId,
    now: deps.clock.now(),
    log: deps.log.child({ requestId, actor: name }),
  };
}
