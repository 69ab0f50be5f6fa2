/**
 * Compact binary form of a CompiledModel, for shipping to browsers.
 *
 * Layout (all integers unsigned LEB128 varints unless stated):
 *   "OC2B" magic, 1 byte format version (1)
 *   header length, header JSON (UTF-8): everything but the node arrays, plus `levelNodes`
 *     (number of nodes per level) and `root`
 *   children, level by level, node by node, as runs of equal children: token = 2 * child + r,
 *     where child is 0 = FALSE, 1 = TRUE (last level only), otherwise 2 + the child's index
 *     within the next level; r = 1 means a run, followed by varint(length - 2). Runs matter:
 *     wide domains mostly point to FALSE or to one child (Renault big: 1.25 MB -> 0.39 MB).
 *   4 bytes little-endian FNV-1a checksum of all preceding bytes
 *
 * Nodes are renumbered level by level from the root (unreachable nodes are dropped), so
 * `nodeLevel` and `childOffset` need not be stored and child indices stay small. Loading
 * validates everything (bad bytes throw `configurator.bad_artifact`), since an artefact may
 * come from a cache or the network.
 */
import type { CompiledLevel, CompiledModel, CompiledRule } from './compiled.ts';
import { ConfiguratorError } from './errors.ts';

const MAGIC = [0x4f, 0x43, 0x32, 0x42]; // "OC2B"
const BINARY_VERSION = 1;

type Header = {
  format: 'openc2b.compiled';
  version: 1;
  modelId: string;
  modelHash: string;
  currency: string;
  basePrice: number;
  levels: CompiledLevel[];
  rules: CompiledRule[];
  root: number;
  levelNodes: number[];
};

const bad = (message: string): never => {
  throw new ConfiguratorError('configurator.bad_artifact', `Invalid compiled artefact: ${message}`);
};

class Writer {
  buf = new Uint8Array(1 << 16);
  len = 0;
  private ensure(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }
  byte(b: number): void {
    this.ensure(1);
    this.buf[this.len++] = b;
  }
  varint(x: number): void {
    this.ensure(5);
    let v = x;
    while (v >= 0x80) {
      this.buf[this.len++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 128);
    }
    this.buf[this.len++] = v;
  }
  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }
}

const fnv1a = (b: Uint8Array, end: number): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < end; i++) h = Math.imul(h ^ (b[i] as number), 0x01000193);
  return h >>> 0;
};

/** Encodes a compiled model (any valid node numbering) to bytes. */
export const serializeCompiled = (c: CompiledModel): Uint8Array => {
  const L = c.levels.length;
  // Level-ordered renumbering of the nodes reachable from the root.
  const perLevel: number[][] = Array.from({ length: L }, () => []);
  const index = new Int32Array(c.nodeLevel.length).fill(-1);
  if (c.root >= 2) {
    perLevel[0]?.push(c.root);
    index[c.root] = 0;
    for (let l = 0; l < L - 1; l++) {
      const k = c.levels[l]?.options.length ?? 0;
      const next = perLevel[l + 1] as number[];
      for (const n of perLevel[l] as number[]) {
        const off = c.childOffset[n] as number;
        for (let i = 0; i < k; i++) {
          const ch = c.children[off + i] as number;
          if (ch >= 2 && index[ch] === -1) {
            index[ch] = next.length;
            next.push(ch);
          }
        }
      }
    }
  }
  const header: Header = {
    format: c.format,
    version: c.version,
    modelId: c.modelId,
    modelHash: c.modelHash,
    currency: c.currency,
    basePrice: c.basePrice,
    levels: c.levels,
    rules: c.rules,
    root: Math.min(c.root, 2),
    levelNodes: perLevel.map((p) => p.length),
  };
  const w = new Writer();
  for (const b of MAGIC) w.byte(b);
  w.byte(BINARY_VERSION);
  const json = new TextEncoder().encode(JSON.stringify(header));
  w.varint(json.length);
  w.bytes(json);
  for (let l = 0; l < L; l++) {
    const k = c.levels[l]?.options.length ?? 0;
    for (const n of perLevel[l] as number[]) {
      const off = c.childOffset[n] as number;
      for (let i = 0; i < k; ) {
        const ch = c.children[off + i] as number;
        let j = i + 1;
        while (j < k && c.children[off + j] === ch) j++;
        const code = ch < 2 ? ch : (index[ch] as number) + 2;
        if (j - i > 1) {
          w.varint(code * 2 + 1);
          w.varint(j - i - 2);
        } else {
          w.varint(code * 2);
        }
        i = j;
      }
    }
  }
  const sum = fnv1a(w.buf, w.len);
  for (let i = 0; i < 4; i++) w.byte((sum >>> (8 * i)) & 0xff);
  return w.buf.slice(0, w.len);
};

