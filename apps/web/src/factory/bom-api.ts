/** The super-BOM pages' calls to `/factory` (bom routes): summaries, drafts, versions, the check, publish, parts. */
import { api, unwrap } from '../api/client.ts';
import type { ResponseOf } from '../api/types.ts';
import { unwrapProblem } from './api-problem.ts';

export type BomSummary = ResponseOf<'/factory/boms', 'get'>['items'][number];
export type BomDraft = ResponseOf<'/factory/boms/{modelLine}/draft', 'get'>;
export type BomLine = BomDraft['lines'][number];
// Types with a report are taken from what the client answers (openapi-fetch reads the findings'
// line pairs as number[], the generated schema as a tuple).
export type BomReport = Awaited<ReturnType<typeof checkDraft>>;
export type BomFinding = BomReport['findings'][number];
export type BomVersion = Awaited<ReturnType<typeof listVersions>>[number];
export type BomVersionWithLines = Awaited<ReturnType<typeof getVersion>>;
export type Part = ResponseOf<'/factory/parts', 'get'>['items'][number];

const line = (modelLine: string) => ({ params: { path: { modelLine } } });

export async function listBoms(): Promise<BomSummary[]> {
  return (await unwrap(api.GET('/factory/boms'))).items;
}

export function getDraft(modelLine: string): Promise<BomDraft> {
  return unwrap(api.GET('/factory/boms/{modelLine}/draft', line(modelLine)));
}

export function checkDraft(modelLine: string) {
  return unwrap(api.POST('/factory/boms/{modelLine}/draft/check', line(modelLine)));
}

/** 422 `bom.publish_refused` carries the `report` (ProblemError). */
export async function publishDraft(modelLine: string) {
  return (await unwrapProblem(api.POST('/factory/boms/{modelLine}/publish', line(modelLine)))).version;
}

export async function listVersions(modelLine: string) {
  return (await unwrap(api.GET('/factory/boms/{modelLine}/versions', line(modelLine)))).items;
}

export function getVersion(modelLine: string, versionId: string) {
  return unwrap(
    api.GET('/factory/boms/{modelLine}/versions/{versionId}', { params: { path: { modelLine, versionId } } }),
  );
}

export function listParts(query: {
  q?: string;
  cursor?: string;
}): Promise<{ items: Part[]; nextCursor: string | null }> {
  return unwrap(
    api.GET('/factory/parts', {
      params: {
        query: {
          limit: 100,
          ...(query.q ? { q: query.q } : {}),
          ...(query.cursor ? { cursor: query.cursor } : {}),
        },
      },
    }),
  );
}
