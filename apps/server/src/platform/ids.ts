import { randomFillSync } from 'node:crypto';

/**
 * Prefixed, sortable ids: `<prefix>_` + 26 Crockford base32 characters (48-bit millisecond
 * time + 80 random bits, as ULID). Sorting the strings sorts by creation time; within one
 * millisecond the random part is incremented so ids stay monotonic in this process.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const PREFIX_PATTERN = /^[a-z][a-z0-9]{1,7}$/;

export type Id<P extends string> = `${P}_${string}`;

let lastTime = -1;
const lastRandom = new Uint8Array(10);

function incrementRandom(bytes: Uint8Array): boolean {
  for (let i = bytes.length - 1; i >= 0; i--) {
    const b = bytes[i] ?? 0;
    if (b < 255) {
      bytes[i] = b + 1;
      return true;
    }
    bytes[i] = 0;
  }
  return false;
}

function encodeTime(ms: number): string {
  let out = '';
  let t = ms;
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[t % 32] + out;
    t = Math.floor(t / 32);
  }
  return out;
}

function encodeRandom(bytes: Uint8Array): string {
  // 80 bits -> 16 base32 characters, 5 bits at a time, most significant first.
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(acc >> bits) & 31];
    }
    acc &= (1 << bits) - 1;
  }
  return out;
}

export function newId<P extends string>(prefix: P, now: number = Date.now()): Id<P> {
  if (!PREFIX_PATTERN.test(prefix))
    throw new Error(`id prefix must be 2-8 lower-case letters/digits: ${prefix}`);
  let time = now;
  if (time <= lastTime) {
    time = lastTime;
    // Overflow of 80 random bits within one millisecond is practically impossible; if it
    // happens, borrow the next millisecond so ids stay unique and ordered.
    if (!incrementRandom(lastRandom)) {
      time = lastTime + 1;
      randomFillSync(lastRandom);
    }
  } else {
    randomFillSync(lastRandom);
    // Keep headroom so increments within the millisecond do not overflow.
    lastRandom[0] = (lastRandom[0] ?? 0) & 0x7f;
  }
  lastTime = time;
  return `${prefix}_${encodeTime(time)}${encodeRandom(lastRandom)}`;
}

const ID_PATTERN = /^([a-z][a-z0-9]{1,7})_([0-9A-HJKMNP-TV-Z]{26})$/;

export function isId<P extends string>(value: unknown, prefix: P): value is Id<P> {
  if (typeof value !== 'string') return false;
  const m = ID_PATTERN.exec(value);
  return m !== null && m[1] === prefix;
}

/** The creation time encoded in an id. */
export function timeOfId(id: string): Date {
  const body = id.slice(id.indexOf('_') + 1, id.indexOf('_') + 11);
  let ms = 0;
  for (const ch of body) ms = ms * 32 + ALPHABET.indexOf(ch);
  return new Date(ms);
}
