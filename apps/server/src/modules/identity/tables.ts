import type { ColumnType, Kysely } from 'kysely';

/** Rows of schema `identity`, as Kysely sees them. Only store.ts uses these. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type OrganisationsTable = {
  id: string;
  kind: string;
  code: string;
  name_zh: string;
  name_en: string;
  city_zh: string | null;
  city_en: string | null;
  address_zh: string | null;
  address_en: string | null;
  lat: number | null;
  lng: number | null;
  phone: string | null;
  opening_hours: string | null;
  created_at: Timestamp;
};

export type UsersTable = {
  id: string;
  kind: string;
  role: string | null;
  org_id: string | null;
  name: string;
  email: string | null;
  phone: string | null;
  password_hash: string;
  locale: string;
  disabled_at: NullableTimestamp;
  created_at: Timestamp;
};

export type SessionsTable = {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  user_agent: string | null;
};

export type ApiKeysTable = {
  id: string;
  org_id: string;
  name: string;
  prefix: string;
  secret_hash: string;
  scopes: string;
  created_by: string | null;
  created_at: Timestamp;
  last_used_at: NullableTimestamp;
  expires_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
};

export type LoginAttemptsTable = {
  id: string;
  login: string;
  at: Timestamp;
};

export type IdentityTables = {
  'identity.organisations': OrganisationsTable;
  'identity.users': UsersTable;
  'identity.sessions': SessionsTable;
  'identity.api_keys': ApiKeysTable;
  'identity.login_attempts': LoginAttemptsTable;
};

export type IdentityDb = Kysely<IdentityTables>;
