import { describe, expect, it } from 'vitest';
import {
  countdown,
  formatCountdown,
  qrPath,
  qrPattern,
  returnedOutcome,
  returnPathOf,
} from './sim-pay-logic.ts';

describe('simulated pay page', () => {
  it('counts down to the expiry, whole seconds up', () => {
    const now = Date.parse('2026-03-02T10:00:00Z');
    expect(countdown('2026-03-02T10:15:00Z', now)).toEqual({ expired: false, minutes: 15, seconds: 0 });
    expect(formatCountdown(countdown('2026-03-02T10:14:05.200Z', now))).toBe('14:06');
    expect(countdown('2026-03-02T10:00:00Z', now)).toEqual({ expired: true, minutes: 0, seconds: 0 });
    expect(countdown('2026-03-02T09:00:00Z', now).expired).toBe(true);
  });

  it('returns to the order page of this site only, saying what happened', () => {
    expect(returnPathOf('/orders/ord_1', 'succeed')).toBe('/orders/ord_1?payment=succeed');
    expect(returnPathOf('/orders/ord_1?x=1', 'fail')).toBe('/orders/ord_1?x=1&payment=fail');
    for (const bad of [
      'https://evil.example/orders',
      '//evil.example',
      '/\\evil.example',
      'orders/1',
      null,
    ]) {
      expect(returnPathOf(bad, 'succeed'), String(bad)).toBeUndefined();
    }
  });

  it('reads the outcome back on the order page', () => {
    expect(returnedOutcome('?payment=succeed')).toBe('succeed');
    expect(returnedOutcome('?payment=timeout&x=1')).toBe('timeout');
    expect(returnedOutcome('?payment=maybe')).toBeUndefined();
    expect(returnedOutcome('')).toBeUndefined();
  });
});

describe('simulated wallet code', () => {
  it('is the same for the same token, differs for another, and has its corner squares', () => {
    const a = qrPattern('token-a');
    expect(qrPattern('token-a')).toEqual(a);
    expect(qrPattern('token-b')).not.toEqual(a);
    expect(a).toHaveLength(21);
    expect(a[0]?.slice(0, 7)).toEqual([true, true, true, true, true, true, true]);
    expect(a[1]?.slice(0, 7)).toEqual([true, false, false, false, false, false, true]);
    expect(a[3]?.[3]).toBe(true);
    expect(
      qrPath([
        [true, false],
        [false, true],
      ]),
    ).toBe('M0 0h1v1h-1zM1 1h1v1h-1z');
  });
});
