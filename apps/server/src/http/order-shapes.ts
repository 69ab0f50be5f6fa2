import { z } from '@hono/zod-openapi';
import type { ConfigurationChangeDelivery } from '../flows/build-date.ts';
import type { CancellationPreview } from '../flows/cancel-order.ts';
import type { OrderMoney } from '../flows/order-money.ts';
import type { OrderSummary, OrderView } from '../flows/read-order.ts';
import { DEALER_SERVICES, type Dealer } from '../modules/dealers/index.ts';
import {
  type FinanceOffer,
  type FinanceQuote,
  INSURANCE_KINDS,
  type InsuranceProduct,
  type InsuranceQuote,
  PREMIUM_KINDS,
} from '../modules/finance/index.ts';
import {
  CANCELLERS,
  CONFIGURABLE_STATES,
  type ConfigurationChangeQuote,
  FINANCE_EDITABLE_STATES,
  ORDER_STATES,
  type Order,
  type OrderTerms,
  PAYMENT_PURPOSES,
  type PriceSnapshot,
  type TimelineEntry,
} from '../modules/ordering/index.ts';
import {
  INTENT_STATUSES,
  type LedgerEntry,
  PAYMENT_METHODS,
  type PaymentIntent,
  REFUND_REASONS,
  REFUND_STATUSES,
  type Refund,
  type SimPage,
} from '../modules/payments/index.ts';
import { orNull } from '../platform/http/or-null.ts';
import { HandoverSchema, handoverDto } from './build-shapes.ts';
import { BilingualSchema } from './identity-shapes.ts';
import { IsoDateSchema, VehicleProgressSchema, vehicleProgressDto } from './production-shapes.ts';

/**
 * Request and response shapes of orders, payments, the dealer directory, finance and insurance,
 * and the mappings to them. Money is always integer fen next to a currency.
 */
const money = z.number().int().openapi({ description: 'Minor units (fen)', example: 500000 });
const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
const nullableBilingual = orNull(BilingualSchema);

export const OrderIdParam = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ description: 'Order id (ord_…) or vehicle id (C2B-2026-000123)', example: 'C2B-2026-000123' }),
});
export const IdParam = z.strictObject({ id: z.string().min(1).max(64) });

// ------------------------------------------------------------------ price, finance, insurance

export const OrderPriceSchema = z
  .object({
    currency: z.string(),
    versionId: z.string(),
    versionNumber: z.number().int(),
    base: money,
    options: z.array(
      z.object({
        family: z.string(),
        familyLabel: nullableBilingual,
        option: z.string(),
        optionLabel: nullableBilingual,
        price: money,
      }),
    ),
    adjustments: z.array(z.object({ id: z.string(), label: nullableBilingual, amount: money })),
    discounts: z.array(z.object({ id: z.string(), label: nullableBilingual, amount: money })),
    total: money,
  })
  .openapi('OrderPrice', { description: 'The price snapshot; the lines add up to total' });

export const FinanceQuoteSchema = z
  .object({
    offerId: z.string(),
    offerCode: z.string(),
    partner: BilingualSchema,
    product: BilingualSchema,
    aprBp: z.number().int().openapi({ description: 'APR in basis points (388 = 3.88 %)' }),
    termMonths: z.number().int(),
    price: money,
    downPayment: money,
    principal: money,
    instalment: money,
    finalInstalment: money.openapi({ description: 'Equal to instalment except at 0 % APR (rounding)' }),
    totalInterest: money,
    totalRepayable: money,
    currency: z.string(),
  })
  .openapi('FinanceQuote');

export const InsuranceQuoteSchema = z
  .object({
    items: z.array(
      z.object({
        code: z.string(),
        kind: z.enum(INSURANCE_KINDS),
        insurer: BilingualSchema,
        name: BilingualSchema,
        premium: money,
      }),
    ),
    total: money,
    currency: z.string(),
    price: money.openapi({ description: 'The vehicle price the premiums are for' }),
    payableTo: z.literal('insurer_at_handover'),
    includedInBalance: z
      .literal(false)
      .openapi({ description: 'Premiums are never part of the vehicle balance' }),
  })
  .openapi('InsuranceQuote', {
    description: 'Paid to the insurer at hand-over; not part of the vehicle balance',
  });

