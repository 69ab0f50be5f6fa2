import type { components, paths } from './schema.d.ts';

// Derived from paths rather than components so that schema names chosen by the server's
// generator do not leak into the app.
type SuccessOf<Op> = Op extends { responses: infer R }
  ? 200 extends keyof R
    ? R[200]
    : 201 extends keyof R
      ? R[201]
      : never
  : never;
type JsonOf<Res> = Res extends { content: { 'application/json': infer Body } } ? Body : never;

export type ResponseOf<P extends keyof paths, M extends keyof paths[P]> = JsonOf<SuccessOf<paths[P][M]>>;
export type RequestOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;

export type User = ResponseOf<'/auth/me', 'get'>['user'];
export type Organisation = ResponseOf<'/admin/organisations', 'get'>['items'][number];
export type Brand = ResponseOf<'/store/brand', 'get'>;
export type AuditEntry = ResponseOf<'/admin/audit-log', 'get'>['items'][number];
export type ApiKey = ResponseOf<'/admin/api-keys', 'get'>['items'][number];

// integration (events out)
export type IntegrationStatus = ResponseOf<'/admin/integration/status', 'get'>;
export type Webhook = ResponseOf<'/admin/integration/webhooks', 'get'>['items'][number];
export type WebhookDelivery = ResponseOf<'/admin/integration/deliveries', 'get'>['items'][number];
export type OutboxDeadLetter = ResponseOf<'/admin/integration/dead-letters/outbox', 'get'>['items'][number];
export type EventDetail = ResponseOf<'/admin/integration/events/{id}', 'get'>['event'];

// orders, payments, checkout (issue #5)
// The generator writes nullable references as `X & (Record<string, never> | null)`, which reads as
// never null and differs per route; orders use the plain schema types with a real null instead.
export type FinanceQuote = components['schemas']['FinanceQuote'];
export type InsuranceQuote = components['schemas']['InsuranceQuote'];
type WithQuotes<T> = Omit<T, 'finance' | 'insurance'> & {
  finance: FinanceQuote | null;
  insurance: InsuranceQuote | null;
};
export type Order = WithQuotes<components['schemas']['Order']>;

/** An order as any order route answers it, typed as Order (the same JSON). */
export function asOrder(order: { finance: unknown; insurance: unknown }): Order {
  return order as unknown as Order;
}
export type OrderSummary = ResponseOf<'/store/orders', 'get'>['items'][number];
export type OrderState = Order['state'];
export type OrderPayment = Order['payments'][number];
export type TimelineEntry = Order['timeline'][number];
export type PaymentPurpose = OrderPayment['purpose'];
export type PaymentMethod = OrderPayment['method'];
export type OrderPrice = Order['price'];
export type OrderTerms = ResponseOf<'/store/order-terms', 'get'>;
export type Dealer = ResponseOf<'/store/dealers', 'get'>['items'][number];
export type DealerService = Dealer['services'][number];
export type FinanceOffer = ResponseOf<'/store/finance/offers', 'get'>['items'][number];
export type InsuranceProduct = ResponseOf<'/store/insurance/products', 'get'>['items'][number];
export type CancellationPreview = ResponseOf<'/store/orders/{id}/cancellation', 'get'>;
export type SimPayment = ResponseOf<'/store/pay/sim/{token}', 'get'>;
export type SimOutcome = RequestOf<'/store/pay/sim/{token}/complete', 'post'>['outcome'];
export type FinanceChoice = RequestOf<'/store/orders/{id}/finance', 'put'>;
