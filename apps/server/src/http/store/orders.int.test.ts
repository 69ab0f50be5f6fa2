import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockOrder } from '../../modules/ordering/index.ts';
import { requestRefunds } from '../../modules/payments/index.ts';
import { manualClock } from '../../platform/clock.ts';
import { inTransaction, systemCtx } from '../../platform/context.ts';
import { seedDemoData } from '../../seed/index.ts';
import { createTestApp, type TestApp } from '../../testing/create-test-app.ts';
import {
  type Customer,
  completeOnSimPage,
  key,
  type OrderBody,
  orderOf,
  type Problem,
  payAs,
  placeOrderAs,
  registerCustomer,
  startPaymentAs,
} from '../../testing/orders-fixtures.ts';
import { testClient } from '../test-client.ts';

/**
 * The money path through HTTP: place -> intention money on the simulator's page -> callback job
 * -> reserved -> deposit -> locked, with the ledger, the amount due and the timeline; the fail
 * and timeout outcomes; forged, stale and replayed callbacks; a late capture on a cancelled
 * order; refunds by the order terms.
 */
let t: TestApp;
const clock = manualClock('2026-03-02T02:00:00Z');

const outboxTypes = async (aggregateId: string) =>
  (
    await t.db
      .selectFrom('platform.outbox')
      .select('type')
      .where('aggregate_id', '=', aggregateId)
      .orderBy('seq')
      .execute()
  ).map((r) => r.type as string);

const ledgerRows = async (orderId: string) =>
  t.db
    .selectFrom('payments.ledger')
    .select(['kind', 'purpose', 'amount'])
    .where('order_id', '=', orderId)
    .orderBy('seq')
    .execute();

beforeAll(async () => {
  t = await createTestApp({ clock });
  await seedDemoData(t.deps);
}, 180_000);

afterAll(async () => {
  await t?.close();
});

