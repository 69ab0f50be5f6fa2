import { z } from 'zod';
import { defineEvent } from '../../platform/events/define-event.ts';
import {
  INTENT_STATUSES,
  PAYMENT_METHODS,
  PAYMENT_PURPOSES,
  REFUND_REASONS,
  REFUND_STATUSES,
} from './types.ts';

/** Events of payments (the aggregate is the ORDER id, so an order's money events stay in order). */
const money = z.number().int().positive();

const payment = {
  paymentId: z.string(),
  orderId: z.string(),
  purpose: z.enum(PAYMENT_PURPOSES),
  amount: money,
  currency: z.string(),
  method: z.enum(PAYMENT_METHODS),
  provider: z.string(),
  providerRef: z.string().nullable(),
  status: z.enum(INTENT_STATUSES),
};

const refund = {
  refundId: z.string(),
  paymentId: z.string(),
  orderId: z.string(),
  amount: money,
  currency: z.string(),
  reason: z.enum(REFUND_REASONS),
  status: z.enum(REFUND_STATUSES),
  provider: z.string(),
  providerRef: z.string().nullable(),
};

export const paymentCreated = defineEvent(
  'payments.payment_created',
  z.object({ ...payment, expiresAt: z.string() }),
  {
    description:
      'A payment intent was created at the provider for an amount the server computed (intention money, deposit or balance). The aggregate is the order id.',
  },
);
export const paymentCaptured = defineEvent(
  'payments.payment_captured',
  z.object({ ...payment, ledgerEntryId: z.string(), capturedAt: z.string() }),
  {
    description:
      "The provider confirmed a payment; the capture is in the order's ledger. The aggregate is the order id.",
  },
);
export const paymentFailed = defineEvent(
  'payments.payment_failed',
  z.object({ ...payment, failureReason: z.string() }),
  {
    description:
      'The provider reported a failed payment; nothing was captured. The aggregate is the order id.',
  },
);
export const paymentExpired = defineEvent('payments.payment_expired', z.object(payment), {
  description:
    'A payment intent expired without a callback (e.g. the customer left the pay page). The aggregate is the order id.',
});
export const paymentCancelled = defineEvent(
  'payments.payment_cancelled',
  z.object({ ...payment, reason: z.string() }),
  {
    description:
      'A pending payment intent was cancelled (replaced by a newer one, or the order was cancelled). The aggregate is the order id.',
  },
);
export const refundRequested = defineEvent('payments.refund_requested', z.object(refund), {
  description:
    'A refund was requested from the provider (never more than was captured). The aggregate is the order id.',
});
export const refundSucceeded = defineEvent(
  'payments.refund_succeeded',
  z.object({ ...refund, ledgerEntryId: z.string() }),
  {
    description:
      "The provider completed a refund; it is in the order's ledger. The aggregate is the order id.",
  },
);
export const refundFailed = defineEvent(
  'payments.refund_failed',
  z.object({ ...refund, failureReason: z.string() }),
  {
    description:
      'The provider refused a refund; the amount is refundable again. The aggregate is the order id.',
  },
);
