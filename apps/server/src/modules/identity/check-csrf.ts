import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * CSRF protection by double submit, bound to the session: the `c2b_csrf` cookie holds
 * HMAC(sessionSecret, session token). An unsafe request made with the session cookie must repeat
 * it in `x-csrf-token`. A cross-site page can neither read the cookie nor compute the value, and a
 * token from another session (or planted by a sibling sub-domain) does not match this one.
 */
export const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'] as const;

export function isSafeMethod(method: string): boolean {
  return (SAFE_METHODS as readonly string[]).includes(method.toUpperCase());
}

export function csrfTokenFor(sessionSecret: string, sessionToken: string): string {
  return createHmac('sha256', sessionSecret).update(`csrf:${sessionToken}`).digest('base64url');
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export type CsrfInput = {
  sessionSecret: string;
  sessionToken: string;
  header: string | undefined;
  cookie: string | undefined;
};

/** True when the header is present, equals the cookie, and belongs to this session. */
export function checkCsrf(input: CsrfInput): boolean {
  const { header, cookie } = input;
  if (!header || !cookie || !sameText(header, cookie)) return false;
  return sameText(header, csrfTokenFor(input.sessionSecret, input.sessionToken));
}

/**
 * Sign-in and registration have no session yet, so they check `Origin` instead: a browser always
 * sends it on a cross-origin POST. A missing Origin (curl, server-to-server) is allowed.
 */
export function isSameOrigin(origin: string | undefined, requestHosts: readonly string[]): boolean {
  if (!origin) return true;
  try {
    return requestHosts.includes(new URL(origin).host);
  } catch {
    return false;
  }
}
