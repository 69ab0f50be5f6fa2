import type { Model } from '@openc2b/configurator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveConfiguration, getLiveModelLine, loadVersion } from '../../modules/catalog/index.ts';
import { quoteAnnuity } from '../../modules/finance/index.ts';
import { currentOrderTerms } from '../../modules/ordering/index.ts';
import { systemCtx } from '../../platform/context.ts';
import { seedDemoData } from '../../seed/index.ts';
import { createTestApp, type TestApp } from '../../testing/create-test-app.ts';
import {
  type Customer,
  key,
  liveConfiguration,
  type OrderBody,
  orgIdOf,
  type Problem,
  payAs,
  placeOrderAs,
  registerCustomer,
  signedIn,
} from '../../testing/orders-fixtures.ts';
import { type TestClient, testClient } from '../test-client.ts';

/**
 * Checkout: order terms, the dealer directory, finance and insurance quotes on server prices,
 * placing orders with them (the client's price is never used), stale versions and terms, and
 * changing the configuration, finance and insurance of an order.
 */
let t: TestApp;
let anonymous: TestClient;
let admin: TestClient;
let customer: Customer;
type Offer = { id: string; code: string; aprBp: number; minDownBp: number; termsMonths: number[] };
let offers: Offer[];
const offer = (code: string) => offers.find((o) => o.code === code) as Offer;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoData(t.deps);
  anonymous = testClient(t.app);
  admin = await signedIn(t, 'admin@qicheng.example');
  customer = await registerCustomer(t, '陈晨 Chen Chen');
  offers = (await anonymous.json<{ items: Offer[] }>('GET', '/store/finance/offers')).body.items;
}, 180_000);

afterAll(async () => {
  await t?.close();
});

/** Another valid configuration of a line (one family changed from the defaults) with a higher price. */
async function pricierConfiguration(modelLine: string): Promise<{ code: string; total: number }> {
  const ctx = systemCtx(t.deps, 'test');
  const live = await getLiveModelLine(ctx, modelLine);
  const loaded = await loadVersion(ctx, live.version.id);
  if (!loaded) throw new Error('no version');
  const base = live.model.defaults ?? {};
  const start = deriveConfiguration(loaded.model, loaded.compiled, { selection: base });
  if (!start.ok) throw new Error('defaults invalid');
  for (const family of (live.model as Model).families) {
    for (const option of family.options) {
      const d = deriveConfiguration(loaded.model, loaded.compiled, {
        selection: { ...base, [family.code]: option.code },
      });
      if (d.ok && d.total > start.total + 1_000_000) return { code: d.code, total: d.total };
    }
  }
  throw new Error('no pricier configuration');
}

