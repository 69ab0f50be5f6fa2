/**
 * Every event the platform publishes, in one list: the webhook fan-out subscribes to these,
 * webhook patterns are checked against them, and `npm run asyncapi` documents them
 * (apps/server/asyncapi.json, /docs/events). A module that defines an event in its events.ts
 * adds it here; event-catalogue.test.ts fails for any event left out.
 */
import { configurationSaved, versionPublished } from './modules/catalog/index.ts';
import type { EventDefinition } from './platform/events/define-event.ts';

export const EVENT_CATALOGUE: readonly EventDefinition[] = [
  // catalog
  versionPublished,
  configurationSaved,
];
