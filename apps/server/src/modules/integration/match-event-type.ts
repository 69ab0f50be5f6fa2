/**
 * Which events a webhook subscriber receives: a list of patterns, each an event type
 * (`ordering.order_locked`), a module with a wildcard (`ordering.*`), a wildcard name in any
 * module (`*.order_locked`) or everything (`*`). `*` stands for one whole part of
 * `<module>.<name>`, never for part of a word, so `ord*` is refused rather than guessed at.
 */
const PART = /^(\*|[a-z][a-z0-9_]*)$/;

export const MAX_EVENT_TYPE_PATTERNS = 50;

export function isEventTypePattern(pattern: string): boolean {
  if (pattern === '*') return true;
  const parts = pattern.split('.');
  return parts.length === 2 && parts.every((p) => PART.test(p));
}

export function matchesEventType(pattern: string, type: string): boolean {
  if (pattern === '*') return true;
  const [pm, pn] = pattern.split('.');
  const [tm, tn] = type.split('.');
  return (pm === '*' || pm === tm) && (pn === '*' || pn === tn);
}

export function matchesAnyEventType(patterns: readonly string[], type: string): boolean {
  return patterns.some((p) => matchesEventType(p, type));
}

/** The known event types a pattern list selects, for the console and for refusing typos. */
export function selectedEventTypes(patterns: readonly string[], known: readonly string[]): string[] {
  return known.filter((type) => matchesAnyEventType(patterns, type));
}