describe('order terms and dealer directory', () => {
  it('serves the current order terms, bilingual, anonymously', async () => {
    const res = await anonymous.json<{
      version: string;
      intentionMoney: number;
      lockDeposit: number;
      clauses: { id: string; body: { 'zh-CN': string; en: string } }[];
    }>('GET', '/store/order-terms');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      version: currentOrderTerms().version,
      intentionMoney: 500_000,
      lockDeposit: 2_000_000,
    });
    expect(res.body.clauses.map((c) => c.id)).toEqual(
      expect.arrayContaining(['intention', 'lock', 'cancel', 'balance']),
    );
  });

  it('lists active dealers by city, or nearest first with distances in km', async () => {
    const all = await anonymous.json<{
      items: { code: string; services: string[]; distanceKm: number | null; openingHours: string }[];
    }>('GET', '/store/dealers');
    expect(all.body.items.map((d) => d.code)).toEqual(['DLR-BJ', 'DLR-CD', 'DLR-GZ', 'DLR-HZ', 'DLR-SH']);
    expect(all.body.items.every((d) => d.distanceKm === null && d.openingHours)).toBe(true);
    // From People's Square, Shanghai
    const near = await anonymous.json<{ items: { code: string; distanceKm: number }[] }>(
      'GET',
      '/store/dealers?lat=31.2304&lng=121.4737',
    );
    expect(near.body.items.map((d) => d.code)).toEqual(['DLR-SH', 'DLR-HZ', 'DLR-BJ', 'DLR-GZ', 'DLR-CD']);
    expect(near.body.items[0]?.distanceKm).toBeCloseTo(5.1, 0);
    expect(near.body.items[1]?.distanceKm).toBeGreaterThan(150);
    const shanghai = await anonymous.json<{ items: { code: string }[] }>(
      'GET',
      `/store/dealers?city=${encodeURIComponent('上海')}`,
    );
    expect(shanghai.body.items.map((d) => d.code)).toEqual(['DLR-SH']);
    const hz = await anonymous.json<{ items: { code: string }[] }>('GET', '/store/dealers?city=hangzhou');
    expect(hz.body.items.map((d) => d.code)).toEqual(['DLR-HZ']);
    const repair = await anonymous.json<{ items: { code: string }[] }>(
      'GET',
      '/store/dealers?service=body_repair',
    );
    expect(repair.body.items.map((d) => d.code)).toEqual(['DLR-GZ', 'DLR-SH']);
    const half = await anonymous.json<Problem>('GET', '/store/dealers?lat=31.2');
    expect(half.status).toBe(400);
    expect(half.body.errors?.map((e) => e.path)).toEqual(['query.lng']);
  });

  it('hides a deactivated dealer, which then takes no orders', async () => {
    const gz = await orgIdOf(t, 'DLR-GZ');
    const one = await anonymous.json<{ dealer: { code: string; handoverCapacityPerDay: number } }>(
      'GET',
      `/store/dealers/${gz}`,
    );
    expect(one.body.dealer).toMatchObject({ code: 'DLR-GZ', handoverCapacityPerDay: 6 });
    const profile = { services: ['sales'], handoverCapacityPerDay: 6 };
    expect(
      (await admin.json('PUT', `/admin/dealers/${gz}`, { body: { ...profile, active: false } })).status,
    ).toBe(200);
    expect((await anonymous.json('GET', `/store/dealers/${gz}`)).status).toBe(404);
    const refused = await customer.json<Problem>('POST', '/store/orders', {
      headers: key(),
      body: {
        modelLine: 'qc-g20',
        configurationCode: (await liveConfiguration(t, 'qc-g20')).code,
        dealerId: gz,
        acceptTerms: true,
        termsVersion: currentOrderTerms().version,
      },
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'ordering.dealer_unavailable',
      errors: [{ path: 'dealerId' }],
    });
    expect(
      (await admin.json('PUT', `/admin/dealers/${gz}`, { body: { ...profile, active: true } })).status,
    ).toBe(200);
    expect((await anonymous.json('GET', `/store/dealers/${await orgIdOf(t, 'QC-HQ')}`)).status).toBe(404);
  });
});

