import type { Ctx } from '../../platform/context.ts';
import type { Bilingual, PaymentMethod } from './types.ts';

/**
 * What a payment provider does for us. The built-in `sim` provider implements it; real ones
 * (WeChat Pay, Alipay, UnionPay, a bank) plug in beside it. `ctx` is passed so a provider can log
 * with the request id (and the simulator keeps its records in our database).
 */
export type CreatePaymentRequest = {
  /** Our intent id: the provider's merchant reference. */
  intentId: string;
  amount: number;
  currency: string;
  method: PaymentMethod;
  description: Bilingual;
  expiresAt: Date;
  /** Where the hosted page sends the customer back to. */
  returnUrl: string;
};

export type CallbackEvent = {
  /** The provider's event id: a callback is handled once per event id. */
  eventId: string;
  providerRef: string;
  merchantReference: string;
  outcome: 'succeeded' | 'failed';
  amount: number;
  currency: string;
  failureReason: string | null;
};

export type CallbackCheck =
  | { ok: true; event: CallbackEvent }
  | { ok: false; reason: 'missing_signature' | 'bad_signature' | 'stale' | 'malformed'; detail: string };

export type RefundResult =
  | { status: 'succeeded'; providerRef: string }
  | { status: 'pending'; providerRef: string }
  | { status: 'failed'; failureReason: string };

export type PaymentProvider = {
  name: string;
  createPayment(ctx: Ctx, request: CreatePaymentRequest): Promise<{ providerRef: string; payUrl: string }>;
  /** Closes an open payment at the provider (a newer one replaces it, it expired, the order is cancelled). */
  cancelPayment(ctx: Ctx, providerRef: string): Promise<void>;
  /** Verifies a callback's signature and freshness and reads it; nothing is trusted before. */
  parseCallback(input: {
    headers: Record<string, string | undefined>;
    body: string;
    now: Date;
  }): CallbackCheck;
  refund(
    ctx: Ctx,
    request: { providerRef: string; refundId: string; amount: number; currency: string },
  ): Promise<RefundResult>;
};
