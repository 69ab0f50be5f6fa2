/**
 * Production: the plant model (lines of a plant, their capacity calendars with holidays and
 * overtime, per-option N/P limits, paint batch limit, frozen horizon, build days, transport days
 * to each dealer), the delivery promise (日历订车), atomic reservations of production capacity,
 * the vehicles to build (production's own record per vehicle id: line, production day, sequence
 * position, VIN, current step, estimated and actual times, promised delivery date), planning
 * and sequencing of each day (solver in a worker thread, progress on a run row), freezing, and
 * tracking at the stations until the car is at its dealer.
 *
 * For other modules and flows (the integrator wires ordering <-> production in flows/):
 * - `registerVehicle(ctx, { vehicleId, orderId, customerUserId?, modelLine, versionId,
 *   configurationCode, selection, dealerOrgId })`: idempotent per vehicle id; called when the
 *   order is placed (the order is the car from the start).
 * - `confirmVehicle(ctx, vehicleId)`: the order is locked; only confirmed cars are sequenced,
 *   frozen and built. A day that freezes moves its unconfirmed cars to their next available
 *   date (`production.delivery_repromised`, reason `not_locked`).
 * - `checkDateForConfiguration(ctx, vehicleId, { modelLine, selection }, date)` and
 *   `reconfigureVehicle(ctx, vehicleId, { versionId, configurationCode, selection }, date)`: a
 *   configuration change before lock re-checks and re-reserves the date for the new mix.
 * - `reserveDeliveryDate(ctx, vehicleId, date, { handoverCapacity? })`: atomic; a full date is
 *   the value `{ ok: false, reason, reasons, nextAvailable }`; re-reserving releases the old date.
 * - `cancelVehicle(ctx, vehicleId, reason)`: releases capacity (not on a frozen day); 409 once
 *   the car is in production.
 * - `getVehicleProgress(ctx, vehicleId)`: steps with estimated and actual times, VIN, promised date;
 *   `getBuildSheet(ctx, vehicleId)`: the same plus the chosen options and the line rules it counts
 *   towards (the station page).
 * - `getDeliveryCalendar(ctx, { modelLine, configurationCode, dealerOrgId, weeks? }, { handoverCapacity? })`.
 * Events (events.ts): vehicle_registered, vehicle_confirmed, vehicle_reconfigured, delivery_date_reserved, delivery_repromised (with the
 * reason the customer is told), vehicle_replanned, vehicle_step_recorded, vehicle_cancelled,
 * day_sequenced, day_frozen, calloffs_issued, calloff_shipped, calloff_delayed. Vehicle events
 * have the vehicle id as aggregate and carry the order id.
 *
 * Parts come from the super-BOM (module `bom`): a car's parts list is stored against its vehicle
 * id when its date is reserved, its longest lead time limits the production day, and freezing a
 * day issues the supplier call-offs from those lists (just-in-sequence parts per car in line
 * order, daily totals for the rest). No parts list, no promise (422 `production.parts_unknown`).
 *
 * Part arrivals (issue #7, the WMS through the partner API): `recordPartArrival(ctx, { arrivalId,
 * plantOrgId, partNumber, quantity, arrivedAt, callOffId })` allocates the arrival to the plant's
 * open call-offs of that part (the named one, else soonest due), marks complete call-offs
 * `received`, and re-promises the cars a late or short arrival holds up (reason `part_late`, the
 * same path as a supplier's delay report). Idempotent per arrival id; no permission check (flows).
 * Event `production.parts_received`.
 *
 * Must not: know orders, payments or dealers' own data (orders are ids; the dealer's hand-over
 * capacity is a function passed in, see ports.ts); let a reservation exceed any capacity; change
 * a frozen day; touch another module's schema. Only store.ts has SQL, and only schema `production`.
 */
