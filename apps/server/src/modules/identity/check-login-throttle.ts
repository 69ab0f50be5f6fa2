/**
 * Login lock-out: after `maxFailures` failed sign-ins for one login within `windowMs`, further
 * attempts (even with the right password) are refused until the oldest of those failures leaves
 * the window. Failures are persisted, so a restart does not lift a lock-out.
 */
export type ThrottlePolicy = { maxFailures: number; windowMs: number };

export const LOGIN_THROTTLE: ThrottlePolicy = { maxFailures: 5, windowMs: 15 * 60 * 1000 };

export type ThrottleDecision = { ok: true } | { ok: false; retryAfterSeconds: number; until: Date };

export function checkLoginThrottle(
  failures: readonly Date[],
  now: Date,
  policy: ThrottlePolicy = LOGIN_THROTTLE,
): ThrottleDecision {
  const since = now.getTime() - policy.windowMs;
  const recent = failures
    .map((d) => d.getTime())
    .filter((t) => t > since && t <= now.getTime())
    .sort((a, b) => b - a);
  if (recent.length < policy.maxFailures) return { ok: true };
  // The lock lifts when fewer than maxFailures remain in the window: when the
  // maxFailures-th most recent failure gets older than the window.
  const pivot = recent[policy.maxFailures - 1] ?? now.getTime();
  const until = new Date(pivot + policy.windowMs);
  return {
    ok: false,
    until,
    retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)),
  };
}
