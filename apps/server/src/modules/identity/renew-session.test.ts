import { describe, expect, it } from 'vitest';
import { initialExpiry, renewSession } from './renew-session.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const policy = { idleMs: 14 * DAY, absoluteMs: 60 * DAY, renewAfterMs: HOUR };
const t0 = new Date('2026-03-01T00:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

describe('session renewal', () => {
  it('starts with the idle lifetime', () => {
    expect(initialExpiry(t0, policy)).toEqual(at(14 * DAY));
  });

  it('does not write again within the renewal interval', () => {
    expect(renewSession({ createdAt: t0, expiresAt: at(14 * DAY) }, at(30 * 60_000), policy)).toBeUndefined();
  });

  it('slides the expiry forward with use', () => {
    expect(renewSession({ createdAt: t0, expiresAt: at(14 * DAY) }, at(2 * DAY), policy)).toEqual(
      at(16 * DAY),
    );
  });

  it('never goes past the absolute lifetime', () => {
    const s = { createdAt: t0, expiresAt: at(58 * DAY) };
    expect(renewSession(s, at(50 * DAY), policy)).toEqual(at(60 * DAY));
    expect(renewSession({ createdAt: t0, expiresAt: at(60 * DAY) }, at(55 * DAY), policy)).toBeUndefined();
  });

  it('does not revive an expired session', () => {
    expect(renewSession({ createdAt: t0, expiresAt: at(14 * DAY) }, at(15 * DAY), policy)).toBeUndefined();
  });
});
