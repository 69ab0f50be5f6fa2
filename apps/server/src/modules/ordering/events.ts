import { z } from 'zod';
import { defineEvent } from '../../platform/events/define-event.ts';
import { ORDER_STATES } from './order-state.ts';

/**
 * Events of the order (the aggregate is the order id), each published in the transaction of the
 * change and recorded on the timeline. Every payload names the order, its vehicle, buyer, dealer
 * and state, plus what a downstream system (ERP, DMS, CRM, production) needs to act on it.
 */
const state = z.enum(ORDER_STATES);
const money = z.number().int().nonnegative();

const ref = {
  orderId: z.string(),
  vehicleId: z.string(),
  customerId: z.string(),
  dealerId: z.string(),
  state,
  previousState: state.nullable(),
};

const configuration = {
  modelLine: z.string(),
  versionId: z.string(),
  versionNumber: z.number().int(),
  configurationCode: z.string(),
  selection: z.record(z.string(), z.string()),
  total: money,
  currency: z.string(),
};

const financeSummary = z
  .object({
    offerId: z.string(),
    offerCode: z.string(),
    aprBp: z.number().int(),
    termMonths: z.number().int(),
    downPayment: money,
    principal: money,
    instalment: money,
  })
  .nullable();

const stage = {
  ...ref,
  at: z.string(),
  vin: z.string().nullable(),
  promisedDeliveryDate: z.string().nullable(),
};

export const orderPlaced = defineEvent(
  'ordering.order_placed',
  z.object({
    ...ref,
    ...configuration,
    termsVersion: z.string(),
    finance: financeSummary,
    financedPrincipal: money,
    insuranceProducts: z.array(z.string()),
    placedAt: z.string(),
  }),
);

export const orderReserved = defineEvent(
  'ordering.order_reserved',
  z.object({ ...ref, paymentId: z.string(), intentionPaid: money, currency: z.string() }),
);

export const orderLocked = defineEvent(
  'ordering.order_locked',
  z.object({
    ...ref,
    ...configuration,
    paymentId: z.string(),
    depositPaid: money,
    paidTotal: money,
    financedPrincipal: money,
    termsVersion: z.string(),
    lockedAt: z.string(),
  }),
);

export const orderConfigurationChanged = defineEvent(
  'ordering.order_configuration_changed',
  z.object({
    ...ref,
    ...configuration,
    previous: z.object({ configurationCode: z.string(), versionId: z.string(), total: money }),
    difference: z.number().int(),
  }),
);

export const orderFinanceChanged = defineEvent(
  'ordering.order_finance_changed',
  z.object({ ...ref, finance: financeSummary, financedPrincipal: money, currency: z.string() }),
);

export const orderInsuranceChanged = defineEvent(
  'ordering.order_insurance_changed',
  z.object({ ...ref, insuranceProducts: z.array(z.string()), premiumTotal: money, currency: z.string() }),
);

export const orderScheduled = defineEvent('ordering.order_scheduled', z.object({ ...stage }));

export const orderRescheduled = defineEvent(
  'ordering.order_rescheduled',
  z.object({ ...stage, previousDeliveryDate: z.string().nullable(), reason: z.string().nullable() }),
);

export const orderProductionStarted = defineEvent('ordering.order_production_started', z.object(stage));
export const orderBuilt = defineEvent('ordering.order_built', z.object(stage));
export const orderShipped = defineEvent('ordering.order_shipped', z.object(stage));
export const orderArrivedAtDealer = defineEvent('ordering.order_arrived_at_dealer', z.object(stage));
export const orderDelivered = defineEvent('ordering.order_delivered', z.object(stage));

export const orderCancelled = defineEvent(
  'ordering.order_cancelled',
  z.object({
    ...ref,
    by: z.enum(['customer', 'brand']),
    reason: z.string().nullable(),
    refund: money,
    forfeited: money,
    currency: z.string(),
    cancelledAt: z.string(),
  }),
);
