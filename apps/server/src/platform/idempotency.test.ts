import { describe, expect, it } from 'vitest';
import { canonicalJson, fingerprintOf, parseIdempotencyKey } from './idempotency.ts';

describe('canonicalJson and fingerprints', () => {
  it('does not depend on key order, at any depth, and leaves arrays in order', () => {
    const a = { b: 1, a: { y: [1, { q: 2, p: 1 }], x: null }, c: undefined };
    const b = { a: { x: null, y: [1, { p: 1, q: 2 }] }, b: 1 };
    expect(canonicalJson(a)).toBe('{"a":{"x":null,"y":[1,{"p":1,"q":2}]},"b":1}');
    expect(fingerprintOf(a)).toBe(fingerprintOf(b));
    expect(fingerprintOf({ list: [1, 2] })).not.toBe(fingerprintOf({ list: [2, 1] }));
    expect(fingerprintOf({ n: 1 })).not.toBe(fingerprintOf({ n: '1' }));
    expect(fingerprintOf({})).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('parseIdempotencyKey', () => {
  it('takes 8-128 visible ASCII characters', () => {
    expect(parseIdempotencyKey('0b6f3b4e-7c1a-4c7e-9d7e-3f0f2a1b9c8d')).toBe(
      '0b6f3b4e-7c1a-4c7e-9d7e-3f0f2a1b9c8d',
    );
    expect(parseIdempotencyKey('!~abcdef')).toBe('!~abcdef');
  });

  it('answers 400 naming the header when missing or malformed', () => {
    for (const [raw, code] of [
      [undefined, 'platform.idempotency_key_required'],
      ['   ', 'platform.idempotency_key_required'],
      ['1234567', 'platform.idempotency_key_invalid'],
      ['with space', 'platform.idempotency_key_invalid'],
      ['é'.repeat(10), 'platform.idempotency_key_invalid'],
      ['k'.repeat(129), 'platform.idempotency_key_invalid'],
    ] as const) {
      try {
        parseIdempotencyKey(raw);
        expect.unreachable(`${raw} was accepted`);
      } catch (err) {
        expect(err).toMatchObject({
          code,
          kind: 'bad_request',
          fields: [{ path: 'header.idempotency-key' }],
        });
      }
    }
  });
});