export const financeQuoteDto = (q: FinanceQuote): z.infer<typeof FinanceQuoteSchema> => ({
  offerId: q.offerId,
  offerCode: q.offerCode,
  partner: q.partner,
  product: q.product,
  aprBp: q.aprBp,
  termMonths: q.termMonths,
  price: q.price,
  downPayment: q.downPayment,
  principal: q.principal,
  instalment: q.instalment,
  finalInstalment: q.finalInstalment,
  totalInterest: q.totalInterest,
  totalRepayable: q.totalRepayable,
  currency: q.currency,
});

export const insuranceQuoteDto = (q: InsuranceQuote): z.infer<typeof InsuranceQuoteSchema> => ({
  items: q.items.map((i) => ({
    code: i.code,
    kind: i.kind,
    insurer: i.insurer,
    name: i.name,
    premium: i.premium,
  })),
  total: q.total,
  currency: q.currency,
  price: q.price,
  payableTo: q.payableTo,
  includedInBalance: false,
});

const priceDto = (p: PriceSnapshot): z.infer<typeof OrderPriceSchema> => ({
  currency: p.currency,
  versionId: p.versionId,
  versionNumber: p.versionNumber,
  base: p.base,
  options: p.options.map((o) => ({ ...o })),
  adjustments: p.adjustments.map((a) => ({ ...a })),
  discounts: p.discounts.map((d) => ({ ...d })),
  total: p.total,
});

// ------------------------------------------------------------------ money, payments, timeline

const DueSchema = z.object({ purpose: z.enum(PAYMENT_PURPOSES), amount: money }).nullable();

export const OrderMoneySchema = z
  .object({
    currency: z.string(),
    totalPrice: money,
    financedPrincipal: money,
    cashPrice: money.openapi({ description: 'totalPrice - financedPrincipal' }),
    captured: money,
    refunded: money,
    refundPending: money,
    paid: money.openapi({ description: 'captured - refunds that did not fail' }),
    balance: money.openapi({ description: 'cashPrice - paid, never negative (尾款 left)' }),
    due: DueSchema.openapi({
      description: 'What to pay next by the order terms; null when nothing can be paid',
    }),
    insurancePremiums: money.openapi({ description: 'Paid to the insurer at hand-over; not in balance' }),
  })
  .openapi('OrderMoney', { description: 'Derived from the ledger and the order terms on every read' });

export const PaymentSchema = z
  .object({
    id: z.string().openapi({ example: 'pay_01JD0000000000000000000000' }),
    purpose: z.enum(PAYMENT_PURPOSES),
    amount: money,
    currency: z.string(),
    method: z.enum(PAYMENT_METHODS),
    provider: z.string(),
    status: z.enum(INTENT_STATUSES),
    failureReason: z.string().nullable(),
    payUrl: z.string().nullable().openapi({
      description: "The provider's page to pay at (customers only, while pending)",
      example: '/pay/sim/…',
    }),
    expiresAt: z.string(),
    createdAt: z.string(),
    completedAt: z.string().nullable(),
  })
  .openapi('Payment');

export const RefundSchema = z
  .object({
    id: z.string(),
    paymentId: z.string(),
    amount: money,
    currency: z.string(),
    reason: z.enum(REFUND_REASONS),
    status: z.enum(REFUND_STATUSES),
    failureReason: z.string().nullable(),
    createdAt: z.string(),
    completedAt: z.string().nullable(),
  })
  .openapi('Refund');

