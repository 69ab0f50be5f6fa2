import { type CompiledModel, deserializeCompiled, type Model } from '@openc2b/configurator';
import type { Ctx } from '../../platform/context.ts';
import * as store from './store.ts';
import type { Version } from './types.ts';

/** A published version ready for queries: its model, its compiled diagram and the raw bytes. */
export type LoadedVersion = {
  version: Version;
  model: Model;
  compiled: CompiledModel;
  bytes: Uint8Array;
};

/**
 * Deserialised versions by id, least recently used evicted. Versions are immutable and ids are
 * never reused, so an entry never goes stale, and the server loads each diagram once instead of
 * per request. Small on purpose: a large model is a few hundred kB of typed arrays.
 */
const CAPACITY = 16;
const cache = new Map<string, Promise<LoadedVersion | undefined>>();

export async function loadVersion(ctx: Ctx, versionId: string): Promise<LoadedVersion | undefined> {
  const hit = cache.get(versionId);
  if (hit) {
    cache.delete(versionId);
    cache.set(versionId, hit);
    return hit;
  }
  // The promise is cached, so concurrent requests share one load.
  const loading = (async () => {
    const row = await store.findVersionContent(ctx, versionId);
    if (!row) return undefined;
    return { ...row, compiled: deserializeCompiled(row.compiled), bytes: row.compiled };
  })();
  cache.set(versionId, loading);
  try {
    const loaded = await loading;
    // Misses are not remembered: the id may be published a moment later (or in another test database).
    if (!loaded) cache.delete(versionId);
    return loaded;
  } catch (err) {
    cache.delete(versionId);
    throw err;
  } finally {
    while (cache.size > CAPACITY) {
      const oldest = cache.keys().next().value;
      if (oldest === undefined) break;
      cache.delete(oldest);
    }
  }
}

/** Puts a version that was just compiled into the cache (publishing needs no reload). */
export function rememberVersion(loaded: LoadedVersion): void {
  cache.set(loaded.version.id, Promise.resolve(loaded));
  while (cache.size > CAPACITY) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
}
