/**
 * Dealers: profiles on top of identity's dealer organisations (services offered, hand-over
 * capacity per day, active flag) and the customer directory of active dealers by city, service
 * and distance.
 *
 * Stock (issue #7): a dealer's own vehicles (demo, test drive, for sale) by VIN with model
 * line, configuration code and status, as the dealer's DMS reports them through the partner
 * API: `upsertStockVehicle(ctx, dealerOrgId, input)` for the partner flow (no permission check:
 * the route authorises the dealer's key), `listOwnStock(ctx, query)` for dealer staff
 * (`dealer_stock.read`, own dealer). Event `dealers.stock_vehicle_updated`.
 *
 * Must not: keep its own copy of a dealer's name, address or location (identity owns the
 * organisation); know about orders. Only store.ts has SQL, and only schema `dealers`.
 */
export type { LatLng } from './distance-km.ts';
export { distanceKm } from './distance-km.ts';
export { profileUpdated, stockVehicleUpdated } from './events.ts';
export type { DealerFilter } from './find-dealers.ts';
export { findActiveDealer, getDealer, getHandoverCapacity, listDealers } from './find-dealers.ts';
export type { DealerProfileInput } from './manage-profiles.ts';
export { listDealerProfiles, setDealerProfile } from './manage-profiles.ts';
export type { StockQuery, StockVehicleInput } from './manage-stock.ts';
export { listOwnStock, upsertStockVehicle, VIN_PATTERN } from './manage-stock.ts';
export type { Dealer, DealerProfile, DealerService, StockStatus, StockUsage, StockVehicle } from './types.ts';
export { DEALER_SERVICES, STOCK_STATUSES, STOCK_USAGES } from './types.ts';
