import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { assertAuthorized } from './authorize.ts';
import * as store from './store.ts';
import type { Bilingual, Organisation, OrganisationKind, User } from './types.ts';

const orgOf = (ctx: Ctx): string | null =>
  ctx.actor.kind === 'staff' || ctx.actor.kind === 'api_key' ? ctx.actor.orgId : null;

/** Every organisation (HQ view), optionally of one kind. */
export async function listOrganisations(
  ctx: Ctx,
  filter: { kind?: OrganisationKind } = {},
): Promise<Organisation[]> {
  assertAuthorized(ctx.actor, 'organisation.list');
  return store.listOrganisations(ctx, filter);
}

/**
 * A dealer's profile, for staff of that dealer. Another dealer's id answers exactly like an id
 * that does not exist.
 */
export async function getDealership(ctx: Ctx, id: string): Promise<Organisation> {
  assertAuthorized(ctx.actor, 'dealership.read');
  const org = await store.findOrganisation(ctx, id);
  const notFoundCode = 'identity.dealership_not_found';
  if (org?.kind !== 'dealer') throw new AppError('not_found', notFoundCode, 'No such dealership.');
  assertAuthorized(ctx.actor, 'dealership.read', { orgId: org.id, notFoundCode });
  return org;
}

/** The dealership of the signed-in dealer staff member. */
export async function getOwnDealership(ctx: Ctx): Promise<Organisation> {
  assertAuthorized(ctx.actor, 'dealership.read');
  return getDealership(ctx, orgOf(ctx) ?? '');
}

/** Colleagues at the signed-in staff member's dealer. */
export async function listDealerStaff(ctx: Ctx): Promise<User[]> {
  assertAuthorized(ctx.actor, 'dealer_staff.list');
  const dealer = await getDealership(ctx, orgOf(ctx) ?? '');
  assertAuthorized(ctx.actor, 'dealer_staff.list', {
    orgId: dealer.id,
    notFoundCode: 'identity.dealership_not_found',
  });
  return (await store.listUsers(ctx, { orgId: dealer.id, kind: 'staff', limit: 500 })).items;
}

/** The organisation of a supplier user or partner API key. */
export async function getPartnerOrganisation(ctx: Ctx): Promise<Organisation> {
  assertAuthorized(ctx.actor, 'partner_organisation.read');
  const notFoundCode = 'identity.organisation_not_found';
  const org = await store.findOrganisation(ctx, orgOf(ctx) ?? '');
  if (!org) throw new AppError('not_found', notFoundCode, 'No such organisation.');
  assertAuthorized(ctx.actor, 'partner_organisation.read', { orgId: org.id, notFoundCode });
  return org;
}

/** The plant of a planner or station operator. */
export async function getOwnPlant(ctx: Ctx): Promise<Organisation> {
  assertAuthorized(ctx.actor, 'plant.read');
  const notFoundCode = 'identity.plant_not_found';
  const org = await store.findOrganisation(ctx, orgOf(ctx) ?? '');
  if (org?.kind !== 'plant') throw new AppError('not_found', notFoundCode, 'No such plant.');
  assertAuthorized(ctx.actor, 'plant.read', { orgId: org.id, notFoundCode });
  return org;
}

export type BrandFacts = { name: Bilingual; dealerCities: Bilingual[] };

/** Public: the brand's name and the cities with a dealer. */
export async function getBrandFacts(ctx: Ctx): Promise<BrandFacts> {
  assertAuthorized(ctx.actor, 'brand.read');
  const [brand] = await store.listOrganisations(ctx, { kind: 'brand' });
  const dealers = await store.listOrganisations(ctx, { kind: 'dealer' });
  const cities = new Map<string, Bilingual>();
  for (const d of dealers) if (d.city) cities.set(d.city.en, d.city);
  return {
    name: brand?.name ?? { 'zh-CN': 'OpenC2B', en: 'OpenC2B' },
    dealerCities: [...cities.values()].sort((a, b) => a.en.localeCompare(b.en)),
  };
}

/**
 * Dealer organisations (name, address, location, phone, opening hours), for modules that build
 * on them: the dealer directory decides itself who may read it. No access check here.
 */
export async function listDealerOrganisations(ctx: Ctx): Promise<Organisation[]> {
  return store.listOrganisations(ctx, { kind: 'dealer' });
}

/** One dealer organisation by id, or undefined (also for an id of another kind). No access check. */
export async function findDealerOrganisation(ctx: Ctx, id: string): Promise<Organisation | undefined> {
  const org = await store.findOrganisation(ctx, id);
  return org?.kind === 'dealer' ? org : undefined;
}