const isText = (t: unknown): boolean =>
  typeof t === 'object' && t !== null && typeof (t as Record<string, unknown>)['en'] === 'string';

const checkHeader = (h: unknown): Header => {
  if (typeof h !== 'object' || h === null) return bad('header is not an object');
  const o = h as Record<string, unknown>;
  if (o['format'] !== 'openc2b.compiled' || o['version'] !== 1) bad('unknown format or version');
  for (const f of ['modelId', 'modelHash', 'currency'])
    if (typeof o[f] !== 'string') bad(`${f} is not a string`);
  if (!Number.isSafeInteger(o['basePrice'])) bad('basePrice is not an integer');
  const levels = o['levels'];
  const levelNodes = o['levelNodes'];
  if (!Array.isArray(levels) || !Array.isArray(levelNodes) || levels.length !== levelNodes.length) {
    bad('levels and levelNodes disagree');
  }
  for (const l of levels as unknown[]) {
    const lv = l as Record<string, unknown>;
    if (typeof l !== 'object' || l === null || typeof lv['code'] !== 'string') bad('bad level');
    const opts = lv['options'];
    const prices = lv['prices'];
    if (!Array.isArray(opts) || opts.length === 0 || !opts.every((x) => typeof x === 'string'))
      bad('bad level options');
    if (
      !Array.isArray(prices) ||
      prices.length !== (opts as unknown[]).length ||
      !prices.every(Number.isSafeInteger)
    ) {
      bad('bad level prices');
    }
    if (typeof lv['aux'] !== 'boolean') bad('bad level aux flag');
  }
  for (const n of levelNodes as unknown[])
    if (!Number.isSafeInteger(n) || (n as number) < 0) bad('bad node count');
  if (!Array.isArray(o['rules'])) bad('rules is not an array');
  for (const r of o['rules'] as unknown[]) {
    const rv = r as Record<string, unknown>;
    if (
      typeof r !== 'object' ||
      r === null ||
      typeof rv['id'] !== 'string' ||
      typeof rv['kind'] !== 'string'
    ) {
      bad('bad rule');
    }
    if (!Array.isArray(rv['options']) || !(rv['options'] as unknown[]).every((x) => typeof x === 'string')) {
      bad('bad rule options');
    }
    if (rv['message'] !== undefined && !isText(rv['message'])) bad('bad rule message');
  }
  const root = o['root'];
  const ln = levelNodes as number[];
  if (root !== 0 && root !== 1 && root !== 2) bad('bad root');
  if (root === 2 && ln[0] !== 1) bad('root level must hold exactly the root');
  if (root !== 2 && ln.some((x) => x !== 0)) bad('an empty diagram cannot have nodes');
  if (root === 1 && ln.length !== 0) bad('a TRUE root needs zero levels');
  return h as Header;
};

