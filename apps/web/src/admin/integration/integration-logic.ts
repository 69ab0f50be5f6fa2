import type { Locale } from '../../i18n/locales.ts';

/**
 * Pure logic of the integration pages: lag as words, webhook event type patterns (the same
 * grammar the server checks: an event type, `<module>.*`, `*.<name>` or `*`), the health of a
 * subscriber or transport at a glance, and the replay request for a selection of dead letters.
 */
const UNITS = {
  'zh-CN': { d: '天', h: '小时', min: '分', s: '秒', sep: ' ' },
  en: { d: 'd', h: 'h', min: 'min', s: 's', sep: ' ' },
} as const satisfies Record<Locale, Record<string, string>>;

/** `45 s`, `3 min 20 s`, `2 h 5 min`, `3 d 4 h` (two largest units, rounded down). */
export function formatDuration(seconds: number, locale: Locale): string {
  const u = UNITS[locale];
  const total = Math.max(0, Math.floor(seconds));
  const parts: [number, string][] = [
    [Math.floor(total / 86_400), u.d],
    [Math.floor((total % 86_400) / 3600), u.h],
    [Math.floor((total % 3600) / 60), u.min],
    [total % 60, u.s],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  if (first === -1) return `0 ${u.s}`;
  return parts
    .slice(first, first + 2)
    .filter(([n], i) => i === 0 || n > 0)
    .map(([n, unit]) => `${n} ${unit}`)
    .join(u.sep);
}

const PART = /^(\*|[a-z][a-z0-9_]*)$/;

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

/** Patterns from what a person typed: separated by commas, spaces or lines; duplicates dropped. */
export function parsePatterns(text: string): { patterns: string[]; invalid: string[] } {
  const all = [
    ...new Set(
      text
        .split(/[\s,，]+/)
        .map((p) => p.trim())
        .filter(Boolean),
    ),
  ];
  return { patterns: all.filter(isEventTypePattern), invalid: all.filter((p) => !isEventTypePattern(p)) };
}

/** The known types the patterns select, and the patterns that select none (typos). */
export function previewPatterns(
  patterns: readonly string[],
  known: readonly string[],
): { selected: string[]; matchingNothing: string[] } {
  return {
    selected: known.filter((type) => patterns.some((p) => matchesEventType(p, type))),
    matchingNothing: patterns.filter((p) => !known.some((type) => matchesEventType(p, type))),
  };
}

export type Health = 'ok' | 'lagging' | 'retrying' | 'dead_letters' | 'down' | 'paused';

/** Lag over a minute counts as lagging: delivery normally takes well under a second. */
export const LAG_WARNING_SECONDS = 60;

export function healthOf(s: {
  ready?: boolean;
  active?: boolean;
  dead: number;
  retrying: number;
  lagSeconds: number;
}): Health {
  if (s.active === false) return 'paused';
  if (s.ready === false) return 'down';
  if (s.dead > 0) return 'dead_letters';
  if (s.retrying > 0) return 'retrying';
  if (s.lagSeconds > LAG_WARNING_SECONDS) return 'lagging';
  return 'ok';
}

export type OutboxLetter = { eventId: string; target: string };

/** A stable key for an outbox dead letter (event, target) in a selection. */
export const outboxLetterKey = (l: OutboxLetter) => `${l.eventId} ${l.target}`;

export function replayBody(
  webhookIds: ReadonlySet<string>,
  outboxKeys: ReadonlySet<string>,
): { webhookDeliveryIds: string[]; outbox: OutboxLetter[] } {
  return {
    webhookDeliveryIds: [...webhookIds].sort(),
    outbox: [...outboxKeys].sort().map((key) => {
      const space = key.indexOf(' ');
      return { eventId: key.slice(0, space), target: key.slice(space + 1) };
    }),
  };
}
