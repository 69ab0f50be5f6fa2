-- Partner API for the automaker's systems of record (ERP, WMS, DMS, CRM): signing secrets of
-- API keys, signatures already seen (replay protection), the last version applied per
-- (system, entity, natural key), and the request log. API keys themselves are identity's
-- (identity.api_keys); they are referred to by id, without a foreign key across modules.
create schema if not exists partner;

-- The per-key HMAC signing secret, AES-256-GCM sealed with a key derived from the server secret
-- (the signature must be recomputed on every request, so a one-way hash cannot be kept).
create table partner.signing_secrets (
  key_id text primary key,
  sealed text not null,
  created_at timestamptz not null
);

-- Signatures accepted within the timestamp window. A signature seen again is a replay; rows
-- whose timestamp is out of the window can go: such a request is refused by its timestamp.
create table partner.seen_signatures (
  key_id text not null,
  signature text not null,
  expires_at timestamptz not null,
  primary key (key_id, signature)
);
create index seen_signatures_expiry_idx on partner.seen_signatures (expires_at);

-- The one out-of-order rule: per (system, entity, natural key) the source version last applied
-- and the answer given for it (a re-send of that version gets the same answer). A row whose
-- version is null was created by a transaction that is applying the first version.
create table partner.source_versions (
  system text not null check (system in ('erp', 'wms', 'dms', 'crm', 'mes')),
  entity text not null check (entity ~ '^[a-z][a-z0-9_]{0,39}$'),
  natural_key text not null check (length(natural_key) between 1 and 200),
  -- 'number': the source's change counter; 'time': its change time in microseconds since 1970
  version_kind text check (version_kind in ('number', 'time')),
  version bigint,
  -- the version as the source sent it (shown in answers and the log)
  version_text text,
  payload_hash text,
  answer jsonb,
  key_id text,
  applied_at timestamptz,
  primary key (system, entity, natural_key),
  check ((version is null) = (version_kind is null))
);

-- Every partner request of a known key: applied, stale, duplicate or refused (with the code).
create table partner.request_log (
  id text primary key,
  at timestamptz not null,
  key_id text not null,
  org_id text not null,
  system text not null,
  endpoint text not null,
  natural_key text,
  version text,
  result text not null check (result in ('applied', 'stale', 'duplicate', 'refused')),
  status integer not null,
  code text,
  request_id text not null
);
create index request_log_at_idx on partner.request_log (id desc);
create index request_log_key_idx on partner.request_log (key_id, id desc);
