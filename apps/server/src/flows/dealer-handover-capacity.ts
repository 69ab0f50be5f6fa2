import { handoverSlotsLeft } from '../modules/dealers/index.ts';
import type { HandoverCapacity } from '../modules/production/index.ts';

/**
 * The dealer's hand-over capacity as the delivery promise sees it: how many hand-over slots a
 * dealer has left on each date (its profile's capacity per day on the days it is open, minus
 * the slots held by cars promised or booked there). The flows that reserve a date take the
 * slot in the same transaction as the production reservation (see build-date.ts), so this read
 * only decides which dates the calendar offers.
 */
export const dealerHandoverCapacity: HandoverCapacity = (ctx, dealerOrgId, range) =>
  handoverSlotsLeft(ctx, dealerOrgId, range);
