/**
 * Session lifetime with sliding renewal: a session expires after `idleMs` without use, and never
 * later than `absoluteMs` after sign-in. To avoid a write per request, the expiry is pushed
 * forward only when it was last set more than `renewAfterMs` ago.
 */
export type SessionPolicy = { idleMs: number; absoluteMs: number; renewAfterMs: number };

const DAY = 24 * 60 * 60 * 1000;

export const SESSION_POLICY: SessionPolicy = {
  idleMs: 14 * DAY,
  absoluteMs: 60 * DAY,
  renewAfterMs: 60 * 60 * 1000,
};

export function initialExpiry(now: Date, policy: SessionPolicy = SESSION_POLICY): Date {
  return new Date(now.getTime() + Math.min(policy.idleMs, policy.absoluteMs));
}

export type SessionTimes = { createdAt: Date; expiresAt: Date };

/** The new expiry when the session should be renewed now, undefined when it need not be (or has expired). */
export function renewSession(
  session: SessionTimes,
  now: Date,
  policy: SessionPolicy = SESSION_POLICY,
): Date | undefined {
  if (session.expiresAt.getTime() <= now.getTime()) return undefined;
  const lastSet = session.expiresAt.getTime() - policy.idleMs;
  if (now.getTime() - lastSet < policy.renewAfterMs) return undefined;
  const next = Math.min(now.getTime() + policy.idleMs, session.createdAt.getTime() + policy.absoluteMs);
  return next > session.expiresAt.getTime() ? new Date(next) : undefined;
}
