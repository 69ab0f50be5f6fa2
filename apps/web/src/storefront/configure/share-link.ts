/** Paths and links of the storefront configurator: one place that knows the URL shapes. */

export function configurePath(line: string, code?: string): string {
  const base = `/configure/${encodeURIComponent(line)}`;
  return code ? `${base}?code=${encodeURIComponent(code)}` : base;
}

export function sharePath(code: string): string {
  return `/c/${encodeURIComponent(code)}`;
}

/** Checkout of a saved configuration. */
export function checkoutPath(code: string): string {
  return `/checkout/${encodeURIComponent(code)}`;
}

export function specPath(code: string): string {
  return `${sharePath(code)}/spec`;
}

/** The absolute link a customer copies and sends. */
export function shareUrl(origin: string, code: string): string {
  return `${origin.replace(/\/+$/, '')}${sharePath(code)}`;
}

export function comparePath(a: string, b?: string): string {
  const params = new URLSearchParams({ a });
  if (b) params.set('b', b);
  return `/compare?${params.toString()}`;
}

/** The two codes of /compare?a=..&b=.., trimmed; empty ones are undefined. */
export function compareCodes(search: string): { a: string | undefined; b: string | undefined } {
  const params = new URLSearchParams(search);
  const read = (name: string) => {
    const value = params.get(name)?.trim();
    return value ? value : undefined;
  };
  return { a: read('a'), b: read('b') };
}

/** A code or a pasted share link (".../c/<code>" or "...?code=<code>") -> the code. */
export function codeFromInput(input: string): string | undefined {
  const text = input.trim();
  if (!text) return undefined;
  const fromPath = /\/c\/([^/?#\s]+)/.exec(text);
  if (fromPath?.[1]) return decodeURIComponent(fromPath[1]);
  const fromQuery = /[?&]code=([^&#\s]+)/.exec(text);
  if (fromQuery?.[1]) return decodeURIComponent(fromQuery[1]);
  return /^[A-Za-z0-9 -]+$/.test(text) ? text : undefined;
}
