-- Idempotency keys: one row per (actor, method, route template, key) for every request that
-- creates an order or moves money. Written in the same transaction as the business write, so a
-- request whose work fails leaves no key behind and may be retried. A concurrent duplicate
-- blocks on the unique index until the first transaction ends, then finds the stored answer.
create table platform.idempotency_keys (
  id bigserial primary key,
  actor_id text not null,
  method text not null,
  route text not null,
  key text not null check (key ~ '^[!-~]{8,128}$'),
  -- sha256 (hex) of the canonical JSON of the request body and path parameters
  fingerprint text not null check (fingerprint ~ '^[0-9a-f]{64}$'),
  -- the first answer, replayed for every retry with the same key and fingerprint; written in the
  -- same transaction as the key, so a committed row always has it
  status integer check (status between 200 and 599),
  body jsonb,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  unique (actor_id, method, route, key)
);
create index idempotency_keys_expires_idx on platform.idempotency_keys (expires_at);
