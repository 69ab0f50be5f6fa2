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

type DateText = ColumnType<string, string, string>;

export type HandoverDaysTable = { dealer_org_id: string; day: DateText; reserved: number };

export type HandoverSlotsTable = {
  vehicle_id: string;
  dealer_org_id: string;
  day: DateText;
  taken_at: Timestamp;
};

export type HandoversTable = {
  id: string;
  dealer_org_id: string;
  vehicle_id: string;
  order_id: string;
  day: DateText;
  slot_start: string;
  slot_end: string;
  status: string;
  checklist: Json<unknown>;
  booked_by: string | null;
  booked_at: Timestamp;
  updated_at: Timestamp;
  completed_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  keys_handed_over_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  keys_handed_over_by: ColumnType<string | null, string | null | undefined, string | null>;
};

export type DealersTables = {
  'dealers.profiles': ProfilesTable;
  'dealers.stock_vehicles': StockVehiclesTable;
  'dealers.handover_days': HandoverDaysTable;
  'dealers.handover_slots': HandoverSlotsTable;
  'dealers.handovers': HandoversTable;
};
export type DealersDb = Kysely<DealersTables>;
