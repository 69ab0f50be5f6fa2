// An N/P rule's condition as the planner edits it: a list of option codes, any of which makes
// a car count ("sunroof-panoramic"; "drive-4wd, drive-4wd-lock, drive-awd"). Other shapes of
// condition (all / not) are shown as text and kept as they are.
import type { ResponseOf } from '../api/types.ts';

export type Condition = ResponseOf<
  '/factory/lines/{lineId}/option-rules',
  'get'
>['items'][number]['condition'];

/** The option codes of an "any of these options" condition; null for any other shape. */
export function optionList(condition: Condition): string[] | null {
  if (typeof condition === 'string') return [condition];
  if (typeof condition === 'object' && condition !== null && 'any' in condition) {
    const items = condition.any;
    return items.every((i): i is string => typeof i === 'string') ? items : null;
  }
  return null;
}

/** Codes typed by the planner (commas, spaces or new lines between them), once each, in order. */
export function parseOptionCodes(text: string): string[] {
  const codes = text
    .split(/[\s,，、;；]+/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
  return [...new Set(codes)];
}

export function conditionOf(codes: readonly string[]): Condition {
  return codes.length === 1 ? (codes[0] as string) : { any: [...codes] };
}

/** A condition in words: option labels joined by "or" / "and", "not" for negation. */
export function conditionText(
  condition: Condition,
  label: (code: string) => string,
  words: { or: string; and: string; not: (text: string) => string },
): string {
  const text = (c: Condition, nested: boolean): string => {
    if (typeof c === 'string') return label(c);
    if ('not' in c) return words.not(text(c.not, true));
    const items = 'all' in c ? c.all : c.any;
    const joined = items.map((i) => text(i, true)).join('all' in c ? words.and : words.or);
    return nested && items.length > 1 ? `(${joined})` : joined;
  };
  return text(condition, false);
}
