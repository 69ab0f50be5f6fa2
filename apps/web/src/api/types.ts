import type { paths } from './schema.d.ts';

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

// partner API (issue #7)
export type PartnerRequest = ResponseOf<'/admin/partner-requests', 'get'>['items'][number];
export type Lead = ResponseOf<'/dealer/leads', 'get'>['items'][number];
