import type { Actor } from '../../platform/actor.ts';
import type { Ctx } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { generateSecret, hashSecret } from './generate-secret.ts';
import { initialExpiry } from './renew-session.ts';
import * as store from './store.ts';
import type { User } from './types.ts';

/** A new session for a user who just proved who they are. The token is returned once, for the cookie. */
export type StartedSession = { user: User; sessionToken: string; expiresAt: Date };

export async function startSession(ctx: Ctx, user: User, userAgent: string | null): Promise<StartedSession> {
  const sessionToken = generateSecret();
  const expiresAt = initialExpiry(ctx.now);
  await store.deleteExpiredSessions(ctx, user.id, ctx.now);
  await store.insertSession(ctx, {
    id: newId('ses'),
    userId: user.id,
    tokenHash: hashSecret(sessionToken),
    createdAt: ctx.now,
    expiresAt,
    userAgent: userAgent?.slice(0, 300) ?? null,
  });
  return { user, sessionToken, expiresAt };
}

/** The actor a signed-in user acts as. */
export function actorOf(user: User): Actor {
  if (user.kind === 'staff' && user.role && user.orgId) {
    return { kind: 'staff', userId: user.id, role: user.role, orgId: user.orgId };
  }
  return { kind: 'customer', userId: user.id };
}
