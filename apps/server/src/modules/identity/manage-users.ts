import type { StaffRole } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { type Ctx, inTransaction } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { assertAuthorized } from './authorize.ts';
import { hashPassword } from './hash-password.ts';
import { ROLE_ORG_KIND } from './permissions.ts';
import { checkNewLogins } from './register-customer.ts';
import * as store from './store.ts';
import type { Locale, Page, User } from './types.ts';

export type NewStaffUser = {
  name: string;
  email: string;
  phone?: string | undefined;
  password: string;
  role: StaffRole;
  orgId: string;
  locale?: Locale | undefined;
};

/**
 * A staff account, bound to one organisation of the kind its role needs (a dealer for
 * dealer_staff, a supplier for supplier_user, a plant for planners and station operators, the
 * brand HQ otherwise). Admins and the system only.
 */
export async function createStaffUser(ctx: Ctx, input: NewStaffUser): Promise<User> {
  assertAuthorized(ctx.actor, 'user.manage');
  const org = await store.findOrganisation(ctx, input.orgId);
  if (!org) {
    throw new AppError('unprocessable', 'identity.organisation_not_found', 'No such organisation.', {
      fields: [{ path: 'orgId', message: 'No such organisation' }],
    });
  }
  const needed = ROLE_ORG_KIND[input.role];
  if (org.kind !== needed) {
    throw new AppError(
      'unprocessable',
      'identity.role_org_mismatch',
      `Role ${input.role} belongs to a ${needed}.`,
      {
        fields: [{ path: 'orgId', message: `Must be a ${needed} for role ${input.role}` }],
      },
    );
  }
  const logins = await checkNewLogins(ctx, input);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async (tx) => {
    const id = newId('usr');
    await store.insertUser(tx, {
      id,
      kind: 'staff',
      role: input.role,
      orgId: org.id,
      name: input.name.trim(),
      ...logins,
      passwordHash,
      locale: input.locale ?? 'zh-CN',
      createdAt: tx.now,
    });
    await recordAudit(tx, {
      action: 'identity.user_created',
      targetType: 'user',
      targetId: id,
      orgId: org.id,
      data: { role: input.role },
    });
    return (await store.findUser(tx, id)) as User;
  });
}

export async function listUsers(
  ctx: Ctx,
  page: { cursor?: string | undefined; limit?: number },
): Promise<Page<User>> {
  assertAuthorized(ctx.actor, 'user.manage');
  return store.listUsers(ctx, {
    ...(page.cursor !== undefined ? { cursor: page.cursor } : {}),
    limit: Math.min(Math.max(page.limit ?? 50, 1), 200),
  });
}

/** The signed-in account. */
export async function getAccount(ctx: Ctx): Promise<User> {
  assertAuthorized(ctx.actor, 'account.read');
  const userId = ctx.actor.kind === 'customer' || ctx.actor.kind === 'staff' ? ctx.actor.userId : undefined;
  const user = userId ? await store.findUser(ctx, userId) : undefined;
  if (!user) throw new AppError('unauthenticated', 'identity.unauthenticated', 'Sign in to continue.');
  return user;
}

export async function findUserByLogin(ctx: Ctx, login: { kind: 'email' | 'phone'; value: string }) {
  return (await store.findUserForSignIn(ctx, login))?.user;
}

/**
 * A person by id (no hashes), for modules that record who did something or who bought what,
 * e.g. the buyer's name and phone on an order. No access check: callers decide what to show.
 */
export async function findUser(ctx: Ctx, id: string): Promise<User | undefined> {
  return store.findUser(ctx, id);
}
