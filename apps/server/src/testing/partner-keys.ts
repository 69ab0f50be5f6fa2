import { expect } from 'vitest';
import type { TestClient } from '../http/test-client.ts';
import type { PartnerKey } from './partner-client.ts';

/** An admin creates a partner API key (POST /admin/api-keys) and the test keeps what is shown once. */
export async function createPartnerKey(
  admin: TestClient,
  input: { name: string; orgId: string | undefined; scopes: string[] },
): Promise<PartnerKey> {
  const res = await admin.json<{ apiKey: { id: string }; secret: string; signingSecret: string }>(
    'POST',
    '/admin/api-keys',
    { body: input },
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: res.body.apiKey.id, secret: res.body.secret, signingSecret: res.body.signingSecret };
}