export const LedgerEntrySchema = z
  .object({
    id: z.string(),
    kind: z.enum(['capture', 'refund']),
    purpose: z.enum(PAYMENT_PURPOSES),
    paymentId: z.string(),
    refundId: z.string().nullable(),
    amount: money.openapi({ description: 'Always > 0; kind says the direction' }),
    currency: z.string(),
    at: z.string(),
  })
  .openapi('LedgerEntry');

export const TimelineEntrySchema = z
  .object({
    id: z.string(),
    at: z.string(),
    kind: z
      .string()
      .openapi({ description: 'Translated by the web (timeline.<kind>)', example: 'intention_paid' }),
    state: z.enum(ORDER_STATES),
    data: z.record(z.string(), z.unknown()).openapi({ description: 'Codes and amounts (fen) of the entry' }),
    actorKind: z.string(),
    estimatedAt: z.string().nullable(),
  })
  .openapi('TimelineEntry');

export const paymentDto = (p: PaymentIntent, showPayUrl: boolean): z.infer<typeof PaymentSchema> => ({
  id: p.id,
  purpose: p.purpose,
  amount: p.amount,
  currency: p.currency,
  method: p.method,
  provider: p.provider,
  status: p.status,
  failureReason: p.failureReason,
  payUrl: showPayUrl && p.status === 'pending' ? p.payUrl : null,
  expiresAt: p.expiresAt.toISOString(),
  createdAt: p.createdAt.toISOString(),
  completedAt: iso(p.completedAt),
});

const refundDto = (r: Refund): z.infer<typeof RefundSchema> => ({
  id: r.id,
  paymentId: r.paymentId,
  amount: r.amount,
  currency: r.currency,
  reason: r.reason,
  status: r.status,
  failureReason: r.failureReason,
  createdAt: r.createdAt.toISOString(),
  completedAt: iso(r.completedAt),
});

const ledgerDto = (e: LedgerEntry): z.infer<typeof LedgerEntrySchema> => ({
  id: e.id,
  kind: e.kind,
  purpose: e.purpose,
  paymentId: e.paymentId,
  refundId: e.refundId,
  amount: e.amount,
  currency: e.currency,
  at: e.at.toISOString(),
});

export const timelineDto = (t: TimelineEntry): z.infer<typeof TimelineEntrySchema> => ({
  id: t.id,
  at: t.at.toISOString(),
  kind: t.kind,
  state: t.state,
  data: t.data,
  actorKind: t.actorKind,
  estimatedAt: iso(t.estimatedAt),
});

const moneyDto = (m: OrderMoney): z.infer<typeof OrderMoneySchema> => ({
  ...m,
  due: m.due ? { ...m.due } : null,
});

// ------------------------------------------------------------------ orders

const DealerSnapshotSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: BilingualSchema,
    city: nullableBilingual,
    address: nullableBilingual,
    phone: z.string().nullable(),
    openingHours: z.string().nullable(),
  })
  .openapi('OrderDealer');

const OrderCore = {
  id: z.string().openapi({ example: 'ord_01JD0000000000000000000000' }),
  vehicleId: z.string().openapi({ example: 'C2B-2026-000123' }),
  state: z.enum(ORDER_STATES),
  modelLine: z.object({ code: z.string(), name: BilingualSchema }),
  configuration: z.object({
    code: z.string(),
    versionId: z.string(),
    versionNumber: z.number().int(),
    selection: z.record(z.string(), z.string()),
  }),
  dealer: DealerSnapshotSchema,
  customer: z
    .object({ name: z.string(), phone: z.string().nullable(), email: z.string().nullable() })
    .openapi({ description: 'The buyer on the order (dealer staff call them)' }),
  total: money,
  currency: z.string(),
  money: OrderMoneySchema,
  promisedDeliveryDate: z.string().nullable().openapi({ description: 'YYYY-MM-DD, once scheduled' }),
  vin: z.string().nullable(),
  placedAt: z.string(),
  updatedAt: z.string(),
};

export const OrderSummarySchema = z.object(OrderCore).openapi('OrderSummary');

