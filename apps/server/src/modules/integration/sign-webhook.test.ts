import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateWebhookSecret, signWebhook, verifyWebhookSignature } from './sign-webhook.ts';

const secret = 'whsec_test-secret';
const body = '{"id":"evt_1","type":"catalog.version_published","payload":{"名":"值"}}';

describe('webhook signature', () => {
  it('is v1= hex HMAC-SHA256 of "<timestamp>.<body>" keyed by the secret', () => {
    const independent = createHmac('sha256', Buffer.from(secret, 'utf8'))
      .update(Buffer.from(`1767225600.${body}`, 'utf8'))
      .digest('hex');
    expect(signWebhook(secret, 1_767_225_600, body)).toBe(`v1=${independent}`);
    // A fixed vector, so a change of the scheme cannot pass unnoticed.
    expect(signWebhook('key', 0, 'x')).toBe(`v1=${createHmac('sha256', 'key').update('0.x').digest('hex')}`);
  });

  it('verifies a fresh signature and refuses a changed body, another secret, an old or future timestamp, and junk', () => {
    const ts = 1_767_225_600;
    const signature = signWebhook(secret, ts, body);
    const ok = { secret, signature, timestamp: String(ts), body, nowSeconds: ts + 10 };
    expect(verifyWebhookSignature(ok)).toEqual({ ok: true });
    expect(verifyWebhookSignature({ ...ok, body: `${body} ` })).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(verifyWebhookSignature({ ...ok, secret: 'whsec_other' })).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    // A recorded request replayed later: the signature is right, the timestamp too old.
    expect(verifyWebhookSignature({ ...ok, nowSeconds: ts + 301 })).toEqual({
      ok: false,
      reason: 'stale_timestamp',
    });
    expect(verifyWebhookSignature({ ...ok, nowSeconds: ts - 301 })).toEqual({
      ok: false,
      reason: 'stale_timestamp',
    });
    expect(verifyWebhookSignature({ ...ok, nowSeconds: ts + 300 })).toEqual({ ok: true });
    // The timestamp is signed: moving it forward breaks the signature.
    expect(verifyWebhookSignature({ ...ok, timestamp: String(ts + 1000), nowSeconds: ts + 1000 })).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(verifyWebhookSignature({ ...ok, signature: null })).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyWebhookSignature({ ...ok, timestamp: '12abc' })).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyWebhookSignature({ ...ok, signature: 'v1=' })).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    // Several signatures (e.g. during a change of scheme): one good one is enough.
    expect(verifyWebhookSignature({ ...ok, signature: `v1=deadbeef, ${signature}` })).toEqual({ ok: true });
  });

  it('generates distinct secrets with the whsec_ prefix and 256 bits of randomness', () => {
    const a = generateWebhookSecret();
    const b = generateWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
  });
});
