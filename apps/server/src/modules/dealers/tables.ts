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

export type DealersTables = { 'dealers.profiles': ProfilesTable };
export type DealersDb = Kysely<DealersTables>;
