// Some conflicts carry what a person needs to act on (the step a car is at, why a day cannot
// take a car): this keeps the problem document beside the ApiError the rest of the app knows.
import { ApiError, apiErrorFromResponse, NETWORK_ERROR_CODE } from '../api/api-error.ts';

export class ProblemError extends ApiError {
  readonly problem: Readonly<Record<string, unknown>>;

  constructor(base: ApiError, problem: unknown) {
    super({
      status: base.status,
      code: base.code,
      ...(base.detail !== undefined ? { detail: base.detail } : {}),
      ...(base.requestId !== undefined ? { requestId: base.requestId } : {}),
      fields: base.fields,
    });
    this.name = 'ProblemError';
    this.problem =
      typeof problem === 'object' && problem !== null ? (problem as Record<string, unknown>) : {};
  }
}

type FetchResult<T> = { data?: T; error?: unknown; response: Response };

/** As `unwrap` (api/client.ts), but a failure keeps its problem document. */
export async function unwrapProblem<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (cause) {
    throw new ApiError({ status: 0, code: NETWORK_ERROR_CODE, detail: String(cause) });
  }
  if (!result.response.ok) {
    throw new ProblemError(apiErrorFromResponse(result.response.status, result.error), result.error);
  }
  return result.data as T;
}

/** A member of the problem document, when the error has one of that type. */
export function problemMember(error: unknown, name: string): unknown {
  return error instanceof ProblemError ? error.problem[name] : undefined;
}
