import { recordAudit } from '../../platform/audit.ts';
import { type Ctx, inTransaction } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { assertAuthorized } from './authorize.ts';
import * as store from './store.ts';
import type { Organisation } from './types.ts';

export type NewOrganisation = Omit<Organisation, 'id'>;

/** An organisation (brand HQ, dealer, supplier, plant). Codes are unique. Admins and the system only. */
export async function createOrganisation(ctx: Ctx, input: NewOrganisation): Promise<Organisation> {
  assertAuthorized(ctx.actor, 'user.manage');
  if (await store.findOrganisationByCode(ctx, input.code)) {
    throw new AppError('conflict', 'identity.organisation_code_taken', `Code ${input.code} is in use.`, {
      fields: [{ path: 'code', message: 'Already in use' }],
    });
  }
  const org: Organisation = { ...input, id: newId('org') };
  await inTransaction(ctx, async (tx) => {
    await store.insertOrganisation(tx, { ...org, createdAt: tx.now });
    await recordAudit(tx, {
      action: 'identity.organisation_created',
      targetType: 'organisation',
      targetId: org.id,
      orgId: org.id,
      data: { kind: org.kind, code: org.code },
    });
  });
  return org;
}

export async function findOrganisationByCode(ctx: Ctx, code: string): Promise<Organisation | undefined> {
  return store.findOrganisationByCode(ctx, code);
}

/** An organisation by id, for other modules' checks (e.g. "is this a supplier?"); callers authorise. */
export async function findOrganisation(ctx: Ctx, id: string): Promise<Organisation | undefined> {
  return store.findOrganisation(ctx, id);
}
