import type {
  Order,
  OrderPayment,
  OrderState,
  OrderSummary,
  PaymentMethod,
  PaymentPurpose,
  TimelineEntry,
} from '../api/types.ts';
import { formatIsoDate } from '../factory/iso-date.ts';
import { STEPS as PLANT_STEPS } from '../factory/station-logic.ts';
import type { MessageKey } from '../i18n/catalogue.ts';
import type { Locale } from '../i18n/locales.ts';
import { isMessageKey, type Translate } from '../i18n/translate.ts';
import { formatMoney, formatMoneyDelta } from './money.ts';

/**
 * Pure logic of the order pages of every audience: state and stage names, what the customer
 * does next, and every timeline entry as a bilingual sentence with its amounts. Codes stay in
 * the data; people read the catalogue's words.
 */

/** The stages a car goes through, in order (cancelled is off the path). */
export const ORDER_STAGES = [
  'draft',
  'reserved',
  'locked',
  'scheduled',
  'in_production',
  'built',
  'shipped',
  'at_dealer',
  'delivered',
] as const satisfies readonly OrderState[];

const STATE_KEYS: Record<OrderState, MessageKey> = {
  draft: 'order.state.draft',
  reserved: 'order.state.reserved',
  locked: 'order.state.locked',
  scheduled: 'order.state.scheduled',
  in_production: 'order.state.in_production',
  built: 'order.state.built',
  shipped: 'order.state.shipped',
  at_dealer: 'order.state.at_dealer',
  delivered: 'order.state.delivered',
  cancelled: 'order.state.cancelled',
};

export const ORDER_STATES = Object.keys(STATE_KEYS) as OrderState[];

export function stateKey(state: OrderState): MessageKey {
  return STATE_KEYS[state];
}

/** 1-based position on the path (draft 1 .. delivered 9), or null when cancelled. */
export function stageNumber(state: OrderState): number | null {
  const index = (ORDER_STAGES as readonly OrderState[]).indexOf(state);
  return index < 0 ? null : index + 1;
}

export const PURPOSE_KEYS: Record<PaymentPurpose, MessageKey> = {
  intention: 'order.purpose.intention',
  deposit: 'order.purpose.deposit',
  balance: 'order.purpose.balance',
};

export const PAYMENT_METHODS = [
  'wechat_pay',
  'alipay',
  'card',
  'bank_transfer',
] as const satisfies readonly PaymentMethod[];

export const METHOD_KEYS: Record<PaymentMethod, MessageKey> = {
  wechat_pay: 'order.method.wechat_pay',
  alipay: 'order.method.alipay',
  card: 'order.method.card',
  bank_transfer: 'order.method.bank_transfer',
};

export const PAYMENT_STATUS_KEYS: Record<OrderPayment['status'], MessageKey> = {
  pending: 'order.paymentStatus.pending',
  succeeded: 'order.paymentStatus.succeeded',
  failed: 'order.paymentStatus.failed',
  expired: 'order.paymentStatus.expired',
  cancelled: 'order.paymentStatus.cancelled',
};

export const REFUND_STATUS_KEYS: Record<Order['refunds'][number]['status'], MessageKey> = {
  pending: 'order.refundStatus.pending',
  succeeded: 'order.refundStatus.succeeded',
  failed: 'order.refundStatus.failed',
};

export const REFUND_REASON_KEYS: Record<Order['refunds'][number]['reason'], MessageKey> = {
  order_cancelled: 'order.refundReason.order_cancelled',
  late_capture: 'order.refundReason.late_capture',
  overpayment: 'order.refundReason.overpayment',
};

/** Why a payment did not go through, in words (the provider's reason codes). */
export function failureKey(reason: string | null | undefined): MessageKey {
  const key = `order.failure.${reason ?? ''}`;
  return isMessageKey(key) ? key : 'order.failure.other';
}

export type NextStep =
  | { kind: 'pay'; purpose: PaymentPurpose; amount: number }
  | { kind: 'wait'; key: MessageKey }
  | { kind: 'none' };

