import { recordAudit } from '../../platform/audit.ts';
import { type Ctx, inTransaction } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { assertAuthorized } from './authorize.ts';
import { API_KEY_PREFIX, generateSecret, hashSecret } from './generate-secret.ts';
import type { ApiKeyScope } from './permissions.ts';
import * as store from './store.ts';
import type { ApiKey } from './types.ts';

export type NewApiKey = { name: string; orgId: string; scopes: ApiKeyScope[]; expiresAt?: Date | undefined };

/** A partner API key. The secret is returned here once and only its sha256 is kept. */
export async function createApiKey(ctx: Ctx, input: NewApiKey): Promise<{ apiKey: ApiKey; secret: string }> {
  assertAuthorized(ctx.actor, 'api_key.manage');
  const org = await store.findOrganisation(ctx, input.orgId);
  if (!org) {
    throw new AppError('unprocessable', 'identity.organisation_not_found', 'No such organisation.', {
      fields: [{ path: 'orgId', message: 'No such organisation' }],
    });
  }
  if (input.expiresAt && input.expiresAt.getTime() <= ctx.now.getTime()) {
    throw new AppError('bad_request', 'identity.invalid_expiry', 'The expiry must be in the future.', {
      fields: [{ path: 'expiresAt', message: 'Must be in the future' }],
    });
  }
  const secret = generateSecret(API_KEY_PREFIX);
  const apiKey: ApiKey = {
    id: newId('key'),
    name: input.name.trim(),
    orgId: org.id,
    scopes: [...new Set(input.scopes)],
    prefix: secret.slice(0, API_KEY_PREFIX.length + 6),
    createdAt: ctx.now,
    lastUsedAt: null,
    expiresAt: input.expiresAt ?? null,
    revokedAt: null,
  };
  const createdBy = ctx.actor.kind === 'staff' ? ctx.actor.userId : null;
  await inTransaction(ctx, async (tx) => {
    await store.insertApiKey(tx, { ...apiKey, secretHash: hashSecret(secret), createdBy });
    await recordAudit(tx, {
      action: 'identity.api_key_created',
      targetType: 'api_key',
      targetId: apiKey.id,
      orgId: org.id,
      data: { scopes: apiKey.scopes },
    });
  });
  return { apiKey, secret };
}

export async function listApiKeys(ctx: Ctx): Promise<ApiKey[]> {
  assertAuthorized(ctx.actor, 'api_key.manage');
  return store.listApiKeys(ctx);
}

/** Revokes a key; revoking a revoked key again is a no-op. */
export async function revokeApiKey(ctx: Ctx, id: string): Promise<void> {
  assertAuthorized(ctx.actor, 'api_key.manage');
  const key = await store.findApiKey(ctx, id);
  if (!key) throw new AppError('not_found', 'identity.api_key_not_found', 'No such API key.');
  assertAuthorized(ctx.actor, 'api_key.manage', {
    orgId: key.orgId,
    notFoundCode: 'identity.api_key_not_found',
  });
  await inTransaction(ctx, async (tx) => {
    if (await store.revokeApiKey(tx, id, tx.now)) {
      await recordAudit(tx, {
        action: 'identity.api_key_revoked',
        targetType: 'api_key',
        targetId: id,
        orgId: key.orgId,
      });
    }
  });
}
