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
  {
    description:
      'An order was placed: one order is one vehicle, with its vehicle id, the configuration priced by the server on the live catalogue version, dealer, finance and insurance. The order is a draft until the intention money is paid. The aggregate is the order id.',
  },
);

export const orderReserved = defineEvent(
  'ordering.order_reserved',
  z.object({ ...ref, paymentId: z.string(), intentionPaid: money, currency: z.string() }),
  {
    description:
      'The intention money (意向金, refundable before lock) was paid in full: the order is reserved. The aggregate is the order id.',
  },
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
  {
    description:
      'The lock deposit (定金) was paid in full: the configuration is frozen and the deposit rules of the order terms apply; carries the full selection for planning. The aggregate is the order id.',
  },
);

export const orderConfigurationChanged = defineEvent(
  'ordering.order_configuration_changed',
  z.object({
    ...ref,
    ...configuration,
    previous: z.object({ configurationCode: z.string(), versionId: z.string(), total: money }),
    difference: z.number().int(),
  }),
  {
    description:
      'The customer changed the configuration before lock; re-validated and re-priced by the server, with the price difference. The aggregate is the order id.',
  },
);

export const orderFinanceChanged = defineEvent(
  'ordering.order_finance_changed',
  z.object({ ...ref, finance: financeSummary, financedPrincipal: money, currency: z.string() }),
  {
    description:
      'A finance quote was attached, changed or removed (null); the financed principal lowers the balance. The aggregate is the order id.',
  },
);

export const orderInsuranceChanged = defineEvent(
  'ordering.order_insurance_changed',
  z.object({ ...ref, insuranceProducts: z.array(z.string()), premiumTotal: money, currency: z.string() }),
  {
    description:
      'The chosen insurance products changed (premiums are paid to the insurer at hand-over). The aggregate is the order id.',
  },
);

export const orderScheduled = defineEvent('ordering.order_scheduled', z.object({ ...stage }), {
  description:
    'The order is in the production plan with a promised delivery date. The aggregate is the order id.',
});

export const orderRescheduled = defineEvent(
  'ordering.order_rescheduled',
  z.object({ ...stage, previousDeliveryDate: z.string().nullable(), reason: z.string().nullable() }),
  {
    description:
      'The promised delivery date of an order changed, with the reason code (qc_failed, part_late, replanned, not_locked, customer_request, configuration_changed, dealer_full). The aggregate is the order id.',
  },
);

export const orderProductionStarted = defineEvent('ordering.order_production_started', z.object(stage), {
  description: "The order's vehicle entered production (first station). The aggregate is the order id.",
});
export const orderBuilt = defineEvent('ordering.order_built', z.object(stage), {
  description: "The order's vehicle is built and passed quality control. The aggregate is the order id.",
});
export const orderShipped = defineEvent('ordering.order_shipped', z.object(stage), {
  description: "The order's vehicle left the plant for the dealer. The aggregate is the order id.",
});
export const orderArrivedAtDealer = defineEvent('ordering.order_arrived_at_dealer', z.object(stage), {
  description:
    "The order's vehicle arrived at the dealer and waits for the hand-over. The aggregate is the order id.",
});
export const orderDelivered = defineEvent('ordering.order_delivered', z.object(stage), {
  description:
    'The vehicle was handed over to the customer, who is now its owner. The aggregate is the order id.',
});

export const orderCancelled = defineEvent(
  'ordering.order_cancelled',
  z.object({
    ...ref,
    by: z.enum(['customer', 'brand', 'system']),
    reason: z.string().nullable(),
    refund: money,
    forfeited: money,
    currency: z.string(),
    cancelledAt: z.string(),
  }),
  {
    description:
      'The order was cancelled by the customer (refund by the order terms) or by the brand (full refund), with the refund and any forfeited deposit. The aggregate is the order id.',
  },
);
