-- Dealer profiles on top of identity's dealer organisations (the organisation row keeps name,
-- address, location, phone and opening hours): services offered, hand-over capacity per day and
-- whether the dealer takes new orders. No foreign key into identity: modules own their schemas.
create schema if not exists dealers;

create table dealers.profiles (
  org_id text primary key,
  -- service codes, e.g. ["sales","test_drive","delivery"]; the web translates them
  services jsonb not null check (jsonb_typeof(services) = 'array'),
  handover_capacity_per_day integer not null check (handover_capacity_per_day between 0 and 100),
  active boolean not null default true,
  updated_at timestamptz not null,
  updated_by text
);
