import type { ColumnType, Kysely } from 'kysely';

/** Rows of schema `partner`, as Kysely sees them. Only store.ts uses these. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;
/** bigint: pg returns int8 as a string, PGlite as a number or bigint; written as a string. */
type BigIntColumn = ColumnType<string | number | bigint | null, string | null, string | null>;
type NullableJson<T> = ColumnType<T | null, string | null, string | null>;

export type SigningSecretsTable = { key_id: string; sealed: string; created_at: Timestamp };

export type SeenSignaturesTable = { key_id: string; signature: string; expires_at: Timestamp };

export type SourceVersionsTable = {
  system: string;
  entity: string;
  natural_key: string;
  version_kind: string | null;
  version: BigIntColumn;
  version_text: string | null;
  payload_hash: string | null;
  answer: NullableJson<unknown>;
  key_id: string | null;
  applied_at: NullableTimestamp;
};

export type RequestLogTable = {
  id: string;
  at: Timestamp;
  key_id: string;
  org_id: string;
  system: string;
  endpoint: string;
  natural_key: string | null;
  version: string | null;
  result: string;
  status: number;
  code: string | null;
  request_id: string;
};

export type PartnerDb = Kysely<{
  'partner.signing_secrets': SigningSecretsTable;
  'partner.seen_signatures': SeenSignaturesTable;
  'partner.source_versions': SourceVersionsTable;
  'partner.request_log': RequestLogTable;
}>;
