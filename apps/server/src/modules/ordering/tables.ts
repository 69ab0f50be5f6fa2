import type { ColumnType, Kysely } from 'kysely';

/** Rows of schema `ordering`, as Kysely sees them. Only store.ts uses these. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** jsonb: values go in as JSON text, come out parsed. */
type Json<T> = ColumnType<T, string, string>;
type NullableJson<T> = ColumnType<T | null, string | null, string | null>;
/** bigint: read as a decimal string, written as a number. */
type Money = ColumnType<string, number, number>;

export type VehicleCountersTable = { year: number; last_number: number };

export type OrdersTable = {
  id: string;
  vehicle_id: string;
  state: string;
  customer_user_id: string;
  customer_name: string;
  customer_phone: string | null;
  customer_email: string | null;
  dealer_id: string;
  dealer: Json<unknown>;
  model_line: string;
  model_line_name: Json<unknown>;
  version_id: string;
  version_number: number;
  configuration_code: string;
  selection: Json<unknown>;
  currency: string;
  total_price: Money;
  price: Json<unknown>;
  terms_version: string;
  terms: Json<unknown>;
  terms_accepted_at: Timestamp;
  lock_terms_accepted_at: NullableTimestamp;
  finance: NullableJson<unknown>;
  financed_principal: Money;
  insurance: NullableJson<unknown>;
  promised_delivery_date: string | null;
  vin: string | null;
  cancelled_by: string | null;
  cancel_reason: string | null;
  cancelled_at: NullableTimestamp;
  placed_at: Timestamp;
  updated_at: Timestamp;
};

export type TimelineTable = {
  id: string;
  order_id: string;
  at: Timestamp;
  kind: string;
  state: string;
  data: Json<unknown>;
  actor_kind: string;
  actor_id: string | null;
  estimated_at: NullableTimestamp;
};

export type OrderingTables = {
  'ordering.vehicle_counters': VehicleCountersTable;
  'ordering.orders': OrdersTable;
  'ordering.timeline': TimelineTable;
};

export type OrderingDb = Kysely<OrderingTables>;
