// Double-submit CSRF: the server sets a JS-readable c2b_csrf cookie and expects the same value in
// x-csrf-token on every unsafe request made with the session cookie.
export const CSRF_COOKIE = 'c2b_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS', 'TRACE'];

export function isUnsafeMethod(method: string): boolean {
  return !SAFE_METHODS.includes(method.toUpperCase());
}

export function readCookie(cookieString: string, name: string): string | undefined {
  for (const part of cookieString.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return undefined;
}

/**
 * The token to send with a request, or undefined when none is needed or known.
 * The cookie wins; `fallback` is the token from GET /auth/me, for when the cookie is not readable.
 */
export function csrfTokenFor(method: string, cookieString: string, fallback?: string): string | undefined {
  if (!isUnsafeMethod(method)) return undefined;
  return readCookie(cookieString, CSRF_COOKIE) || fallback || undefined;
}
