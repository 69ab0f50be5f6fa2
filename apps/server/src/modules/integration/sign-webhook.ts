import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The webhook signature (documented on /docs/events): with the endpoint's secret as the
 * HMAC-SHA256 key (its UTF-8 bytes, `whsec_` prefix included), the signature of one attempt
 * is `v1=` + hex(HMAC(secret, `<timestamp>.<body>`)), where the timestamp is the
 * `OpenC2B-Timestamp` header (Unix seconds of this attempt) and the body the exact bytes sent.
 * Signing the timestamp with the body lets a receiver refuse an old request replayed by
 * someone who recorded it: it checks the signature, then that the timestamp is recent.
 */
export const WEBHOOK_HEADERS = {
  eventId: 'OpenC2B-Event-Id',
  eventType: 'OpenC2B-Event-Type',
  deliveryId: 'OpenC2B-Delivery-Id',
  timestamp: 'OpenC2B-Timestamp',
  signature: 'OpenC2B-Signature',
} as const;

export const SIGNATURE_VERSION = 'v1';
/** What receivers should accept between their clock and the timestamp (5 minutes). */
export const DEFAULT_TOLERANCE_SECONDS = 300;
export const WEBHOOK_SECRET_PREFIX = 'whsec_';

export function generateWebhookSecret(): string {
  return `${WEBHOOK_SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function signWebhook(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
  return `${SIGNATURE_VERSION}=${mac}`;
}

export type VerifyInput = {
  secret: string;
  /** The OpenC2B-Signature header; several comma-separated `v1=` values are accepted. */
  signature: string | null | undefined;
  timestamp: string | null | undefined;
  body: string;
  /** The receiver's clock, Unix seconds. */
  nowSeconds: number;
  toleranceSeconds?: number;
};

export type VerifyResult =
  | { ok: true }
  | { ok: false; reason: 'malformed' | 'bad_signature' | 'stale_timestamp' };

/** What a receiver does; used by our own tests and shown on the docs page. */
export function verifyWebhookSignature(input: VerifyInput): VerifyResult {
  if (!input.signature || !input.timestamp || !/^\d{1,12}$/.test(input.timestamp)) {
    return { ok: false, reason: 'malformed' };
  }
  const timestamp = Number(input.timestamp);
  const expected = Buffer.from(signWebhook(input.secret, timestamp, input.body));
  const matches = input.signature
    .split(',')
    .map((s) => Buffer.from(s.trim()))
    .some((given) => given.length === expected.length && timingSafeEqual(given, expected));
  if (!matches) return { ok: false, reason: 'bad_signature' };
  const tolerance = input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (Math.abs(input.nowSeconds - timestamp) > tolerance) return { ok: false, reason: 'stale_timestamp' };
  return { ok: true };
}
