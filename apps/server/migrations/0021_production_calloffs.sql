-- Supplier call-offs, generated when a production day is frozen: per supplier one call-off of
-- its just-in-sequence parts (one item per car and part, in line sequence) and one of the daily
-- totals of its other parts. Suppliers confirm shipment or report a delay with a new date.
create table production.calloffs (
  id text primary key,
  line_id text not null references production.lines (id),
  plant_org_id text not null,
  day date not null,
  supplier_org_id text not null,
  kind text not null check (kind in ('sequenced', 'daily')),
  due_date date not null,
  status text not null default 'open' check (status in ('open', 'shipped', 'delayed')),
  shipped_at timestamptz,
  delayed_until date,
  delay_reason text,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (line_id, day, supplier_org_id, kind),
  check ((status = 'delayed') = (delayed_until is not null) or status = 'shipped')
);
create index calloffs_supplier_idx on production.calloffs (supplier_org_id, due_date, id);
create index calloffs_day_idx on production.calloffs (line_id, day);

create table production.calloff_items (
  calloff_id text not null references production.calloffs (id) on delete cascade,
  item_no integer not null,
  -- just-in-sequence items: the car and its place in the day's sequence
  sequence_position integer,
  vehicle_id text,
  part_id text not null,
  part_number text not null,
  name_zh text not null,
  name_en text not null,
  quantity integer not null check (quantity > 0),
  unit text not null,
  station text,
  -- daily totals: how many cars need the part
  vehicles integer not null check (vehicles > 0),
  primary key (calloff_id, item_no),
  check ((vehicle_id is null) = (sequence_position is null))
);
