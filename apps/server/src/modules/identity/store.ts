import type { Selectable } from 'kysely';
import type { StaffRole } from '../../platform/actor.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Login } from './normalize-login.ts';
import { type ApiKeyScope, isApiKeyScope, isStaffRole } from './permissions.ts';
import type { ApiKeysTable, IdentityDb, OrganisationsTable } from './tables.ts';
import type {
  ApiKey,
  Bilingual,
  Locale,
  Organisation,
  OrganisationKind,
  Page,
  User,
  UserKind,
} from './types.ts';

/** The only file of this module with SQL. Maps rows to the module's types; hashes stay in here unless asked for. */
const db = (ctx: Ctx): IdentityDb => ctx.db;

const bilingual = (zh: string | null, en: string | null): Bilingual | null =>
  zh !== null && en !== null ? { 'zh-CN': zh, en } : null;

const toDate = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));
const toDateOrNull = (v: Date | string | null): Date | null => (v === null ? null : toDate(v));

/** A unique index refused the write (PostgreSQL SQLSTATE 23505, from pg and PGlite alike). */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';
}

// ---------------------------------------------------------------- organisations

export type NewOrganisation = Organisation & { createdAt: Date };

function toOrganisation(row: Selectable<OrganisationsTable>): Organisation {
  return {
    id: row.id,
    kind: row.kind as OrganisationKind,
    code: row.code,
    name: { 'zh-CN': row.name_zh, en: row.name_en },
    city: bilingual(row.city_zh, row.city_en),
    address: bilingual(row.address_zh, row.address_en),
    lat: row.lat === null ? null : Number(row.lat),
    lng: row.lng === null ? null : Number(row.lng),
    phone: row.phone,
    openingHours: row.opening_hours,
  };
}

export async function insertOrganisation(ctx: Ctx, org: NewOrganisation): Promise<void> {
  await db(ctx)
    .insertInto('identity.organisations')
    .values({
      id: org.id,
      kind: org.kind,
      code: org.code,
      name_zh: org.name['zh-CN'],
      name_en: org.name.en,
      city_zh: org.city?.['zh-CN'] ?? null,
      city_en: org.city?.en ?? null,
      address_zh: org.address?.['zh-CN'] ?? null,
      address_en: org.address?.en ?? null,
      lat: org.lat,
      lng: org.lng,
      phone: org.phone,
      opening_hours: org.openingHours,
      created_at: org.createdAt,
    })
    .execute();
}

export async function findOrganisation(ctx: Ctx, id: string): Promise<Organisation | undefined> {
  const row = await db(ctx)
    .selectFrom('identity.organisations')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toOrganisation(row) : undefined;
}

export async function findOrganisationByCode(ctx: Ctx, code: string): Promise<Organisation | undefined> {
  const row = await db(ctx)
    .selectFrom('identity.organisations')
    .selectAll()
    .where('code', '=', code)
    .executeTakeFirst();
  return row ? toOrganisation(row) : undefined;
}

export async function listOrganisations(
  ctx: Ctx,
  filter: { kind?: OrganisationKind } = {},
): Promise<Organisation[]> {
  let q = db(ctx).selectFrom('identity.organisations').selectAll();
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  const rows = await q.orderBy('kind').orderBy('code').execute();
  return rows.map(toOrganisation);
}

// ---------------------------------------------------------------- users

const userColumns = [
  'u.id',
  'u.name',
  'u.kind',
  'u.role',
  'u.org_id',
  'u.email',
  'u.phone',
  'u.locale',
  'u.created_at',
  'u.disabled_at',
  'o.name_zh as org_name_zh',
  'o.name_en as org_name_en',
] as const;

type UserRow = {
  id: string;
  name: string;
  kind: string;
  role: string | null;
  org_id: string | null;
  email: string | null;
  phone: string | null;
  locale: string;
  created_at: Date | string;
  disabled_at: Date | string | null;
  org_name_zh: string | null;
  org_name_en: string | null;
};

function toUser(row: UserRow): User {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as UserKind,
    role: row.role !== null && isStaffRole(row.role) ? row.role : null,
    orgId: row.org_id,
    orgName: bilingual(row.org_name_zh, row.org_name_en),
    email: row.email,
    phone: row.phone,
    locale: row.locale as Locale,
    createdAt: toDate(row.created_at),
  };
}

const usersWithOrg = (ctx: Ctx) =>
  db(ctx)
    .selectFrom('identity.users as u')
    .leftJoin('identity.organisations as o', 'o.id', 'u.org_id')
    .select(userColumns);

