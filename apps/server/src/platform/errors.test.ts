import { describe, expect, it } from 'vitest';
import { AppError, ERROR_KINDS, httpStatusOf } from './errors.ts';

describe('AppError', () => {
  it('maps every kind to one status', () => {
    expect(Object.fromEntries(ERROR_KINDS.map((k) => [k, httpStatusOf(k)]))).toEqual({
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
    });
  });

  it('keeps kind, code, detail and fields, and insists on <module>.<snake_case> codes', () => {
    const err = new AppError('not_found', 'ordering.order_not_found', 'No such order', {
      fields: [{ path: 'id', message: 'unknown' }],
    });
    expect(err).toMatchObject({
      kind: 'not_found',
      code: 'ordering.order_not_found',
      detail: 'No such order',
      status: 404,
    });
    expect(err.fields).toEqual([{ path: 'id', message: 'unknown' }]);
    expect(() => new AppError('conflict', 'OrderLocked')).toThrow();
  });
});