describe('finance and insurance quotes', () => {
  it('lists the offers, per model line', async () => {
    expect(offers.map((o) => o.code)).toEqual(['qc-captive-0apr', 'huashang-bank-388', 'qc-business-299']);
    const d90 = await anonymous.json<{ items: Offer[] }>('GET', '/store/finance/offers?modelLine=qc-d90-pro');
    expect(d90.body.items.map((o) => o.code)).toEqual(['qc-captive-0apr', 'huashang-bank-388']);
  });

  it('quotes the annuity on the price the server derives', async () => {
    const { code, total } = await liveConfiguration(t, 'qc-d90-pro');
    const downPayment = Math.ceil(total * 0.15);
    const res = await anonymous.json<{
      vehicle: { total: number };
      quote: { principal: number; instalment: number; totalInterest: number };
    }>('POST', '/store/finance/quote', {
      body: {
        modelLine: 'qc-d90-pro',
        configurationCode: code,
        offerId: offer('huashang-bank-388').id,
        downPayment,
        termMonths: 36,
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.vehicle.total).toBe(total);
    expect(res.body.quote).toMatchObject(
      quoteAnnuity({ price: total, downPayment, aprBp: 388, termMonths: 36 }),
    );
    expect(res.body.quote.totalInterest).toBeGreaterThan(0);
  });

  it.each([
    ['huashang-bank-388', { downPayment: 1, termMonths: 36 }, 'finance.down_payment_too_low', 'downPayment'],
    ['qc-captive-0apr', { termMonths: 36 }, 'finance.term_not_offered', 'termMonths'],
    ['qc-business-299', {}, 'finance.model_line_not_covered', 'offerId'],
  ])('refuses %s with %j: 422 %s naming %s', async (code, change, problem, field) => {
    const { code: configurationCode, total } = await liveConfiguration(t, 'qc-d90-pro');
    const res = await anonymous.json<Problem & { minDownPayment?: number }>('POST', '/store/finance/quote', {
      body: {
        modelLine: 'qc-d90-pro',
        configurationCode,
        offerId: offer(code).id,
        downPayment: Math.ceil(total * 0.5),
        termMonths: 12,
        ...change,
      },
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe(problem);
    expect(res.body.errors?.map((e) => e.path)).toEqual([field]);
    expect(res.body.minDownPayment).toBe(Math.ceil((total * offer(code).minDownBp) / 10_000));
  });

  it('prices insurance premiums and keeps add-ons with their cover', async () => {
    const { code, total } = await liveConfiguration(t, 'qc-d90-pro');
    const res = await anonymous.json<{
      quote: { items: { code: string; premium: number }[]; total: number; includedInBalance: boolean };
    }>('POST', '/store/insurance/quote', {
      body: {
        modelLine: 'qc-d90-pro',
        configurationCode: code,
        products: ['ctpl', 'commercial-comprehensive', 'addon-glass'],
      },
    });
    expect(res.status).toBe(200);
    const commercial = Math.max(300_000, Math.round((total * 250) / 10_000));
    expect(res.body.quote.items).toEqual([
      expect.objectContaining({ code: 'ctpl', premium: 95_000 }),
      expect.objectContaining({ code: 'commercial-comprehensive', premium: commercial }),
      expect.objectContaining({ code: 'addon-glass', premium: 45_000 }),
    ]);
    expect(res.body.quote).toMatchObject({ total: 95_000 + commercial + 45_000, includedInBalance: false });
    const alone = await anonymous.json<Problem>('POST', '/store/insurance/quote', {
      body: { modelLine: 'qc-d90-pro', configurationCode: code, products: ['addon-glass'] },
    });
    expect(alone.status).toBe(422);
    expect(alone.body).toMatchObject({
      code: 'finance.insurance_requires_product',
      requires: ['commercial-comprehensive'],
    });
  });
});

describe('placing an order', () => {
  it('never uses a price, total or selection from the client', async () => {
    const { code, total } = await liveConfiguration(t, 'qc-g20');
    const base = {
      modelLine: 'qc-g20',
      configurationCode: code,
      dealerId: await orgIdOf(t, 'DLR-SH'),
      acceptTerms: true,
      termsVersion: currentOrderTerms().version,
    };
    for (const [field, value] of [
      ['total', 1],
      ['price', { total: 1 }],
      ['selection', { trim: 'x' }],
      ['currency', 'USD'],
    ] as const) {
      const res = await customer.json<Problem>('POST', '/store/orders', {
        headers: key(),
        body: { ...base, [field]: value },
      });
      expect(res.status, field).toBe(400);
      expect(res.body.errors?.map((e) => e.path)).toEqual([field]);
    }
    const tamperedFinance = await customer.json<Problem>('POST', '/store/orders', {
      headers: key(),
      body: {
        ...base,
        finance: {
          offerId: offer('huashang-bank-388').id,
          downPayment: 5_000_000,
          termMonths: 12,
          instalment: 1,
        },
      },
    });
    expect(tamperedFinance.body.errors?.map((e) => e.path)).toEqual(['finance.instalment']);
    const placed = await customer.json<
      OrderBody & { price: { total: number; options: { price: number }[] } }
    >('POST', '/store/orders', {
      headers: key(),
      body: base,
    });
    expect(placed.status).toBe(201);
    expect(placed.body.total).toBe(total);
    expect(placed.body.price.total).toBe(total);
    // a code garbled by one character is refused, not re-priced
    const garbled = `${code.slice(0, -1)}${code.endsWith('0') ? '1' : '0'}`;
    const bad = await customer.json<Problem>('POST', '/store/orders', {
      headers: key(),
      body: { ...base, configurationCode: garbled },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'catalog.invalid_code', errors: [{ path: 'configurationCode' }] });
    const otherLine = await customer.json<Problem>('POST', '/store/orders', {
      headers: key(),
      body: { ...base, configurationCode: (await liveConfiguration(t, 'qc-t90')).code },
    });
    expect(otherLine.status).toBe(400);
    expect(otherLine.body.code).toBe('catalog.invalid_code');
  });

  it('refuses stale terms (409) and unaccepted terms (400)', async () => {
    const { code } = await liveConfiguration(t, 'qc-g20');
    const base = {
      modelLine: 'qc-g20',
      configurationCode: code,
      dealerId: await orgIdOf(t, 'DLR-SH'),
      acceptTerms: true,
    };
    const stale = await customer.json<Problem>('POST', '/store/orders', {
      headers: key(),
      body: { ...base, termsVersion: '2020-01' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'ordering.stale_terms',
      currentVersion: currentOrderTerms().version,
    });
    const unaccepted = await customer.json<Problem>('POST', '/store/orders', {
      headers: key(),
      body: { ...base, acceptTerms: false, termsVersion: currentOrderTerms().version },
    });
    expect(unaccepted.status).toBe(400);
    expect(unaccepted.body.errors?.map((e) => e.path)).toEqual(['acceptTerms']);
  });

  it('keeps finance and insurance snapshots; finance lowers the balance, insurance stays out of it', async () => {
    const { total } = await liveConfiguration(t, 'qc-g20');
    const downPayment = Math.ceil(total * 0.3);
    const order = await placeOrderAs(t, customer, {
      finance: { offerId: offer('qc-captive-0apr').id, downPayment, termMonths: 24 },
      insurance: ['ctpl', 'commercial-comprehensive'],
    });
    const body = order as OrderBody & {
      finance: {
        principal: number;
        instalment: number;
        finalInstalment: number;
        totalInterest: number;
        partner: { en: string };
      };
      insurance: { total: number; payableTo: string };
    };
    expect(body.finance).toMatchObject({
      principal: total - downPayment,
      totalInterest: 0,
      partner: { en: 'Qicheng Auto Finance' },
    });
    expect(body.finance.instalment * 23 + body.finance.finalInstalment).toBe(total - downPayment);
    expect(body.insurance).toMatchObject({ payableTo: 'insurer_at_handover' });
    await payAs(t, customer, order.id, 'intention');
    await payAs(t, customer, order.id, 'deposit');
    const locked = (
      await customer.json<OrderBody & { money: { cashPrice: number; insurancePremiums: number } }>(
        'GET',
        `/store/orders/${order.id}`,
      )
    ).body;
    expect(locked.money).toMatchObject({
      financedPrincipal: total - downPayment,
      cashPrice: downPayment,
      balance: downPayment - 2_000_000,
      due: { purpose: 'balance', amount: downPayment - 2_000_000 },
      insurancePremiums: body.insurance.total,
    });
    // With the cash part paid in full, a bigger loan would leave the customer overpaid: refused.
    await payAs(t, customer, order.id, 'balance');
    const bigger = await customer.json<Problem>('PUT', `/store/orders/${order.id}/finance`, {
      body: { offerId: offer('huashang-bank-388').id, downPayment: Math.ceil(total * 0.15), termMonths: 36 },
    });
    expect(bigger.status).toBe(409);
    expect(bigger.body.code).toBe('ordering.finance_change_after_payment');
    // Without the loan the customer owes the rest in cash.
    const removal = await customer.json<OrderBody & { finance: unknown }>(
      'DELETE',
      `/store/orders/${order.id}/finance`,
    );
    expect(removal.status).toBe(200);
    expect(removal.body.finance).toBeNull();
    expect(removal.body.money.due).toEqual({ purpose: 'balance', amount: total - downPayment });
    expect(removal.body.timeline.at(-1)).toMatchObject({
      kind: 'finance_changed',
      data: { offerCode: null, principal: 0 },
    });
  });

  it('asks a down payment of at least the lock deposit, and refuses withdrawn offers', async () => {
    const created = await admin.json<{ offer: Offer }>('POST', '/admin/finance/offers', {
      body: {
        code: 'test-low-down',
        partner: { 'zh-CN': '测试金融', en: 'Test Finance' },
        product: { 'zh-CN': '低首付', en: 'Low down payment' },
        aprBp: 450,
        termsMonths: [36, 12],
        minDownBp: 500,
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.offer.termsMonths).toEqual([12, 36]);
    const low = await customer.json<Problem>('POST', '/store/orders', {
      headers: key(),
      body: {
        modelLine: 'qc-g20',
        configurationCode: (await liveConfiguration(t, 'qc-g20')).code,
        dealerId: await orgIdOf(t, 'DLR-SH'),
        // above the offer's 5 % minimum, below the ¥20,000 lock deposit
        finance: { offerId: created.body.offer.id, downPayment: 1_900_000, termMonths: 12 },
        acceptTerms: true,
        termsVersion: currentOrderTerms().version,
      },
    });
    expect(low.status).toBe(422);
    expect(low.body).toMatchObject({
      code: 'ordering.down_payment_below_deposit',
      errors: [{ path: 'finance.downPayment' }],
    });
    expect(
      (await admin.json('POST', `/admin/finance/offers/${created.body.offer.id}/deactivate`)).status,
    ).toBe(200);
    const { code } = await liveConfiguration(t, 'qc-g20');
    const withdrawn = await anonymous.json<Problem>('POST', '/store/finance/quote', {
      body: {
        modelLine: 'qc-g20',
        configurationCode: code,
        offerId: created.body.offer.id,
        downPayment: 9_000_000,
        termMonths: 12,
      },
    });
    expect(withdrawn.body.code).toBe('finance.offer_inactive');
    const duplicate = await admin.json<Problem>('POST', '/admin/finance/offers', {
      body: {
        code: 'test-low-down',
        partner: { 'zh-CN': 'x', en: 'x' },
        product: { 'zh-CN': 'x', en: 'x' },
        aprBp: 1,
        termsMonths: [12],
        minDownBp: 1,
      },
    });
    expect(duplicate.status).toBe(409);
  });
});

describe('changing an order before lock', () => {
  it('quotes the difference line by line, then confirms with the expected total', async () => {
    const order = await placeOrderAs(t, customer, { insurance: ['ctpl', 'commercial-comprehensive'] });
    const target = await pricierConfiguration('qc-g20');
    const quote = await customer.json<{
      difference: number;
      lines: { difference: number }[];
      proposed: { price: { total: number } };
      insurance: { proposed: { total: number } };
    }>('POST', `/store/orders/${order.id}/configuration/quote`, { body: { configurationCode: target.code } });
    expect(quote.status).toBe(200);
    expect(quote.body.difference).toBe(target.total - order.total);
    expect(quote.body.lines.reduce((s, l) => s + l.difference, 0)).toBe(quote.body.difference);
    expect(quote.body.proposed.price.total).toBe(target.total);

    const wrong = await customer.json<Problem & { newTotal: number }>(
      'PUT',
      `/store/orders/${order.id}/configuration`,
      {
        body: { configurationCode: target.code, expectedTotal: order.total },
      },
    );
    expect(wrong.status).toBe(409);
    expect(wrong.body).toMatchObject({ code: 'ordering.price_changed', newTotal: target.total });

    const changed = await customer.json<
      OrderBody & { configuration: { code: string }; insurance: { total: number } }
    >('PUT', `/store/orders/${order.id}/configuration`, {
      body: { configurationCode: target.code, expectedTotal: target.total },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.total).toBe(target.total);
    expect(changed.body.configuration.code).toBe(target.code);
    expect(changed.body.insurance.total).toBe(quote.body.insurance.proposed.total);
    expect(changed.body.timeline.at(-1)).toMatchObject({
      kind: 'configuration_changed',
      data: { previousTotal: order.total, newTotal: target.total, difference: target.total - order.total },
    });
  });

  it('refuses a change the attached finance no longer fits (422), and one after lock (409)', async () => {
    const { total } = await liveConfiguration(t, 'qc-g20');
    const minDown = Math.ceil(total * 0.3);
    const order = await placeOrderAs(t, customer, {
      finance: { offerId: offer('qc-captive-0apr').id, downPayment: minDown, termMonths: 12 },
    });
    const target = await pricierConfiguration('qc-g20');
    const quote = await customer.json<{ finance: { refusal: { code: string } | null } }>(
      'POST',
      `/store/orders/${order.id}/configuration/quote`,
      {
        body: { configurationCode: target.code },
      },
    );
    expect(quote.body.finance.refusal).toMatchObject({ code: 'finance.down_payment_too_low' });
    const refused = await customer.json<Problem>('PUT', `/store/orders/${order.id}/configuration`, {
      body: { configurationCode: target.code, expectedTotal: target.total },
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'ordering.finance_no_longer_valid',
      reason: 'finance.down_payment_too_low',
    });
    await payAs(t, customer, order.id, 'intention');
    await payAs(t, customer, order.id, 'deposit');
    const locked = await customer.json<Problem>('POST', `/store/orders/${order.id}/configuration/quote`, {
      body: { configurationCode: target.code },
    });
    expect(locked.status).toBe(409);
    expect(locked.body).toMatchObject({ state: 'locked', action: 'change_configuration' });
  });

  it("quotes finance on the order's own price without changing it; another customer's order is 404", async () => {
    const order = await placeOrderAs(t, customer, { insurance: ['ctpl'] });
    const down = Math.ceil(order.total * 0.3);
    const choice = { offerId: offer('huashang-bank-388').id, downPayment: down, termMonths: 36 };
    const quoted = await customer.json<{ quote: { price: number; principal: number; instalment: number } }>(
      'POST',
      `/store/orders/${order.id}/finance/quote`,
      { body: choice },
    );
    expect(quoted.status).toBe(200);
    const annuity = quoteAnnuity({ price: order.total, downPayment: down, aprBp: 388, termMonths: 36 });
    expect(quoted.body.quote).toMatchObject({
      price: order.total,
      principal: order.total - down,
      instalment: annuity.instalment,
    });
    // Nothing changed on the order.
    const after = await customer.json<OrderBody & { finance: unknown }>('GET', `/store/orders/${order.id}`);
    expect(after.body.finance).toBeNull();
    expect(after.body.timeline.map((e) => e.kind)).toEqual(['placed']);
    // The offer's checks apply, naming the field.
    const low = await customer.json<Problem>('POST', `/store/orders/${order.id}/finance/quote`, {
      body: { ...choice, downPayment: 1_000_000 },
    });
    expect(low.status).toBe(422);
    expect(low.body).toMatchObject({
      code: 'finance.down_payment_too_low',
      errors: [{ path: 'downPayment' }],
    });
    const other = await registerCustomer(t, '别人 Someone Else');
    const foreign = await other.json<Problem>('POST', `/store/orders/${order.id}/finance/quote`, {
      body: choice,
    });
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('ordering.order_not_found');
    const unknownField = await customer.json<Problem>('POST', `/store/orders/${order.id}/finance/quote`, {
      body: { ...choice, price: 1 },
    });
    expect(unknownField.status).toBe(400);
  });

  it('shows the clauses of the terms the order accepted, the lock clauses marked', async () => {
    const order = await placeOrderAs(t, customer);
    const body = (
      await customer.json<{
        terms: {
          version: string;
          forfeitOnCustomerCancelAfterLock: number;
          clauses: { id: string; acceptedAtLock: boolean; body: { 'zh-CN': string; en: string } }[];
        };
      }>('GET', `/store/orders/${order.id}`)
    ).body;
    const terms = currentOrderTerms();
    expect(body.terms.version).toBe(terms.version);
    expect(body.terms.forfeitOnCustomerCancelAfterLock).toBe(terms.forfeitOnCustomerCancelAfterLock);
    expect(body.terms.clauses.map((c) => c.id)).toEqual(terms.clauses.map((c) => c.id));
    expect(body.terms.clauses.filter((c) => c.acceptedAtLock).map((c) => c.id)).toEqual(['lock', 'cancel']);
    expect(body.terms.clauses[0]?.body.en).not.toBe('');
  });

  it('changes insurance until shipped; an empty list removes it', async () => {
    const order = await placeOrderAs(t, customer);
    const set = await customer.json<
      OrderBody & { insurance: { items: { code: string }[] } | null; money: { insurancePremiums: number } }
    >('PUT', `/store/orders/${order.id}/insurance`, { body: { products: ['ctpl'] } });
    expect(set.body.insurance?.items.map((i) => i.code)).toEqual(['ctpl']);
    expect(set.body.money.insurancePremiums).toBe(95_000);
    const cleared = await customer.json<{ insurance: unknown }>(
      'PUT',
      `/store/orders/${order.id}/insurance`,
      { body: { products: [] } },
    );
    expect(cleared.body.insurance).toBeNull();
    const bad = await customer.json<Problem>('PUT', `/store/orders/${order.id}/insurance`, {
      body: { products: ['nope'] },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('finance.insurance_unknown_product');
  });
});

describe('catalogue versions', () => {
  it('a code or version of an older catalogue version is 409 catalog.stale_version with the live version id', async () => {
    const old = await liveConfiguration(t, 'qc-t90');
    const draft = await admin.json<{ model: Model }>('GET', '/admin/model-lines/qc-t90/draft');
    const model = structuredClone(draft.body.model);
    model.families.push({
      code: 'test-tow-kit',
      label: { 'zh-CN': '拖挂套件', en: 'Tow kit' },
      optional: true,
      options: [{ code: 'tow-kit', label: { 'zh-CN': '拖挂套件', en: 'Tow kit' }, price: 300_000 }],
    });
    model.defaults = { ...model.defaults, 'test-tow-kit': 'test-tow-kit:none' };
    expect((await admin.json('PUT', '/admin/model-lines/qc-t90/draft', { body: { model } })).status).toBe(
      200,
    );
    const published = await admin.json<{ version: { id: string } }>(
      'POST',
      '/admin/model-lines/qc-t90/publish',
    );
    expect(published.status).toBe(201);
    const base = {
      modelLine: 'qc-t90',
      dealerId: await orgIdOf(t, 'DLR-SH'),
      acceptTerms: true,
      termsVersion: currentOrderTerms().version,
    };
    const byCode = await customer.json<Problem & { liveVersionId: string }>('POST', '/store/orders', {
      headers: key(),
      body: { ...base, configurationCode: old.code },
    });
    expect(byCode.status).toBe(409);
    expect(byCode.body).toMatchObject({
      code: 'catalog.stale_version',
      liveVersionId: published.body.version.id,
    });
    const fresh = await liveConfiguration(t, 'qc-t90');
    const byVersion = await customer.json<Problem>('POST', '/store/orders', {
      headers: key(),
      body: { ...base, configurationCode: fresh.code, versionId: old.versionId },
    });
    expect(byVersion.body).toMatchObject({ status: 409, code: 'catalog.stale_version' });
    const ok = await customer.json<OrderBody & { configuration: { versionId: string } }>(
      'POST',
      '/store/orders',
      {
        headers: key(),
        body: { ...base, configurationCode: fresh.code, versionId: fresh.versionId },
      },
    );
    expect(ok.status).toBe(201);
    expect(ok.body.configuration.versionId).toBe(published.body.version.id);
  });
});
