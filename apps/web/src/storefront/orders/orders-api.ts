/**
 * The storefront's calls for checkout, orders and payments, through the shared client (cookies,
 * CSRF, problem+json). Money-moving calls take the attempt's idempotency key (../../orders/idempotency.ts).
 */
import { api, unwrap } from '../../api/client.ts';
import {
  asOrder,
  type FinanceChoice,
  type PaymentMethod,
  type PaymentPurpose,
  type RequestOf,
  type SimOutcome,
} from '../../api/types.ts';

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

export const placeOrder = (body: PlaceOrderBody, key: string) =>
  unwrap(api.POST('/store/orders', { body, params: { header: idem(key) } })).then(asOrder);

export const listMyOrders = (cursor?: string) =>
  unwrap(api.GET('/store/orders', { params: { query: cursor ? { cursor } : {} } }));

export const getMyOrder = (id: string) =>
  unwrap(api.GET('/store/orders/{id}', { params: byId(id) })).then(asOrder);

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
  ).then(asOrder);

export const quoteOrderFinance = (id: string, choice: FinanceChoice) =>
  unwrap(api.POST('/store/orders/{id}/finance/quote', { params: byId(id), body: choice }));

export const setOrderFinance = (id: string, choice: FinanceChoice) =>
  unwrap(api.PUT('/store/orders/{id}/finance', { params: byId(id), body: choice })).then(asOrder);

export const removeOrderFinance = (id: string) =>
  unwrap(api.DELETE('/store/orders/{id}/finance', { params: byId(id) })).then(asOrder);

export const setOrderInsurance = (id: string, products: string[]) =>
  unwrap(api.PUT('/store/orders/{id}/insurance', { params: byId(id), body: { products } })).then(asOrder);

export const previewCancellation = (id: string) =>
  unwrap(api.GET('/store/orders/{id}/cancellation', { params: byId(id) }));

export const cancelOrder = (id: string, body: { reason?: string; expectedRefund?: number }, key: string) =>
  unwrap(api.POST('/store/orders/{id}/cancel', { params: { ...byId(id), header: idem(key) }, body })).then(
    (r) => ({
      ...r,
      order: asOrder(r.order),
    }),
  );

export const getSimPayment = (token: string) =>
  unwrap(api.GET('/store/pay/sim/{token}', { params: { path: { token } } }));

export const completeSimPayment = (token: string, outcome: SimOutcome) =>
  unwrap(api.POST('/store/pay/sim/{token}/complete', { params: { path: { token } }, body: { outcome } }));
