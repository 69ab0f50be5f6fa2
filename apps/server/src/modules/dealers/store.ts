import type { Selectable } from 'kysely';
import type { Ctx } from '../../platform/context.ts';
import type { DealersDb, ProfilesTable } from './tables.ts';
import { DEALER_SERVICES, type DealerProfile, type DealerService } from './types.ts';

/** The only file of this module with SQL, and only on schema `dealers`. */
const db = (ctx: Ctx): DealersDb => ctx.db;

function toProfile(row: Selectable<ProfilesTable>): DealerProfile {
  const raw = typeof row.services === 'string' ? (JSON.parse(row.services) as string[]) : row.services;
  return {
    orgId: row.org_id,
    services: raw.filter((s): s is DealerService => (DEALER_SERVICES as readonly string[]).includes(s)),
    handoverCapacityPerDay: row.handover_capacity_per_day,
    active: row.active,
    updatedAt: row.updated_at instanceof Date ? row.updated_at : new Date(row.updated_at),
  };
}

export async function listProfiles(ctx: Ctx): Promise<DealerProfile[]> {
  return (await db(ctx).selectFrom('dealers.profiles').selectAll().execute()).map(toProfile);
}

export async function findProfile(ctx: Ctx, orgId: string): Promise<DealerProfile | undefined> {
  const row = await db(ctx)
    .selectFrom('dealers.profiles')
    .selectAll()
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row ? toProfile(row) : undefined;
}

export async function upsertProfile(
  ctx: Ctx,
  profile: Omit<DealerProfile, 'updatedAt'>,
  updatedBy: string | null,
): Promise<void> {
  const values = {
    services: JSON.stringify(profile.services),
    handover_capacity_per_day: profile.handoverCapacityPerDay,
    active: profile.active,
    updated_at: ctx.now,
    updated_by: updatedBy,
  };
  await db(ctx)
    .insertInto('dealers.profiles')
    .values({ org_id: profile.orgId, ...values })
    .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
    .execute();
}
