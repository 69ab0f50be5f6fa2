-- Identity: organisations (brand HQ, dealers, suppliers, plants), people, sessions, partner API
-- keys and the persisted login rate limit. Secrets are never stored: only sha256 of session
-- tokens and API keys, and scrypt hashes (with their parameters) of passwords.
create schema if not exists identity;

create table identity.organisations (
  id text primary key,
  kind text not null check (kind in ('brand', 'dealer', 'supplier', 'plant')),
  -- short stable business code, e.g. DLR-SH-01
  code text not null unique,
  name_zh text not null,
  name_en text not null,
  city_zh text,
  city_en text,
  address_zh text,
  address_en text,
  lat double precision check (lat between -90 and 90),
  lng double precision check (lng between -180 and 180),
  phone text,
  -- OpenStreetMap opening_hours syntax, e.g. 'Mo-Fr 09:00-18:00; Sa,Su 09:30-17:30'
  opening_hours text,
  created_at timestamptz not null
);
create index organisations_kind_idx on identity.organisations (kind, code);

create table identity.users (
  id text primary key,
  kind text not null check (kind in ('customer', 'staff')),
  role text check (
    role in ('admin', 'dealer_staff', 'planner', 'station_operator', 'supplier_user', 'analyst', 'engineer', 'support_agent')
  ),
  org_id text references identity.organisations (id),
  name text not null,
  -- stored normalised: e-mail lower-cased, phone in E.164 (+8613800138000)
  email text unique,
  phone text unique,
  password_hash text not null,
  locale text not null default 'zh-CN' check (locale in ('zh-CN', 'en')),
  disabled_at timestamptz,
  created_at timestamptz not null,
  -- staff always belong to one organisation; customers to none
  check ((kind = 'customer' and role is null and org_id is null) or (kind = 'staff' and role is not null and org_id is not null)),
  check (email is not null or phone is not null)
);
create index users_org_idx on identity.users (org_id, id);

create table identity.sessions (
  id text primary key,
  user_id text not null references identity.users (id) on delete cascade,
  token_hash text not null unique,
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  expires_at timestamptz not null,
  user_agent text
);
create index sessions_user_idx on identity.sessions (user_id);
create index sessions_expires_idx on identity.sessions (expires_at);

create table identity.api_keys (
  id text primary key,
  org_id text not null references identity.organisations (id),
  name text not null,
  -- the first characters of the secret, shown in lists so a key can be recognised
  prefix text not null,
  secret_hash text not null unique,
  -- space-separated, e.g. 'partner:read'
  scopes text not null,
  created_by text references identity.users (id),
  created_at timestamptz not null,
  last_used_at timestamptz,
  expires_at timestamptz,
  revoked_at timestamptz
);
create index api_keys_org_idx on identity.api_keys (org_id, id);

-- One row per failed sign-in attempt, by normalised login. Kept in the database so a restart does not
-- lift a lock-out; rows older than the window are deleted as new attempts arrive.
create table identity.login_attempts (
  id text primary key,
  login text not null,
  at timestamptz not null
);
create index login_attempts_login_idx on identity.login_attempts (login, at desc);
