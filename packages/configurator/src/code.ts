/**
 * Configuration codes: a short, stable, typo-checked string for a complete valid configuration,
 * e.g. for a dealer to read over the phone or to put in a URL.
 *
 * Format (version A), all in Crockford base32 (0-9, A-Z without I, L, O, U):
 *   'A' | tag (2 symbols) | payload (1+ symbols, no leading zero) | check (2 symbols)
 * - payload: the configuration as a mixed-radix number: the non-aux families sorted by code
 *   (plain code-unit order), most significant first, each digit the option's index in the
 *   family's listed option order. The compiled level order is deliberately not used, so a
 *   recompile (with a different variable order) keeps every code valid as long as the family
 *   codes and their option lists are unchanged.
 * - tag: 10 bits of a hash of the model id, the family codes and option codes, so that a code
 *   for another model (or another option list) is recognised as such (1 in 1024 slips through,
 *   and is then usually an invalid configuration).
 * - check: a weighted sum mod 1021 of the preceding symbols; catches every single-symbol typo
 *   and every swap of two adjacent symbols.
 * Decoding accepts lower case, hyphens and spaces, and O/I/L as 0/1/1.
 */
import type { CompiledModel } from './compiled.ts';
import { ConfiguratorError } from './errors.ts';
import { forwardPass, type Indexed, indexCompiled, type Selection, selectionVector } from './query.ts';

export type DecodeResult =
  | { ok: true; selection: Selection }
  | { ok: false; reason: 'malformed' | 'checksum' | 'invalid_configuration' | 'wrong_model' };

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const VERSION = 'A';
const CHECK_MOD = 1021;

type Layout = { levels: number[]; radix: bigint[]; space: bigint; tag: number };
const layouts = new WeakMap<CompiledModel, Layout>();

const layoutOf = (ix: Indexed): Layout => {
  const hit = layouts.get(ix.c);
  if (hit) return hit;
  const levels = [...ix.families].sort((a, b) => {
    const x = ix.c.levels[a]!.code;
    const y = ix.c.levels[b]!.code;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const radix = levels.map((l) => BigInt(ix.width[l]!));
  const space = radix.reduce((a, b) => a * b, 1n);
  const fingerprint = [
    ix.c.modelId,
    ...levels.map((l) => `${ix.c.levels[l]!.code}=${ix.c.levels[l]!.options.join(',')}`),
  ].join('\n');
  const layout = { levels, radix, space, tag: fnv1a(fingerprint) % 1024 };
  layouts.set(ix.c, layout);
  return layout;
};

const fnv1a = (s: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
};

const checksum = (symbols: string): number => {
  let c = 0;
  for (const ch of symbols) c = (c * 32 + ALPHABET.indexOf(ch)) % CHECK_MOD;
  return c;
};

const two = (v: number): string => ALPHABET[v >> 5]! + ALPHABET[v & 31]!;

const toBase32 = (n: bigint): string => {
  if (n === 0n) return '0';
  let s = '';
  while (n > 0n) {
    s = ALPHABET[Number(n & 31n)]! + s;
    n >>= 5n;
  }
  return s;
};

/** Code of a complete valid configuration; throws ConfiguratorError otherwise. */
export const encodeConfiguration = (c: CompiledModel, selection: Selection): string => {
  const ix = indexCompiled(c);
  const sel = selectionVector(ix, selection);
  const layout = layoutOf(ix);
  const missing = layout.levels.filter((l) => sel[l]! < 0).map((l) => c.levels[l]!.code);
  if (missing.length > 0) {
    throw new ConfiguratorError('incomplete_selection', `No option chosen for ${missing.join(', ')}`, {
      family: missing[0],
    });
  }
  if (forwardPass(ix, sel).f[1] === 0) {
    throw new ConfiguratorError('invalid_configuration', 'The configuration breaks the rules');
  }
  let index = 0n;
  layout.levels.forEach((l, k) => {
    index = index * layout.radix[k]! + BigInt(sel[l]!);
  });
  const body = VERSION + two(layout.tag) + toBase32(index);
  return body + two(checksum(body));
};

export const decodeConfiguration = (c: CompiledModel, code: string): DecodeResult => {
  const s = code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (s.length < 6 || s[0] !== VERSION || [...s].some((ch) => !ALPHABET.includes(ch))) {
    return { ok: false, reason: 'malformed' };
  }
  const body = s.slice(0, -2);
  const payload = s.slice(3, -2);
  if (payload.length > 1 && payload[0] === '0') return { ok: false, reason: 'malformed' };
  const check = ALPHABET.indexOf(s[s.length - 2]!) * 32 + ALPHABET.indexOf(s[s.length - 1]!);
  if (check !== checksum(body)) return { ok: false, reason: 'checksum' };
  const ix = indexCompiled(c);
  const layout = layoutOf(ix);
  const tag = ALPHABET.indexOf(s[1]!) * 32 + ALPHABET.indexOf(s[2]!);
  if (tag !== layout.tag) return { ok: false, reason: 'wrong_model' };
  let index = 0n;
  for (const ch of payload) index = index * 32n + BigInt(ALPHABET.indexOf(ch));
  if (index >= layout.space) return { ok: false, reason: 'invalid_configuration' };
  const selection: Selection = {};
  for (let k = layout.levels.length - 1; k >= 0; k--) {
    const l = layout.levels[k]!;
    const r = layout.radix[k]!;
    const lv = c.levels[l]!;
    selection[lv.code] = lv.options[Number(index % r)]!;
    index /= r;
  }
  if (forwardPass(ix, selectionVector(ix, selection)).f[1] === 0) {
    return { ok: false, reason: 'invalid_configuration' };
  }
  // Families in code order, like the code itself.
  const ordered: Selection = {};
  for (const l of layout.levels) ordered[c.levels[l]!.code] = selection[c.levels[l]!.code]!;
  return { ok: true, selection: ordered };
};
