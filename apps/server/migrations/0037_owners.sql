-- Owners: a delivered vehicle bound to the customer who accepted it (the owner features of later
-- issues start here). Ids of other modules only, no foreign keys across schemas.
create schema if not exists owners;

create table owners.vehicles (
  vehicle_id text primary key,
  vin text not null unique check (vin ~ '^[A-Z0-9]{17}$'),
  order_id text not null unique,
  customer_user_id text not null,
  model_line text not null,
  configuration_code text not null,
  dealer_org_id text not null,
  delivered_at timestamptz not null
);
create index owners_vehicles_customer_idx on owners.vehicles (customer_user_id, delivered_at desc);
