import { describe, expect, it } from 'vitest';
import { ApiError, apiErrorFromResponse } from '../api/api-error.ts';
import { errorMessageKey } from './error-message.ts';
import { translate } from './translate.ts';

describe('problem code translation', () => {
  it('translates known codes in both languages', () => {
    const error = apiErrorFromResponse(401, {
      type: 'about:blank',
      title: 'Unauthorized',
      status: 401,
      code: 'identity.invalid_credentials',
    });
    expect(errorMessageKey(error)).toBe('problem.identity.invalid_credentials');
    expect(translate('zh-CN', errorMessageKey(error))).toBe('账号或密码不正确。');
    expect(translate('en', errorMessageKey(error))).toBe('Wrong phone, e-mail or password.');
  });

  it('falls back to the status for unknown codes', () => {
    // (ordering.order_not_found, the example here before, is translated now)
    expect(errorMessageKey(new ApiError({ status: 404, code: 'someday.thing_not_found' }))).toBe(
      'error.status.not_found',
    );
    expect(errorMessageKey(new ApiError({ status: 404, code: 'ordering.order_not_found' }))).toBe(
      'problem.ordering.order_not_found',
    );
    expect(errorMessageKey(new ApiError({ status: 429, code: 'something.new' }))).toBe(
      'error.status.rate_limited',
    );
    expect(errorMessageKey(new ApiError({ status: 500, code: 'something.new' }))).toBe('error.unknown');
  });

  it('explains network failures and foreign errors', () => {
    expect(errorMessageKey(new ApiError({ status: 0, code: 'client.network_error' }))).toBe(
      'problem.client.network_error',
    );
    expect(errorMessageKey(new TypeError('boom'))).toBe('error.unknown');
  });
});
