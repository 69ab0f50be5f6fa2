/**
 * The one error type. Expected business outcomes are values; everything else is thrown as
 * `AppError(kind, code)` and turned into RFC 9457 problem+json by the HTTP layer.
 */
export const ERROR_KINDS = [
  'bad_request',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'unprocessable',
  'rate_limited',
  'unavailable',
  'internal',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

// The one kind -> status table.
const STATUS: Record<ErrorKind, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

const TITLES: Record<ErrorKind, string> = {
  bad_request: 'Bad request',
  unauthenticated: 'Not signed in',
  forbidden: 'Forbidden',
  not_found: 'Not found',
  conflict: 'Conflict',
  payload_too_large: 'Payload too large',
  unprocessable: 'Unprocessable request',
  rate_limited: 'Too many requests',
  unavailable: 'Service unavailable',
  internal: 'Internal server error',
};

export function httpStatusOf(kind: ErrorKind): number {
  return STATUS[kind];
}

export function titleOf(kind: ErrorKind): string {
  return TITLES[kind];
}

export type FieldError = { path: string; message: string };

export type AppErrorOptions = {
  fields?: FieldError[];
  extra?: Record<string, unknown>;
  cause?: unknown;
};

/** Codes are `<module>.<snake_case>`, stable: clients and the i18n catalogue key on them. */
const CODE_PATTERN = /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/;

export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly detail?: string;
  readonly fields?: FieldError[];
  /** Extra members of the problem document (e.g. `retryAfter`); must not hold internals. */
  readonly extra?: Record<string, unknown>;

  constructor(kind: ErrorKind, code: string, detail?: string, options: AppErrorOptions = {}) {
    super(
      detail ? `${code}: ${detail}` : code,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    if (!CODE_PATTERN.test(code)) throw new Error(`AppError code must be <module>.<snake_case>, got ${code}`);
    this.name = 'AppError';
    this.kind = kind;
    this.code = code;
    if (detail !== undefined) this.detail = detail;
    if (options.fields) this.fields = options.fields;
    if (options.extra) this.extra = options.extra;
  }

  get status(): number {
    return httpStatusOf(this.kind);
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
