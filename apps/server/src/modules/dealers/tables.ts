import type { ColumnType, Kysely } from 'kysely';

/** Rows of schema `dealers`, as Kysely sees them. Only store.ts uses these. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export type ProfilesTable = {
  org_id: string;
  services: Json<string[]>;
  handover_capacity_per_day: number;
  active: boolean;
  updated_at: Timestamp;
  updated_by: string | null;
};

export type StockVehiclesTable = {
  dealer_org_id: string;
  vin: string;
  model_line: string;
  configuration_code: string | null;
  usage: string;
  status: string;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type DealersTables = {
  'dealers.profiles': ProfilesTable;
  'dealers.stock_vehicles': StockVehiclesTable;
};
export type DealersDb = Kysely<DealersTables>;
