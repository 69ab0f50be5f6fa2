import { describe, expect, it } from 'vitest';
import { ApiError, apiErrorFromResponse, UNEXPECTED_RESPONSE_CODE } from './api-error.ts';

describe('apiErrorFromResponse', () => {
  it('keeps the code, detail, request id and field errors of a problem', () => {
    const error = apiErrorFromResponse(400, {
      code: 'validation.invalid_request',
      detail: 'bad',
      requestId: 'req_1',
      errors: [{ path: 'login', message: 'Required' }, { nonsense: true }],
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'validation.invalid_request',
      detail: 'bad',
      requestId: 'req_1',
      fields: [{ path: 'login', message: 'Required' }],
    });
  });

  it('gives a client code when the body is not a problem', () => {
    expect(apiErrorFromResponse(502, '<html>Bad gateway</html>').code).toBe(UNEXPECTED_RESPONSE_CODE);
    expect(apiErrorFromResponse(500, undefined).code).toBe(UNEXPECTED_RESPONSE_CODE);
  });
});
