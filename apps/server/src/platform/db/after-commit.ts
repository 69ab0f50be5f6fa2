// biome-ignore-all lint/suspicious/noExplicitAny: keyed by any Kysely instance
import type { Kysely } from 'kysely';

/**
 * Listeners told after a transaction on a given root database has committed. `inTransaction`
 * calls them; the outbox dispatcher listens, so events go out right after commit instead of
 * at the next poll. Keyed by the root Kysely instance so two databases (tests) do not mix.
 */
type Listener = () => void;
const listeners = new WeakMap<Kysely<any>, Set<Listener>>();

export function onAfterCommit(db: Kysely<any>, listener: Listener): () => void {
  let set = listeners.get(db);
  if (!set) {
    set = new Set();
    listeners.set(db, set);
  }
  set.add(listener);
  return () => set.delete(listener);
}

export function notifyCommitted(db: Kysely<any>): void {
  for (const listener of listeners.get(db) ?? []) listener();
}
