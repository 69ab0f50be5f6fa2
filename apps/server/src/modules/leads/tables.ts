import type { ColumnType, Kysely } from 'kysely';

/** Rows of schema `leads`, as Kysely sees them. Only store.ts uses these. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type LeadsTable = {
  id: string;
  source_system: string;
  source_id: string;
  name: string;
  phone: string;
  city: string | null;
  model_line: string | null;
  preferred_dealer_code: string | null;
  dealer_org_id: string | null;
  assigned_by: string | null;
  source: string | null;
  campaign: string | null;
  stage: string;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type LeadsDb = Kysely<{ 'leads.leads': LeadsTable }>;
