import { describe, expect, it } from 'vitest';
import { checkCsrf, csrfTokenFor, isSafeMethod, isSameOrigin } from './check-csrf.ts';

const secret = 's'.repeat(32);
const token = 'session-token-aaaaaaaaaaaaaaaaaaaaaaaaaaa';
const good = csrfTokenFor(secret, token);

describe('CSRF double submit', () => {
  it('accepts the header when it equals the cookie and belongs to the session', () => {
    expect(checkCsrf({ sessionSecret: secret, sessionToken: token, header: good, cookie: good })).toBe(true);
  });

  it('refuses a missing, different or foreign token', () => {
    const foreign = csrfTokenFor(secret, 'another-session-token-bbbbbbbbbbbbbbbb');
    const cases = [
      { header: undefined, cookie: good },
      { header: good, cookie: undefined },
      { header: `${good}x`, cookie: good },
      // a token planted in both places, but minted for another session
      { header: foreign, cookie: foreign },
    ];
    for (const c of cases)
      expect(checkCsrf({ sessionSecret: secret, sessionToken: token, ...c })).toBe(false);
  });

  it('depends on the server secret', () => {
    expect(csrfTokenFor('t'.repeat(32), token)).not.toBe(good);
  });

  it('knows the safe methods', () => {
    expect(['GET', 'head', 'OPTIONS'].every(isSafeMethod)).toBe(true);
    expect(['POST', 'PUT', 'PATCH', 'DELETE'].some(isSafeMethod)).toBe(false);
  });

  it('checks Origin against the request host; no Origin is allowed', () => {
    expect(isSameOrigin(undefined, ['shop.example'])).toBe(true);
    expect(isSameOrigin('https://shop.example', ['shop.example'])).toBe(true);
    expect(isSameOrigin('https://evil.example', ['shop.example'])).toBe(false);
    expect(isSameOrigin('null', ['shop.example'])).toBe(false);
  });
});
