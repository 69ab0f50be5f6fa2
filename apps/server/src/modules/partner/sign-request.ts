import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The partner request signature (documented in docs/partner-api.md and the OpenAPI document).
 *
 * With the key's signing secret as the HMAC-SHA256 key (its UTF-8 bytes, `c2bs_` prefix
 * included), a request is signed as
 *
 *     OpenC2B-Timestamp: <Unix seconds>
 *     OpenC2B-Nonce: <16-64 random characters A-Z a-z 0-9 _ ->
 *     OpenC2B-Signature: v1=<hex(HMAC(secret, timestamp "\n" nonce "\n" METHOD "\n" path "\n" body))>
 *
 * where METHOD is upper case, path is the request path with its query string as sent
 * (`/partner/erp/parts/D90-SEAT?x=1`), and body the exact bytes of the body (empty for none).
 * Signing the method and path stops a signed body being sent to another endpoint; the
 * timestamp bounds how long a recorded request stays usable, and the server refuses a signature
 * it has already accepted, so a recorded request cannot be replayed inside that window either.
 * The nonce makes every request's signature new, so a client may retry at once (with a new
 * nonce) without its retry looking like a replay.
 */
export const SIGNATURE_HEADERS = {
  timestamp: 'OpenC2B-Timestamp',
  nonce: 'OpenC2B-Nonce',
  signature: 'OpenC2B-Signature',
} as const;
const NONCE_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
export const SIGNATURE_VERSION = 'v1';
/** How far the timestamp may be from the server's clock, either way (5 minutes). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;
export const SIGNING_SECRET_PREFIX = 'c2bs_';

export function generateSigningSecret(): string {
  return `${SIGNING_SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** A fresh nonce for one request. */
export function generateNonce(): string {
  return randomBytes(18).toString('base64url');
}

export type SignedParts = { timestamp: number; nonce: string; method: string; path: string; body: string };

export function stringToSign(parts: SignedParts): string {
  return `${parts.timestamp}\n${parts.nonce}\n${parts.method.toUpperCase()}\n${parts.path}\n${parts.body}`;
}

/** The `OpenC2B-Signature` header value for a request. */
export function signRequest(secret: string, parts: SignedParts): string {
  const mac = createHmac('sha256', secret).update(stringToSign(parts), 'utf8').digest('hex');
  return `${SIGNATURE_VERSION}=${mac}`;
}

export const SIGNATURE_FAILURES = [
  'signature_missing',
  'timestamp_invalid',
  'nonce_invalid',
  'signature_invalid',
  'timestamp_out_of_window',
] as const;
export type SignatureFailure = (typeof SIGNATURE_FAILURES)[number];

export type VerifyInput = {
  secret: string;
  timestampHeader: string | undefined;
  nonceHeader: string | undefined;
  signatureHeader: string | undefined;
  method: string;
  path: string;
  body: string;
  /** The server's clock, Unix seconds. */
  nowSeconds: number;
  toleranceSeconds?: number;
};

export type VerifyResult =
  | { ok: true; signature: string; timestamp: number }
  | { ok: false; reason: SignatureFailure };

/**
 * Checks one request. The signature is checked before the timestamp's age, so an answer about
 * the window is only ever given to someone who holds the secret.
 */
export function verifyRequestSignature(input: VerifyInput): VerifyResult {
  const { timestampHeader, nonceHeader, signatureHeader } = input;
  if (!timestampHeader || !nonceHeader || !signatureHeader) return { ok: false, reason: 'signature_missing' };
  if (!/^\d{1,12}$/.test(timestampHeader.trim())) return { ok: false, reason: 'timestamp_invalid' };
  const nonce = nonceHeader.trim();
  if (!NONCE_PATTERN.test(nonce)) return { ok: false, reason: 'nonce_invalid' };
  const timestamp = Number(timestampHeader.trim());
  const expected = Buffer.from(
    signRequest(input.secret, { timestamp, nonce, method: input.method, path: input.path, body: input.body }),
  );
  const given = Buffer.from(signatureHeader.trim().toLowerCase());
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'signature_invalid' };
  }
  const tolerance = input.toleranceSeconds ?? SIGNATURE_TOLERANCE_SECONDS;
  if (Math.abs(input.nowSeconds - timestamp) > tolerance)
    return { ok: false, reason: 'timestamp_out_of_window' };
  return { ok: true, signature: given.toString('utf8'), timestamp };
}