describe('the money path', () => {
  let customer: Customer;
  let order: OrderBody;

  it('places a draft order with a vehicle id and asks for the intention money', async () => {
    customer = await registerCustomer(t, '周一 Zhou Yi');
    order = await placeOrderAs(t, customer);
    expect(order.state).toBe('draft');
    expect(order.vehicleId).toMatch(/^C2B-2026-\d{6}$/);
    expect(order.money.due).toEqual({ purpose: 'intention', amount: 500_000 });
    expect(order.timeline.map((e) => e.kind)).toEqual(['placed']);
    expect(await outboxTypes(order.id)).toEqual(['ordering.order_placed']);
  });

  it('pays the intention money on the simulator page; the signed callback reserves the order', async () => {
    const payment = await startPaymentAs(customer, order.id, 'intention', 'wechat_pay');
    expect(payment).toMatchObject({ amount: 500_000, status: 'pending' });
    expect(payment.payUrl).toMatch(/^\/pay\/sim\/[\w-]{20,}$/);
    const token = payment.payUrl.split('/').pop();
    const page = await testClient(t.app).json<{
      amount: number;
      method: string;
      status: string;
      merchant: { en: string };
    }>('GET', `/store/pay/sim/${token}`);
    expect(page.body).toMatchObject({
      amount: 500_000,
      method: 'wechat_pay',
      status: 'open',
      merchant: { en: 'Qicheng Motors' },
    });

    await completeOnSimPage(t, payment.payUrl, 'succeed', { runJobs: false });
    // Until the callback job runs, nothing has changed on the order.
    expect((await orderOf(customer, order.id)).state).toBe('draft');
    await t.deps.jobs.runDue();

    const reserved = await orderOf(customer, order.id);
    expect(reserved.state).toBe('reserved');
    expect(reserved.money).toMatchObject({
      paid: 500_000,
      captured: 500_000,
      due: { purpose: 'deposit', amount: 1_500_000 },
    });
    expect(reserved.payments).toMatchObject([{ id: payment.id, status: 'succeeded', payUrl: null }]);
    expect(reserved.timeline.map((e) => e.kind)).toEqual(['placed', 'intention_paid']);
  });

  it('locks the order with the rest of the deposit once the lock terms are accepted', async () => {
    const refused = await customer.json<Problem>('POST', `/store/orders/${order.id}/payments`, {
      headers: key(),
      body: { purpose: 'deposit', method: 'card' },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('payments.lock_terms_not_accepted');

    const deposit = await startPaymentAs(customer, order.id, 'deposit', 'card');
    expect(deposit.amount).toBe(1_500_000);
    await completeOnSimPage(t, deposit.payUrl);

    const locked = await orderOf(customer, order.id);
    expect(locked.state).toBe('locked');
    expect(locked.money).toMatchObject({
      paid: 2_000_000,
      due: { purpose: 'balance', amount: locked.total - 2_000_000 },
      balance: locked.total - 2_000_000,
    });
    expect(locked.ledger).toEqual([
      expect.objectContaining({ kind: 'capture', purpose: 'intention', amount: 500_000 }),
      expect.objectContaining({ kind: 'capture', purpose: 'deposit', amount: 1_500_000 }),
    ]);
    expect(locked.timeline.map((e) => e.kind)).toEqual([
      'placed',
      'intention_paid',
      'locked',
      'confirmed_for_build',
    ]);
    expect(locked.timeline[2]?.data).toMatchObject({ depositPaid: 1_500_000, paidTotal: 2_000_000 });
    expect((locked['terms'] as { lockAcceptedAt: string | null }).lockAcceptedAt).not.toBeNull();
    expect(await outboxTypes(order.id)).toEqual([
      'ordering.order_placed',
      'payments.payment_created',
      'payments.payment_captured',
      'ordering.order_reserved',
      'payments.payment_created',
      'payments.payment_captured',
      'ordering.order_locked',
    ]);
    const lockedEvent = await t.db
      .selectFrom('platform.outbox')
      .select('payload')
      .where('aggregate_id', '=', order.id)
      .where('type', '=', 'ordering.order_locked')
      .executeTakeFirstOrThrow();
    expect(lockedEvent.payload).toMatchObject({
      orderId: order.id,
      vehicleId: order.vehicleId,
      customerId: customer.userId,
      state: 'locked',
      previousState: 'reserved',
      modelLine: 'qc-g20',
      total: order.total,
      currency: 'CNY',
      depositPaid: 1_500_000,
      paidTotal: 2_000_000,
    });
  });

  it('takes the balance, then nothing more is due; a further payment is refused', async () => {
    const balance = await startPaymentAs(customer, order.id, 'balance', 'bank_transfer');
    expect(balance.amount).toBe(order.total - 2_000_000);
    await completeOnSimPage(t, balance.payUrl);
    const paid = await orderOf(customer, order.id);
    expect(paid.state).toBe('locked');
    expect(paid.money).toMatchObject({
      paid: order.total,
      balance: 0,
      due: { purpose: 'balance', amount: 0 },
    });
    expect(paid.timeline.at(-1)).toMatchObject({ kind: 'balance_paid', data: { balanceDue: 0 } });
    const again = await customer.json<Problem>('POST', `/store/orders/${order.id}/payments`, {
      headers: key(),
      body: { purpose: 'balance', method: 'alipay' },
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'payments.nothing_due', state: 'locked' });
  });
});

describe('fail and timeout on the simulator page', () => {
  it('a failed payment leaves the order in draft, on the timeline, and a new one can be started', async () => {
    const customer = await registerCustomer(t);
    const order = await placeOrderAs(t, customer);
    const first = await startPaymentAs(customer, order.id, 'intention');
    await completeOnSimPage(t, first.payUrl, 'fail');
    const after = await orderOf(customer, order.id);
    expect(after.state).toBe('draft');
    expect(after.payments[0]).toMatchObject({ status: 'failed' });
    expect(after.timeline.map((e) => e.kind)).toEqual(['placed', 'payment_failed']);
    expect(after.money).toMatchObject({ paid: 0, due: { purpose: 'intention', amount: 500_000 } });
    await payAs(t, customer, order.id, 'intention');
    expect((await orderOf(customer, order.id)).state).toBe('reserved');
  });

  it('a timed-out payment sends no callback and expires after 15 minutes', async () => {
    const customer = await registerCustomer(t);
    const order = await placeOrderAs(t, customer);
    const payment = await startPaymentAs(customer, order.id, 'intention');
    await completeOnSimPage(t, payment.payUrl, 'timeout');
    const token = payment.payUrl.split('/').pop();
    expect(
      (await testClient(t.app).json<{ status: string }>('GET', `/store/pay/sim/${token}`)).body.status,
    ).toBe('timed_out');
    expect((await orderOf(customer, order.id)).payments[0]?.status).toBe('pending');

    clock.advance(16 * 60_000);
    await t.deps.jobs.runDue();
    const after = await orderOf(customer, order.id);
    expect(after.state).toBe('draft');
    expect(after.payments[0]?.status).toBe('expired');
    expect(after.timeline.map((e) => e.kind)).toEqual(['placed', 'payment_expired']);
    // the page cannot be completed any more
    const late = await testClient(t.app).json<Problem>('POST', `/store/pay/sim/${token}/complete`, {
      body: { outcome: 'succeed' },
    });
    expect(late.status).toBe(409);
  });

  it('a newer payment request cancels the older pending one at the provider', async () => {
    const customer = await registerCustomer(t);
    const order = await placeOrderAs(t, customer);
    const first = await startPaymentAs(customer, order.id, 'intention', 'alipay');
    const second = await startPaymentAs(customer, order.id, 'intention', 'wechat_pay');
    expect(second.id).not.toBe(first.id);
    const after = await orderOf(customer, order.id);
    expect(after.payments.map((p) => p.status)).toEqual(['cancelled', 'pending']);
    const firstPage = await testClient(t.app).json<{ status: string }>(
      'GET',
      `/store/pay/sim/${first.payUrl.split('/').pop()}`,
    );
    expect(firstPage.body.status).toBe('cancelled');
  });
});

describe('provider callbacks', () => {
  let customer: Customer;
  let order: OrderBody;
  let body: string;
  let signed: Record<string, string>;

  beforeAll(async () => {
    customer = await registerCustomer(t);
    order = await placeOrderAs(t, customer);
    const payment = await startPaymentAs(customer, order.id, 'intention');
    await completeOnSimPage(t, payment.payUrl, 'succeed', { runJobs: false });
    // The callback the simulator queued, delivered here through the public route instead.
    const job = await t.db
      .selectFrom('platform.jobs')
      .select(['id', 'payload'])
      .where('name', '=', 'payments.deliver_sim_callback')
      .where('status', '=', 'queued')
      .executeTakeFirstOrThrow();
    body = (job.payload as { body: string }).body;
    await t.db
      .updateTable('platform.jobs')
      .set({ status: 'done' })
      .where('id', '=', job.id as string)
      .execute();
    const sim = (await import('../../flows/payment-providers.ts')).paymentProvidersFor(t.deps.config).sim;
    signed = sim?.signCallback(body, clock.now()) ?? {};
  });

  const post = (headers: Record<string, string>, text: string) =>
    t.app.request('/store/payment-callbacks/sim', { method: 'POST', headers, body: text });

  it('refuses a missing or forged signature and a tampered body with 400, changing nothing', async () => {
    const forged = await post(
      { ...signed, 'x-sim-signature': `t=${Math.floor(clock.now().getTime() / 1000)},v1=${'0'.repeat(64)}` },
      body,
    );
    expect(forged.status).toBe(400);
    expect(((await forged.json()) as Problem).code).toBe('payments.callback_signature_invalid');
    const tampered = await post(signed, body.replace('"amount":500000', '"amount":1'));
    expect(tampered.status).toBe(400);
    expect(((await tampered.json()) as Problem).code).toBe('payments.callback_signature_invalid');
    const unsigned = await post({ 'content-type': 'application/json' }, body);
    expect(unsigned.status).toBe(400);
    expect(((await unsigned.json()) as Problem).code).toBe('payments.callback_signature_invalid');
    expect(forged.headers.get('content-type')).toContain('application/problem+json');
    expect((await orderOf(customer, order.id)).state).toBe('draft');
    expect(await ledgerRows(order.id)).toEqual([]);
  });

  it('refuses a stale callback with 400, changing nothing', async () => {
    const sim = (await import('../../flows/payment-providers.ts')).paymentProvidersFor(t.deps.config).sim;
    const old = sim?.signCallback(body, new Date(clock.now().getTime() - 6 * 60_000)) ?? {};
    const res = await post(old, body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as Problem).code).toBe('payments.callback_stale');
    expect(await ledgerRows(order.id)).toEqual([]);
  });

  it('settles a genuine callback once; a replay answers duplicate and keeps nothing twice', async () => {
    const first = await post(signed, body);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: true, outcome: 'settled' });
    for (let i = 0; i < 3; i++) {
      const replay = await post(signed, body);
      expect(await replay.json()).toEqual({ received: true, outcome: 'duplicate' });
    }
    expect(await ledgerRows(order.id)).toEqual([{ kind: 'capture', purpose: 'intention', amount: '500000' }]);
    const after = await orderOf(customer, order.id);
    expect(after.state).toBe('reserved');
    expect(after.timeline.filter((e) => e.kind === 'intention_paid')).toHaveLength(1);
  });
});

