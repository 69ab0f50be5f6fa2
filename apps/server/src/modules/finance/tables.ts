import type { ColumnType, Kysely } from 'kysely';

/** Rows of schema `finance`, as Kysely sees them. Only store.ts uses these. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** jsonb: values go in as JSON text, come out parsed. */
type Json<T> = ColumnType<T, string, string>;

export type OffersTable = {
  id: string;
  code: string;
  partner_zh: string;
  partner_en: string;
  product_zh: string;
  product_en: string;
  description_zh: string;
  description_en: string;
  apr_bp: number;
  terms_months: Json<number[]>;
  min_down_bp: number;
  model_lines: Json<string[]>;
  currency: string;
  active: boolean;
  sort: number;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type InsuranceProductsTable = {
  code: string;
  kind: string;
  insurer_zh: string;
  insurer_en: string;
  name_zh: string;
  name_en: string;
  description_zh: string;
  description_en: string;
  premium_kind: string;
  fixed_premium: ColumnType<string | null, number | null, number | null>;
  rate_bp: number | null;
  minimum_premium: ColumnType<string | null, number | null, number | null>;
  requires: Json<string[]>;
  currency: string;
  active: boolean;
  sort: number;
  created_at: Timestamp;
};

export type FinanceTables = {
  'finance.offers': OffersTable;
  'finance.insurance_products': InsuranceProductsTable;
};

export type FinanceDb = Kysely<FinanceTables>;
