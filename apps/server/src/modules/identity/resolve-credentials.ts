import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { type Ctx, inTransaction } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { API_KEY_PREFIX, hashSecret } from './generate-secret.ts';
import { renewSession } from './renew-session.ts';
import { actorOf } from './start-session.ts';
import * as store from './store.ts';
import type { User } from './types.ts';

export type ResolvedSession = {
  actor: Actor;
  user: User;
  sessionId: string;
  expiresAt: Date;
  /** Set when the expiry moved forward: the cookie should be set again. */
  renewed: boolean;
};

/** The session a cookie token belongs to, renewing it when due; undefined when unknown or expired. */
export async function resolveSession(ctx: Ctx, token: string): Promise<ResolvedSession | undefined> {
  if (token.length < 20 || token.length > 200) return undefined;
  const session = await store.findSessionByTokenHash(ctx, hashSecret(token));
  if (!session || session.disabled || session.expiresAt.getTime() <= ctx.now.getTime()) return undefined;
  const next = renewSession(session, ctx.now);
  if (next) await store.extendSession(ctx, session.id, next, ctx.now);
  return {
    actor: actorOf(session.user),
    user: session.user,
    sessionId: session.id,
    expiresAt: next ?? session.expiresAt,
    renewed: next !== undefined,
  };
}

/** The actor of a partner API key; a presented key that is unknown, revoked or expired is a 401. */
export async function resolveApiKey(ctx: Ctx, secret: string): Promise<Actor> {
  const key = secret.startsWith(API_KEY_PREFIX)
    ? await store.findApiKeyBySecretHash(ctx, hashSecret(secret))
    : undefined;
  if (!key || key.revokedAt || (key.expiresAt && key.expiresAt.getTime() <= ctx.now.getTime())) {
    throw new AppError(
      'unauthenticated',
      'identity.invalid_api_key',
      'The API key is unknown, expired or revoked.',
    );
  }
  await store.touchApiKey(ctx, key.id, ctx.now);
  return { kind: 'api_key', keyId: key.id, orgId: key.orgId, scopes: [...key.scopes] };
}

/** Ends the session of this token (idempotent). */
export async function signOut(ctx: Ctx, token: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const sessionId = await store.deleteSessionByTokenHash(tx, hashSecret(token));
    if (sessionId && tx.actor.kind === 'staff') {
      await recordAudit(tx, { action: 'identity.signed_out', targetType: 'user', targetId: tx.actor.userId });
    }
  });
}
