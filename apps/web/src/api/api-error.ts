export type FieldError = { path: string; message: string };

/** A failed API call: the RFC 9457 problem's stable `code`, or a client-side code for transport failures. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string | undefined;
  readonly requestId: string | undefined;
  readonly fields: FieldError[];

  constructor(init: {
    status: number;
    code: string;
    detail?: string;
    requestId?: string;
    fields?: FieldError[];
  }) {
    super(init.detail ? `${init.code}: ${init.detail}` : init.code);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.detail = init.detail;
    this.requestId = init.requestId;
    this.fields = init.fields ?? [];
  }
}

// Codes made up by the client for failures that never reached a problem response.
export const NETWORK_ERROR_CODE = 'client.network_error';
export const UNEXPECTED_RESPONSE_CODE = 'client.unexpected_response';

// The fields of an RFC 9457 problem this client reads; anything may be missing or mistyped.
type ProblemShape = { code?: unknown; detail?: unknown; requestId?: unknown; errors?: unknown };
type FieldShape = { path?: unknown; message?: unknown };

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function fieldErrorsOf(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (!isObject(item)) return [];
    const { path, message } = item as FieldShape;
    return typeof path === 'string' && typeof message === 'string' ? [{ path, message }] : [];
  });
}

/** Turns a failed response's parsed body (problem+json or anything else) into an ApiError. */
export function apiErrorFromResponse(status: number, body: unknown): ApiError {
  const problem: ProblemShape = isObject(body) ? body : {};
  if (typeof problem.code !== 'string') return new ApiError({ status, code: UNEXPECTED_RESPONSE_CODE });
  return new ApiError({
    status,
    code: problem.code,
    detail: typeof problem.detail === 'string' ? problem.detail : undefined,
    requestId: typeof problem.requestId === 'string' ? problem.requestId : undefined,
    fields: fieldErrorsOf(problem.errors),
  });
}
