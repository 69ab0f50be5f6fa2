import { describe, expect, it } from 'vitest';
import type { OrderPayment, OrderState, TimelineEntry } from '../api/types.ts';
import type { MessageKey } from '../i18n/catalogue.ts';
import type { Locale } from '../i18n/locales.ts';
import { isMessageKey, translate } from '../i18n/translate.ts';
import {
  describeTimelineEntry,
  failureKey,
  nextStepOf,
  nextStepText,
  ORDER_STATES,
  openPaymentOf,
  paymentSettled,
  stageNumber,
  stateKey,
} from './order-logic.ts';

const tr = (locale: Locale) => (key: MessageKey, params?: Record<string, string | number>) =>
  translate(locale, key, params);
const zh = tr('zh-CN');
const en = tr('en');

const entry = (kind: string, data: Record<string, unknown>, state: OrderState = 'draft'): TimelineEntry => ({
  id: `tle_${kind}`,
  at: '2026-03-02T02:00:00.000Z',
  kind,
  state,
  data,
  actorKind: 'customer',
  estimatedAt: null,
});

const payment = (p: Partial<OrderPayment>): OrderPayment => ({
  id: 'pay_1',
  purpose: 'intention',
  amount: 500_000,
  currency: 'CNY',
  method: 'alipay',
  provider: 'sim',
  status: 'pending',
  failureReason: null,
  payUrl: '/pay/sim/abc',
  expiresAt: '2026-03-02T02:15:00.000Z',
  createdAt: '2026-03-02T02:00:00.000Z',
  completedAt: null,
  ...p,
});

const money = (due: { purpose: 'intention' | 'deposit' | 'balance'; amount: number } | null) => ({
  currency: 'CNY',
  totalPrice: 30_000_000,
  financedPrincipal: 0,
  cashPrice: 30_000_000,
  captured: 0,
  refunded: 0,
  refundPending: 0,
  paid: 0,
  balance: 30_000_000,
  due,
  insurancePremiums: 0,
});

describe('order states', () => {
  it('names every state in both languages and places it on the path', () => {
    expect(ORDER_STATES).toHaveLength(10);
    for (const state of ORDER_STATES) {
      expect(zh(stateKey(state))).not.toBe(en(stateKey(state)));
    }
    expect(stageNumber('draft')).toBe(1);
    expect(stageNumber('locked')).toBe(3);
    expect(stageNumber('delivered')).toBe(9);
    expect(stageNumber('cancelled')).toBeNull();
  });

  it('says what to do next: the money due by stage, the balance once the car is built', () => {
    expect(nextStepOf({ state: 'draft', money: money({ purpose: 'intention', amount: 500_000 }) })).toEqual({
      kind: 'pay',
      purpose: 'intention',
      amount: 500_000,
    });
    expect(
      nextStepText(
        nextStepOf({ state: 'reserved', money: money({ purpose: 'deposit', amount: 1_500_000 }) }),
        'CNY',
        zh,
        'zh-CN',
      ),
    ).toBe('锁单：支付定金 ¥15,000');
    const locked = nextStepOf({ state: 'locked', money: money({ purpose: 'balance', amount: 28_000_000 }) });
    expect(locked).toEqual({ kind: 'wait', key: 'order.next.scheduling' });
    expect(
      nextStepOf({ state: 'built', money: money({ purpose: 'balance', amount: 28_000_000 }) }),
    ).toMatchObject({
      kind: 'pay',
      purpose: 'balance',
    });
    expect(nextStepOf({ state: 'at_dealer', money: money({ purpose: 'balance', amount: 0 }) })).toEqual({
      kind: 'wait',
      key: 'order.next.handover',
    });
    expect(nextStepOf({ state: 'cancelled', money: money(null) })).toEqual({ kind: 'none' });
  });
});

