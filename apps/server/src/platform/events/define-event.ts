import type { z } from 'zod';
import type { Actor } from '../actor.ts';

/**
 * A domain event type: `<module>.<noun>_<past verb>` plus the zod schema of its payload.
 * Modules declare theirs in `events.ts`.
 */
const EVENT_TYPE = /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/;

export type EventDefinition<T extends string = string, S extends z.ZodType = z.ZodType> = {
  type: T;
  schema: S;
};

export type PayloadOf<E extends EventDefinition> = z.infer<E['schema']>;

/** What subscribers and transports receive. */
export type EventEnvelope<P = unknown> = {
  id: string;
  type: string;
  aggregateId: string;
  payload: P;
  occurredAt: string;
  actor: Actor;
  requestId: string;
};

export function defineEvent<T extends string, S extends z.ZodType>(
  type: T,
  schema: S,
): EventDefinition<T, S> {
  if (!EVENT_TYPE.test(type)) throw new Error(`event type must be <module>.<noun>_<past verb>: ${type}`);
  return { type, schema };
}

/** The module an event belongs to: the part before the first dot. */
export function moduleOf(type: string): string {
  return type.slice(0, type.indexOf('.'));
}