export const OrderSchema = z
  .object({
    ...OrderCore,
    price: OrderPriceSchema,
    finance: orNull(FinanceQuoteSchema),
    insurance: orNull(InsuranceQuoteSchema),
    terms: z.object({
      version: z.string(),
      acceptedAt: z.string(),
      lockAcceptedAt: z.string().nullable(),
      intentionMoney: money,
      lockDeposit: money,
      forfeitOnCustomerCancelAfterLock: money,
      title: BilingualSchema,
      clauses: z
        .array(
          z.object({
            id: z.string(),
            title: BilingualSchema,
            body: BilingualSchema,
            acceptedAtLock: z.boolean(),
          }),
        )
        .openapi({
          description:
            'The clauses of the version this order accepted; those with acceptedAtLock are accepted again with the deposit',
        }),
    }),
    cancellation: z
      .object({ by: z.enum(CANCELLERS), reason: z.string().nullable(), at: z.string() })
      .nullable(),
    /** What the customer can do now. */
    actions: z
      .object({
        changeConfiguration: z.boolean(),
        changeFinance: z.boolean(),
        cancel: z.boolean(),
        pay: z.enum(PAYMENT_PURPOSES).nullable(),
        changeDeliveryDate: z.boolean().openapi({
          description: 'PUT /store/vehicles/{vehicleId}/delivery-date (before its day is frozen)',
        }),
        acceptDelivery: z
          .boolean()
          .openapi({ description: 'At the dealer with the hand-over booked: POST .../accept-delivery' }),
      })
      .openapi({ description: 'What the buyer may do in this state (the server checks again)' }),
    build: z
      .object({
        vehicle: z.union([VehicleProgressSchema, z.null()]),
        handover: z.union([HandoverSchema, z.null()]),
      })
      .openapi({
        description:
          'The car at the plant (steps with estimated and actual times, VIN, production day, build position once frozen; null without a car) and its hand-over appointment (null until booked)',
      }),
    payments: z.array(PaymentSchema),
    refunds: z.array(RefundSchema),
    ledger: z.array(LedgerEntrySchema),
    timeline: z.array(TimelineEntrySchema),
  })
  .openapi('Order');

const core = (order: Order, m: OrderMoney) => ({
  id: order.id,
  vehicleId: order.vehicleId,
  state: order.state,
  modelLine: { code: order.modelLine.code, name: order.modelLine.name },
  configuration: { ...order.configuration },
  dealer: { ...order.dealer },
  customer: { name: order.customer.name, phone: order.customer.phone, email: order.customer.email },
  total: order.price.total,
  currency: order.price.currency,
  money: moneyDto(m),
  promisedDeliveryDate: order.promisedDeliveryDate,
  vin: order.vin,
  placedAt: order.placedAt.toISOString(),
  updatedAt: order.updatedAt.toISOString(),
});

export const orderSummaryDto = (s: OrderSummary): z.infer<typeof OrderSummarySchema> =>
  core(s.order, s.money);

