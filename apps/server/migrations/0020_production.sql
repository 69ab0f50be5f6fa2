-- Production: the plant model (lines, capacity calendars, option limits, transport days), the
-- production days with their reserved capacity, the vehicles to build with their steps, VIN
-- serial counters and sequencing runs. Organisations (plants, dealers) are identity ids; orders
-- are ordering ids; neither is a foreign key across schemas.
create schema if not exists production;

create table production.lines (
  id text primary key,
  plant_org_id text not null,
  code text not null check (code ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
  name_zh text not null,
  name_en text not null,
  -- the option family whose chosen option is the colour, e.g. 'paint'
  paint_family text not null,
  paint_batch_limit integer not null check (paint_batch_limit between 1 and 1000),
  frozen_days integer not null check (frozen_days between 0 and 30),
  build_days integer not null check (build_days between 1 and 30),
  storage_slack_days integer not null check (storage_slack_days between 0 and 10),
  rework_days integer not null check (rework_days between 0 and 10),
  time_zone text not null,
  vin_wmi text not null check (vin_wmi ~ '^[0-9A-HJ-NPR-Z]{3}$'),
  vin_plant_code text not null check (vin_plant_code ~ '^[0-9A-HJ-NPR-Z]$'),
  -- model line code -> 5-character VIN descriptor section (positions 4-8)
  vin_descriptors jsonb not null,
  -- Monday first: 7 x { shifts, carsPerShift }
  weekly jsonb not null,
  active boolean not null default true,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (plant_org_id, code)
);

-- Each catalogue model line is built on exactly one line: the primary key says so.
create table production.line_model_lines (
  model_line text primary key,
  line_id text not null references production.lines (id) on delete cascade
);
create index line_model_lines_line_idx on production.line_model_lines (line_id);

create table production.calendar_exceptions (
  line_id text not null references production.lines (id) on delete cascade,
  date date not null,
  kind text not null check (kind in ('holiday', 'makeup_workday', 'overtime', 'reduced')),
  shifts integer not null check (shifts between 0 and 4),
  cars_per_shift integer not null check (cars_per_shift between 0 and 1000),
  reason_zh text not null,
  reason_en text not null,
  primary key (line_id, date),
  check (kind = 'holiday' or shifts * cars_per_shift > 0)
);

create table production.option_rules (
  id text primary key,
  line_id text not null references production.lines (id) on delete cascade,
  code text not null check (code ~ '^[a-z0-9][a-z0-9-]{1,47}$'),
  name_zh text not null,
  name_en text not null,
  n integer not null check (n >= 1),
  p integer not null check (p > n and p <= 100),
  priority text not null check (priority in ('high', 'low')),
  -- configurator Expr over option codes
  condition jsonb not null,
  active boolean not null default true,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (line_id, code)
);

-- Transport time from a plant to a dealer organisation, in calendar days.
create table production.transport_routes (
  plant_org_id text not null,
  dealer_org_id text not null,
  days integer not null check (days between 0 and 60),
  primary key (plant_org_id, dealer_org_id)
);

-- A production day of a line, created when first needed. Reservations take capacity here with
-- row locks (see store.ts lockDays): reserved never exceeds capacity.
create table production.days (
  line_id text not null references production.lines (id) on delete cascade,
  day date not null,
  capacity integer not null check (capacity >= 0),
  reserved integer not null default 0 check (reserved >= 0),
  frozen_at timestamptz,
  frozen_by text,
  plan_version integer not null default 0,
  sequenced_version integer,
  primary key (line_id, day),
  check (reserved <= capacity)
);

-- Cars counted towards each option rule on a day, and the most the day's capacity allows.
create table production.day_option_loads (
  line_id text not null,
  day date not null,
  rule_id text not null references production.option_rules (id) on delete cascade,
  max_cars integer not null check (max_cars >= 0),
  reserved integer not null default 0 check (reserved >= 0),
  primary key (line_id, day, rule_id),
  foreign key (line_id, day) references production.days (line_id, day) on delete cascade
);

create table production.vehicles (
  vehicle_id text primary key,
  order_id text not null unique,
  customer_user_id text,
  model_line text not null,
  model_year integer not null,
  version_id text not null,
  configuration_code text not null,
  selection jsonb not null,
  colour text not null,
  dealer_org_id text not null,
  plant_org_id text not null,
  line_id text not null references production.lines (id),
  delivery_date date,
  production_day date,
  ship_date date,
  rule_ids jsonb not null default '[]'::jsonb,
  sequence_position integer,
  vin text unique,
  state text not null default 'planned' check (
    state in ('planned', 'stamping', 'body', 'paint', 'assembly', 'qc_passed', 'qc_failed', 'rework', 'shipped', 'at_dealer')
  ),
  estimates jsonb not null default '{}'::jsonb,
  status text not null default 'active' check (status in ('active', 'cancelled')),
  cancelled_at timestamptz,
  registered_at timestamptz not null,
  reserved_at timestamptz,
  updated_at timestamptz not null,
  foreign key (line_id, production_day) references production.days (line_id, day),
  check ((production_day is null) = (delivery_date is null))
);
create index vehicles_day_idx on production.vehicles (line_id, production_day, sequence_position);
create index vehicles_customer_idx on production.vehicles (customer_user_id);

-- What the stations recorded, in order; append-only.
create table production.step_records (
  id text primary key,
  vehicle_id text not null references production.vehicles (vehicle_id),
  step text not null check (step in ('stamping', 'body', 'paint', 'assembly', 'qc', 'rework', 'shipped', 'at_dealer')),
  result text check (result in ('pass', 'fail')),
  defects jsonb not null default '[]'::jsonb,
  at timestamptz not null,
  estimated_at timestamptz,
  recorded_by text,
  check ((step = 'qc') = (result is not null))
);
create index step_records_vehicle_idx on production.step_records (vehicle_id, at, id);

-- Every change of a car's promised delivery date, with the reason the customer is told.
create table production.delivery_changes (
  id text primary key,
  vehicle_id text not null references production.vehicles (vehicle_id),
  at timestamptz not null,
  previous_date date,
  new_date date,
  reason text not null check (reason in ('reserved', 'released', 'qc_failed', 'part_late', 'replanned')),
  detail jsonb not null default '{}'::jsonb
);
create index delivery_changes_vehicle_idx on production.delivery_changes (vehicle_id, at, id);

-- Last VIN serial used per manufacturer, model year and plant (positions 12-17).
create table production.vin_serials (
  wmi text not null,
  model_year_code text not null,
  plant_code text not null,
  last_serial integer not null check (last_serial between 1 and 999999),
  primary key (wmi, model_year_code, plant_code)
);

-- A sequencing run of one production day: a background job with progress, read by the
-- planner console while it runs.
create table production.sequence_runs (
  id text primary key,
  line_id text not null references production.lines (id) on delete cascade,
  day date not null,
  status text not null check (status in ('queued', 'running', 'done', 'failed')),
  seconds integer not null check (seconds between 1 and 300),
  seed integer not null,
  max_iterations integer check (max_iterations > 0),
  plan_version integer not null,
  progress jsonb,
  result jsonb,
  error text,
  requested_by text,
  created_at timestamptz not null,
  started_at timestamptz,
  finished_at timestamptz
);
create index sequence_runs_day_idx on production.sequence_runs (line_id, day, created_at desc);
