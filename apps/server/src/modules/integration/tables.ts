import type { ColumnType, Generated, Kysely } from 'kysely';

/** Rows of schema `integration`, as Kysely sees them. Only store.ts uses these. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Bigint = ColumnType<string, string | number, string | number>;

export type WebhookEndpointsTable = {
  id: string;
  name: string;
  description: string | null;
  url: string;
  event_types: string[];
  secret: string;
  active: boolean;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
  secret_rotated_at: Timestamp | null;
};

export type WebhookDeliveriesTable = {
  id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  aggregate_id: string;
  sequence: Bigint;
  status: 'pending' | 'delivered' | 'dead';
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  lease_until: Timestamp | null;
  last_attempt_at: Timestamp | null;
  last_status: number | null;
  last_error: string | null;
  delivered_at: Timestamp | null;
  dead_at: Timestamp | null;
  replays: Generated<number>;
  created_at: Timestamp;
};

export type IntegrationTables = {
  'integration.webhook_endpoints': WebhookEndpointsTable;
  'integration.webhook_deliveries': WebhookDeliveriesTable;
};

export type IntegrationDb = Kysely<IntegrationTables>;
