/**
 * Every event the platform publishes, in one list: the webhook fan-out subscribes to these,
 * webhook patterns are checked against them, and `npm run asyncapi` documents them
 * (apps/server/asyncapi.json, /docs/events). A module that defines an event in its events.ts
 * adds it here; event-catalogue.test.ts fails for any event left out.
 */
import { bomVersionPublished, partUpdated, vehiclePartsStored } from './modules/bom/index.ts';
import { configurationSaved, versionPublished } from './modules/catalog/index.ts';
import {
  handoverBooked,
  handoverCancelled,
  handoverChecklistCompleted,
  keysHandedOver,
  profileUpdated,
  stockVehicleUpdated,
} from './modules/dealers/index.ts';
import { offerCreated, offerDeactivated } from './modules/finance/index.ts';
import {
  DEFAULT_TOLERANCE_SECONDS,
  SIGNATURE_VERSION,
  WEBHOOK_HEADERS,
  WEBHOOK_SECRET_PREFIX,
} from './modules/integration/index.ts';
import { leadAssigned, leadReceived, leadStageChanged } from './modules/leads/index.ts';
import {
  orderArrivedAtDealer,
  orderBuilt,
  orderCancelled,
  orderConfigurationChanged,
  orderDelivered,
  orderFinanceChanged,
  orderInsuranceChanged,
  orderLocked,
  orderPlaced,
  orderProductionStarted,
  orderRescheduled,
  orderReserved,
  orderScheduled,
  orderShipped,
} from './modules/ordering/index.ts';
import { ownershipRecorded } from './modules/owners/index.ts';
import {
  paymentCancelled,
  paymentCaptured,
  paymentCreated,
  paymentExpired,
  paymentFailed,
  refundFailed,
  refundRequested,
  refundSucceeded,
} from './modules/payments/index.ts';
import {
  callOffDelayed,
  callOffShipped,
  callOffsIssued,
  dayFrozen,
  daySequenced,
  deliveryDateReserved,
  deliveryRepromised,
  partsReceived,
  vehicleCancelled,
  vehicleConfirmed,
  vehicleReconfigured,
  vehicleRegistered,
  vehicleReplanned,
  vehicleStepRecorded,
} from './modules/production/index.ts';
import { buildAsyncApiDocument } from './platform/events/asyncapi.ts';
import type { EventDefinition } from './platform/events/define-event.ts';
import { NATS_HEADERS } from './platform/events/nats-transport.ts';

export const EVENT_CATALOGUE: readonly EventDefinition[] = [
  // catalog
  versionPublished,
  configurationSaved,
  // bom
  bomVersionPublished,
  partUpdated,
  vehiclePartsStored,
  // ordering
  orderPlaced,
  orderReserved,
  orderLocked,
  orderConfigurationChanged,
  orderFinanceChanged,
  orderInsuranceChanged,
  orderScheduled,
  orderRescheduled,
  orderProductionStarted,
  orderBuilt,
  orderShipped,
  orderArrivedAtDealer,
  orderDelivered,
  orderCancelled,
  // payments
  paymentCreated,
  paymentCaptured,
  paymentFailed,
  paymentExpired,
  paymentCancelled,
  refundRequested,
  refundSucceeded,
  refundFailed,
  // production
  vehicleRegistered,
  vehicleConfirmed,
  vehicleReconfigured,
  deliveryDateReserved,
  deliveryRepromised,
  vehicleReplanned,
  vehicleStepRecorded,
  vehicleCancelled,
  daySequenced,
  dayFrozen,
  callOffsIssued,
  callOffShipped,
  callOffDelayed,
  partsReceived,
  // dealers
  profileUpdated,
  stockVehicleUpdated,
  handoverBooked,
  handoverChecklistCompleted,
  handoverCancelled,
  keysHandedOver,
  // owners
  ownershipRecorded,
  // finance
  offerCreated,
  offerDeactivated,
  // leads (issue #7)
  leadReceived,
  leadAssigned,
  leadStageChanged,
];

/** Bumped when the envelope or the transports change shape (payload changes bump an event's version). */
export const EVENTS_VERSION = '1.0.0';

export const WEBHOOK_GUIDE = [
  '## Webhooks',
  '',
  'An admin registers a webhook subscriber (admin console, Integration → Webhooks, or',
  '`POST /admin/integration/webhooks`) with a URL and event type patterns (`ordering.order_locked`,',
  '`ordering.*`, `*.order_locked`, `*`). Each matching event is POSTed to the URL with the envelope',
  'as JSON body and these headers:',
  '',
  `- \`${WEBHOOK_HEADERS.eventId}\`: the event id (de-duplicate on it: delivery is at least once)`,
  `- \`${WEBHOOK_HEADERS.eventType}\`: the event type`,
  `- \`${WEBHOOK_HEADERS.deliveryId}\`: this (subscriber, event) delivery`,
  `- \`${WEBHOOK_HEADERS.timestamp}\`: Unix seconds of this attempt`,
  `- \`${WEBHOOK_HEADERS.signature}\`: \`${SIGNATURE_VERSION}=\` + hex HMAC-SHA256 of \`<timestamp>.<body>\``,
  `  keyed with the subscriber's secret (\`${WEBHOOK_SECRET_PREFIX}…\`, shown once when created or rotated;`,
  '  the whole string is the key)',
  '',
  'To verify: take the raw body bytes (before any JSON parsing), compute the HMAC over',
  '`timestamp + "." + body`, compare with the signature in constant time, and refuse the request when',
  `the timestamp is more than ${DEFAULT_TOLERANCE_SECONDS} seconds from your clock (a recorded request`,
  'replayed later). Answer 2xx within 10 seconds to acknowledge; anything else (including redirects,',
  'which are not followed) is retried with exponential backoff and full jitter, and after the last attempt',
  "the delivery is a dead letter until an admin replays it. An aggregate's later events wait until its",
  'earlier one is delivered to that subscriber, so each subscriber sees every aggregate in `sequence` order.',
].join('\n');

export function eventCatalogueDocument() {
  return buildAsyncApiDocument(EVENT_CATALOGUE, {
    version: EVENTS_VERSION,
    description: WEBHOOK_GUIDE,
    headers: {
      [NATS_HEADERS.type]: 'The event type',
      [NATS_HEADERS.version]: 'The schema version of the payload',
      [NATS_HEADERS.aggregateId]: 'The aggregate id',
      [NATS_HEADERS.sequence]: "The event's position among its aggregate's events",
    },
  });
}
