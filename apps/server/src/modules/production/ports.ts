import type { Ctx } from '../../platform/context.ts';
import type { IsoDate } from './capacity-calendar.ts';

/**
 * What production needs from modules it must not depend on, passed in by the caller (routes and
 * flows wire them; see flows/dealer-handover-capacity.ts).
 *
 * HandoverCapacity: the hand-over slots a dealer has left per date, owned by the dealers module.
 * The answer for a date is a number of slots left, or `undefined`, which means "not limited by
 * the dealer" (no capacity is known for that date): the date is then judged on the plant alone.
 */
export type HandoverCapacity = (
  ctx: Ctx,
  dealerOrgId: string,
  range: { from: IsoDate; to: IsoDate },
) => Promise<(date: IsoDate) => number | undefined>;

/** No dealer limit at all: every date is judged on the plant alone. */
export const notLimitedByDealer: HandoverCapacity = async () => () => undefined;

export type ProductionPorts = { handoverCapacity?: HandoverCapacity };
