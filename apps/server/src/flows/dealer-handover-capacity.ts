import { type HandoverCapacity, notLimitedByDealer } from '../modules/production/index.ts';

/**
 * The dealer's hand-over capacity as the delivery promise sees it: how many hand-over slots a
 * dealer has left on each date. The dealers module (its hand-over capacity per day and the
 * bookings against it) lands on another branch; this is the one place that connects it to
 * production. Until it is connected every date counts as "not limited by the dealer"
 * (`undefined`), which is what production does for a dealer without a capacity calendar.
 *
 * Integrator: replace the body with a read of the dealers module, e.g.
 *   async (ctx, dealerOrgId, range) => {
 *     const left = await handoverSlotsLeft(ctx, dealerOrgId, range); // Map<IsoDate, number>
 *     return (date) => left.get(date);
 *   }
 */
export const dealerHandoverCapacity: HandoverCapacity = notLimitedByDealer;