/** Decodes and validates bytes produced by `serializeCompiled`. */
export const deserializeCompiled = (bytes: Uint8Array): CompiledModel => {
  if (!(bytes instanceof Uint8Array)) bad('not a byte array');
  if (bytes.length < 10) bad('too short');
  for (let i = 0; i < 4; i++) if (bytes[i] !== MAGIC[i]) bad('bad magic');
  if (bytes[4] !== BINARY_VERSION) bad(`unsupported binary version ${bytes[4]}`);
  const end = bytes.length - 4;
  const stored =
    ((bytes[end] as number) |
      ((bytes[end + 1] as number) << 8) |
      ((bytes[end + 2] as number) << 16) |
      ((bytes[end + 3] as number) << 24)) >>>
    0;
  if (stored !== fnv1a(bytes, end)) bad('checksum mismatch');
  let pos = 5;
  const varint = (): number => {
    let x = 0;
    let mul = 1;
    for (;;) {
      if (pos >= end) bad('truncated');
      const b = bytes[pos++] as number;
      x += (b & 0x7f) * mul;
      if (b < 0x80) return x;
      mul *= 128;
      if (mul > 2 ** 35) bad('varint too long');
    }
  };
  const hlen = varint();
  if (pos + hlen > end) bad('truncated header');
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(pos, pos + hlen)));
  } catch {
    bad('header is not JSON');
  }
  pos += hlen;
  const h = checkHeader(parsed);
  const L = h.levels.length;
  let total = 2;
  let slots = 0;
  h.levelNodes.forEach((n, l) => {
    total += n;
    slots += n * (h.levels[l]?.options.length ?? 0);
  });
  // Each node needs at least one byte.
  if (total - 2 > end - pos || slots > 2 ** 28) bad('node counts exceed the data');
  const nodeLevel = new Int32Array(total);
  const childOffset = new Int32Array(total);
  const children = new Int32Array(slots);
  nodeLevel[0] = L;
  nodeLevel[1] = L;
  let id = 2;
  let w = 0;
  let base = 2;
  for (let l = 0; l < L; l++) {
    const k = (h.levels[l] as CompiledLevel).options.length;
    const count = h.levelNodes[l] as number;
    const nextBase = base + count;
    const nextCount = h.levelNodes[l + 1] ?? 0;
    const last = l === L - 1;
    for (let j = 0; j < count; j++) {
      nodeLevel[id] = l;
      childOffset[id] = w;
      let live = false;
      for (let i = 0; i < k; ) {
        const token = varint();
        const x = Math.floor(token / 2);
        const run = token % 2 === 1 ? varint() + 2 : 1;
        if (i + run > k) bad(`run overflows node ${id}`);
        let ch: number;
        if (x === 0) ch = 0;
        else if (last) {
          if (x !== 1) bad(`child out of range at level ${l}`);
          ch = 1;
        } else {
          if (x < 2 || x - 2 >= nextCount) bad(`child out of range at level ${l}`);
          ch = nextBase + x - 2;
        }
        if (ch !== 0) live = true;
        children.fill(ch, w, w + run);
        w += run;
        i += run;
      }
      if (!live) bad(`node ${id} has no live child`);
      id++;
    }
    base = nextBase;
  }
  if (pos !== end) bad('trailing bytes');
  return {
    format: 'openc2b.compiled',
    version: 1,
    modelId: h.modelId,
    modelHash: h.modelHash,
    currency: h.currency,
    basePrice: h.basePrice,
    levels: h.levels.map((l) => ({ code: l.code, options: l.options, prices: l.prices, aux: l.aux })),
    root: h.root,
    nodeLevel,
    childOffset,
    children,
    rules: h.rules,
  };
};

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = (() => {
  const t = new Int16Array(128).fill(-1);
  for (let i = 0; i < B64.length; i++) t[B64.charCodeAt(i)] = i;
  return t;
})();

/** Standard base64 (with padding) of bytes, without Node's Buffer. */
export const bytesToBase64 = (b: Uint8Array): string => {
  const parts: string[] = [];
  let chunk = '';
  for (let i = 0; i < b.length; i += 3) {
    const x = ((b[i] as number) << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    chunk += B64[(x >> 18) & 63];
    chunk += B64[(x >> 12) & 63];
    chunk += i + 1 < b.length ? B64[(x >> 6) & 63] : '=';
    chunk += i + 2 < b.length ? B64[x & 63] : '=';
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
};

/** Decodes standard base64 (padding optional, whitespace ignored). */
export const base64ToBytes = (s: string): Uint8Array => {
  const clean = s.replace(/[\s=]+/g, '');
  if (clean.length % 4 === 1) bad('bad base64 length');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let o = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < clean.length; i++) {
    const c = clean.charCodeAt(i);
    const v = c < 128 ? (B64_INDEX[c] as number) : -1;
    if (v < 0) bad('bad base64 character');
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, o);
};

export const compiledToBase64 = (c: CompiledModel): string => bytesToBase64(serializeCompiled(c));

export const compiledFromBase64 = (s: string): CompiledModel => deserializeCompiled(base64ToBytes(s));
