/** The shapes this module hands out. Money is integer fen with its currency, always > 0. */
export type Bilingual = { 'zh-CN': string; en: string };

/** What a payment is for (the order's money stages). */
export const PAYMENT_PURPOSES = ['intention', 'deposit', 'balance'] as const;
export type PaymentPurpose = (typeof PAYMENT_PURPOSES)[number];

export const PAYMENT_METHODS = ['wechat_pay', 'alipay', 'card', 'bank_transfer'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const INTENT_STATUSES = ['pending', 'succeeded', 'failed', 'expired', 'cancelled'] as const;
export type IntentStatus = (typeof INTENT_STATUSES)[number];

export const REFUND_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

/** Why money goes back: the order was cancelled, a capture came when it was no longer wanted, or it paid more than was due. */
export const REFUND_REASONS = ['order_cancelled', 'late_capture', 'overpayment'] as const;
export type RefundReason = (typeof REFUND_REASONS)[number];

/** One attempt to collect one amount for one purpose of one order. */
export type PaymentIntent = {
  id: string;
  orderId: string;
  purpose: PaymentPurpose;
  amount: number;
  currency: string;
  method: PaymentMethod;
  provider: string;
  providerRef: string | null;
  /** Where the customer pays (the provider's hosted page). */
  payUrl: string | null;
  status: IntentStatus;
  failureReason: string | null;
  termsAccepted: boolean;
  expiresAt: Date;
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
};

export type Refund = {
  id: string;
  orderId: string;
  /** The captured payment this refund returns money of. */
  paymentId: string;
  amount: number;
  currency: string;
  reason: RefundReason;
  status: RefundStatus;
  provider: string;
  providerRef: string | null;
  failureReason: string | null;
  createdAt: Date;
  completedAt: Date | null;
};

/** Money that moved: a capture or a completed refund. Append-only. */
export type LedgerEntry = {
  id: string;
  orderId: string;
  kind: 'capture' | 'refund';
  purpose: PaymentPurpose;
  paymentId: string;
  refundId: string | null;
  amount: number;
  currency: string;
  at: Date;
};

/** An order's money, derived from its ledger and refunds. */
export type LedgerFigures = {
  currency: string | null;
  /** Everything captured. */
  captured: number;
  /** Refunds completed. */
  refunded: number;
  /** Refunds requested and not yet completed (money already promised back). */
  refundPending: number;
  /** captured - refunds that did not fail: what counts as paid, and what can still be refunded. */
  netPaid: number;
  /** Captured per purpose. */
  capturedByPurpose: Record<PaymentPurpose, number>;
};
