/**
 * An example client of the partner API, for integrators: signs one request the way a system of
 * record must (docs/partner-api.md) and prints the answer.
 *
 *   PARTNER_KEY=c2bk_… PARTNER_SIGNING_SECRET=c2bs_… \
 *     npm run partner-request -- PUT /partner/erp/parts/QC-DEMO-RAIL \
 *       '{"sourceVersion":1,"name":{"zh-CN":"座椅滑轨","en":"Seat rail"},"supplierCode":"SUP-SEAT","leadTimeDays":12,"unit":"pair"}'
 *
 * The body is the third argument, `@file.json` for a file, or `-` for standard input.
 * `PARTNER_URL` is the server (default http://localhost:3000).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

// Written out here (not imported from the server) so this file is the whole recipe.
function sign(
  secret: string,
  timestamp: number,
  nonce: string,
  method: string,
  path: string,
  body: string,
): string {
  const signed = `${timestamp}\n${nonce}\n${method.toUpperCase()}\n${path}\n${body}`;
  return `v1=${createHmac('sha256', secret).update(signed, 'utf8').digest('hex')}`;
}

function bodyOf(arg: string | undefined): string {
  if (arg === undefined) return '';
  if (arg === '-') return readFileSync(0, 'utf8');
  if (arg.startsWith('@')) return readFileSync(arg.slice(1), 'utf8');
  return arg;
}

async function main(): Promise<number> {
  const [method, path, bodyArg] = process.argv.slice(2);
  const key = process.env['PARTNER_KEY'];
  const secret = process.env['PARTNER_SIGNING_SECRET'];
  if (!method || !path?.startsWith('/') || !key || !secret) {
    console.error(
      'usage: PARTNER_KEY=c2bk_… PARTNER_SIGNING_SECRET=c2bs_… node apps/server/scripts/partner-request.ts METHOD /path [body | @file | -]',
    );
    return 2;
  }
  const base = process.env['PARTNER_URL'] ?? 'http://localhost:3000';
  const body = bodyOf(bodyArg);
  const timestamp = Math.floor(Date.now() / 1000);
  // New for every request, retries included: the server accepts a signature once.
  const nonce = randomBytes(18).toString('base64url');
  const res = await fetch(new URL(path, base), {
    method,
    headers: {
      accept: 'application/json',
      authorization: `Bearer ${key}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
      'OpenC2B-Timestamp': String(timestamp),
      'OpenC2B-Nonce': nonce,
      'OpenC2B-Signature': sign(secret, timestamp, nonce, method, path, body),
    },
    ...(body ? { body } : {}),
  });
  const replayed = res.headers.get('idempotent-replayed');
  console.log(`${res.status} ${res.statusText}${replayed ? ' (Idempotent-Replayed: true)' : ''}`);
  const text = await res.text();
  try {
    console.log(JSON.stringify(JSON.parse(text), null, 2));
  } catch {
    console.log(text);
  }
  return res.ok ? 0 : 1;
}

process.exitCode = await main();