/** What the customer does next with an order (the list and the order page). */
export function nextStepOf(order: Pick<OrderSummary, 'state' | 'money'>): NextStep {
  const due = order.money.due;
  if (order.state === 'cancelled' || order.state === 'delivered') return { kind: 'none' };
  // The balance is payable from lock on, but only asked for once the car is built.
  if (
    due &&
    due.amount > 0 &&
    (due.purpose !== 'balance' || ['built', 'shipped', 'at_dealer'].includes(order.state))
  ) {
    return { kind: 'pay', purpose: due.purpose, amount: due.amount };
  }
  if (order.state === 'at_dealer') return { kind: 'wait', key: 'order.next.handover' };
  if (order.state === 'locked') return { kind: 'wait', key: 'order.next.scheduling' };
  return { kind: 'wait', key: 'order.next.production' };
}

export function nextStepText(step: NextStep, currency: string, t: Translate, locale: Locale): string {
  if (step.kind === 'none') return t('order.next.none');
  if (step.kind === 'wait') return t(step.key);
  const amount = formatMoney(step.amount, currency, locale);
  if (step.purpose === 'intention') return t('order.next.payIntention', { amount });
  if (step.purpose === 'deposit') return t('order.next.payDeposit', { amount });
  return t('order.next.payBalance', { amount });
}

