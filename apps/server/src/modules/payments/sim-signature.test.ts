import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signSimBody, simSignatureHeader, verifySimSignature } from './sim-signature.ts';

const secret = 's'.repeat(64);
const body = '{"id":"simevt_1","type":"payment.succeeded"}';
const now = new Date('2026-03-01T10:00:00Z');
const t = now.getTime() / 1000;

describe('sim callback signatures', () => {
  it('is HMAC-SHA256 over timestamp.body', () => {
    expect(signSimBody(secret, t, body)).toBe(
      createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'),
    );
  });

  it('accepts its own signature within the tolerance', () => {
    expect(verifySimSignature(secret, simSignatureHeader(secret, t, body), body, now)).toEqual({ ok: true });
    expect(verifySimSignature(secret, simSignatureHeader(secret, t - 299, body), body, now)).toEqual({
      ok: true,
    });
  });

  it('refuses a missing, malformed, forged or tampered signature', () => {
    expect(verifySimSignature(secret, undefined, body, now)).toMatchObject({
      ok: false,
      reason: 'missing_signature',
    });
    expect(verifySimSignature(secret, 'nonsense', body, now)).toMatchObject({
      ok: false,
      reason: 'bad_signature',
    });
    expect(verifySimSignature(secret, simSignatureHeader('x'.repeat(64), t, body), body, now)).toMatchObject({
      ok: false,
      reason: 'bad_signature',
    });
    expect(verifySimSignature(secret, simSignatureHeader(secret, t, body), `${body} `, now)).toMatchObject({
      ok: false,
      reason: 'bad_signature',
    });
    // the timestamp is signed too: moving it breaks the signature
    const header = simSignatureHeader(secret, t, body).replace(`t=${t}`, `t=${t + 1}`);
    expect(verifySimSignature(secret, header, body, now)).toMatchObject({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('refuses a stale or future callback even when correctly signed', () => {
    expect(verifySimSignature(secret, simSignatureHeader(secret, t - 301, body), body, now)).toMatchObject({
      ok: false,
      reason: 'stale',
    });
    expect(verifySimSignature(secret, simSignatureHeader(secret, t + 301, body), body, now)).toMatchObject({
      ok: false,
      reason: 'stale',
    });
  });
});