describe('cancellation and refunds by the order terms', () => {
  it('refunds the intention money in full when a reserved order is cancelled', async () => {
    const customer = await registerCustomer(t);
    const order = await placeOrderAs(t, customer);
    await payAs(t, customer, order.id, 'intention');
    const preview = await customer.json<{ refund: number; forfeited: number; allowed: boolean }>(
      'GET',
      `/store/orders/${order.id}/cancellation`,
    );
    expect(preview.body).toMatchObject({ allowed: true, refund: 500_000, forfeited: 0 });
    const res = await customer.json<{ order: OrderBody; refund: number }>(
      'POST',
      `/store/orders/${order.id}/cancel`,
      {
        headers: key(),
        body: { reason: '改主意了', expectedRefund: 500_000 },
      },
    );
    expect(res.status).toBe(200);
    expect(res.body.order.state).toBe('cancelled');
    expect(res.body.order.refunds).toMatchObject([
      { amount: 500_000, status: 'pending', reason: 'order_cancelled' },
    ]);
    await t.deps.jobs.runDue();
    const after = await orderOf(customer, order.id);
    expect(after.refunds).toMatchObject([{ amount: 500_000, status: 'succeeded' }]);
    expect(after.money).toMatchObject({ captured: 500_000, refunded: 500_000, paid: 0, due: null });
    expect(after.timeline.map((e) => e.kind)).toEqual([
      'placed',
      'intention_paid',
      'cancelled',
      'refund_completed',
    ]);
  });

  it('keeps the deposit when the customer cancels a locked order; the brand refunds everything', async () => {
    const customer = await registerCustomer(t);
    const kept = await placeOrderAs(t, customer);
    await payAs(t, customer, kept.id, 'intention');
    await payAs(t, customer, kept.id, 'deposit');
    const preview = await customer.json<{ refund: number; forfeited: number }>(
      'GET',
      `/store/orders/${kept.id}/cancellation`,
    );
    expect(preview.body).toMatchObject({ refund: 0, forfeited: 2_000_000 });
    const changed = await customer.json<Problem>('POST', `/store/orders/${kept.id}/cancel`, {
      headers: key(),
      body: { expectedRefund: 500_000 },
    });
    expect(changed.status).toBe(409);
    expect(changed.body).toMatchObject({ code: 'ordering.refund_changed', refund: 0 });
    const res = await customer.json<{ refund: number; forfeited: number }>(
      'POST',
      `/store/orders/${kept.id}/cancel`,
      {
        headers: key(),
        body: {},
      },
    );
    expect(res.body).toMatchObject({ refund: 0, forfeited: 2_000_000 });
    expect((await orderOf(customer, kept.id)).money).toMatchObject({ paid: 2_000_000, refunded: 0 });

    const refunded = await placeOrderAs(t, customer);
    await payAs(t, customer, refunded.id, 'intention');
    await payAs(t, customer, refunded.id, 'deposit');
    const admin = testClient(t.app);
    expect((await admin.signIn('admin@qicheng.example')).status).toBe(200);
    const noReason = await admin.json<Problem>('POST', `/admin/orders/${refunded.id}/cancel`, {
      headers: key(),
      body: {},
    });
    expect(noReason.status).toBe(400);
    const brand = await admin.json<{ refund: number; order: OrderBody }>(
      'POST',
      `/admin/orders/${refunded.id}/cancel`,
      {
        headers: key(),
        body: { reason: 'Production line retired this colour' },
      },
    );
    expect(brand.status).toBe(200);
    expect(brand.body.refund).toBe(2_000_000);
    await t.deps.jobs.runDue();
    const after = await orderOf(customer, refunded.id);
    expect(after.money).toMatchObject({ captured: 2_000_000, refunded: 2_000_000, paid: 0 });
    // one refund per captured payment, never more than each
    expect(after.refunds.map((r) => r.amount).sort()).toEqual([1_500_000, 500_000]);
    expect(after.ledger.filter((e) => e.kind === 'refund').reduce((s, e) => s + e.amount, 0)).toBe(2_000_000);
  });

  it('a cancelled order cannot be locked: the deposit answers 409 with its state', async () => {
    const customer = await registerCustomer(t);
    const order = await placeOrderAs(t, customer);
    await payAs(t, customer, order.id, 'intention');
    await customer.json('POST', `/store/orders/${order.id}/cancel`, { headers: key(), body: {} });
    const res = await customer.json<Problem>('POST', `/store/orders/${order.id}/payments`, {
      headers: key(),
      body: { purpose: 'deposit', method: 'card', acceptTerms: true },
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'ordering.illegal_transition',
      state: 'cancelled',
      action: 'lock',
    });
  });

  it('refunds a capture that arrives after the order was cancelled (nothing is kept)', async () => {
    const customer = await registerCustomer(t);
    const order = await placeOrderAs(t, customer);
    const payment = await startPaymentAs(customer, order.id, 'intention');
    // The customer pays on the page, but the callback is still on its way ...
    await completeOnSimPage(t, payment.payUrl, 'succeed', { runJobs: false });
    // ... when they cancel: nothing is captured yet, so nothing to refund.
    const cancelled = await customer.json<{ refund: number }>('POST', `/store/orders/${order.id}/cancel`, {
      headers: key(),
      body: {},
    });
    expect(cancelled.body.refund).toBe(0);
    await t.deps.jobs.runDue(); // the callback arrives, then the refund job runs
    const after = await orderOf(customer, order.id);
    expect(after.state).toBe('cancelled');
    expect(after.ledger.map((e) => [e.kind, e.amount])).toEqual([
      ['capture', 500_000],
      ['refund', 500_000],
    ]);
    expect(after.refunds).toMatchObject([{ amount: 500_000, status: 'succeeded', reason: 'late_capture' }]);
    expect(after.money).toMatchObject({ paid: 0, due: null });
    expect(after.timeline.map((e) => e.kind)).toEqual([
      'placed',
      'cancelled',
      'late_payment_refunded',
      'refund_completed',
    ]);
  });
});

