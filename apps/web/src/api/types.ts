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
export type FinanceQuote = components['schemas']['FinanceQuote'];
export type InsuranceQuote = components['schemas']['InsuranceQuote'];
export type Order = components['schemas']['Order'];
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

// partner API (issue #7)
export type PartnerRequest = ResponseOf<'/admin/partner-requests', 'get'>['items'][number];
export type Lead = ResponseOf<'/dealer/leads', 'get'>['items'][number];

// ---- dealer hand-over pages (issue #6 web)
export type Handover = ResponseOf<'/dealer/handovers/{vehicleId}', 'get'>['handover'];
export type HandoverListItem = ResponseOf<'/dealer/handovers', 'get'>['items'][number];
export type HandoverAvailability = ResponseOf<'/dealer/handovers/availability', 'get'>['items'][number];
export type HandoverArrival = ResponseOf<'/dealer/handovers', 'get'>['items'][number]['arrival'];
export type ChecklistItem = Handover['checklist'][number]['item'];
export type VehicleProgress = ResponseOf<'/dealer/vehicles/{vehicleId}/progress', 'get'>;
