/**
 * The storefront's calls to the catalogue (docs/catalog-contract.md), through the shared API
 * client so cookies, CSRF and problem+json errors work as everywhere else. Types are written
 * from the contract; the compiled artefact is fetched once per version and kept in memory.
 */
import { type CompiledModel, deserializeCompiled, type Model } from '@openc2b/configurator';
import { api, unwrap } from '../../api/client.ts';
import type { ResponseOf } from '../../api/types.ts';

export type ModelLineSummary = ResponseOf<'/store/model-lines', 'get'>['items'][number];
type LineDetailResponse = ResponseOf<'/store/model-lines/{code}', 'get'>;
/** The published line; its model is the engine's model format (labels, categories, prices). */
export type ModelLineDetail = Omit<LineDetailResponse, 'model'> & { model: Model };
export type SavedConfiguration = ResponseOf<'/store/configurations/{code}', 'get'>;
export type PopularConfiguration = ResponseOf<'/store/model-lines/{code}/popular', 'get'>['items'][number];

export function listModelLines(): Promise<{ items: ModelLineSummary[] }> {
  return unwrap(api.GET('/store/model-lines'));
}

export async function getModelLine(code: string): Promise<ModelLineDetail> {
  const found = await unwrap(api.GET('/store/model-lines/{code}', { params: { path: { code } } }));
  // The server validated the model when it was published; its JSON schema is looser than the type.
  return { ...found, model: found.model as unknown as Model };
}

const compiledCache = new Map<string, Promise<CompiledModel>>();

/** The compiled artefact of one published version (immutable, so fetched once per page load). */
export function getCompiled(line: string, versionId: string): Promise<CompiledModel> {
  const key = `${line}/${versionId}`;
  let cached = compiledCache.get(key);
  if (!cached) {
    cached = unwrap(
      api.GET('/store/model-lines/{code}/versions/{versionId}/compiled', {
        params: { path: { code: line, versionId } },
        parseAs: 'arrayBuffer',
      }),
    ).then((bytes) => deserializeCompiled(new Uint8Array(bytes as unknown as ArrayBuffer)));
    cached.catch(() => compiledCache.delete(key));
    compiledCache.set(key, cached);
  }
  return cached;
}

export function saveConfiguration(body: {
  modelLine: string;
  versionId: string;
  code: string;
}): Promise<SavedConfiguration> {
  return unwrap(api.POST('/store/configurations', { body }));
}

export function getConfiguration(code: string): Promise<SavedConfiguration> {
  return unwrap(api.GET('/store/configurations/{code}', { params: { path: { code } } }));
}

export function listPopular(line: string): Promise<{ items: PopularConfiguration[] }> {
  return unwrap(
    api.GET('/store/model-lines/{code}/popular', { params: { path: { code: line }, query: {} } }),
  );
}
