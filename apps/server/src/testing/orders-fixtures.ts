import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { type TestClient, testClient } from '../http/test-client.ts';
import { deriveConfiguration, getLiveModelLine, loadVersion } from '../modules/catalog/index.ts';
import { findOrganisationByCode } from '../modules/identity/index.ts';
import { currentOrderTerms } from '../modules/ordering/index.ts';
import { systemCtx } from '../platform/context.ts';
import type { TestApp } from './create-test-app.ts';

/** Helpers of the order and payment integration tests: customers, codes, orders, payments through the simulator. */
export type Customer = TestClient & { userId: string };

let counter = 0;

/** A new customer account, signed in (each test gets people of its own). */
export async function registerCustomer(t: TestApp, name = 'Test Buyer'): Promise<Customer> {
  counter++;
  const client = testClient(t.app);
  const phone = `139${String(Date.now() % 1e6).padStart(6, '0')}${String(counter % 100).padStart(2, '0')}`;
  const res = await client.json<{ user: { id: string } }>('POST', '/auth/register', {
    body: { name, phone, password: 'secret-pass-1' },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return Object.assign(client, { userId: res.body.user.id });
}

export async function signedIn(t: TestApp, login: string): Promise<TestClient> {
  const client = testClient(t.app);
  expect((await client.signIn(login)).status).toBe(200);
  return client;
}

/** A valid code of a line's live version (its defaults, or a given selection), with the engine's total. */
export async function liveConfiguration(
  t: TestApp,
  modelLine: string,
  selection?: Record<string, string>,
): Promise<{ code: string; total: number; versionId: string; selection: Record<string, string> }> {
  const ctx = systemCtx(t.deps, 'test');
  const live = await getLiveModelLine(ctx, modelLine);
  const loaded = await loadVersion(ctx, live.version.id);
  if (!loaded) throw new Error('no live version');
  const derived = deriveConfiguration(loaded.model, loaded.compiled, {
    selection: selection ?? live.model.defaults ?? {},
  });
  if (!derived.ok) throw new Error(`not a valid configuration: ${JSON.stringify(derived)}`);
  return {
    code: derived.code,
    total: derived.total,
    versionId: live.version.id,
    selection: derived.selection,
  };
}

export async function orgIdOf(t: TestApp, code: string): Promise<string> {
  const org = await findOrganisationByCode(systemCtx(t.deps, 'test'), code);
  if (!org) throw new Error(`no organisation ${code}`);
  return org.id;
}

export const key = () => ({ 'idempotency-key': randomUUID() });

export type OrderBody = {
  id: string;
  vehicleId: string;
  state: string;
  total: number;
  money: {
    due: { purpose: string; amount: number } | null;
    paid: number;
    balance: number;
    captured: number;
    refunded: number;
  };
  payments: { id: string; status: string; purpose: string; amount: number; payUrl: string | null }[];
  ledger: { kind: string; amount: number; purpose: string }[];
  refunds: { amount: number; status: string; reason: string }[];
  timeline: { kind: string; state: string; data: Record<string, unknown> }[];
  [k: string]: unknown;
};

export type Problem = {
  code: string;
  status: number;
  state?: string;
  action?: string;
  errors?: { path: string }[];
  [k: string]: unknown;
};

export async function placeOrderAs(
  t: TestApp,
  customer: TestClient,
  overrides: Record<string, unknown> = {},
  modelLine = 'qc-g20',
): Promise<OrderBody> {
  const configuration = await liveConfiguration(t, modelLine);
  const res = await customer.json<OrderBody>('POST', '/store/orders', {
    headers: key(),
    body: {
      modelLine,
      configurationCode: configuration.code,
      dealerId: await orgIdOf(t, 'DLR-SH'),
      acceptTerms: true,
      termsVersion: currentOrderTerms().version,
      ...overrides,
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

export async function startPaymentAs(
  customer: TestClient,
  orderId: string,
  purpose: string,
  method = 'alipay',
): Promise<{ id: string; amount: number; payUrl: string; status: string }> {
  const res = await customer.json<{
    payment: { id: string; amount: number; payUrl: string; status: string };
  }>('POST', `/store/orders/${orderId}/payments`, {
    headers: key(),
    body: { purpose, method, ...(purpose === 'deposit' ? { acceptTerms: true } : {}) },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.payment;
}

/** The customer pays on the simulator's page (anonymous, like a real provider page), then the callback job runs. */
export async function completeOnSimPage(
  t: TestApp,
  payUrl: string,
  outcome: 'succeed' | 'fail' | 'timeout' = 'succeed',
  options: { runJobs?: boolean } = {},
): Promise<void> {
  const token = payUrl.split('/').pop() ?? '';
  const res = await testClient(t.app).json('POST', `/store/pay/sim/${token}/complete`, { body: { outcome } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  if (options.runJobs !== false) await t.deps.jobs.runDue();
}

export async function payAs(
  t: TestApp,
  customer: TestClient,
  orderId: string,
  purpose: string,
): Promise<void> {
  const payment = await startPaymentAs(customer, orderId, purpose);
  await completeOnSimPage(t, payment.payUrl);
}

export async function orderOf(customer: TestClient, orderId: string): Promise<OrderBody> {
  const res = await customer.json<OrderBody>('GET', `/store/orders/${orderId}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}
