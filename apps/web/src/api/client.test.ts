import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.ts';
import { createApiClient, unwrap } from './client.ts';

function recordingFetch(response: () => Response) {
  const requests: Request[] = [];
  const fetch = async (request: Request) => {
    requests.push(request);
    return response();
  };
  return { requests, fetch };
}

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

describe('api client', () => {
  it('adds x-csrf-token from the cookie on POST, not on GET', async () => {
    const { requests, fetch } = recordingFetch(() => json(200, { user: {}, csrfToken: 't' }));
    const client = createApiClient({ baseUrl: 'http://test', fetch, readCookies: () => 'c2b_csrf=abc' });
    await client.GET('/auth/me');
    await client.POST('/auth/sign-out');
    expect(requests[0]?.headers.get('x-csrf-token')).toBeNull();
    expect(requests[1]?.headers.get('x-csrf-token')).toBe('abc');
    expect(requests[0]?.headers.get('accept')).toBe('application/json');
    expect(requests[0]?.credentials).toBe('include');
  });

  it('turns a problem+json answer into an ApiError with its code', async () => {
    const { fetch } = recordingFetch(() =>
      json(
        401,
        { status: 401, code: 'identity.invalid_credentials', title: 'x' },
        'application/problem+json',
      ),
    );
    const client = createApiClient({ baseUrl: 'http://test', fetch, readCookies: () => '' });
    const failure = unwrap(client.POST('/auth/sign-in', { body: { login: 'a', password: 'b' } }));
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ status: 401, code: 'identity.invalid_credentials' });
  });

  it('reports transport failures as a network error', async () => {
    const client = createApiClient({
      baseUrl: 'http://test',
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
      readCookies: () => '',
    });
    await expect(unwrap(client.GET('/auth/me'))).rejects.toMatchObject({
      status: 0,
      code: 'client.network_error',
    });
  });
});
