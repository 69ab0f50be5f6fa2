import type { Selection } from '@openc2b/configurator';
import type { FinanceQuote, InsuranceQuote } from '../finance/index.ts';
import type { Canceller, OrderState } from './order-state.ts';
import type { Bilingual, OrderTerms } from './order-terms.ts';
import type { PriceSnapshot } from './price-snapshot.ts';

/** The dealer as it was when the order named it (the directory may change later). */
export type DealerSnapshot = {
  id: string;
  code: string;
  name: Bilingual;
  city: Bilingual | null;
  address: Bilingual | null;
  phone: string | null;
  openingHours: string | null;
};

/** The buyer on the order: dealer staff call this person. */
export type Buyer = { userId: string; name: string; phone: string | null; email: string | null };

export type Order = {
  id: string;
  vehicleId: string;
  state: OrderState;
  customer: Buyer;
  dealer: DealerSnapshot;
  modelLine: { code: string; name: Bilingual };
  configuration: { code: string; versionId: string; versionNumber: number; selection: Selection };
  price: PriceSnapshot;
  /** The order terms the customer accepted (a snapshot of that version). */
  terms: OrderTerms;
  termsAcceptedAt: Date;
  /** When the customer accepted the lock clauses (with the deposit payment). */
  lockTermsAcceptedAt: Date | null;
  finance: FinanceQuote | null;
  /** The principal of the attached finance quote, 0 without one. */
  financedPrincipal: number;
  insurance: InsuranceQuote | null;
  /** YYYY-MM-DD: the delivery (hand-over) date promised, from the date chosen at checkout on. */
  promisedDeliveryDate: string | null;
  vin: string | null;
  cancellation: { by: Canceller; reason: string | null; at: Date } | null;
  placedAt: Date;
  updatedAt: Date;
};

/**
 * Kinds of timeline entries: codes the web translates; `data` holds codes and amounts (fen).
 * Issue #6 adds the build chain (plant steps, dates, hand-over); the column takes any snake_case kind.
 */
export const TIMELINE_KINDS = [
  'placed',
  'intention_paid',
  'locked',
  'configuration_changed',
  'finance_changed',
  'insurance_changed',
  'payment_failed',
  'payment_expired',
  'balance_paid',
  'cancelled',
  'refund_started',
  'refund_completed',
  'refund_failed',
  'late_payment_refunded',
  'scheduled',
  'rescheduled',
  'production_started',
  'built',
  'shipped',
  'arrived_at_dealer',
  'delivered',
  // issue #6: the build chain (data holds step codes, dates and reason codes)
  'delivery_date_reserved',
  'delivery_date_changed',
  'confirmed_for_build',
  'plant_step',
  'handover_booked',
  'handover_checklist_completed',
  // issue #7: the dealer's DMS cancelled the appointment (the car waits for a new one)
  'handover_cancelled',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export type TimelineEntry = {
  id: string;
  orderId: string;
  at: Date;
  kind: string;
  /** The order's state after the entry. */
  state: OrderState;
  data: Record<string, unknown>;
  actorKind: string;
  actorId: string | null;
  /** When it is expected to happen (production steps); null when not estimated. */
  estimatedAt: Date | null;
};

export type Page<T> = { items: T[]; nextCursor: string | null };
