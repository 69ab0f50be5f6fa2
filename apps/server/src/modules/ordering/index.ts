/**
 * Ordering: orders (one order = one vehicle) with their human-readable vehicle ids, the
 * configuration and catalogue version they were priced on, snapshots of the price, the order
 * terms, the dealer and the chosen finance and insurance quotes; the order state machine
 * (draft -> reserved -> locked -> scheduled -> in_production -> built -> shipped -> at_dealer
 * -> delivered, or cancelled), and the timeline of everything that happened to the order.
 *
 * Production drives the later stages: flows/ move the order from the plant's events (schedule at
 * freeze, steps, re-promises) with `advanceOrder` / `transitionOrder` and `recordOrderFact`.
 *
 * Must not: move money or read the ledger (payments does; flows combine both and pass ledger
 * figures in, e.g. `balanceDue` to deliver); trust a price, total or selection sent by a client
 * (every configuration is re-derived on the live catalogue version); change an order without
 * holding its row lock (`lockOrder`) in the transaction. Only store.ts has SQL, and only schema
 * `ordering`.
 */
export type { AdvanceAction, AdvanceData } from './advance-order.ts';
export { ADVANCE_ACTIONS, advanceOrder } from './advance-order.ts';
export type { ConfigurationChangeQuote, Refusal } from './change-configuration.ts';
export { changeConfiguration, quoteConfigurationChange } from './change-configuration.ts';
export { applyFinanceChange, changeInsurance } from './change-extras.ts';
export type { Due, DueBasis, PaymentPurpose } from './compute-amount-due.ts';
export { amountDue, BALANCE_STATES, balanceOf, PAYMENT_PURPOSES, purposeOf } from './compute-amount-due.ts';
export type { CancellationRefund } from './compute-refund.ts';
export { cancellationRefund } from './compute-refund.ts';
export {
  orderArrivedAtDealer,
  orderBuilt,
  orderCancelled,
  orderConfigurationChanged,
  orderDelivered,
  orderFinanceChanged,
  orderInsuranceChanged,
  orderLocked,
  orderPlaced,
  orderProductionStarted,
  orderRescheduled,
  orderReserved,
  orderScheduled,
  orderShipped,
} from './events.ts';
export { illegalTransition, ORDER_NOT_FOUND, orderNotFound } from './order-errors.ts';
export type { Canceller, OrderAction, OrderState, Transition, TransitionContext } from './order-state.ts';
export {
  CANCELLERS,
  CONFIGURABLE_STATES,
  FINANCE_EDITABLE_STATES,
  isOrderState,
  LOCKED_STATES,
  nextState,
  ORDER_ACTIONS,
  ORDER_STATES,
  RESCHEDULABLE_STATES,
} from './order-state.ts';
export type { Bilingual, OrderTerms } from './order-terms.ts';
export { currentOrderTerms, findOrderTerms, ORDER_TERMS_VERSIONS } from './order-terms.ts';
export type { PlaceOrderInput } from './place-order.ts';
export { placeOrder } from './place-order.ts';
export type { PricedConfiguration, PriceRequest } from './price-configuration.ts';
export { priceConfiguration } from './price-configuration.ts';
export type { PriceComparison, PriceDifferenceLine, PriceSnapshot } from './price-snapshot.ts';
export { comparePrices } from './price-snapshot.ts';
export type { ConfigurationQuote, FinanceChoice } from './quote-extras.ts';
export {
  quoteFinanceForConfiguration,
  quoteFinanceForOrder,
  quoteInsuranceForConfiguration,
} from './quote-extras.ts';
export type { OrderListQuery, OrderReadPermission, OrderWritePermission } from './read-orders.ts';
export {
  assertOrderAccess,
  findOrderByRef,
  getOrder,
  listOrders,
  listTimeline,
  lockOrder,
} from './read-orders.ts';
export { getOrderTerms } from './read-terms.ts';
export type { OrderFact } from './record-fact.ts';
export { recordOrderFact, timelineHasEvent } from './record-fact.ts';
export type { TimelineInput } from './record-timeline.ts';
export { recordTimeline } from './record-timeline.ts';
export type { StateAction, TransitionOptions } from './transition-order.ts';
export { transitionOrder } from './transition-order.ts';
export type { Buyer, DealerSnapshot, Order, Page, TimelineEntry, TimelineKind } from './types.ts';
export { TIMELINE_KINDS } from './types.ts';
export { formatVehicleId, parseVehicleId, VEHICLE_ID_PATTERN } from './vehicle-id.ts';