export { composeVin, isValidVin, modelYearCode, vinCheckDigit } from './assign-vin.ts';
export type {
  CalendarException,
  CapacityCalendar,
  DayPattern,
  ExceptionKind,
  IsoDate,
} from './capacity-calendar.ts';
export { EXCEPTION_KINDS, isIsoDate } from './capacity-calendar.ts';
export {
  callOffDelayed,
  callOffShipped,
  callOffsIssued,
  dayFrozen,
  daySequenced,
  deliveryDateReserved,
  deliveryRepromised,
  partsReceived,
  vehicleCancelled,
  vehicleConfirmed,
  vehicleReconfigured,
  vehicleRegistered,
  vehicleReplanned,
  vehicleStepRecorded,
} from './events.ts';
export { freezeDueDaysJob, productionJobs, scheduleProductionJobs, sequenceDayJob } from './jobs.ts';
export type { LineSettings, NewLine, NewOptionRule } from './manage-plant.ts';
export {
  addMissingCalendarExceptions,
  createLine,
  createOptionRule,
  deleteCalendarException,
  deleteOptionRule,
  deleteTransportDays,
  putCalendarException,
  setTransportDays,
  setWeeklyPattern,
  updateLineSettings,
  updateOptionRule,
} from './manage-plant.ts';
export type { DayPlan, RunProgress, RunResult, SequenceRequest } from './plan-days.ts';
export {
  executeSequenceRun,
  freezeDay,
  freezeDueDays,
  getDayPlan,
  getSequenceRun,
  listSequenceRuns,
  startSequenceRun,
} from './plan-days.ts';
export type { HandoverCapacity, ProductionPorts } from './ports.ts';
export { notLimitedByDealer } from './ports.ts';
export type { CalendarQuery, DeliveryCalendar } from './promise-dates.ts';
export { DEFAULT_WEEKS, getDeliveryCalendar, MAX_WEEKS } from './promise-dates.ts';
export type {
  PromiseCalendar,
  PromisedDate,
  PromiseFigures,
  Reason,
  ReasonCode,
} from './promise-delivery.ts';
export { REASON_CODES } from './promise-delivery.ts';
export type { CalendarDay } from './read-plant.ts';
export { getLine, getLineCalendar, listLines, listOptionRules, listTransportRoutes } from './read-plant.ts';
export type { ArrivalOutcome } from './receive-parts.ts';
export { recordPartArrival } from './receive-parts.ts';
export type { DateCheck, MoveResult, RegisterVehicleInput, ReservationResult } from './reserve-date.ts';
export {
  cancelVehicle,
  checkDateForConfiguration,
  confirmVehicle,
  findVehicleById,
  moveVehicle,
  reconfigureVehicle,
  registerVehicle,
  reserveDeliveryDate,
} from './reserve-date.ts';
export {
  confirmShipment,
  getCallOff,
  listDayCallOffs,
  listSupplierCallOffs,
  reportDelay,
} from './respond-calloffs.ts';
export type { QcResult, Step, StepState, TimelineStep } from './step-machine.ts';
export { nextSteps, QC_RESULTS, STEP_STATES, STEPS, TIMELINE_STEPS } from './step-machine.ts';
export type { RunRecord, RunStatus } from './store.ts';
export { RUN_STATUSES } from './store.ts';
export type { BuildSheet, StepRequest, VehicleProgress } from './track-vehicle.ts';
export {
  getBuildSheet,
  getVehicleProgress,
  readArrivals,
  readVehicleProgress,
  recordStep,
} from './track-vehicle.ts';
export type {
  Bilingual,
  CallOff,
  CallOffItem,
  CallOffKind,
  CallOffStatus,
  Defect,
  DeliveryChange,
  Line,
  OptionRule,
  PartArrival,
  Priority,
  ProductionDay,
  RepromiseReason,
  StepRecord,
  TransportRoute,
  Vehicle,
} from './types.ts';
export { CALLOFF_KINDS, CALLOFF_STATUSES, PRIORITIES, REPROMISE_REASONS } from './types.ts';
