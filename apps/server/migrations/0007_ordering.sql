-- Orders: one order = one vehicle, with its human-readable vehicle id from the start, the
-- configuration and catalogue version it was priced on, and snapshots (price, order terms,
-- dealer, finance quote, insurance) so later catalogue or offer changes never alter it.
-- Money is integer fen. No foreign keys into other modules' schemas.
create schema if not exists ordering;

-- One counter per year for vehicle ids C2B-<year>-<6 digits>: insert ... on conflict do update
-- ... returning gives each order the next number atomically.
create table ordering.vehicle_counters (
  year integer primary key check (year between 2000 and 2999),
  last_number integer not null check (last_number > 0)
);

create table ordering.orders (
  id text primary key,
  vehicle_id text not null unique check (vehicle_id ~ '^C2B-[0-9]{4}-[0-9]{6,}$'),
  state text not null check (
    state in ('draft', 'reserved', 'locked', 'scheduled', 'in_production', 'built', 'shipped', 'at_dealer', 'delivered', 'cancelled')
  ),
  customer_user_id text not null,
  -- the buyer as on the order (dealer staff call them); snapshotted at placing
  customer_name text not null,
  customer_phone text,
  customer_email text,
  dealer_id text not null,
  dealer jsonb not null,
  model_line text not null,
  model_line_name jsonb not null,
  version_id text not null,
  version_number integer not null check (version_number > 0),
  configuration_code text not null,
  selection jsonb not null,
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  total_price bigint not null check (total_price >= 0),
  price jsonb not null,
  terms_version text not null,
  terms jsonb not null,
  terms_accepted_at timestamptz not null,
  lock_terms_accepted_at timestamptz,
  finance jsonb,
  financed_principal bigint not null default 0 check (financed_principal >= 0),
  insurance jsonb,
  promised_delivery_date date,
  -- 17 characters; the production module, which assigns it, owns the full VIN rules
  vin text check (vin is null or vin ~ '^[A-Z0-9]{17}$'),
  cancelled_by text check (cancelled_by in ('customer', 'brand')),
  cancel_reason text,
  cancelled_at timestamptz,
  placed_at timestamptz not null,
  updated_at timestamptz not null,
  check (financed_principal <= total_price),
  check ((state = 'cancelled') = (cancelled_at is not null))
);
create index orders_customer_idx on ordering.orders (customer_user_id, id desc);
create index orders_dealer_idx on ordering.orders (dealer_id, id desc);
create index orders_state_idx on ordering.orders (state, id desc);

-- What happened to the order, one row per event: kind + codes and amounts (the web renders them
-- in either language), who acted, and room for an estimated time next to the actual one.
create table ordering.timeline (
  id text primary key,
  order_id text not null references ordering.orders (id),
  at timestamptz not null,
  kind text not null check (kind ~ '^[a-z][a-z_]*$'),
  state text not null,
  data jsonb not null default '{}'::jsonb,
  actor_kind text not null,
  actor_id text,
  estimated_at timestamptz
);
create index timeline_order_idx on ordering.timeline (order_id, at, id);