/** Payments newest first. */
export function paymentsNewestFirst(payments: readonly OrderPayment[]): OrderPayment[] {
  return [...payments].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

/**
 * After coming back from the provider's page: has the order heard from the provider yet? The
 * callback goes through a job, so for a moment the newest payment is still pending.
 */
export function paymentSettled(order: Pick<Order, 'payments'>): boolean {
  const newest = paymentsNewestFirst(order.payments)[0];
  return newest?.status !== 'pending';
}

/** The pending payment of what is due now, whose page the customer can go back to. */
export function openPaymentOf(order: Pick<Order, 'payments' | 'actions'>): OrderPayment | undefined {
  const purpose = order.actions.pay;
  if (!purpose) return undefined;
  return paymentsNewestFirst(order.payments).find(
    (p) => p.purpose === purpose && p.status === 'pending' && p.payUrl !== null,
  );
}

// ------------------------------------------------------------------ timeline

type Data = Record<string, unknown>;
const field = (data: Data, key: string): unknown => data[key];
const num = (data: Data, key: string): number | undefined =>
  typeof data[key] === 'number' ? (data[key] as number) : undefined;
const str = (data: Data, key: string): string | undefined =>
  typeof data[key] === 'string' && data[key] !== '' ? (data[key] as string) : undefined;

function isPurpose(value: unknown): value is PaymentPurpose {
  return value === 'intention' || value === 'deposit' || value === 'balance';
}
function isMethod(value: unknown): value is PaymentMethod {
  return typeof value === 'string' && (PAYMENT_METHODS as readonly string[]).includes(value);
}

export type TimelineText = { title: string; detail: string | undefined };

/** One timeline entry as a person reads it: a title, and a sentence with its amounts. */
export function describeTimelineEntry(
  entry: TimelineEntry,
  currency: string,
  t: Translate,
  locale: Locale,
): TimelineText {
  const data = entry.data;
  const money = (key: string) => {
    const amount = num(data, key);
    return amount === undefined ? '—' : formatMoney(amount, str(data, 'currency') ?? currency, locale);
  };
  const methodCode = field(data, 'method');
  const purposeCode = field(data, 'purpose');
  const method = isMethod(methodCode) ? t(METHOD_KEYS[methodCode]) : '—';
  const purpose = isPurpose(purposeCode) ? t(PURPOSE_KEYS[purposeCode]) : t('order.purpose.payment');
  const titleKey = `order.timeline.${entry.kind}`;
  const title = isMessageKey(titleKey)
    ? t(titleKey)
    : t('order.timeline.other', { state: t(stateKey(entry.state)) });

  const detail = ((): string | undefined => {
    switch (entry.kind) {
      case 'placed':
        return t('order.timeline.placed.detail', {
          vehicleId: str(data, 'vehicleId') ?? '—',
          total: money('total'),
        });
      case 'intention_paid':
        return t('order.timeline.paid.detail', { amount: money('amount'), method });
      case 'locked':
        return t('order.timeline.locked.detail', {
          amount: money('amount'),
          method,
          paid: money('paidTotal'),
        });
      case 'balance_paid':
        return t('order.timeline.balance_paid.detail', {
          amount: money('amount'),
          method,
          left: money('balanceDue'),
        });
      case 'payment_failed':
        return t('order.timeline.payment_failed.detail', {
          purpose,
          amount: money('amount'),
          method,
          reason: t(failureKey(str(data, 'reason'))),
        });
      case 'payment_expired':
        return t('order.timeline.payment_expired.detail', { purpose, amount: money('amount'), method });
      case 'configuration_changed': {
        const difference =
          num(data, 'difference') ?? (num(data, 'newTotal') ?? 0) - (num(data, 'previousTotal') ?? 0);
        return t('order.timeline.configuration_changed.detail', {
          from: money('previousTotal'),
          to: money('newTotal'),
          difference: formatMoneyDelta(difference, currency, locale),
        });
      }
      case 'finance_changed':
        return str(data, 'offerCode')
          ? t('order.timeline.finance_changed.detail', {
              principal: money('principal'),
              months: num(data, 'termMonths') ?? '—',
              instalment: money('instalment'),
            })
          : t('order.timeline.finance_changed.removed');
      case 'insurance_changed': {
        const chosen = field(data, 'products');
        const products = Array.isArray(chosen) ? chosen.length : 0;
        return products > 0
          ? t('order.timeline.insurance_changed.detail', { count: products, premiums: money('premiumTotal') })
          : t('order.timeline.insurance_changed.removed');
      }
      case 'cancelled': {
        const byCode = field(data, 'by');
        const by =
          byCode === 'brand'
            ? t('order.by.brand')
            : byCode === 'system'
              ? t('order.by.system')
              : t('order.by.customer');
        const sentence = t('order.timeline.cancelled.detail', {
          by,
          refund: money('refund'),
          forfeited: money('forfeited'),
        });
        const reason = str(data, 'reason');
        return reason ? `${sentence} ${t('order.timeline.reason', { reason })}` : sentence;
      }
      case 'refund_started':
      case 'refund_completed':
      case 'refund_failed':
      case 'late_payment_refunded':
        return num(data, 'amount') === undefined
          ? undefined
          : t('order.timeline.refund.detail', { amount: money('amount') });
      case 'scheduled': {
        const date = str(data, 'promisedDeliveryDate') ?? str(data, 'date');
        const position = num(data, 'sequencePosition');
        const productionDay = str(data, 'productionDay');
        return joinSentences(
          date ? t('order.timeline.scheduled.detail', { date: day(date) }) : undefined,
          position !== undefined && productionDay
            ? t('order.timeline.scheduled.position', {
                sequencePosition: position,
                productionDay: day(productionDay),
              })
            : undefined,
        );
      }
      case 'rescheduled': {
        const date = str(data, 'promisedDeliveryDate') ?? str(data, 'date');
        const previous = str(data, 'previousDeliveryDate');
        return joinSentences(
          date && previous
            ? t('order.timeline.rescheduled.detail', {
                previousDeliveryDate: day(previous),
                promisedDeliveryDate: day(date),
              })
            : date
              ? t('order.timeline.scheduled.detail', { date: day(date) })
              : undefined,
          rescheduleReason(str(data, 'reason'), date ? day(date) : '—', t),
          data['dealerFull'] === true ? t('order.reschedule.dealer_full') : undefined,
        );
      }
      case 'delivery_date_reserved': {
        const date = str(data, 'deliveryDate');
        const productionDay = str(data, 'productionDay');
        return date
          ? t('order.timeline.delivery_date_reserved.detail', {
              deliveryDate: day(date),
              productionDay: productionDay ? day(productionDay) : '—',
            })
          : undefined;
      }
      case 'delivery_date_changed': {
        const date = str(data, 'deliveryDate');
        const previous = str(data, 'previousDate');
        return joinSentences(
          date
            ? t('order.timeline.delivery_date_changed.detail', {
                previousDate: previous ? day(previous) : '—',
                deliveryDate: day(date),
              })
            : undefined,
          str(data, 'reason') === 'configuration_changed'
            ? t('order.reschedule.configuration_changed')
            : undefined,
        );
      }
      case 'confirmed_for_build': {
        const productionDay = str(data, 'productionDay');
        return productionDay
          ? t('order.timeline.confirmed_for_build.detail', { productionDay: day(productionDay) })
          : undefined;
      }
      case 'plant_step':
      case 'production_started':
      case 'built':
      case 'shipped':
      case 'arrived_at_dealer':
        return plantStepDetail(data, t);
      case 'handover_booked': {
        const date = str(data, 'day');
        return date
          ? t('order.timeline.handover_booked.detail', {
              day: day(date),
              slotStart: str(data, 'slotStart') ?? '—',
              slotEnd: str(data, 'slotEnd') ?? '—',
            })
          : undefined;
      }
      case 'delivered': {
        const vin = str(data, 'vin');
        return vin ? t('order.timeline.delivered.detail', { vin }) : undefined;
      }
      case 'handover_cancelled':
        return str(data, 'day')
          ? t('order.timeline.handover_cancelled.detail', {
              day: str(data, 'day') ?? '—',
              slotStart: str(data, 'slotStart') ?? '—',
            })
          : undefined;
      default:
        return undefined;
    }
  })();
  return { title, detail };

  function day(date: string): string {
    return formatIsoDate(locale, date, { weekday: true });
  }
}

const joinSentences = (...parts: (string | undefined)[]): string | undefined => {
  const present = parts.filter((p): p is string => p !== undefined && p !== '');
  return present.length > 0 ? present.join(' ') : undefined;
};

/** A step recorded at the plant: which step, its QC result and defects, the VIN once given. */
function plantStepDetail(data: Data, t: Translate): string | undefined {
  const code = str(data, 'step');
  if (!code || !(PLANT_STEPS as readonly string[]).includes(code)) return undefined;
  const step = t(`production.step.${code as (typeof PLANT_STEPS)[number]}`);
  const defects = field(data, 'defects');
  const count = Array.isArray(defects) ? defects.length : 0;
  if (code === 'qc' && str(data, 'result') === 'fail')
    return t('order.timeline.plant_step.qc_failed', { count });
  if (code === 'qc' && str(data, 'result') === 'pass') return t('order.timeline.plant_step.qc_passed');
  const vin = str(data, 'vin');
  return code === 'body' && vin
    ? t('order.timeline.plant_step.vin', { step, vin })
    : t('order.timeline.plant_step.detail', { step });
}

const REPROMISE_KEYS = {
  qc_failed: 'production.repromise.qc_failed',
  part_late: 'production.repromise.part_late',
  replanned: 'production.repromise.replanned',
  not_locked: 'production.repromise.not_locked',
} as const satisfies Record<string, MessageKey>;

/** Why a date moved, in words (the plant's reasons carry the new date; the others do not). */
function rescheduleReason(reason: string | undefined, newDate: string, t: Translate): string | undefined {
  if (!reason) return undefined;
  if (reason in REPROMISE_KEYS) return t(REPROMISE_KEYS[reason as keyof typeof REPROMISE_KEYS], { newDate });
  if (reason === 'customer_request') return t('order.reschedule.customer_request');
  if (reason === 'configuration_changed') return t('order.reschedule.configuration_changed');
  return undefined;
}

/** The catalogue text of a problem code the server put in a value (a refusal), never the code itself. */
export function problemKey(code: string): MessageKey {
  const key = `problem.${code}`;
  return isMessageKey(key) ? key : 'error.status.unprocessable';
}
