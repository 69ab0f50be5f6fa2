-- Finance partners' offers and insurance products. Rates are basis points (1 bp = 0.01 %),
-- money is integer fen.
create schema if not exists finance;

create table finance.offers (
  id text primary key,
  code text not null unique check (code ~ '^[a-z0-9][a-z0-9-]{1,47}$'),
  partner_zh text not null,
  partner_en text not null,
  product_zh text not null,
  product_en text not null,
  description_zh text not null default '',
  description_en text not null default '',
  apr_bp integer not null check (apr_bp between 0 and 5000),
  -- allowed terms in months, ascending, e.g. [12,24,36]
  terms_months jsonb not null check (jsonb_typeof(terms_months) = 'array' and jsonb_array_length(terms_months) > 0),
  min_down_bp integer not null check (min_down_bp between 0 and 10000),
  -- model line codes the offer covers; empty = every line
  model_lines jsonb not null default '[]'::jsonb check (jsonb_typeof(model_lines) = 'array'),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  active boolean not null default true,
  sort integer not null default 0,
  created_at timestamptz not null,
  updated_at timestamptz not null
);

create table finance.insurance_products (
  code text primary key check (code ~ '^[a-z0-9][a-z0-9-]{1,47}$'),
  kind text not null check (kind in ('compulsory', 'commercial', 'addon')),
  insurer_zh text not null,
  insurer_en text not null,
  name_zh text not null,
  name_en text not null,
  description_zh text not null default '',
  description_en text not null default '',
  -- fixed: fixed_premium; rate: max(minimum_premium, vehicle price * rate_bp / 10000)
  premium_kind text not null check (premium_kind in ('fixed', 'rate')),
  fixed_premium bigint check (fixed_premium >= 0),
  rate_bp integer check (rate_bp between 0 and 10000),
  minimum_premium bigint check (minimum_premium >= 0),
  -- product codes that must be chosen with this one (an add-on needs the commercial cover)
  requires jsonb not null default '[]'::jsonb check (jsonb_typeof(requires) = 'array'),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  active boolean not null default true,
  sort integer not null default 0,
  created_at timestamptz not null,
  check (
    (premium_kind = 'fixed' and fixed_premium is not null)
    or (premium_kind = 'rate' and rate_bp is not null and minimum_premium is not null)
  )
);
