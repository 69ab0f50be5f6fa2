import { describe, expect, it } from 'vitest';
import { ApiError, NETWORK_ERROR_CODE } from '../api/api-error.ts';
import { createIdempotentAttempts, fingerprintOf, outcomeOf, sendIdempotently } from './idempotency.ts';

function counter() {
  let n = 0;
  return () => `key-${++n}`;
}

const network = () => new ApiError({ status: 0, code: NETWORK_ERROR_CODE });
const refused = () => new ApiError({ status: 422, code: 'ordering.dealer_unavailable' });

describe('idempotency keys per attempt', () => {
  it('keeps the key for the same request until it is answered', () => {
    const attempts = createIdempotentAttempts(counter());
    expect(attempts.keyFor({ dealerId: 'a' })).toBe('key-1');
    expect(attempts.keyFor({ dealerId: 'a' })).toBe('key-1');
    attempts.settle('unknown');
    expect(attempts.keyFor({ dealerId: 'a' })).toBe('key-1');
    attempts.settle('answered');
    expect(attempts.keyFor({ dealerId: 'a' })).toBe('key-2');
  });

  it('starts a new attempt when the request changes', () => {
    const attempts = createIdempotentAttempts(counter());
    expect(attempts.keyFor({ dealerId: 'a' })).toBe('key-1');
    attempts.settle('unknown');
    expect(attempts.keyFor({ dealerId: 'b' })).toBe('key-2');
    expect(attempts.keyFor({ dealerId: 'a' })).toBe('key-3');
  });

  it('treats objects with the same fields in another order as the same request', () => {
    expect(fingerprintOf({ a: 1, b: { d: 2, c: [3, { f: 1, e: 2 }] } })).toBe(
      fingerprintOf({ b: { c: [3, { e: 2, f: 1 }], d: 2 }, a: 1 }),
    );
    expect(fingerprintOf({ a: [1, 2] })).not.toBe(fingerprintOf({ a: [2, 1] }));
  });

  it('reads no answer (network, 5xx, still in progress) as unknown, a problem answer as answered', () => {
    expect(outcomeOf(network())).toBe('unknown');
    expect(outcomeOf(new ApiError({ status: 503, code: 'payments.provider_unavailable' }))).toBe('unknown');
    expect(outcomeOf(new ApiError({ status: 409, code: 'platform.idempotency_request_in_progress' }))).toBe(
      'unknown',
    );
    expect(outcomeOf(new TypeError('boom'))).toBe('unknown');
    expect(outcomeOf(refused())).toBe('answered');
    expect(outcomeOf(new ApiError({ status: 409, code: 'ordering.illegal_transition' }))).toBe('answered');
  });

  it('retries after a network error with the same key; a double submit in flight shares it', async () => {
    const attempts = createIdempotentAttempts(counter());
    const sent: string[] = [];
    const body = { purpose: 'intention', method: 'alipay' };
    await expect(
      sendIdempotently(attempts, body, async (key) => {
        sent.push(key);
        throw network();
      }),
    ).rejects.toThrow();
    let release: (() => void) | undefined;
    const first = sendIdempotently(attempts, body, (key) => {
      sent.push(key);
      return new Promise<string>((done) => {
        release = () => done('ok');
      });
    });
    const second = sendIdempotently(attempts, body, async (key) => {
      sent.push(key);
      return 'replayed';
    });
    release?.();
    expect(await Promise.all([first, second])).toEqual(['ok', 'replayed']);
    expect(sent).toEqual(['key-1', 'key-1', 'key-1']);
    // Answered: paying again (after the payment failed, say) is a new request.
    await sendIdempotently(attempts, body, async (key) => sent.push(key));
    expect(sent.at(-1)).toBe('key-2');
  });

  it('makes a new key after a refusal, since the server kept nothing for it', async () => {
    const attempts = createIdempotentAttempts(counter());
    await expect(
      sendIdempotently(attempts, { x: 1 }, async () => {
        throw refused();
      }),
    ).rejects.toThrow();
    expect(attempts.keyFor({ x: 1 })).toBe('key-2');
  });
});