/** The order page; `audience` customer shows the pay links of pending payments. */
export function orderDto(
  v: OrderView,
  audience: 'customer' | 'dealer' | 'admin',
): z.infer<typeof OrderSchema> {
  const { order } = v;
  return {
    ...core(order, v.money),
    price: priceDto(order.price),
    finance: order.finance ? financeQuoteDto(order.finance) : null,
    insurance: order.insurance ? insuranceQuoteDto(order.insurance) : null,
    terms: {
      version: order.terms.version,
      acceptedAt: order.termsAcceptedAt.toISOString(),
      lockAcceptedAt: iso(order.lockTermsAcceptedAt),
      intentionMoney: order.terms.intentionMoney,
      lockDeposit: order.terms.lockDeposit,
      forfeitOnCustomerCancelAfterLock: order.terms.forfeitOnCustomerCancelAfterLock,
      title: order.terms.title,
      clauses: order.terms.clauses.map((c) => ({ ...c })),
    },
    cancellation: order.cancellation
      ? {
          by: order.cancellation.by,
          reason: order.cancellation.reason,
          at: order.cancellation.at.toISOString(),
        }
      : null,
    actions: {
      changeConfiguration: CONFIGURABLE_STATES.includes(order.state),
      changeFinance: FINANCE_EDITABLE_STATES.includes(order.state),
      cancel: order.terms.customerCancellableStates.includes(order.state),
      pay: v.money.due && v.money.due.amount > 0 ? v.money.due.purpose : null,
      changeDeliveryDate:
        (['draft', 'reserved', 'locked'] as const).some((s) => s === order.state) &&
        v.build.vehicle !== null &&
        v.build.vehicle.state === 'planned',
      acceptDelivery: order.state === 'at_dealer' && v.build.handover?.status === 'booked',
    },
    build: {
      vehicle: v.build.vehicle ? vehicleProgressDto(v.build.vehicle) : null,
      handover: v.build.handover ? handoverDto(v.build.handover) : null,
    },
    payments: v.payments.map((p) => paymentDto(p, audience === 'customer')),
    refunds: v.refunds.map(refundDto),
    ledger: v.ledger.map(ledgerDto),
    timeline: v.timeline.map(timelineDto),
  };
}

export const OrderPageSchema = z.object({
  items: z.array(OrderSummarySchema),
  nextCursor: z.string().nullable(),
});

