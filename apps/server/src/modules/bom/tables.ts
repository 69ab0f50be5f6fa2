import type { ColumnType, Kysely } from 'kysely';

/** Rows of schema `bom`, as Kysely sees them. Only store.ts uses these. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** jsonb: objects go in as JSON text, come out parsed. */
type Json<T> = ColumnType<T, string, string>;
type NullableJson<T> = ColumnType<T | null, string | null, string | null>;

export type PartsTable = {
  id: string;
  part_number: string;
  name_zh: string;
  name_en: string;
  supplier_org_id: string;
  lead_time_days: number;
  unit: string;
  sequenced: boolean;
  active: boolean;
  /** bigint: pg returns int8 as a string; written as a string. */
  unit_price: ColumnType<string | number | bigint | null, string | null, string | null>;
  currency: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type DraftsTable = {
  model_line: string;
  based_on_version_id: string | null;
  updated_at: Timestamp;
  updated_by: string | null;
};

export type LinesTable = {
  line_no: number;
  part_id: string;
  quantity: number;
  condition: NullableJson<unknown>;
  alt_group: string | null;
  station: string;
};

export type DraftLinesTable = LinesTable & { model_line: string };

export type VersionLinesTable = LinesTable & { version_id: string };

export type VersionsTable = {
  id: string;
  model_line: string;
  number: number;
  catalog_version_id: string;
  line_count: number;
  report: Json<unknown>;
  published_at: Timestamp;
  published_by: string | null;
};

export type VehiclesTable = {
  vehicle_id: string;
  model_line: string;
  version_id: string;
  catalog_version_id: string;
  selection: Json<unknown>;
  stored_at: Timestamp;
};

export type VehiclePartsTable = {
  vehicle_id: string;
  line_no: number;
  part_id: string;
  part_number: string;
  name_zh: string;
  name_en: string;
  supplier_org_id: string;
  quantity: number;
  unit: string;
  lead_time_days: number;
  sequenced: boolean;
  station: string;
  alt_group: string | null;
};

export type BomTables = {
  'bom.parts': PartsTable;
  'bom.drafts': DraftsTable;
  'bom.draft_lines': DraftLinesTable;
  'bom.versions': VersionsTable;
  'bom.version_lines': VersionLinesTable;
  'bom.vehicles': VehiclesTable;
  'bom.vehicle_parts': VehiclePartsTable;
};

export type BomDb = Kysely<BomTables>;
