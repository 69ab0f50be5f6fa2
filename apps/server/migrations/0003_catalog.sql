-- Catalogue: model lines, their immutable published versions (engine model + compiled decision
-- diagram), the one editable draft per line, and configurations customers saved (each pinned to
-- the version it was priced on). Prices are integer minor units (fen).
create schema if not exists catalog;

create table catalog.model_lines (
  id text primary key,
  -- URL code, e.g. qc-d90-pro
  code text not null unique check (code ~ '^[a-z0-9][a-z0-9-]{1,47}$'),
  name_zh text not null,
  name_en text not null,
  tagline_zh text,
  tagline_en text,
  body_type_zh text not null,
  body_type_en text not null,
  model_year integer not null check (model_year between 1990 and 2100),
  -- the version the storefront sells; null until the first publish
  live_version_id text,
  created_at timestamptz not null
);

-- Published versions never change: orders and saved configurations point at them.
create table catalog.versions (
  id text primary key,
  model_line_id text not null references catalog.model_lines (id),
  number integer not null check (number > 0),
  model jsonb not null,
  model_hash text not null,
  compiled bytea not null,
  -- exact count of valid configurations, as a decimal string (can exceed 2^63)
  variant_count text not null check (variant_count ~ '^[0-9]+$'),
  -- nodes, compiledBytes, minPrice, maxPrice, swatch, findings
  stats jsonb not null,
  published_at timestamptz not null,
  published_by text,
  unique (model_line_id, number)
);

alter table catalog.model_lines
  add constraint model_lines_live_version_fk foreign key (live_version_id) references catalog.versions (id);

create table catalog.drafts (
  model_line_id text primary key references catalog.model_lines (id),
  model jsonb not null,
  based_on_version_id text references catalog.versions (id),
  updated_at timestamptz not null,
  updated_by text
);

create table catalog.saved_configurations (
  id text primary key,
  -- the engine's configuration code (canonical form)
  code text not null,
  model_line_id text not null references catalog.model_lines (id),
  version_id text not null references catalog.versions (id),
  selection jsonb not null,
  total bigint not null,
  currency text not null,
  breakdown jsonb not null,
  created_at timestamptz not null,
  unique (version_id, code)
);
create index saved_configurations_code_idx on catalog.saved_configurations (code, created_at);
create index saved_configurations_line_idx on catalog.saved_configurations (model_line_id, version_id);

-- Who saved a configuration: one row per signed-in customer, one shared row ('anonymous') for
-- every anonymous save, so that "saves" counts people rather than repeated clicks.
create table catalog.configuration_saves (
  configuration_id text not null references catalog.saved_configurations (id),
  saver text not null,
  saved_at timestamptz not null,
  primary key (configuration_id, saver)
);
create index configuration_saves_saver_idx on catalog.configuration_saves (saver, saved_at);
