import type { ColumnType, Kysely } from 'kysely';

/** Rows of schema `catalog`, as Kysely sees them. Only store.ts uses these. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** jsonb: objects go in as JSON text, come out parsed. */
type Json<T> = ColumnType<T, string, string>;

export type ModelLinesTable = {
  id: string;
  code: string;
  name_zh: string;
  name_en: string;
  tagline_zh: string | null;
  tagline_en: string | null;
  body_type_zh: string;
  body_type_en: string;
  model_year: number;
  live_version_id: string | null;
  created_at: Timestamp;
};

export type VersionsTable = {
  id: string;
  model_line_id: string;
  number: number;
  model: Json<unknown>;
  model_hash: string;
  compiled: Uint8Array;
  variant_count: string;
  stats: Json<unknown>;
  published_at: Timestamp;
  published_by: string | null;
};

export type DraftsTable = {
  model_line_id: string;
  model: Json<unknown>;
  based_on_version_id: string | null;
  updated_at: Timestamp;
  updated_by: string | null;
};

export type SavedConfigurationsTable = {
  id: string;
  code: string;
  model_line_id: string;
  version_id: string;
  selection: Json<unknown>;
  total: ColumnType<string | number, number, number>;
  currency: string;
  breakdown: Json<unknown>;
  created_at: Timestamp;
};

export type ConfigurationSavesTable = {
  configuration_id: string;
  saver: string;
  saved_at: Timestamp;
};

export type CatalogTables = {
  'catalog.model_lines': ModelLinesTable;
  'catalog.versions': VersionsTable;
  'catalog.drafts': DraftsTable;
  'catalog.saved_configurations': SavedConfigurationsTable;
  'catalog.configuration_saves': ConfigurationSavesTable;
};

export type CatalogDb = Kysely<CatalogTables>;
