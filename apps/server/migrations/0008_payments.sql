-- Payments: intents (one attempt to collect one amount for one purpose of one order), refunds,
-- the append-only ledger of money that actually moved, processed provider callbacks, and the
-- built-in simulated provider's own records. Money is integer fen, always > 0, with a currency.
create schema if not exists payments;

create table payments.intents (
  id text primary key,
  order_id text not null,
  purpose text not null check (purpose in ('intention', 'deposit', 'balance')),
  amount bigint not null check (amount > 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  method text not null check (method in ('wechat_pay', 'alipay', 'card', 'bank_transfer')),
  provider text not null,
  provider_ref text,
  pay_url text,
  status text not null check (status in ('pending', 'succeeded', 'failed', 'expired', 'cancelled')),
  failure_reason text,
  -- the customer accepted the lock terms with this (deposit) payment
  terms_accepted boolean not null default false,
  created_by text,
  expires_at timestamptz not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  completed_at timestamptz
);
-- At most one pending intent per order and purpose.
create unique index intents_one_pending_idx on payments.intents (order_id, purpose) where status = 'pending';
create unique index intents_provider_ref_idx on payments.intents (provider, provider_ref) where provider_ref is not null;
create index intents_order_idx on payments.intents (order_id, created_at);

create table payments.refunds (
  id text primary key,
  order_id text not null,
  -- the captured payment this refund returns money of
  intent_id text not null references payments.intents (id),
  amount bigint not null check (amount > 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  reason text not null check (reason in ('order_cancelled', 'late_capture', 'overpayment')),
  status text not null check (status in ('pending', 'succeeded', 'failed')),
  provider text not null,
  provider_ref text,
  failure_reason text,
  created_at timestamptz not null,
  completed_at timestamptz
);
create index refunds_order_idx on payments.refunds (order_id, created_at);
create index refunds_intent_idx on payments.refunds (intent_id);

-- Money that moved: captures (kind capture, one per intent at most) and completed refunds.
-- Amounts due are always derived from these rows, never kept as a running number.
create table payments.ledger (
  seq bigserial primary key,
  id text not null unique,
  order_id text not null,
  kind text not null check (kind in ('capture', 'refund')),
  purpose text not null check (purpose in ('intention', 'deposit', 'balance')),
  intent_id text not null references payments.intents (id),
  refund_id text references payments.refunds (id),
  amount bigint not null check (amount > 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  at timestamptz not null,
  check ((kind = 'capture') = (refund_id is null))
);
create unique index ledger_one_capture_per_intent_idx on payments.ledger (intent_id) where kind = 'capture';
create unique index ledger_one_entry_per_refund_idx on payments.ledger (refund_id) where kind = 'refund';
create index ledger_order_idx on payments.ledger (order_id, seq);

-- Append-only: a ledger row is never changed or removed.
create function payments.ledger_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'payments.ledger is append-only';
end;
$$;
create trigger ledger_append_only before update or delete on payments.ledger
  for each row execute function payments.ledger_append_only();

-- Provider callbacks already handled, by the provider's event id: a replayed callback changes nothing.
create table payments.provider_callbacks (
  provider text not null,
  event_id text not null,
  intent_id text,
  outcome text not null,
  payload jsonb not null,
  received_at timestamptz not null,
  primary key (provider, event_id)
);

-- The simulated provider's side: its hosted pay page sessions, reached by an unguessable token.
create table payments.sim_sessions (
  id text primary key,
  token text not null unique,
  merchant_reference text not null,
  amount bigint not null check (amount > 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  method text not null,
  description jsonb not null,
  -- where the pay page sends the customer back to (a web path of the merchant)
  return_url text,
  status text not null check (status in ('open', 'succeeded', 'failed', 'timed_out', 'cancelled')),
  failure_reason text,
  refunded bigint not null default 0 check (refunded >= 0 and refunded <= amount),
  expires_at timestamptz not null,
  created_at timestamptz not null,
  completed_at timestamptz
);
