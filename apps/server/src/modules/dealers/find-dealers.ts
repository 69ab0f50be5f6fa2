import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import {
  assertAuthorized,
  findDealerOrganisation,
  listDealerOrganisations,
  type Organisation,
} from '../identity/index.ts';
import { distanceKm, type LatLng } from './distance-km.ts';
import * as store from './store.ts';
import type { Dealer, DealerProfile, DealerService } from './types.ts';

export type DealerFilter = {
  /** City name in either language, any case. */
  city?: string | undefined;
  /** Sort by distance from here and give each dealer's distance. */
  near?: LatLng | undefined;
  service?: DealerService | undefined;
};

export function dealerOf(org: Organisation, profile: DealerProfile, near?: LatLng): Dealer {
  const located = near && org.lat !== null && org.lng !== null;
  return {
    id: org.id,
    code: org.code,
    name: org.name,
    city: org.city,
    address: org.address,
    lat: org.lat,
    lng: org.lng,
    phone: org.phone,
    openingHours: org.openingHours,
    services: profile.services,
    handoverCapacityPerDay: profile.handoverCapacityPerDay,
    active: profile.active,
    distanceKm: located ? distanceKm(near, { lat: org.lat as number, lng: org.lng as number }) : null,
  };
}

const sameCity = (org: Organisation, city: string) => {
  const want = city.trim().toLowerCase();
  return (
    org.city !== null && (org.city['zh-CN'].toLowerCase() === want || org.city.en.toLowerCase() === want)
  );
};

/**
 * The customer directory: active dealers (with a profile), optionally in one city or offering
 * one service; nearest first when a location is given, else by city and name.
 */
export async function listDealers(ctx: Ctx, filter: DealerFilter = {}): Promise<Dealer[]> {
  assertAuthorized(ctx.actor, 'dealer_directory.read');
  const [orgs, profiles] = await Promise.all([listDealerOrganisations(ctx), store.listProfiles(ctx)]);
  const byOrg = new Map(profiles.map((p) => [p.orgId, p]));
  const dealers: Dealer[] = [];
  for (const org of orgs) {
    const profile = byOrg.get(org.id);
    if (!profile?.active) continue;
    if (filter.city && !sameCity(org, filter.city)) continue;
    if (filter.service && !profile.services.includes(filter.service)) continue;
    dealers.push(dealerOf(org, profile, filter.near));
  }
  return dealers.sort((a, b) => {
    if (filter.near) {
      const d = (a.distanceKm ?? Number.POSITIVE_INFINITY) - (b.distanceKm ?? Number.POSITIVE_INFINITY);
      if (d !== 0) return d;
    }
    return (
      (a.city?.en ?? '').localeCompare(b.city?.en ?? '') ||
      a.name.en.localeCompare(b.name.en) ||
      a.code.localeCompare(b.code)
    );
  });
}

/** An active dealer of the directory; 404 `dealers.dealer_not_found` otherwise. */
export async function getDealer(ctx: Ctx, id: string): Promise<Dealer> {
  assertAuthorized(ctx.actor, 'dealer_directory.read');
  const dealer = await findActiveDealer(ctx, id);
  if (!dealer) throw new AppError('not_found', 'dealers.dealer_not_found', `No active dealer ${id}.`);
  return dealer;
}

/** An active dealer, or undefined (unknown id, not a dealer, no profile, or deactivated). */
export async function findActiveDealer(ctx: Ctx, id: string): Promise<Dealer | undefined> {
  const [org, profile] = await Promise.all([findDealerOrganisation(ctx, id), store.findProfile(ctx, id)]);
  return org && profile?.active ? dealerOf(org, profile) : undefined;
}

/**
 * How many vehicles the dealer can hand over per day, or undefined when the dealer has no
 * profile (then its hand-overs are not limited by this module). For the delivery promise.
 */
export async function getHandoverCapacity(ctx: Ctx, dealerId: string): Promise<number | undefined> {
  return (await store.findProfile(ctx, dealerId))?.handoverCapacityPerDay;
}
