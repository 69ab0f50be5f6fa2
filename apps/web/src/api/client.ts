import createClient, { type Client } from 'openapi-fetch';
import { ApiError, apiErrorFromResponse, NETWORK_ERROR_CODE } from './api-error.ts';
import { CSRF_HEADER, csrfTokenFor } from './csrf.ts';
import type { paths } from './schema.d.ts';

export type ApiClient = Client<paths>;

type ClientOptions = {
  baseUrl?: string;
  /** document.cookie in the browser; injectable for tests. */
  readCookies?: () => string;
  fetch?: (request: Request) => Promise<Response>;
};

// Kept from GET /auth/me so unsafe requests still carry the token if the cookie cannot be read.
let csrfFallback: string | undefined;

export function rememberCsrfToken(token: string | undefined): void {
  csrfFallback = token;
}

export function createApiClient(options: ClientOptions = {}): ApiClient {
  const readCookies = options.readCookies ?? (() => (typeof document === 'undefined' ? '' : document.cookie));
  const client = createClient<paths>({
    baseUrl: options.baseUrl ?? '',
    credentials: 'include',
    // The server tells page navigations (text/html) from API calls by Accept on shared prefixes.
    headers: { accept: 'application/json' },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  client.use({
    onRequest({ request }) {
      const token = csrfTokenFor(request.method, readCookies(), csrfFallback);
      if (token) request.headers.set(CSRF_HEADER, token);
      return request;
    },
  });
  return client;
}

export const api = createApiClient();

type FetchResult<T> = { data?: T; error?: unknown; response: Response };

/** Awaits an openapi-fetch call and returns its data, or throws an ApiError carrying the problem's code. */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (cause) {
    if (cause instanceof ApiError) throw cause;
    throw new ApiError({ status: 0, code: NETWORK_ERROR_CODE, detail: String(cause) });
  }
  if (!result.response.ok) throw apiErrorFromResponse(result.response.status, result.error);
  return result.data as T;
}
