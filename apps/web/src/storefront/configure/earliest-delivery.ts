// The earliest delivery date in the configurator, pure: when it can be asked (the route decodes
// a configuration code, so only a complete, valid configuration has one) and which dealer it is
// asked for (the customer's pick, else the first of the directory).
import type { CalendarQuery } from '../orders/orders-api.ts';

/** How long the configurator waits after the last click before it asks (clicks come fast). */
export const EARLIEST_DEBOUNCE_MS = 400;

export function earliestQuery(
  modelLine: string,
  code: string | undefined,
  dealerId: string | null,
): CalendarQuery | null {
  if (!code || !dealerId) return null;
  return { modelLine, configurationCode: code, dealerId };
}

/** The dealer the date is for: the one chosen while it is still listed, else the first one. */
export function dealerFor(chosen: string | null, dealers: readonly { id: string }[]): string | null {
  if (chosen && dealers.some((d) => d.id === chosen)) return chosen;
  return dealers[0]?.id ?? null;
}

/** A stable key of a query, so a late answer for an older configuration is never shown. */
export function queryKey(query: CalendarQuery | null): string {
  return query ? `${query.modelLine}|${query.configurationCode}|${query.dealerId}` : '';
}
