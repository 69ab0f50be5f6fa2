// An owned vehicle's configuration in a line, pure: the chosen options of its order's price
// (families with a label, in the order's order), the first few named and the rest counted.
import type { Order } from '../../api/types.ts';
import { type Locale, pickLocalized } from '../../i18n/locales.ts';

export type ConfigurationSummary = { shown: string[]; more: number };

export const SUMMARY_OPTIONS = 4;

export function configurationSummary(
  options: Order['price']['options'],
  locale: Locale,
  limit: number = SUMMARY_OPTIONS,
): ConfigurationSummary {
  const named = options.map((o) => pickLocalized(o.optionLabel, locale) ?? o.option);
  return { shown: named.slice(0, limit), more: Math.max(0, named.length - limit) };
}

/** Newest delivery first (as the server lists them), stable for equal times. */
export function newestFirst<T extends { deliveredAt: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) =>
    a.deliveredAt < b.deliveredAt ? 1 : a.deliveredAt > b.deliveredAt ? -1 : 0,
  );
}
