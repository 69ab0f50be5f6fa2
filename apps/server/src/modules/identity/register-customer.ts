import { type Ctx, inTransaction } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './hash-password.ts';
import { normalizeEmail, normalizePhone } from './normalize-login.ts';
import { type StartedSession, startSession } from './start-session.ts';
import * as store from './store.ts';
import type { Locale, User } from './types.ts';

export type RegisterInput = {
  name: string;
  email?: string | undefined;
  phone?: string | undefined;
  password: string;
  locale?: Locale | undefined;
  userAgent?: string | null;
};

/** Checks and normalises the logins of a new account; throws 400/409 naming the field. */
export async function checkNewLogins(
  ctx: Ctx,
  input: { email?: string | undefined; phone?: string | undefined; password: string },
): Promise<{ email: string | null; phone: string | null }> {
  if (!input.email && !input.phone) {
    throw new AppError(
      'bad_request',
      'identity.login_required',
      'Give a phone number or an e-mail address.',
      {
        fields: [
          { path: 'phone', message: 'Phone or e-mail is required' },
          { path: 'email', message: 'Phone or e-mail is required' },
        ],
      },
    );
  }
  const email = input.email ? normalizeEmail(input.email) : null;
  if (email === undefined) {
    throw new AppError('bad_request', 'identity.invalid_email', 'Not a valid e-mail address.', {
      fields: [{ path: 'email', message: 'Not a valid e-mail address' }],
    });
  }
  const phone = input.phone ? normalizePhone(input.phone) : null;
  if (phone === undefined) {
    throw new AppError('bad_request', 'identity.invalid_phone', 'Not a valid mobile number.', {
      fields: [{ path: 'phone', message: 'Not a valid mobile number' }],
    });
  }
  if (input.password.length < PASSWORD_MIN_LENGTH || input.password.length > PASSWORD_MAX_LENGTH) {
    throw new AppError(
      'bad_request',
      'identity.weak_password',
      `Use ${PASSWORD_MIN_LENGTH} or more characters.`,
      {
        fields: [{ path: 'password', message: `At least ${PASSWORD_MIN_LENGTH} characters` }],
      },
    );
  }
  const taken = await store.takenLogins(ctx, { email, phone });
  if (taken.length > 0) {
    throw new AppError('conflict', 'identity.login_taken', 'An account with this login exists already.', {
      fields: taken.map((path) => ({ path, message: 'Already registered' })),
    });
  }
  return { email, phone };
}

/** A customer account (registration, demo data). */
export async function createCustomer(ctx: Ctx, input: Omit<RegisterInput, 'userAgent'>): Promise<User> {
  const logins = await checkNewLogins(ctx, input);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async (tx) => {
    const id = newId('usr');
    try {
      await store.insertUser(tx, {
        id,
        kind: 'customer',
        role: null,
        orgId: null,
        name: input.name.trim(),
        ...logins,
        passwordHash,
        locale: input.locale ?? 'zh-CN',
        createdAt: tx.now,
      });
    } catch (err) {
      // Two registrations with the same login at once: the unique index decides.
      if (store.isUniqueViolation(err))
        throw new AppError('conflict', 'identity.login_taken', 'An account with this login exists already.');
      throw err;
    }
    return (await store.findUser(tx, id)) as User;
  });
}

/** A customer account, signed in at once. */
export async function registerCustomer(ctx: Ctx, input: RegisterInput): Promise<StartedSession> {
  const { userAgent, ...rest } = input;
  // Not one transaction: the password hash is computed outside any transaction (it takes
  // ~100 ms), and an account without its first session is still a valid account.
  const user = await createCustomer(ctx, rest);
  return startSession(ctx, user, userAgent ?? null);
}