export type NewUser = {
  id: string;
  kind: UserKind;
  role: StaffRole | null;
  orgId: string | null;
  name: string;
  email: string | null;
  phone: string | null;
  passwordHash: string;
  locale: Locale;
  createdAt: Date;
};

export async function insertUser(ctx: Ctx, user: NewUser): Promise<void> {
  await db(ctx)
    .insertInto('identity.users')
    .values({
      id: user.id,
      kind: user.kind,
      role: user.role,
      org_id: user.orgId,
      name: user.name,
      email: user.email,
      phone: user.phone,
      password_hash: user.passwordHash,
      locale: user.locale,
      created_at: user.createdAt,
    })
    .execute();
}

export async function findUser(ctx: Ctx, id: string): Promise<User | undefined> {
  const row = await usersWithOrg(ctx).where('u.id', '=', id).executeTakeFirst();
  return row ? toUser(row) : undefined;
}

/** A user with the password hash, for sign-in only. */
export async function findUserForSignIn(
  ctx: Ctx,
  login: Login,
): Promise<{ user: User; passwordHash: string; disabled: boolean } | undefined> {
  const row = await usersWithOrg(ctx)
    .select('u.password_hash')
    .where(login.kind === 'email' ? 'u.email' : 'u.phone', '=', login.value)
    .executeTakeFirst();
  return row
    ? { user: toUser(row), passwordHash: row.password_hash, disabled: row.disabled_at !== null }
    : undefined;
}

/** Which of the given logins already belong to an account. */
export async function takenLogins(
  ctx: Ctx,
  logins: { email: string | null; phone: string | null },
): Promise<('email' | 'phone')[]> {
  const { email, phone } = logins;
  if (email === null && phone === null) return [];
  const rows = await db(ctx)
    .selectFrom('identity.users')
    .select(['email', 'phone'])
    .where((eb) =>
      eb.or([
        ...(email !== null ? [eb('email', '=', email)] : []),
        ...(phone !== null ? [eb('phone', '=', phone)] : []),
      ]),
    )
    .execute();
  const taken = new Set<'email' | 'phone'>();
  for (const row of rows) {
    if (email !== null && row.email === email) taken.add('email');
    if (phone !== null && row.phone === phone) taken.add('phone');
  }
  return [...taken];
}

export async function updatePasswordHash(ctx: Ctx, userId: string, passwordHash: string): Promise<void> {
  await db(ctx)
    .updateTable('identity.users')
    .set({ password_hash: passwordHash })
    .where('id', '=', userId)
    .execute();
}

/** Pages by id (ids sort by creation time). */
export async function listUsers(
  ctx: Ctx,
  filter: { orgId?: string; kind?: UserKind; cursor?: string; limit: number },
): Promise<Page<User>> {
  let q = usersWithOrg(ctx);
  if (filter.orgId !== undefined) q = q.where('u.org_id', '=', filter.orgId);
  if (filter.kind !== undefined) q = q.where('u.kind', '=', filter.kind);
  if (filter.cursor !== undefined) q = q.where('u.id', '>', filter.cursor);
  const rows = await q
    .orderBy('u.id')
    .limit(filter.limit + 1)
    .execute();
  const items = rows.slice(0, filter.limit).map(toUser);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > filter.limit && last ? last.id : null };
}

// ---------------------------------------------------------------- sessions

export type SessionRecord = {
  id: string;
  createdAt: Date;
  expiresAt: Date;
  user: User;
  disabled: boolean;
};

export async function insertSession(
  ctx: Ctx,
  s: {
    id: string;
    userId: string;
    tokenHash: string;
    createdAt: Date;
    expiresAt: Date;
    userAgent: string | null;
  },
): Promise<void> {
  await db(ctx)
    .insertInto('identity.sessions')
    .values({
      id: s.id,
      user_id: s.userId,
      token_hash: s.tokenHash,
      created_at: s.createdAt,
      last_seen_at: s.createdAt,
      expires_at: s.expiresAt,
      user_agent: s.userAgent,
    })
    .execute();
}

export async function findSessionByTokenHash(
  ctx: Ctx,
  tokenHash: string,
): Promise<SessionRecord | undefined> {
  const row = await usersWithOrg(ctx)
    .innerJoin('identity.sessions as s', 's.user_id', 'u.id')
    .select([
      's.id as session_id',
      's.created_at as session_created_at',
      's.expires_at as session_expires_at',
    ])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.session_id,
    createdAt: toDate(row.session_created_at),
    expiresAt: toDate(row.session_expires_at),
    user: toUser(row),
    disabled: row.disabled_at !== null,
  };
}

