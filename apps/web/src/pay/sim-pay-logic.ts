import type { SimOutcome } from '../api/types.ts';

/**
 * Pure logic of the simulated provider's page: the time left to pay, and where the customer goes
 * back to. The server gives the return path (the order page, `/orders/{orderId}`, see
 * `orderPagePath` in apps/server/src/flows/start-payment.ts); the page adds what happened, so
 * the order page knows to wait for the provider's callback.
 */
export const RETURN_PARAM = 'payment';

export type Countdown = { expired: boolean; minutes: number; seconds: number };

export function countdown(expiresAt: string, now: number): Countdown {
  const left = Math.max(0, Math.ceil((new Date(expiresAt).getTime() - now) / 1000));
  return { expired: left === 0, minutes: Math.floor(left / 60), seconds: left % 60 };
}

/** "14:05" */
export function formatCountdown(c: Countdown): string {
  return `${String(c.minutes).padStart(2, '0')}:${String(c.seconds).padStart(2, '0')}`;
}

/**
 * The local path to return to, with `?payment=<outcome>`; undefined for anything that is not a
 * path of this site (a return URL must never send the customer elsewhere).
 */
export function returnPathOf(returnUrl: string | null, outcome: SimOutcome | 'closed'): string | undefined {
  if (!returnUrl?.startsWith('/') || returnUrl.startsWith('//') || returnUrl.includes('\\')) return undefined;
  const url = new URL(returnUrl, 'http://local.invalid');
  if (url.origin !== 'http://local.invalid') return undefined;
  url.searchParams.set(RETURN_PARAM, outcome);
  return `${url.pathname}${url.search}${url.hash}`;
}

export type ReturnedOutcome = SimOutcome | 'closed';

/** What the order page was told on the way back (absent when the customer came another way). */
export function returnedOutcome(search: string): ReturnedOutcome | undefined {
  const value = new URLSearchParams(search).get(RETURN_PARAM);
  return value === 'succeed' || value === 'fail' || value === 'timeout' || value === 'closed'
    ? value
    : undefined;
}

/**
 * A QR-code-like pattern for the simulated wallets (not a real QR code: nothing to scan): a
 * size x size grid of dark cells, the same for the same token, with the three corner squares.
 */
export function qrPattern(token: string, size = 21): boolean[][] {
  let seed = 2166136261;
  for (const ch of token) seed = Math.imul(seed ^ ch.charCodeAt(0), 16777619) >>> 0;
  const next = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  const finder = (r: number, c: number) => {
    for (const [r0, c0] of [
      [0, 0],
      [0, size - 7],
      [size - 7, 0],
    ] as const) {
      const y = r - r0;
      const x = c - c0;
      if (y >= 0 && y < 7 && x >= 0 && x < 7) {
        return y === 0 || y === 6 || x === 0 || x === 6 || (y >= 2 && y <= 4 && x >= 2 && x <= 4);
      }
    }
    return undefined;
  };
  return Array.from({ length: size }, (_, r) =>
    Array.from({ length: size }, (_, c) => finder(r, c) ?? next() < 0.5),
  );
}

/** The dark cells as one SVG path of unit squares. */
export function qrPath(cells: boolean[][]): string {
  return cells.flatMap((row, y) => row.flatMap((dark, x) => (dark ? [`M${x} ${y}h1v1h-1z`] : []))).join('');
}
