-- Integration: webhook subscribers and the deliveries fanned out to them from the outbox.
create schema if not exists integration;

-- One row per receiving system. The secret signs every delivery (HMAC-SHA256), so it is kept
-- as it is (a hash could not sign); the API shows it once, at creation or rotation.
create table integration.webhook_endpoints (
  id text primary key,
  name text not null,
  description text,
  url text not null,
  -- patterns: an event type, `<module>.*`, or `*`
  event_types text[] not null check (cardinality(event_types) > 0),
  secret text not null,
  active boolean not null default true,
  created_at timestamptz not null,
  created_by text,
  updated_at timestamptz not null,
  secret_rotated_at timestamptz
);
create unique index webhook_endpoints_name_key on integration.webhook_endpoints (lower(name));

-- One row per (endpoint, event). The event's per-aggregate sequence orders the deliveries: one
-- is sent only when every earlier one of the same (endpoint, aggregate) is delivered, so a
-- pending or dead one holds back the later ones for that endpoint only.
create table integration.webhook_deliveries (
  id text primary key,
  endpoint_id text not null references integration.webhook_endpoints (id),
  event_id text not null,
  event_type text not null,
  aggregate_id text not null,
  sequence bigint not null,
  status text not null check (status in ('pending', 'delivered', 'dead')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null,
  -- while a worker is sending it; a crashed worker's lease runs out and the delivery is retried
  lease_until timestamptz,
  last_attempt_at timestamptz,
  last_status integer,
  last_error text,
  delivered_at timestamptz,
  dead_at timestamptz,
  replays integer not null default 0,
  created_at timestamptz not null,
  unique (endpoint_id, event_id)
);
create index webhook_deliveries_due_idx on integration.webhook_deliveries (next_attempt_at) where status = 'pending';
create index webhook_deliveries_open_idx on integration.webhook_deliveries (endpoint_id, aggregate_id, sequence) where status <> 'delivered';
create index webhook_deliveries_event_idx on integration.webhook_deliveries (event_id);
create index webhook_deliveries_endpoint_idx on integration.webhook_deliveries (endpoint_id, created_at desc);
