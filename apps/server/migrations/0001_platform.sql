-- Platform tables: migrations ledger, transactional outbox, job queue, audit log.
-- Domain-free; every module keeps its own tables in its own schema.
create schema if not exists platform;

-- migrate() creates this table itself before reading the ledger; repeated here so the schema
-- is complete when read on its own.
create table if not exists platform.schema_migrations (
  name text primary key,
  checksum text not null,
  applied_at timestamptz not null default now()
);

-- One row per domain event, written in the same transaction as the change it describes.
-- seq gives the delivery order (per aggregate); processed_at is set once every subscriber and
-- transport has it.
create table platform.outbox (
  seq bigserial primary key,
  id text not null unique,
  type text not null,
  aggregate_id text not null,
  payload jsonb not null,
  actor jsonb not null,
  request_id text not null,
  occurred_at timestamptz not null,
  attempts integer not null default 0,
  next_attempt_at timestamptz not null,
  last_error text,
  processed_at timestamptz
);
create index outbox_pending_idx on platform.outbox (seq) where processed_at is null;
create index outbox_aggregate_idx on platform.outbox (aggregate_id, seq);

-- One row per (event, subscriber or transport) that has handled it: makes delivery idempotent
-- across retries and restarts. Written in the subscriber's own transaction.
create table platform.outbox_delivery (
  event_id text not null references platform.outbox (id) on delete cascade,
  subscriber text not null,
  delivered_at timestamptz not null,
  primary key (event_id, subscriber)
);

create table platform.jobs (
  id text primary key,
  name text not null,
  payload jsonb not null,
  -- optional de-duplication key: one queued or running job per (name, key)
  key text,
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'dead')),
  attempts integer not null default 0,
  max_attempts integer not null,
  backoff_ms integer not null,
  run_at timestamptz not null,
  locked_at timestamptz,
  locked_by text,
  last_error text,
  created_at timestamptz not null,
  finished_at timestamptz
);
create index jobs_due_idx on platform.jobs (run_at) where status in ('queued', 'running');
create unique index jobs_key_idx on platform.jobs (name, key) where key is not null and status in ('queued', 'running');

create table platform.audit_log (
  id text primary key,
  at timestamptz not null,
  actor_kind text not null,
  actor_id text,
  org_id text,
  action text not null,
  target_type text not null,
  target_id text not null,
  request_id text not null,
  data jsonb not null default '{}'::jsonb
);
create index audit_log_at_idx on platform.audit_log (at desc, id desc);
create index audit_log_org_idx on platform.audit_log (org_id, at desc);
