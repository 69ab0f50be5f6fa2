import { ApiError, NETWORK_ERROR_CODE } from '../api/api-error.ts';

/**
 * Idempotency keys of the browser's money requests (placing an order, starting a payment,
 * cancelling). One key per attempt: it is made on the first submit and kept while the outcome
 * is unknown (no answer: the network failed, the server failed or was still busy with it), so a
 * double click or a retry sends the same key and the server does the work once. An answer (a
 * success or a refusal the server gave) ends the attempt: the next submit is a new request with
 * a new key. A changed request (another dealer, another method) is a new attempt too: reusing
 * the key for it would be refused as a reused key.
 */
export type IdempotentAttempts = {
  /** The key for this request: the current attempt's if it is the same request, else a new one. */
  keyFor: (request: unknown) => string;
  /** Ends the attempt after an answer; keeps it after an unknown outcome. */
  settle: (outcome: AttemptOutcome) => void;
};

export type AttemptOutcome = 'answered' | 'unknown';

/** Codes meaning the request may or may not have been done: retry with the same key. */
const UNKNOWN_CODES = [NETWORK_ERROR_CODE, 'platform.idempotency_request_in_progress'];

export function outcomeOf(error: unknown): AttemptOutcome {
  if (!(error instanceof ApiError)) return 'unknown';
  if (UNKNOWN_CODES.includes(error.code) || error.status === 0 || error.status >= 500) return 'unknown';
  return 'answered';
}

/** JSON with sorted object keys, so the same request always gives the same fingerprint. */
export function fingerprintOf(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

export function createIdempotentAttempts(newKey: () => string = newIdempotencyKey): IdempotentAttempts {
  let current: { fingerprint: string; key: string } | undefined;
  return {
    keyFor(request) {
      const fingerprint = fingerprintOf(request);
      if (!current || current.fingerprint !== fingerprint) current = { fingerprint, key: newKey() };
      return current.key;
    },
    settle(outcome) {
      if (outcome === 'answered') current = undefined;
    },
  };
}

/** Sends `request` with the attempt's key; settles the attempt by what came back. */
export async function sendIdempotently<T>(
  attempts: IdempotentAttempts,
  request: unknown,
  send: (key: string) => Promise<T>,
): Promise<T> {
  const key = attempts.keyFor(request);
  try {
    const result = await send(key);
    attempts.settle('answered');
    return result;
  } catch (error) {
    attempts.settle(outcomeOf(error));
    throw error;
  }
}