export const OrderListQuery = z.strictObject({
  state: z.enum(ORDER_STATES).optional(),
  q: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .optional()
    .openapi({ description: 'Part of a vehicle id or of the buyer name' }),
  cursor: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

// ------------------------------------------------------------------ requests

const code = z.string().min(1).max(64);
export const FinanceChoiceSchema = z
  .strictObject({
    offerId: z.string().min(1).max(64),
    downPayment: z.number().int().min(0).openapi({ description: 'Fen, chosen by the customer' }),
    termMonths: z.number().int().min(1).max(120),
  })
  .openapi('FinanceChoice');

export const PlaceOrderSchema = z
  .strictObject({
    modelLine: code,
    configurationCode: code,
    versionId: code.optional().openapi({ description: 'The version configured on; must still be live' }),
    dealerId: z.string().min(1).max(64),
    finance: FinanceChoiceSchema.optional(),
    insurance: z.array(code).max(20).optional().openapi({ description: 'Insurance product codes' }),
    acceptTerms: z.literal(true),
    termsVersion: z.string().min(1).max(32),
    deliveryDate: IsoDateSchema.optional().openapi({
      description:
        'A date of GET /store/delivery-calendar; reserved at the plant and the dealer with the order (409 production.date_unavailable with nextAvailable if it is gone: nothing is created)',
    }),
  })
  .openapi('PlaceOrder', { description: 'No price or selection: the server derives both from the code' });

export const PaymentRequestSchema = z
  .strictObject({
    purpose: z.enum(PAYMENT_PURPOSES),
    method: z.enum(PAYMENT_METHODS),
    acceptTerms: z
      .boolean()
      .optional()
      .openapi({ description: 'The lock clauses; must be true for the deposit' }),
  })
  .openapi('PaymentRequest', { description: 'No amount: the server computes what is due' });

// ------------------------------------------------------------------ configuration change, cancellation

const DiffSide = z.object({ code: z.string(), label: nullableBilingual, amount: money }).nullable();
const RefusalSchema = z.object({ code: z.string(), detail: z.string() }).nullable();

export const ConfigurationChangeQuoteSchema = z
  .object({
    orderId: z.string(),
    vehicleId: z.string(),
    current: z.object({ configurationCode: z.string(), price: OrderPriceSchema }),
    proposed: z.object({
      configurationCode: z.string(),
      selection: z.record(z.string(), z.string()),
      price: OrderPriceSchema,
    }),
    difference: money.openapi({ description: 'proposed total - current total' }),
    lines: z.array(
      z.object({
        kind: z.enum(['base', 'option', 'adjustment', 'discount']),
        key: z.string(),
        label: nullableBilingual,
        current: DiffSide,
        proposed: DiffSide,
        difference: money,
      }),
    ),
    finance: z.object({
      current: orNull(FinanceQuoteSchema),
      proposed: orNull(FinanceQuoteSchema),
      refusal: RefusalSchema,
    }),
    insurance: z.object({
      current: orNull(InsuranceQuoteSchema),
      proposed: orNull(InsuranceQuoteSchema),
      refusal: RefusalSchema,
    }),
    delivery: z
      .object({
        date: z.string().nullable().openapi({ description: 'The date the order holds' }),
        holds: z
          .boolean()
          .openapi({ description: 'Whether that date still holds for the new configuration' }),
        reasons: z.array(z.record(z.string(), z.unknown())),
        nextAvailable: z.string().nullable(),
      })
      .openapi({ description: 'When `holds` is false, confirm with a new `deliveryDate`' }),
  })
  .openapi('ConfigurationChangeQuote');

export function configurationChangeDto(
  q: ConfigurationChangeQuote & { delivery: ConfigurationChangeDelivery },
): z.infer<typeof ConfigurationChangeQuoteSchema> {
  return {
    orderId: q.order.id,
    vehicleId: q.order.vehicleId,
    current: { configurationCode: q.order.configuration.code, price: priceDto(q.order.price) },
    proposed: {
      configurationCode: q.proposed.code,
      selection: q.proposed.selection,
      price: priceDto(q.proposed.price),
    },
    difference: q.comparison.difference,
    lines: q.comparison.lines.map((l) => ({ ...l })),
    finance: {
      current: q.finance.current ? financeQuoteDto(q.finance.current) : null,
      proposed: q.finance.proposed ? financeQuoteDto(q.finance.proposed) : null,
      refusal: q.finance.refusal,
    },
    insurance: {
      current: q.insurance.current ? insuranceQuoteDto(q.insurance.current) : null,
      proposed: q.insurance.proposed ? insuranceQuoteDto(q.insurance.proposed) : null,
      refusal: q.insurance.refusal,
    },
    delivery: {
      date: q.delivery.date,
      holds: q.delivery.holds,
      reasons: q.delivery.reasons.map((r) => ({ ...r })),
      nextAvailable: q.delivery.nextAvailable,
    },
  };
}

export const CancellationPreviewSchema = z
  .object({
    orderId: z.string(),
    vehicleId: z.string(),
    state: z.enum(ORDER_STATES),
    by: z.enum(CANCELLERS),
    allowed: z.boolean(),
    paid: money,
    refund: money,
    forfeited: money.openapi({ description: 'Kept by the order terms (the deposit after lock)' }),
    currency: z.string(),
  })
  .openapi('CancellationPreview');

export const cancellationPreviewDto = (
  p: CancellationPreview,
): z.infer<typeof CancellationPreviewSchema> => ({
  orderId: p.order.id,
  vehicleId: p.order.vehicleId,
  state: p.order.state,
  by: p.by,
  allowed: p.allowed,
  paid: p.paid,
  refund: p.refund,
  forfeited: p.forfeited,
  currency: p.currency,
});

// ------------------------------------------------------------------ order terms

export const OrderTermsSchema = z
  .object({
    version: z.string(),
    effectiveFrom: z.string(),
    currency: z.string(),
    intentionMoney: money,
    lockDeposit: money,
    forfeitOnCustomerCancelAfterLock: money,
    customerCancellableStates: z.array(z.enum(ORDER_STATES)),
    paymentWindowMinutes: z.number().int(),
    title: BilingualSchema,
    clauses: z.array(
      z.object({
        id: z.string(),
        title: BilingualSchema,
        body: BilingualSchema,
        acceptedAtLock: z.boolean(),
      }),
    ),
  })
  .openapi('OrderTerms');

export const orderTermsDto = (t: OrderTerms): z.infer<typeof OrderTermsSchema> => ({
  ...t,
  customerCancellableStates: [...t.customerCancellableStates],
  clauses: t.clauses.map((c) => ({ ...c })),
});

// ------------------------------------------------------------------ dealers, offers, products

export const DealerSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: BilingualSchema,
    city: nullableBilingual,
    address: nullableBilingual,
    lat: z.number().nullable(),
    lng: z.number().nullable(),
    phone: z.string().nullable(),
    openingHours: z.string().nullable().openapi({ description: 'OpenStreetMap opening_hours syntax' }),
    services: z.array(z.enum(DEALER_SERVICES)).openapi({ description: 'Codes the web translates' }),
    handoverCapacityPerDay: z.number().int(),
    active: z.boolean(),
    distanceKm: z.number().nullable().openapi({ description: 'From the given location, 0.1 km' }),
  })
  .openapi('Dealer');

