import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  generateNonce,
  generateSigningSecret,
  signRequest,
  stringToSign,
  verifyRequestSignature,
} from './sign-request.ts';

const secret = 'c2bs_test-secret';
const nonce = 'n0nce-0123456789abcdef';
const parts = {
  timestamp: 1_800_000_000,
  nonce,
  method: 'put',
  path: '/partner/erp/parts/A-1',
  body: '{"a":1}',
};

function verify(overrides: Partial<Parameters<typeof verifyRequestSignature>[0]> = {}) {
  return verifyRequestSignature({
    secret,
    timestampHeader: String(parts.timestamp),
    nonceHeader: nonce,
    signatureHeader: signRequest(secret, parts),
    method: 'PUT',
    path: parts.path,
    body: parts.body,
    nowSeconds: parts.timestamp + 10,
    ...overrides,
  });
}

describe('partner request signature', () => {
  it('is v1= hex HMAC-SHA256 over timestamp, nonce, upper-case method, path and body, one per line', () => {
    const signed = `1800000000\n${nonce}\nPUT\n/partner/erp/parts/A-1\n{"a":1}`;
    expect(stringToSign(parts)).toBe(signed);
    const mac = createHmac('sha256', secret).update(signed).digest('hex');
    expect(signRequest(secret, parts)).toBe(`v1=${mac}`);
  });

  it('accepts a good signature within the window, on either side of the clock', () => {
    expect(verify()).toEqual({ ok: true, signature: signRequest(secret, parts), timestamp: parts.timestamp });
    expect(verify({ nowSeconds: parts.timestamp - 300 }).ok).toBe(true);
    expect(verify({ nowSeconds: parts.timestamp + 300 }).ok).toBe(true);
  });

  it('refuses a timestamp more than five minutes away', () => {
    expect(verify({ nowSeconds: parts.timestamp + 301 })).toEqual({
      ok: false,
      reason: 'timestamp_out_of_window',
    });
    expect(verify({ nowSeconds: parts.timestamp - 301 })).toEqual({
      ok: false,
      reason: 'timestamp_out_of_window',
    });
  });

  it('refuses any change of body, path, method, timestamp, nonce or secret', () => {
    const bad = { ok: false, reason: 'signature_invalid' };
    expect(verify({ nonceHeader: 'another-nonce-0123456789' })).toEqual(bad);
    expect(verify({ body: '{"a":2}' })).toEqual(bad);
    expect(verify({ path: '/partner/erp/parts/A-2' })).toEqual(bad);
    expect(verify({ method: 'POST' })).toEqual(bad);
    expect(verify({ timestampHeader: String(parts.timestamp + 1) })).toEqual(bad);
    expect(verify({ secret: 'c2bs_other' })).toEqual(bad);
    expect(verify({ signatureHeader: 'v1=00' })).toEqual(bad);
  });

  it('checks the signature before the window: a forger learns nothing about the clock', () => {
    expect(verify({ body: 'x', nowSeconds: parts.timestamp + 10_000 })).toEqual({
      ok: false,
      reason: 'signature_invalid',
    });
  });

  it('names missing and malformed headers', () => {
    expect(verify({ signatureHeader: undefined })).toEqual({ ok: false, reason: 'signature_missing' });
    expect(verify({ timestampHeader: undefined })).toEqual({ ok: false, reason: 'signature_missing' });
    expect(verify({ nonceHeader: undefined })).toEqual({ ok: false, reason: 'signature_missing' });
    expect(verify({ nonceHeader: 'short' })).toEqual({ ok: false, reason: 'nonce_invalid' });
    expect(verify({ nonceHeader: 'has spaces in it 0123456' })).toEqual({
      ok: false,
      reason: 'nonce_invalid',
    });
    expect(verify({ timestampHeader: '2026-01-01T00:00:00Z' })).toEqual({
      ok: false,
      reason: 'timestamp_invalid',
    });
    expect(verify({ timestampHeader: '-5' })).toEqual({ ok: false, reason: 'timestamp_invalid' });
  });

  it('generates long random secrets with their prefix', () => {
    const a = generateSigningSecret();
    expect(a).toMatch(/^c2bs_[A-Za-z0-9_-]{43}$/);
    expect(generateSigningSecret()).not.toBe(a);
    expect(generateNonce()).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(generateNonce()).not.toBe(generateNonce());
  });
});