describe('payments on the order page', () => {
  it('is settled once the newest payment is no longer pending', () => {
    expect(paymentSettled({ payments: [] })).toBe(true);
    expect(paymentSettled({ payments: [payment({})] })).toBe(false);
    expect(
      paymentSettled({
        payments: [
          payment({ id: 'old', status: 'pending', createdAt: '2026-03-02T01:00:00.000Z' }),
          payment({ id: 'new', status: 'succeeded', createdAt: '2026-03-02T02:00:00.000Z' }),
        ],
      }),
    ).toBe(true);
    expect(
      paymentSettled({
        payments: [
          payment({ status: 'failed', createdAt: '2026-03-02T01:00:00.000Z' }),
          payment({ id: 'retry' }),
        ],
      }),
    ).toBe(false);
  });

  it('offers the open payment of what is due to go back to', () => {
    const open = payment({ id: 'open' });
    expect(openPaymentOf({ payments: [open], actions: { pay: 'intention' } as never })?.id).toBe('open');
    expect(openPaymentOf({ payments: [open], actions: { pay: 'deposit' } as never })).toBeUndefined();
    expect(
      openPaymentOf({
        payments: [payment({ status: 'failed', payUrl: null })],
        actions: { pay: 'intention' } as never,
      }),
    ).toBeUndefined();
  });

  it('translates failure reasons, with a fallback for ones it does not know', () => {
    expect(en(failureKey('declined'))).toBe('the payment was declined');
    expect(failureKey('card_stolen')).toBe('order.failure.other');
    expect(failureKey(null)).toBe('order.failure.other');
  });
});

