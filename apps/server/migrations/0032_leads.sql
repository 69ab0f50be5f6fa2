-- Sales leads pushed by the CRM, each assigned to one dealer (the preferred dealer, else a dealer
-- in the lead's city). Leads are customer data: names and phone numbers are read only by the
-- assigned dealer's staff.
create schema if not exists leads;

create table leads.leads (
  id text primary key,
  -- the system of record and its own id for the lead (the natural key)
  source_system text not null,
  source_id text not null,
  name text not null check (length(name) between 1 and 100),
  -- E.164, normalised
  phone text not null,
  city text,
  -- catalogue model line code the person is interested in
  model_line text,
  -- dealer organisation code the person asked for
  preferred_dealer_code text,
  -- identity organisation of kind 'dealer'; null while no dealer matches
  dealer_org_id text,
  assigned_by text check (assigned_by in ('preferred_dealer', 'city')),
  source text,
  campaign text,
  stage text not null check (stage in ('new', 'contacted', 'test_drive', 'negotiating', 'won', 'lost')),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (source_system, source_id),
  check ((dealer_org_id is null) = (assigned_by is null))
);
create index leads_dealer_idx on leads.leads (dealer_org_id, id desc);
