import type { ColumnType, Kysely } from 'kysely';

/** Rows of schema `owners`, as Kysely sees them. Only store.ts uses these. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type VehiclesTable = {
  vehicle_id: string;
  vin: string;
  order_id: string;
  customer_user_id: string;
  model_line: string;
  configuration_code: string;
  dealer_org_id: string;
  delivered_at: Timestamp;
};

export type OwnersTables = { 'owners.vehicles': VehiclesTable };
export type OwnersDb = Kysely<OwnersTables>;
