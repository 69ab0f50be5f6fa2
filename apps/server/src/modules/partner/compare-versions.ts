/**
 * The one out-of-order rule for every partner endpoint. Each update carries the source's own
 * version: its change counter (a non-negative integer) or its change time (RFC 3339, kept to
 * the microsecond). Per (system, entity, natural key) the last applied version wins over
 * anything older, whatever the arrival order:
 * - nothing applied yet, or a newer version: apply;
 * - the applied version again with the same content: a duplicate (the first answer again);
 * - the applied version again with other content: a conflict (the source reused a version);
 * - an older version: stale, acknowledged and ignored;
 * - a counter where a time was applied (or the reverse): a conflict, they do not compare.
 */
export type SourceVersion = { kind: 'number' | 'time'; value: bigint; text: string };

export type AppliedVersion = { kind: 'number' | 'time'; value: bigint; text: string; payloadHash: string };

export type VersionDecision =
  | { action: 'apply' }
  | { action: 'duplicate' }
  | { action: 'stale' }
  | { action: 'conflict'; reason: 'version_reused' | 'version_kind_changed' };

const MAX_VERSION = 2n ** 63n - 1n;
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:\d{2})$/;

/** A version as sent (number or RFC 3339 string), or undefined when it is neither. */
export function parseSourceVersion(raw: number | string): SourceVersion | undefined {
  if (typeof raw === 'number') {
    if (!Number.isSafeInteger(raw) || raw < 0) return undefined;
    return { kind: 'number', value: BigInt(raw), text: String(raw) };
  }
  const m = RFC3339.exec(raw);
  if (!m) return undefined;
  const fraction = m[7] ?? '';
  // Date handles the calendar and the offset to the millisecond; the rest of the fraction is
  // added back so two changes within one millisecond still order.
  const ms = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${m[8]?.toUpperCase()}`);
  if (Number.isNaN(ms) || ms < 0) return undefined;
  const micros = BigInt(ms) * 1000n + BigInt(fraction.padEnd(6, '0').slice(0, 6));
  if (micros > MAX_VERSION) return undefined;
  return { kind: 'time', value: micros, text: raw };
}

export function decideVersion(
  applied: AppliedVersion | undefined,
  incoming: SourceVersion,
  payloadHash: string,
): VersionDecision {
  if (!applied) return { action: 'apply' };
  if (applied.kind !== incoming.kind) return { action: 'conflict', reason: 'version_kind_changed' };
  if (incoming.value > applied.value) return { action: 'apply' };
  if (incoming.value < applied.value) return { action: 'stale' };
  return payloadHash === applied.payloadHash
    ? { action: 'duplicate' }
    : { action: 'conflict', reason: 'version_reused' };
}

/** JSON with object keys sorted, so the same content hashes the same whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
