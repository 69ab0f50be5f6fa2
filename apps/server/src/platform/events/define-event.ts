import type { z } from 'zod';
import type { Actor } from '../actor.ts';

/**
 * A domain event type: `<module>.<noun>_<past verb>`, the zod schema of its payload and the
 * schema's version. Modules declare theirs in `events.ts` and list them in
 * `apps/server/src/event-catalogue.ts` (a test checks that none is missing).
 *
 * Versions: a change a consumer can keep reading (a new optional field) keeps the version;
 * a change that breaks readers (a field removed, renamed or retyped) raises it.
 */
const EVENT_TYPE = /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/;

export type EventDefinition<T extends string = string, S extends z.ZodType = z.ZodType> = {
  type: T;
  schema: S;
  /** Schema version of the payload, from 1. */
  version: number;
  /** One or two sentences for the event catalogue: what happened, and what the aggregate is. */
  description: string;
};

export type PayloadOf<E extends EventDefinition> = z.infer<E['schema']>;

/**
 * What subscribers and transports receive (the JSON body on NATS and in webhooks).
 * `sequence` counts the events of one aggregate from 1 without gaps, in the order they
 * happened: a consumer that sees 5 after 3 knows it missed 4; one that sees 3 again has a
 * duplicate (the id says so too).
 */
export type EventEnvelope<P = unknown> = {
  id: string;
  type: string;
  version: number;
  aggregateId: string;
  sequence: number;
  occurredAt: string;
  actor: Actor;
  requestId: string;
  payload: P;
};

export type DefineEventOptions = { version?: number; description?: string };

export function defineEvent<T extends string, S extends z.ZodType>(
  type: T,
  schema: S,
  options: DefineEventOptions = {},
): EventDefinition<T, S> {
  if (!EVENT_TYPE.test(type)) throw new Error(`event type must be <module>.<noun>_<past verb>: ${type}`);
  const version = options.version ?? 1;
  if (!Number.isInteger(version) || version < 1) throw new Error(`${type}: version must be an integer >= 1`);
  return { type, schema, version, description: options.description ?? '' };
}

/** The module an event belongs to: the part before the first dot. */
export function moduleOf(type: string): string {
  return type.slice(0, type.indexOf('.'));
}
