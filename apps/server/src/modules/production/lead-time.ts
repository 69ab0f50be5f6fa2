import type { Selection } from '@openc2b/configurator';
import type { Ctx } from '../../platform/context.ts';

/**
 * The longest part lead time of a configuration, in calendar days: the earliest production day
 * is today plus this (parts are called off when the car is planned).
 *
 * The super-BOM (module `bom`) owns lead times; until production is merged with it this answers
 * 0 ("no part data": the date is then limited by the frozen horizon, capacity and transport).
 */
export async function partsLeadTimeDays(
  _ctx: Ctx,
  _input: { modelLine: string; selection: Selection },
): Promise<number> {
  return 0;
}
