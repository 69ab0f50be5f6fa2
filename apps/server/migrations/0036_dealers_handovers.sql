-- Hand-over capacity per dealer and date, reserved atomically with the production reservation,
-- and the hand-over appointments with their pre-delivery checklist. Orders and vehicles are ids
-- only: the dealers module does not know orders.

-- How many hand-overs are booked on a date at a dealer. The capacity is the dealer profile's
-- `handover_capacity_per_day` on the days the dealer is open; a slot is taken by one conditional
-- update, so concurrent reservations never exceed it.
create table dealers.handover_days (
  dealer_org_id text not null,
  day date not null,
  reserved integer not null default 0 check (reserved >= 0),
  primary key (dealer_org_id, day)
);

-- The one slot a vehicle holds at its dealer (the promised date, later the appointment's date).
create table dealers.handover_slots (
  vehicle_id text primary key,
  dealer_org_id text not null,
  day date not null,
  taken_at timestamptz not null,
  foreign key (dealer_org_id, day) references dealers.handover_days (dealer_org_id, day)
);
create index handover_slots_day_idx on dealers.handover_slots (dealer_org_id, day);

-- The hand-over appointment of a vehicle at its dealer, with the pre-delivery checklist.
create table dealers.handovers (
  id text primary key,
  dealer_org_id text not null,
  vehicle_id text not null unique,
  order_id text not null unique,
  day date not null,
  slot_start text not null check (slot_start ~ '^[0-2][0-9]:[0-5][0-9]$'),
  slot_end text not null check (slot_end ~ '^[0-2][0-9]:[0-5][0-9]$'),
  status text not null check (status in ('booked', 'completed', 'cancelled')),
  -- [{ "item": "keys", "checked": true, "note": null, "at": "...", "by": "usr_..." }]
  checklist jsonb not null default '[]'::jsonb check (jsonb_typeof(checklist) = 'array'),
  booked_by text,
  booked_at timestamptz not null,
  updated_at timestamptz not null,
  completed_at timestamptz
);
create index handovers_dealer_day_idx on dealers.handovers (dealer_org_id, day, slot_start);
