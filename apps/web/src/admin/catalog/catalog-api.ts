// The admin catalogue routes (docs/catalog-contract.md) through the generated API client, plus the
// validation report that an invalid model or a refused publish carries in its problem body.
import type { AnalysisFinding, Model, ModelIssue } from '@openc2b/configurator';
import { ApiError, apiErrorFromResponse, NETWORK_ERROR_CODE } from '../../api/api-error.ts';
import { api } from '../../api/client.ts';
import type { RequestOf, ResponseOf } from '../../api/types.ts';

export type ModelLineItem = ResponseOf<'/admin/model-lines', 'get'>['items'][number];

export type NewModelLine = RequestOf<'/admin/model-lines', 'post'>;

export type Draft = { model: Model; updatedAt: string; basedOnVersionId: string | null };

export type CheckReport = {
  ok: boolean;
  issues: ModelIssue[];
  findings: AnalysisFinding[];
  variantCount: string | null;
  compiledBytes: number | null;
  nodes?: number | null;
};

export type Version = ResponseOf<'/admin/model-lines/{code}/versions', 'get'>['items'][number];

/** A failed call that carries a validation report (invalid model, refused publish). */
export class ReportError extends ApiError {
  readonly report: CheckReport;
  constructor(error: ApiError, report: CheckReport) {
    super({
      status: error.status,
      code: error.code,
      ...(error.detail ? { detail: error.detail } : {}),
      ...(error.requestId ? { requestId: error.requestId } : {}),
    });
    this.report = report;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The report inside a problem body: `report`, or the problem's own `issues`/`findings`. */
export function reportOfProblem(body: unknown): CheckReport | null {
  if (!isObject(body)) return null;
  const source = isObject(body['report']) ? body['report'] : body;
  const issues = Array.isArray(source['issues']) ? (source['issues'] as ModelIssue[]) : null;
  const findings = Array.isArray(source['findings']) ? (source['findings'] as AnalysisFinding[]) : null;
  if (!issues && !findings) return null;
  return {
    ok: false,
    issues: issues ?? [],
    findings: findings ?? [],
    variantCount: typeof source['variantCount'] === 'string' ? source['variantCount'] : null,
    compiledBytes: typeof source['compiledBytes'] === 'number' ? source['compiledBytes'] : null,
    nodes: typeof source['nodes'] === 'number' ? source['nodes'] : null,
  };
}

type FetchResult<T> = { data?: T; error?: unknown; response: Response };

/** As api/client.ts `unwrap`, but a problem that carries a report throws a ReportError with it. */
async function withReport<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (cause) {
    if (cause instanceof ApiError) throw cause;
    throw new ApiError({ status: 0, code: NETWORK_ERROR_CODE, detail: String(cause) });
  }
  if (!result.response.ok) {
    const error = apiErrorFromResponse(result.response.status, result.error);
    const report = reportOfProblem(result.error);
    throw report ? new ReportError(error, report) : error;
  }
  return result.data as T;
}

const path = (code: string) => ({ params: { path: { code } } });

// The OpenAPI schema types the model loosely (recursive expressions); the engine's type is the precise one.
type WireModel = RequestOf<'/admin/model-lines/{code}/draft', 'put'>['model'];

export const catalogApi = {
  lines: () => withReport(api.GET('/admin/model-lines')),
  createLine: (input: NewModelLine) => withReport(api.POST('/admin/model-lines', { body: input })),
  draft: async (code: string): Promise<Draft> => {
    const draft = await withReport(api.GET('/admin/model-lines/{code}/draft', path(code)));
    return { ...draft, model: draft.model as unknown as Model };
  },
  saveDraft: (code: string, model: Model) =>
    withReport(
      api.PUT('/admin/model-lines/{code}/draft', {
        ...path(code),
        body: { model: model as unknown as WireModel },
      }),
    ),
  check: async (code: string): Promise<CheckReport> =>
    (await withReport(
      api.POST('/admin/model-lines/{code}/draft/check', path(code)),
    )) as unknown as CheckReport,
  publish: (code: string) => withReport(api.POST('/admin/model-lines/{code}/publish', path(code))),
  versions: (code: string) => withReport(api.GET('/admin/model-lines/{code}/versions', path(code))),
  versionModel: async (code: string, versionId: string): Promise<Model> =>
    (await withReport(
      api.GET('/admin/model-lines/{code}/versions/{versionId}/model', {
        params: { path: { code, versionId } },
      }),
    )) as unknown as Model,
  importXcsp: (code: string, xml: string) =>
    withReport(api.POST('/admin/model-lines/{code}/draft/import-xcsp', { ...path(code), body: { xml } })),
};

/** Offers JSON to the browser as a file download. */
export function downloadJson(fileName: string, value: unknown): void {
  const blob = new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
