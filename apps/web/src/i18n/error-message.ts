import { ApiError } from '../api/api-error.ts';
import type { MessageKey } from './catalogue.ts';
import { isMessageKey } from './translate.ts';

// Fallbacks by HTTP status for codes the catalogue does not know (yet).
const BY_STATUS: Record<number, MessageKey> = {
  0: 'problem.client.network_error',
  400: 'error.status.bad_request',
  401: 'error.status.unauthenticated',
  403: 'error.status.forbidden',
  404: 'error.status.not_found',
  409: 'error.status.conflict',
  413: 'error.status.payload_too_large',
  422: 'error.status.unprocessable',
  429: 'error.status.rate_limited',
  503: 'error.status.unavailable',
};

/** The catalogue key that tells a person what went wrong: the problem's own code when known. */
export function errorMessageKey(error: unknown): MessageKey {
  if (!(error instanceof ApiError)) return 'error.unknown';
  const byCode = `problem.${error.code}`;
  if (isMessageKey(byCode)) return byCode;
  return BY_STATUS[error.status] ?? 'error.unknown';
}
