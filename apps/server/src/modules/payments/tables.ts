import type { ColumnType, Generated, Kysely } from 'kysely';

/** Rows of schema `payments`, as Kysely sees them. Only store.ts uses these. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string, string>;
/** bigint: read as a decimal string, written as a number. */
type Money = ColumnType<string, number, number>;

export type IntentsTable = {
  id: string;
  order_id: string;
  purpose: string;
  amount: Money;
  currency: string;
  method: string;
  provider: string;
  provider_ref: string | null;
  pay_url: string | null;
  status: string;
  failure_reason: string | null;
  terms_accepted: boolean;
  created_by: string | null;
  expires_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
  completed_at: NullableTimestamp;
};

export type RefundsTable = {
  id: string;
  order_id: string;
  intent_id: string;
  amount: Money;
  currency: string;
  reason: string;
  status: string;
  provider: string;
  provider_ref: string | null;
  failure_reason: string | null;
  created_at: Timestamp;
  completed_at: NullableTimestamp;
};

export type LedgerTable = {
  seq: Generated<string>;
  id: string;
  order_id: string;
  kind: string;
  purpose: string;
  intent_id: string;
  refund_id: string | null;
  amount: Money;
  currency: string;
  at: Timestamp;
};

export type ProviderCallbacksTable = {
  provider: string;
  event_id: string;
  intent_id: string | null;
  outcome: string;
  payload: Json<unknown>;
  received_at: Timestamp;
};

export type SimSessionsTable = {
  id: string;
  token: string;
  merchant_reference: string;
  amount: Money;
  currency: string;
  method: string;
  description: Json<unknown>;
  return_url: string | null;
  status: string;
  failure_reason: string | null;
  refunded: Money;
  expires_at: Timestamp;
  created_at: Timestamp;
  completed_at: NullableTimestamp;
};

export type PaymentsTables = {
  'payments.intents': IntentsTable;
  'payments.refunds': RefundsTable;
  'payments.ledger': LedgerTable;
  'payments.provider_callbacks': ProviderCallbacksTable;
  'payments.sim_sessions': SimSessionsTable;
};

export type PaymentsDb = Kysely<PaymentsTables>;