describe('timeline entries', () => {
  it('reads each kind as a sentence with its amounts, in both languages', () => {
    const paid = entry(
      'intention_paid',
      { paymentId: 'pay_1', amount: 500_000, currency: 'CNY', method: 'wechat_pay' },
      'reserved',
    );
    expect(describeTimelineEntry(paid, 'CNY', zh, 'zh-CN')).toEqual({
      title: '已付意向金',
      detail: '¥5,000（微信支付）。',
    });
    expect(describeTimelineEntry(paid, 'CNY', en, 'en')).toEqual({
      title: 'Intention money paid',
      detail: 'CN¥5,000 paid by WeChat Pay.',
    });
    const locked = entry('locked', { amount: 1_500_000, method: 'card', paidTotal: 2_000_000 }, 'locked');
    expect(describeTimelineEntry(locked, 'CNY', zh, 'zh-CN').detail).toBe(
      '定金 ¥15,000（银行卡），已付合计 ¥20,000；配置已冻结。',
    );
    const cancelled = entry(
      'cancelled',
      { by: 'brand', refund: 2_000_000, forfeited: 0, reason: '停产' },
      'cancelled',
    );
    expect(describeTimelineEntry(cancelled, 'CNY', zh, 'zh-CN').detail).toBe(
      '由品牌取消：退还 ¥20,000，不予退还 ¥0。 原因：停产',
    );
    const failed = entry('payment_failed', {
      purpose: 'deposit',
      amount: 1_500_000,
      method: 'alipay',
      reason: 'declined',
    });
    expect(describeTimelineEntry(failed, 'CNY', en, 'en').detail).toBe(
      'Lock deposit CN¥15,000 (Alipay): the payment was declined.',
    );
    const changed = entry('configuration_changed', {
      previousTotal: 30_000_000,
      newTotal: 30_300_000,
      difference: 300_000,
    });
    expect(describeTimelineEntry(changed, 'CNY', en, 'en').detail).toBe(
      'Total price CN¥300,000 → CN¥303,000 (+CN¥3,000).',
    );
    expect(describeTimelineEntry(entry('finance_changed', { offerCode: null }), 'CNY', en, 'en').detail).toBe(
      'Paying in full, without finance.',
    );
  });

  it('has a title for every kind the server records, and a readable one for kinds it does not know', () => {
    const kinds = [
      'placed',
      'intention_paid',
      'locked',
      'configuration_changed',
      'finance_changed',
      'insurance_changed',
      'payment_failed',
      'payment_expired',
      'balance_paid',
      'cancelled',
      'refund_started',
      'refund_completed',
      'refund_failed',
      'late_payment_refunded',
      'scheduled',
      'rescheduled',
      'production_started',
      'built',
      'shipped',
      'arrived_at_dealer',
      'delivered',
      'delivery_date_reserved',
      'delivery_date_changed',
      'confirmed_for_build',
      'plant_step',
      'handover_booked',
      'handover_checklist_completed',
    ];
    for (const kind of kinds) expect(isMessageKey(`order.timeline.${kind}`), kind).toBe(true);
    const unknown = describeTimelineEntry(
      entry('paint_done', { booth: 3 }, 'in_production'),
      'CNY',
      zh,
      'zh-CN',
    );
    expect(unknown).toEqual({ title: '订单更新：生产中', detail: undefined });
    // Missing data never shows a placeholder or a code.
    const sparse = describeTimelineEntry(entry('intention_paid', {}), 'CNY', en, 'en');
    expect(sparse.detail).toBe('— paid by —.');
  });

  it('tells the build chain: dates, the plant steps with the VIN and the check, re-promises, the hand-over', () => {
    const d = (kind: string, data: Record<string, unknown>) =>
      describeTimelineEntry(entry(kind, data), 'CNY', en, 'en');
    const z = (kind: string, data: Record<string, unknown>) =>
      describeTimelineEntry(entry(kind, data), 'CNY', zh, 'zh-CN');
    expect(d('delivery_date_reserved', { deliveryDate: '2026-12-17', productionDay: '2026-12-01' })).toEqual({
      title: 'Delivery date reserved',
      detail: 'Delivery on Thu, Dec 17, production day Tue, Dec 1.',
    });
    expect(
      z('delivery_date_changed', { previousDate: '2026-12-17', deliveryDate: '2026-12-18' }).detail,
    ).toBe('12月17日周四 → 12月18日周五。');
    expect(d('confirmed_for_build', { productionDay: '2026-12-01' }).detail).toBe(
      'The order is locked; production day Tue, Dec 1.',
    );
    expect(
      d('scheduled', { productionDay: '2026-12-01', promisedDeliveryDate: '2026-12-17', sequencePosition: 7 })
        .detail,
    ).toBe('Promised delivery date Thu, Dec 17. Car 7 on the line on Tue, Dec 1.');
    expect(d('production_started', { step: 'stamping' })).toEqual({
      title: 'Production started',
      detail: 'Stamping done.',
    });
    expect(z('plant_step', { step: 'body', vin: 'LQC1234567890ABCD' })).toEqual({
      title: '工厂工序',
      detail: '焊装完成，车架号 LQC1234567890ABCD。',
    });
    expect(d('plant_step', { step: 'qc', result: 'fail', defects: ['paint_run'] }).detail).toBe(
      'Failed the quality check (1 defects); the car is reworked.',
    );
    expect(d('built', { step: 'qc', result: 'pass' }).detail).toBe('Passed the quality check.');
    expect(d('plant_step', { step: 'teleport' }).detail).toBeUndefined();
    const repromised = d('rescheduled', {
      reason: 'qc_failed',
      previousDeliveryDate: '2026-12-17',
      promisedDeliveryDate: '2026-12-19',
    }).detail;
    expect(repromised).toContain('Delivery date Thu, Dec 17 → Sat, Dec 19.');
    expect(repromised).toContain(en('production.repromise.qc_failed', { newDate: 'Sat, Dec 19' }));
    expect(
      d('rescheduled', {
        reason: 'not_locked',
        previousDeliveryDate: '2026-12-17',
        promisedDeliveryDate: '2026-12-21',
        dealerFull: true,
      }).detail,
    ).toContain(en('order.reschedule.dealer_full'));
    expect(z('handover_booked', { day: '2026-12-19', slotStart: '10:00', slotEnd: '11:00' }).detail).toBe(
      '12月19日周六 10:00-11:00。',
    );
    expect(d('delivered', { vin: 'LQC1234567890ABCD' }).detail).toBe(
      'VIN LQC1234567890ABCD; the car is yours.',
    );
    for (const kind of ['delivery_date_reserved', 'plant_step', 'handover_booked', 'rescheduled']) {
      expect(d(kind, {}).detail ?? '', kind).not.toMatch(/\{|undefined/);
    }
  });
});