export const dealerDto = (d: Dealer): z.infer<typeof DealerSchema> => ({
  ...d,
  services: [...d.services],
  distanceKm: d.distanceKm === null ? null : Math.round(d.distanceKm * 10) / 10,
});

export const FinanceOfferSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    partner: BilingualSchema,
    product: BilingualSchema,
    description: BilingualSchema,
    aprBp: z.number().int().openapi({ description: 'APR in basis points' }),
    termsMonths: z.array(z.number().int()),
    minDownBp: z.number().int().openapi({ description: 'Minimum down payment, basis points of the price' }),
    modelLines: z.array(z.string()).openapi({ description: 'Empty: every model line' }),
    currency: z.string(),
    active: z.boolean(),
  })
  .openapi('FinanceOffer');

export const financeOfferDto = (o: FinanceOffer): z.infer<typeof FinanceOfferSchema> => ({
  id: o.id,
  code: o.code,
  partner: o.partner,
  product: o.product,
  description: o.description,
  aprBp: o.aprBp,
  termsMonths: [...o.termsMonths],
  minDownBp: o.minDownBp,
  modelLines: [...o.modelLines],
  currency: o.currency,
  active: o.active,
});

export const InsuranceProductSchema = z
  .object({
    code: z.string(),
    kind: z.enum(INSURANCE_KINDS),
    insurer: BilingualSchema,
    name: BilingualSchema,
    description: BilingualSchema,
    premiumKind: z.enum(PREMIUM_KINDS),
    fixedPremium: money.nullable(),
    rateBp: z.number().int().nullable(),
    minimumPremium: money.nullable(),
    requires: z.array(z.string()),
    currency: z.string(),
  })
  .openapi('InsuranceProduct');

export const insuranceProductDto = (p: InsuranceProduct): z.infer<typeof InsuranceProductSchema> => ({
  code: p.code,
  kind: p.kind,
  insurer: p.insurer,
  name: p.name,
  description: p.description,
  premiumKind: p.premiumKind,
  fixedPremium: p.fixedPremium,
  rateBp: p.rateBp,
  minimumPremium: p.minimumPremium,
  requires: [...p.requires],
  currency: p.currency,
});

export const QuotedVehicleSchema = z
  .object({
    modelLine: z.string(),
    configurationCode: z.string(),
    versionId: z.string(),
    total: money,
    currency: z.string(),
  })
  .openapi('QuotedVehicle', { description: 'The price the server derived for the configuration' });

// ------------------------------------------------------------------ simulated provider page

export const SimPageSchema = z
  .object({
    token: z.string(),
    merchant: BilingualSchema,
    amount: money,
    currency: z.string(),
    method: z.enum(PAYMENT_METHODS),
    description: BilingualSchema,
    status: z.enum(['open', 'succeeded', 'failed', 'timed_out', 'cancelled', 'expired']),
    expiresAt: z.string(),
    returnUrl: z.string().nullable(),
  })
  .openapi('SimPayment');

export const simPageDto = (p: SimPage): z.infer<typeof SimPageSchema> => ({
  ...p,
  expiresAt: p.expiresAt.toISOString(),
});