describe('money never goes wrong', () => {
  it('never refunds more than was paid, counting refunds on their way', async () => {
    const customer = await registerCustomer(t);
    const order = await placeOrderAs(t, customer);
    await payAs(t, customer, order.id, 'intention');
    const refund = (amount: number) =>
      inTransaction(systemCtx(t.deps, 'test'), async (tx) => {
        await lockOrder(tx, order.id);
        return requestRefunds(tx, order.id, amount, 'order_cancelled');
      });
    await expect(refund(500_001)).rejects.toMatchObject({
      code: 'payments.refund_exceeds_paid',
      status: 409,
    });
    expect(await refund(300_000)).toHaveLength(1);
    // 300,000 are on their way back: only 200,000 are left to refund
    await expect(refund(200_001)).rejects.toMatchObject({ code: 'payments.refund_exceeds_paid' });
    await expect(refund(0)).rejects.toThrow(RangeError);
    expect(await refund(200_000)).toHaveLength(1);
    await expect(refund(1)).rejects.toMatchObject({ code: 'payments.refund_exceeds_paid' });
    // The database refuses what the code would never write.
    await expect(
      t.db
        .insertInto('payments.refunds')
        .values({
          id: 'rfd_negative',
          order_id: order.id,
          intent_id: (await orderOf(customer, order.id)).payments[0]?.id ?? '',
          amount: -1,
          currency: 'CNY',
          reason: 'order_cancelled',
          status: 'pending',
          provider: 'sim',
          created_at: new Date(),
        })
        .execute(),
    ).rejects.toThrow(/check constraint/);
    await expect(
      t.db.updateTable('payments.ledger').set({ amount: 1 }).where('order_id', '=', order.id).execute(),
    ).rejects.toThrow(/append-only/);
  });

  it('refunds a capture of a replaced payment and keeps the one that counts; nothing is due below zero', async () => {
    const customer = await registerCustomer(t);
    const order = await placeOrderAs(t, customer);
    const first = await startPaymentAs(customer, order.id, 'intention', 'alipay');
    await completeOnSimPage(t, first.payUrl, 'succeed', { runJobs: false });
    // The customer, not seeing the result yet, starts again: the first payment is cancelled here ...
    const second = await startPaymentAs(customer, order.id, 'intention', 'wechat_pay');
    await completeOnSimPage(t, second.payUrl, 'succeed', { runJobs: false });
    // ... but the provider had captured it: both callbacks arrive.
    await t.deps.jobs.runDue();
    const after = await orderOf(customer, order.id);
    expect(after.state).toBe('reserved');
    expect(after.money).toMatchObject({
      captured: 1_000_000,
      refunded: 500_000,
      paid: 500_000,
      due: { purpose: 'deposit', amount: 1_500_000 },
    });
    expect(after.refunds).toMatchObject([{ reason: 'late_capture', amount: 500_000, status: 'succeeded' }]);
    expect(after.timeline.filter((e) => e.kind === 'intention_paid')).toHaveLength(1);
    for (const amount of [after.money.paid, after.money.balance, after.money.due?.amount ?? 0]) {
      expect(amount).toBeGreaterThanOrEqual(0);
    }
  });
});
