import { describe, expect, it } from 'vitest';
import { checkLoginThrottle } from './check-login-throttle.ts';

const now = new Date('2026-03-01T12:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const policy = { maxFailures: 5, windowMs: 15 * 60_000 };

describe('login throttle', () => {
  it('allows up to four recent failures', () => {
    expect(checkLoginThrottle([1, 2, 3, 4].map(minutesAgo), now, policy)).toEqual({ ok: true });
  });

  it('locks after five failures in the window until the fifth most recent one expires', () => {
    const decision = checkLoginThrottle([1, 2, 3, 4, 10].map(minutesAgo), now, policy);
    expect(decision).toEqual({ ok: false, until: minutesAgo(10 - 15), retryAfterSeconds: 5 * 60 });
  });

  it('counts only failures inside the window', () => {
    expect(checkLoginThrottle([1, 2, 3, 4, 16, 20, 30].map(minutesAgo), now, policy)).toEqual({ ok: true });
  });

  it('uses the fifth most recent failure when there are more', () => {
    const decision = checkLoginThrottle([0, 1, 2, 3, 4, 5, 6].map(minutesAgo), now, policy);
    expect(decision.ok).toBe(false);
    if (!decision.ok) expect(decision.retryAfterSeconds).toBe(11 * 60);
  });

  it('never asks to wait less than a second', () => {
    const at = new Date(now.getTime() - policy.windowMs + 1);
    const decision = checkLoginThrottle([at, at, at, at, at], now, policy);
    expect(decision).toMatchObject({ ok: false, retryAfterSeconds: 1 });
  });
});
