/**
 * Dealers: profiles on top of identity's dealer organisations (services offered, hand-over
 * capacity per day, active flag), the customer directory of active dealers by city, service
 * and distance, the hand-over capacity per dealer and date (one slot per vehicle, taken by a
 * conditional update together with the production reservation in a flow) and the hand-over
 * appointments (date and one-hour slot inside the opening hours) with the fixed bilingual
 * pre-delivery checklist.
 *
 * For flows: `handoverSlotsLeft` (the delivery promise's view), `holdHandoverSlot` /
 * `holdFirstHandoverSlotFrom` / `releaseHandoverSlot` (in the caller's transaction),
 * `bookHandover`, `checkHandoverItem`, `completeHandover`, `cancelHandoverOf`,
 * `findHandoverOfVehicle`. Hand-over writes are dealer staff's (`handover.manage`) or their
 * dealer's DMS's (`dms_handover.confirm`, issue #7): `cancelHandoverAppointment` (the car
 * waits for a new one) and `recordKeysHandedOver` (only once the customer accepted). Events
 * `dealers.handover_booked`, `dealers.handover_checklist_completed`,
 * `dealers.handover_cancelled`, `dealers.keys_handed_over`.
 *
 * Stock (issue #7): a dealer's own vehicles (demo, test drive, for sale) by VIN with model
 * line, configuration code and status, as the dealer's DMS reports them through the partner
 * API: `upsertStockVehicle(ctx, dealerOrgId, input)` for the partner flow (no permission check:
 * the route authorises the dealer's key), `listOwnStock(ctx, query)` for dealer staff
 * (`dealer_stock.read`, own dealer). Event `dealers.stock_vehicle_updated`.
 *
 * Must not: keep its own copy of a dealer's name, address or location (identity owns the
 * organisation); know orders beyond their ids (ordering owns them; flows check the order's
 * state before a hand-over is booked or completed). Only store.ts has SQL, and only schema
 * `dealers`.
 */

export type { BookHandoverInput } from './book-handover.ts';
export {
  bookHandover,
  cancelHandoverAppointment,
  cancelHandoverOf,
  checkHandoverItem,
  completeHandover,
  DEALER_TIME_ZONE,
  findHandoverOfVehicle,
  getHandover,
  HANDOVER_NOT_FOUND,
  HANDOVER_SLOT_MINUTES,
  handoverAvailability,
  listHandovers,
  localTimeOfDay,
  localToday,
  recordKeysHandedOver,
  slotStarted,
} from './book-handover.ts';
export type { LatLng } from './distance-km.ts';
export { distanceKm } from './distance-km.ts';
export {
  handoverBooked,
  handoverCancelled,
  handoverChecklistCompleted,
  keysHandedOver,
  profileUpdated,
  stockVehicleUpdated,
} from './events.ts';
export type { DealerFilter } from './find-dealers.ts';
export { findActiveDealer, getDealer, getHandoverCapacity, listDealers } from './find-dealers.ts';
export type { ChecklistEntry, ChecklistItem } from './handover-checklist.ts';
export { CHECKLIST_ITEMS, CHECKLIST_LABELS, checklistState, isChecklistItem } from './handover-checklist.ts';
export type { DealerProfileInput } from './manage-profiles.ts';
export { listDealerProfiles, setDealerProfile } from './manage-profiles.ts';
export type { StockQuery, StockVehicleInput } from './manage-stock.ts';
export { listOwnStock, upsertStockVehicle, VIN_PATTERN } from './manage-stock.ts';
export type { Interval, WeeklyHours } from './opening-hours.ts';
export { isOpenOn, parseOpeningHours, slotStarts, slotWithinHours } from './opening-hours.ts';
export {
  findHandoverSlot,
  handoverSlotsLeft,
  holdFirstHandoverSlotFrom,
  holdHandoverSlot,
  releaseHandoverSlot,
} from './reserve-handover.ts';
export type {
  Dealer,
  DealerProfile,
  DealerService,
  Handover,
  HandoverStatus,
  StockStatus,
  StockUsage,
  StockVehicle,
} from './types.ts';
export { DEALER_SERVICES, HANDOVER_STATUSES, STOCK_STATUSES, STOCK_USAGES } from './types.ts';
