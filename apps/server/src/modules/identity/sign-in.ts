import { recordAudit } from '../../platform/audit.ts';
import { type Ctx, inTransaction } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { checkLoginThrottle, LOGIN_THROTTLE } from './check-login-throttle.ts';
import {
  hashPassword,
  needsRehash,
  PASSWORD_MAX_LENGTH,
  verifyAgainstDummy,
  verifyPassword,
} from './hash-password.ts';
import { parseLogin } from './normalize-login.ts';
import { actorOf, type StartedSession, startSession } from './start-session.ts';
import * as store from './store.ts';

export type SignInInput = { login: string; password: string; userAgent?: string | null };

function invalidCredentials(): AppError {
  return new AppError('unauthenticated', 'identity.invalid_credentials', 'Wrong login or password.');
}

/**
 * Sign-in by e-mail or phone and password. Unknown logins cost the same time as wrong passwords
 * and get the same answer. After too many failures the login is locked (429 with
 * `retryAfter` seconds), even for the right password.
 */
export async function signIn(ctx: Ctx, input: SignInInput): Promise<StartedSession> {
  const login = parseLogin(input.login);
  // Malformed logins are throttled too, under their raw text.
  const throttleKey = login?.value ?? input.login.trim().toLowerCase().slice(0, 320);
  const since = new Date(ctx.now.getTime() - LOGIN_THROTTLE.windowMs);
  const throttle = checkLoginThrottle(await store.listLoginFailures(ctx, throttleKey, since), ctx.now);
  if (!throttle.ok) {
    throw new AppError(
      'rate_limited',
      'identity.too_many_attempts',
      'Too many failed sign-ins. Try again later.',
      {
        extra: { retryAfter: throttle.retryAfterSeconds },
      },
    );
  }

  const found =
    login && input.password.length <= PASSWORD_MAX_LENGTH
      ? await store.findUserForSignIn(ctx, login)
      : undefined;
  const ok =
    found && !found.disabled
      ? await verifyPassword(input.password, found.passwordHash)
      : await verifyAgainstDummy(input.password);
  if (!found || !ok) {
    await inTransaction(ctx, async (tx) => {
      await store.deleteLoginFailures(tx, throttleKey, since);
      await store.insertLoginFailure(tx, { id: newId('att'), login: throttleKey, at: ctx.now });
    });
    throw invalidCredentials();
  }

  const upgraded = needsRehash(found.passwordHash) ? await hashPassword(input.password) : undefined;
  return inTransaction(ctx, async (tx) => {
    await store.deleteLoginFailures(tx, throttleKey);
    if (upgraded) await store.updatePasswordHash(tx, found.user.id, upgraded);
    const session = await startSession(tx, found.user, input.userAgent ?? null);
    if (found.user.kind === 'staff') {
      await recordAudit(
        { ...tx, actor: actorOf(found.user) },
        { action: 'identity.signed_in', targetType: 'user', targetId: found.user.id },
      );
    }
    return session;
  });
}
