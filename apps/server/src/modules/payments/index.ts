/**
 * Payments: intents (one attempt to collect one amount for one purpose of an order), the provider
 * interface and the built-in simulated provider with its hosted pay page, provider callbacks
 * (signature-checked, handled once per provider event id), refunds, and the append-only ledger of
 * money that moved, from which every amount due is derived.
 *
 * Must not: know the order's state or terms, or change an order (flows in `apps/server/src/flows/`
 * combine payments and ordering in one transaction, after locking the order row); decide who may
 * pay or see an order (flows check that on the order); ever take an amount from a client (flows
 * compute it from the ledger and the order terms); keep a running balance. Only store.ts has SQL,
 * and only schema `payments`.
 */
export {
  paymentCancelled,
  paymentCaptured,
  paymentCreated,
  paymentExpired,
  paymentFailed,
  refundFailed,
  refundRequested,
  refundSucceeded,
} from './events.ts';
export type { RefundableCapture } from './ledger-figures.ts';
export { allocateRefund, ledgerFigures, refundableCaptures } from './ledger-figures.ts';
export type { NewIntent, OrderPayments } from './manage-payments.ts';
export {
  cancelPendingIntents,
  createIntent,
  expireIntent,
  findIntent,
  findIntentOfCallback,
  findRefund,
  getLedgerFigures,
  getLedgerFiguresOf,
  markIntentFailed,
  processRefund,
  readOrderPayments,
  recordCallback,
  recordCapture,
  requestRefunds,
} from './manage-payments.ts';
export type {
  CallbackCheck,
  CallbackEvent,
  CreatePaymentRequest,
  PaymentProvider,
  RefundResult,
} from './provider.ts';
export type { PaymentProviders } from './providers.ts';
export { createPaymentProviders } from './providers.ts';
export type { SimOutcome, SimPage, SimPageStatus, SimProvider } from './sim-provider.ts';
export { createSimProvider, SIM_OUTCOMES, SIM_PROVIDER } from './sim-provider.ts';
export { SIM_SIGNATURE_HEADER, simSignatureHeader, verifySimSignature } from './sim-signature.ts';
export type {
  IntentStatus,
  LedgerEntry,
  LedgerFigures,
  PaymentIntent,
  PaymentMethod,
  PaymentPurpose,
  Refund,
  RefundReason,
  RefundStatus,
} from './types.ts';
export {
  INTENT_STATUSES,
  PAYMENT_METHODS,
  PAYMENT_PURPOSES,
  REFUND_REASONS,
  REFUND_STATUSES,
} from './types.ts';
