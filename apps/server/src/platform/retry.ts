/**
 * Exponential backoff with full jitter: after the n-th failed attempt, wait a uniformly random
 * time in [0, min(maxMs, baseMs * 2^(n-1))). The randomness spreads the retries of many
 * deliveries that failed together (an endpoint or broker outage) instead of having them all
 * come back at the same instant ("Exponential Backoff And Jitter", AWS Architecture Blog).
 */
export type Backoff = { baseMs: number; maxMs: number };

export function backoffCeilingMs(backoff: Backoff, attempts: number): number {
  const exponent = Math.max(0, attempts - 1);
  // 2^exponent overflows to Infinity long after it passed any sensible cap; min() handles it.
  return Math.min(backoff.maxMs, backoff.baseMs * 2 ** exponent);
}

/** `random` returns a number in [0, 1) (Math.random by default; tests pass their own). */
export function backoffWithJitterMs(
  backoff: Backoff,
  attempts: number,
  random: () => number = Math.random,
): number {
  return Math.floor(random() * backoffCeilingMs(backoff, attempts));
}
