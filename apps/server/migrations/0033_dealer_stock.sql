-- Dealers' own stock vehicles as their DMS reports them: demo cars, test-drive cars and cars for
-- sale, by VIN, with model line, configuration code and status. One row per (dealer, VIN): a car
-- moved between dealers is reported by both (the old dealer's row ends as 'retired').
create table dealers.stock_vehicles (
  dealer_org_id text not null,
  vin text not null check (vin ~ '^[A-HJ-NPR-Z0-9]{17}$'),
  model_line text not null,
  configuration_code text,
  usage text not null check (usage in ('demo', 'test_drive', 'for_sale')),
  status text not null check (status in ('in_transit', 'available', 'reserved', 'sold', 'retired')),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (dealer_org_id, vin)
);