export async function extendSession(ctx: Ctx, id: string, expiresAt: Date, seenAt: Date): Promise<void> {
  await db(ctx)
    .updateTable('identity.sessions')
    .set({ expires_at: expiresAt, last_seen_at: seenAt })
    .where('id', '=', id)
    .execute();
}

export async function deleteSessionByTokenHash(ctx: Ctx, tokenHash: string): Promise<string | undefined> {
  const row = await db(ctx)
    .deleteFrom('identity.sessions')
    .where('token_hash', '=', tokenHash)
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function deleteExpiredSessions(ctx: Ctx, userId: string, now: Date): Promise<void> {
  await db(ctx)
    .deleteFrom('identity.sessions')
    .where('user_id', '=', userId)
    .where('expires_at', '<=', now)
    .execute();
}

// ---------------------------------------------------------------- API keys

function toApiKey(row: Selectable<ApiKeysTable>): ApiKey {
  return {
    id: row.id,
    name: row.name,
    orgId: row.org_id,
    scopes: row.scopes.split(' ').filter((s): s is ApiKeyScope => isApiKeyScope(s)),
    prefix: row.prefix,
    createdAt: toDate(row.created_at),
    lastUsedAt: toDateOrNull(row.last_used_at),
    expiresAt: toDateOrNull(row.expires_at),
    revokedAt: toDateOrNull(row.revoked_at),
  };
}

export async function insertApiKey(
  ctx: Ctx,
  key: Omit<ApiKey, 'lastUsedAt' | 'revokedAt'> & { secretHash: string; createdBy: string | null },
): Promise<void> {
  await db(ctx)
    .insertInto('identity.api_keys')
    .values({
      id: key.id,
      org_id: key.orgId,
      name: key.name,
      prefix: key.prefix,
      secret_hash: key.secretHash,
      scopes: key.scopes.join(' '),
      created_by: key.createdBy,
      created_at: key.createdAt,
      expires_at: key.expiresAt,
    })
    .execute();
}

export async function listApiKeys(ctx: Ctx, filter: { orgId?: string } = {}): Promise<ApiKey[]> {
  let q = db(ctx).selectFrom('identity.api_keys').selectAll();
  if (filter.orgId !== undefined) q = q.where('org_id', '=', filter.orgId);
  const rows = await q.orderBy('id', 'desc').execute();
  return rows.map(toApiKey);
}

export async function findApiKey(ctx: Ctx, id: string): Promise<ApiKey | undefined> {
  const row = await db(ctx)
    .selectFrom('identity.api_keys')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toApiKey(row) : undefined;
}

export async function findApiKeyBySecretHash(ctx: Ctx, secretHash: string): Promise<ApiKey | undefined> {
  const row = await db(ctx)
    .selectFrom('identity.api_keys')
    .selectAll()
    .where('secret_hash', '=', secretHash)
    .executeTakeFirst();
  return row ? toApiKey(row) : undefined;
}

/** Records use, at most once a minute per key so reads do not turn into a write each. */
export async function touchApiKey(ctx: Ctx, id: string, now: Date): Promise<void> {
  await db(ctx)
    .updateTable('identity.api_keys')
    .set({ last_used_at: now })
    .where('id', '=', id)
    .where((eb) =>
      eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', new Date(now.getTime() - 60_000))]),
    )
    .execute();
}

export async function revokeApiKey(ctx: Ctx, id: string, now: Date): Promise<boolean> {
  const result = await db(ctx)
    .updateTable('identity.api_keys')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

// ---------------------------------------------------------------- login attempts

export async function listLoginFailures(ctx: Ctx, login: string, since: Date): Promise<Date[]> {
  const rows = await db(ctx)
    .selectFrom('identity.login_attempts')
    .select('at')
    .where('login', '=', login)
    .where('at', '>', since)
    .orderBy('at', 'desc')
    .limit(100)
    .execute();
  return rows.map((r) => toDate(r.at));
}

export async function insertLoginFailure(
  ctx: Ctx,
  f: { id: string; login: string; at: Date },
): Promise<void> {
  await db(ctx).insertInto('identity.login_attempts').values(f).execute();
}

/** Forgets failures older than `before` (or all of them, after a successful sign-in). */
export async function deleteLoginFailures(ctx: Ctx, login: string, before?: Date): Promise<void> {
  let q = db(ctx).deleteFrom('identity.login_attempts').where('login', '=', login);
  if (before) q = q.where('at', '<=', before);
  await q.execute();
}
