-- Part arrivals at the plant as the WMS reports them (issue #7): each arrival is allocated to the
-- open call-offs that need its part (the one it names, else the soonest due), a call-off whose
-- every item has arrived is 'received'. A late or short arrival re-promises the cars it holds up.
alter table production.calloffs drop constraint calloffs_status_check;
alter table production.calloffs
  add constraint calloffs_status_check check (status in ('open', 'shipped', 'delayed', 'received'));
alter table production.calloffs drop constraint calloffs_check;
alter table production.calloffs
  add constraint calloffs_delay_check
  check ((status = 'delayed') = (delayed_until is not null) or status in ('shipped', 'received'));
alter table production.calloffs add column received_at timestamptz;

create table production.part_arrivals (
  -- the WMS's own id of the arrival
  arrival_id text primary key,
  plant_org_id text not null,
  part_number text not null,
  quantity integer not null check (quantity > 0),
  arrived_at timestamptz not null,
  -- the call-off the delivery note names, if any
  calloff_id text references production.calloffs (id),
  recorded_at timestamptz not null
);
create index part_arrivals_plant_idx on production.part_arrivals (plant_org_id, arrived_at);

-- How much of each call-off item an arrival covered.
create table production.calloff_receipts (
  calloff_id text not null,
  item_no integer not null,
  arrival_id text not null references production.part_arrivals (arrival_id),
  quantity integer not null check (quantity > 0),
  primary key (calloff_id, item_no, arrival_id),
  foreign key (calloff_id, item_no) references production.calloff_items (calloff_id, item_no)
);
