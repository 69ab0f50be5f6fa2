import { describe, expect, it } from 'vitest';
import { type AppliedVersion, canonicalJson, decideVersion, parseSourceVersion } from './compare-versions.ts';

const v = (raw: number | string) => {
  const parsed = parseSourceVersion(raw);
  if (!parsed) throw new Error(`not a version: ${raw}`);
  return parsed;
};
const applied = (raw: number | string, payloadHash = 'h'): AppliedVersion => ({ ...v(raw), payloadHash });

describe('source versions', () => {
  it('parses counters and RFC 3339 times, to the microsecond, across offsets', () => {
    expect(v(7)).toEqual({ kind: 'number', value: 7n, text: '7' });
    expect(v('2026-03-01T08:00:00Z').value).toBe(BigInt(Date.UTC(2026, 2, 1, 8)) * 1000n);
    expect(v('2026-03-01T16:00:00+08:00').value).toBe(v('2026-03-01T08:00:00Z').value);
    expect(v('2026-03-01T08:00:00.000002Z').value - v('2026-03-01T08:00:00.000001Z').value).toBe(1n);
    expect(v('2026-03-01T08:00:00.123456789Z').value % 1_000_000n).toBe(123456n);
  });

  it('refuses what is not a version', () => {
    for (const raw of [
      -1,
      1.5,
      Number.MAX_SAFE_INTEGER + 1,
      '7',
      '2026-03-01',
      '2026-03-01T08:00:00',
      'soon',
    ]) {
      expect(parseSourceVersion(raw), String(raw)).toBeUndefined();
    }
  });

  it('applies the first version and any newer one', () => {
    expect(decideVersion(undefined, v(1), 'h')).toEqual({ action: 'apply' });
    expect(decideVersion(applied(1), v(2), 'x')).toEqual({ action: 'apply' });
    expect(decideVersion(applied('2026-03-01T08:00:00Z'), v('2026-03-01T08:00:00.000001Z'), 'x')).toEqual({
      action: 'apply',
    });
  });

  it('ignores an older version whatever its content', () => {
    expect(decideVersion(applied(5), v(4), 'h')).toEqual({ action: 'stale' });
    expect(decideVersion(applied(5), v(0), 'other')).toEqual({ action: 'stale' });
  });

  it('tells a re-send (same content) from a reused version (other content)', () => {
    expect(decideVersion(applied(5, 'h'), v(5), 'h')).toEqual({ action: 'duplicate' });
    expect(decideVersion(applied(5, 'h'), v(5), 'other')).toEqual({
      action: 'conflict',
      reason: 'version_reused',
    });
  });

  it('does not compare a counter with a time', () => {
    expect(decideVersion(applied(5), v('2026-03-01T08:00:00Z'), 'h')).toEqual({
      action: 'conflict',
      reason: 'version_kind_changed',
    });
  });

  it('the newest version wins in every arrival order', () => {
    const versions = [3, 1, 4, 2, 5];
    const orders = permutations(versions);
    for (const order of orders) {
      let state: AppliedVersion | undefined;
      for (const n of order) {
        if (decideVersion(state, v(n), `h${n}`).action === 'apply') state = applied(n, `h${n}`);
      }
      expect(state?.text, order.join(',')).toBe('5');
    }
    expect(orders.length).toBe(120);
  });

  it('hashes content independently of key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}',
    );
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
  });
});

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}
