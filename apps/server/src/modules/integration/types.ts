/** The integration module's own types (the HTTP layer maps them to response shapes). */
export type WebhookEndpoint = {
  id: string;
  name: string;
  description: string | null;
  url: string;
  eventTypes: string[];
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
  secretRotatedAt: Date | null;
  /** First characters of the secret, to tell which one a receiver has. */
  secretPrefix: string;
};

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'dead'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

export type WebhookDelivery = {
  id: string;
  endpointId: string;
  endpointName: string;
  eventId: string;
  eventType: string;
  aggregateId: string;
  sequence: number;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: Date | null;
  deadAt: Date | null;
  replays: number;
  createdAt: Date;
};

/** Backlog and failures of one webhook subscriber. */
export type WebhookLag = {
  endpointId: string;
  name: string;
  active: boolean;
  /** Not delivered yet: pending (due, waiting or retrying) plus dead. */
  undelivered: number;
  /** Pending deliveries that failed at least once. */
  retrying: number;
  dead: number;
  oldestUndeliveredAt: Date | null;
  lastDeliveredAt: Date | null;
};

export type Page<T> = { items: T[]; nextCursor: string | null };
