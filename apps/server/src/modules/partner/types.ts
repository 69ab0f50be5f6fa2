/** The shapes this module hands out. */
export const PARTNER_SYSTEMS = ['erp', 'wms', 'dms', 'crm', 'mes'] as const;
export type PartnerSystem = (typeof PARTNER_SYSTEMS)[number];

export const REQUEST_RESULTS = ['applied', 'stale', 'duplicate', 'refused'] as const;
export type RequestResult = (typeof REQUEST_RESULTS)[number];

/**
 * The answer to an upsert or fact. A re-send of the applied version gets this same answer; an
 * older version is acknowledged with `applied: false, reason: 'stale'` and the version that
 * stays applied. It never echoes the record's content (leads are customer data).
 */
export type PartnerAck =
  | { applied: true; entity: string; naturalKey: string; version: string; id: string }
  | {
      applied: false;
      reason: 'stale';
      entity: string;
      naturalKey: string;
      version: string;
      appliedVersion: string;
      id: string | null;
    };

export type RequestLogEntry = {
  id: string;
  at: Date;
  keyId: string;
  orgId: string;
  system: PartnerSystem;
  endpoint: string;
  naturalKey: string | null;
  version: string | null;
  result: RequestResult;
  status: number;
  code: string | null;
  requestId: string;
};

export type Page<T> = { items: T[]; nextCursor: string | null };
