import { actorId } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { type Ctx, inTransaction } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { publish } from '../../platform/events/publish.ts';
import { assertAuthorized, findDealerOrganisation, listDealerOrganisations } from '../identity/index.ts';
import { profileUpdated } from './events.ts';
import { dealerOf } from './find-dealers.ts';
import * as store from './store.ts';
import type { Dealer, DealerService } from './types.ts';

export type DealerProfileInput = {
  services: DealerService[];
  handoverCapacityPerDay: number;
  active: boolean;
};

/** HQ view: every dealer organisation with its profile (inactive ones too; none = no profile yet). */
export async function listDealerProfiles(
  ctx: Ctx,
): Promise<{ dealer: Dealer | null; orgId: string; code: string }[]> {
  assertAuthorized(ctx.actor, 'dealer_profile.manage');
  const [orgs, profiles] = await Promise.all([listDealerOrganisations(ctx), store.listProfiles(ctx)]);
  const byOrg = new Map(profiles.map((p) => [p.orgId, p]));
  return orgs.map((org) => {
    const profile = byOrg.get(org.id);
    return { orgId: org.id, code: org.code, dealer: profile ? dealerOf(org, profile) : null };
  });
}

/** Creates or replaces a dealer organisation's profile (services, hand-over capacity, active). */
export async function setDealerProfile(ctx: Ctx, orgId: string, input: DealerProfileInput): Promise<Dealer> {
  assertAuthorized(ctx.actor, 'dealer_profile.manage');
  const org = await findDealerOrganisation(ctx, orgId);
  if (!org) throw new AppError('not_found', 'dealers.dealer_not_found', `No dealer organisation ${orgId}.`);
  const services = [...new Set(input.services)];
  return inTransaction(ctx, async (tx) => {
    await store.upsertProfile(tx, { orgId, ...input, services }, actorId(tx.actor));
    await publish(tx, profileUpdated, orgId, {
      dealerId: orgId,
      code: org.code,
      services,
      handoverCapacityPerDay: input.handoverCapacityPerDay,
      active: input.active,
    });
    await recordAudit(tx, {
      action: 'dealers.profile_updated',
      targetType: 'dealers.profile',
      targetId: orgId,
      orgId,
      data: { services, handoverCapacityPerDay: input.handoverCapacityPerDay, active: input.active },
    });
    return dealerOf(org, { orgId, ...input, services, updatedAt: tx.now });
  });
}
