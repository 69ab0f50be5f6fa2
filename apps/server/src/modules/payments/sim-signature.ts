import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signatures of the simulated provider's callbacks: HMAC-SHA256 over `<timestamp>.<body>` with
 * the shared secret, sent as `x-sim-signature: t=<unix seconds>,v1=<hex>`. A callback older or
 * newer than the tolerance is refused, so a captured one cannot be replayed later.
 */
export const SIM_SIGNATURE_HEADER = 'x-sim-signature';
export const SIM_TOLERANCE_SECONDS = 300;

export function signSimBody(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

export function simSignatureHeader(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${signSimBody(secret, timestamp, body)}`;
}

export type SignatureCheck =
  | { ok: true }
  | { ok: false; reason: 'missing_signature' | 'bad_signature' | 'stale'; detail: string };

export function verifySimSignature(
  secret: string,
  header: string | undefined,
  body: string,
  now: Date,
): SignatureCheck {
  if (!header)
    return { ok: false, reason: 'missing_signature', detail: `No ${SIM_SIGNATURE_HEADER} header.` };
  const parts = new Map(
    header.split(',').map((p) => {
      const i = p.indexOf('=');
      return [p.slice(0, i).trim(), p.slice(i + 1).trim()] as const;
    }),
  );
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(v1)) {
    return { ok: false, reason: 'bad_signature', detail: 'The signature header is malformed.' };
  }
  const expected = Buffer.from(signSimBody(secret, t, body), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(v1, 'hex'))) {
    return { ok: false, reason: 'bad_signature', detail: 'The signature does not match.' };
  }
  if (Math.abs(now.getTime() / 1000 - t) > SIM_TOLERANCE_SECONDS) {
    return {
      ok: false,
      reason: 'stale',
      detail: `The callback is older than ${SIM_TOLERANCE_SECONDS} s (or from the future).`,
    };
  }
  return { ok: true };
}
