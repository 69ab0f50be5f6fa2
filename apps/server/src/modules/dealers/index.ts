/**
 * Dealers: profiles on top of identity's dealer organisations (services offered, hand-over
 * capacity per day, active flag) and the customer directory of active dealers by city, service
 * and distance.
 *
 * Must not: keep its own copy of a dealer's name, address or location (identity owns the
 * organisation); know about orders. Only store.ts has SQL, and only schema `dealers`.
 */
export type { LatLng } from './distance-km.ts';
export { distanceKm } from './distance-km.ts';
export { profileUpdated } from './events.ts';
export type { DealerFilter } from './find-dealers.ts';
export { findActiveDealer, getDealer, getHandoverCapacity, listDealers } from './find-dealers.ts';
export type { DealerProfileInput } from './manage-profiles.ts';
export { listDealerProfiles, setDealerProfile } from './manage-profiles.ts';
export type { Dealer, DealerProfile, DealerService } from './types.ts';
export { DEALER_SERVICES } from './types.ts';
