/**
 * The storefront's calls for checkout, orders and payments, through the shared client (cookies,
 * CSRF, problem+json). Money-moving calls take the attempt's idempotency key (../../orders/idempotency.ts).
 */
import { api, unwrap } from '../../api/client.ts';
import type { FinanceChoice, PaymentMethod, PaymentPurpose, RequestOf, SimOutcome } from '../../api/types.ts';
import { unwrapProblem } from '../../factory/api-problem.ts';

const idem = (key: string) => ({ 'idempotency-key': key });
const byId = (id: string) => ({ path: { id } });

export const getOrderTerms = () => unwrap(api.GET('/store/order-terms'));

export function listDealers(query: { city?: string; near?: { lat: number; lng: number } }) {
  return unwrap(
    api.GET('/store/dealers', {
      params: {
        query: {
          ...(query.city ? { city: query.city } : {}),
          ...(query.near ? { lat: query.near.lat, lng: query.near.lng } : {}),
        },
      },
    }),
  );
}

export const listFinanceOffers = (modelLine: string) =>
  unwrap(api.GET('/store/finance/offers', { params: { query: { modelLine } } }));

export const quoteFinance = (body: RequestOf<'/store/finance/quote', 'post'>) =>
  unwrap(api.POST('/store/finance/quote', { body }));

export const listInsuranceProducts = () => unwrap(api.GET('/store/insurance/products'));

export const quoteInsurance = (body: RequestOf<'/store/insurance/quote', 'post'>) =>
  unwrap(api.POST('/store/insurance/quote', { body }));

export type PlaceOrderBody = RequestOf<'/store/orders', 'post'>;

// Keeps the problem document: a date gone meanwhile answers its reasons and the next available date.
export const placeOrder = (body: PlaceOrderBody, key: string) =>
  unwrapProblem(api.POST('/store/orders', { body, params: { header: idem(key) } }));

export const listMyOrders = (cursor?: string) =>
  unwrap(api.GET('/store/orders', { params: { query: cursor ? { cursor } : {} } }));

export const getMyOrder = (id: string) => unwrap(api.GET('/store/orders/{id}', { params: byId(id) }));

export type PaymentBody = { purpose: PaymentPurpose; method: PaymentMethod; acceptTerms?: boolean };

export const startPayment = (id: string, body: PaymentBody, key: string) =>
  unwrap(api.POST('/store/orders/{id}/payments', { params: { ...byId(id), header: idem(key) }, body }));

export const quoteConfigurationChange = (id: string, configurationCode: string) =>
  unwrap(
    api.POST('/store/orders/{id}/configuration/quote', { params: byId(id), body: { configurationCode } }),
  );

export const changeConfiguration = (id: string, configurationCode: string, expectedTotal: number) =>
  unwrap(
    api.PUT('/store/orders/{id}/configuration', {
      params: byId(id),
      body: { configurationCode, expectedTotal },
    }),
  );

export const quoteOrderFinance = (id: string, choice: FinanceChoice) =>
  unwrap(api.POST('/store/orders/{id}/finance/quote', { params: byId(id), body: choice }));

export const setOrderFinance = (id: string, choice: FinanceChoice) =>
  unwrap(api.PUT('/store/orders/{id}/finance', { params: byId(id), body: choice }));

export const removeOrderFinance = (id: string) =>
  unwrap(api.DELETE('/store/orders/{id}/finance', { params: byId(id) }));

export const setOrderInsurance = (id: string, products: string[]) =>
  unwrap(api.PUT('/store/orders/{id}/insurance', { params: byId(id), body: { products } }));

export const previewCancellation = (id: string) =>
  unwrap(api.GET('/store/orders/{id}/cancellation', { params: byId(id) }));

export const cancelOrder = (id: string, body: { reason?: string; expectedRefund?: number }, key: string) =>
  unwrap(api.POST('/store/orders/{id}/cancel', { params: { ...byId(id), header: idem(key) }, body }));

export const getSimPayment = (token: string) =>
  unwrap(api.GET('/store/pay/sim/{token}', { params: { path: { token } } }));

export const completeSimPayment = (token: string, outcome: SimOutcome) =>
  unwrap(api.POST('/store/pay/sim/{token}/complete', { params: { path: { token } }, body: { outcome } }));

// ------------------------------------------------------------------ build chain (issue #6)

export type CalendarQuery = { modelLine: string; configurationCode: string; dealerId: string };

/** The delivery dates the plant and the dealer can meet for a configuration (anyone may ask). */
export const getDeliveryCalendar = (query: CalendarQuery & { weeks?: number }) =>
  unwrap(api.GET('/store/delivery-calendar', { params: { query } }));

/** Only the earliest date (cheap: the configurator asks as the customer configures). */
export const getEarliestDelivery = (query: CalendarQuery) =>
  unwrap(api.GET('/store/delivery-calendar/earliest', { params: { query } }));

/** Change the own car's delivery date before its production day is frozen (problem kept: reasons, next date). */
export const changeDeliveryDate = (vehicleId: string, date: string) =>
  unwrapProblem(
    api.PUT('/store/vehicles/{vehicleId}/delivery-date', { params: { path: { vehicleId } }, body: { date } }),
  );

/** Accept the car at the hand-over (problem kept: what is still missing). */
export const acceptDelivery = (id: string) =>
  unwrapProblem(api.POST('/store/orders/{id}/accept-delivery', { params: byId(id) }));

export const listMyVehicles = () => unwrap(api.GET('/store/my/vehicles'));

export const getMyVehicle = (vehicleId: string) =>
  unwrap(api.GET('/store/my/vehicles/{vehicleId}', { params: { path: { vehicleId } } }));
