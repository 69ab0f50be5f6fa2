-- Super-BOM: parts (with supplier and lead time), one editable draft and immutable published
-- versions of the bill of material per catalogue model line, whose lines are conditioned on
-- configuration options, and the parts list exploded for each vehicle. Model lines and
-- organisations are referred to by their catalogue code / identity id (other schemas: no
-- foreign keys across modules; the module checks them).
create schema if not exists bom;

create table bom.parts (
  id text primary key,
  -- the brand's part number, e.g. D90-5810-SEAT-F1; never changes once created
  part_number text not null unique check (part_number ~ '^[A-Z0-9][A-Z0-9.-]{1,39}$'),
  name_zh text not null,
  name_en text not null,
  -- identity organisation of kind 'supplier'
  supplier_org_id text not null,
  lead_time_days integer not null check (lead_time_days between 0 and 365),
  unit text not null check (unit in ('pc', 'set', 'pair', 'kg', 'l', 'm')),
  -- just in sequence: called off per vehicle in line order; otherwise as daily totals
  sequenced boolean not null,
  active boolean not null,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index parts_supplier_idx on bom.parts (supplier_org_id, part_number);

-- The one draft per model line (lines in bom.draft_lines).
create table bom.drafts (
  model_line text primary key,
  based_on_version_id text,
  updated_at timestamptz not null,
  updated_by text
);

create table bom.draft_lines (
  model_line text not null references bom.drafts (model_line) on delete cascade,
  line_no integer not null check (line_no between 1 and 99999),
  part_id text not null references bom.parts (id),
  quantity integer not null check (quantity between 1 and 100000),
  -- the configurator's Expr over option codes; null = every car
  condition jsonb,
  -- alternative group: exactly one line of a group applies to each car
  alt_group text check (alt_group ~ '^[a-z0-9][a-z0-9-]{0,47}$'),
  station text not null check (station in ('stamping', 'body', 'paint', 'assembly')),
  primary key (model_line, line_no)
);

-- Published versions never change: vehicles' parts lists point at them.
create table bom.versions (
  id text primary key,
  model_line text not null,
  number integer not null check (number > 0),
  -- the live catalogue version the publish check ran against
  catalog_version_id text not null,
  line_count integer not null,
  -- the publish check's report (figures, and any non-blocking finding)
  report jsonb not null,
  published_at timestamptz not null,
  published_by text,
  unique (model_line, number)
);

alter table bom.drafts
  add constraint drafts_based_on_fk foreign key (based_on_version_id) references bom.versions (id);

create table bom.version_lines (
  version_id text not null references bom.versions (id),
  line_no integer not null check (line_no between 1 and 99999),
  part_id text not null references bom.parts (id),
  quantity integer not null check (quantity between 1 and 100000),
  condition jsonb,
  alt_group text,
  station text not null check (station in ('stamping', 'body', 'paint', 'assembly')),
  primary key (version_id, line_no)
);
create index version_lines_part_idx on bom.version_lines (part_id);

-- The parts list of one vehicle (by the vehicle id given at order, before any VIN), as exploded
-- from a published version; part data is copied so the list stays what was planned.
create table bom.vehicles (
  vehicle_id text primary key,
  model_line text not null,
  version_id text not null references bom.versions (id),
  catalog_version_id text not null,
  selection jsonb not null,
  stored_at timestamptz not null
);

create table bom.vehicle_parts (
  vehicle_id text not null references bom.vehicles (vehicle_id) on delete cascade,
  line_no integer not null,
  part_id text not null references bom.parts (id),
  part_number text not null,
  name_zh text not null,
  name_en text not null,
  supplier_org_id text not null,
  quantity integer not null check (quantity > 0),
  unit text not null,
  lead_time_days integer not null,
  sequenced boolean not null,
  station text not null,
  alt_group text,
  primary key (vehicle_id, line_no)
);
create index vehicle_parts_supplier_idx on bom.vehicle_parts (supplier_org_id, vehicle_id);
