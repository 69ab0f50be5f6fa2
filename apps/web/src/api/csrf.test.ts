import { describe, expect, it } from 'vitest';
import { csrfTokenFor, isUnsafeMethod, readCookie } from './csrf.ts';

describe('CSRF header', () => {
  it('is sent only on unsafe methods', () => {
    const cookies = 'c2b_csrf=tok123';
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'post']) {
      expect(csrfTokenFor(method, cookies), method).toBe('tok123');
    }
    for (const method of ['GET', 'HEAD', 'OPTIONS', 'get']) {
      expect(csrfTokenFor(method, cookies), method).toBeUndefined();
    }
    expect(isUnsafeMethod('DELETE')).toBe(true);
  });

  it('reads the c2b_csrf cookie among others, decoded', () => {
    expect(readCookie('a=1; c2b_csrf=x%2By; b=2', 'c2b_csrf')).toBe('x+y');
    expect(readCookie('xc2b_csrf=no; c2b_csrf=yes', 'c2b_csrf')).toBe('yes');
    expect(readCookie('', 'c2b_csrf')).toBeUndefined();
  });

  it('falls back to the token from /auth/me when the cookie is missing', () => {
    expect(csrfTokenFor('POST', 'other=1', 'fromMe')).toBe('fromMe');
    expect(csrfTokenFor('POST', 'c2b_csrf=fromCookie', 'fromMe')).toBe('fromCookie');
    expect(csrfTokenFor('POST', '')).toBeUndefined();
  });
});
