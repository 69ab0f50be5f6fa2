import type { OrderState } from './order-state.ts';

/**
 * The order terms, as data: every amount and rule the money stages use, and the bilingual texts
 * of the checkout's "order terms" step, generated from the same numbers. Versioned: each order
 * keeps a snapshot of the version the customer accepted, and its refunds and amounts due follow
 * that snapshot even after the terms change. A new version is a new entry here.
 */
export type Bilingual = { 'zh-CN': string; en: string };

export type OrderTerms = {
  version: string;
  effectiveFrom: string;
  currency: string;
  /** 意向金: paid to reserve the order; fully refundable before lock. Fen. */
  intentionMoney: number;
  /** 定金: the total paid at lock; the intention money counts towards it. Fen. */
  lockDeposit: number;
  /** After lock, a customer cancellation forfeits up to this much (the deposit); the rest is refunded. */
  forfeitOnCustomerCancelAfterLock: number;
  customerCancellableStates: OrderState[];
  /** A payment left unpaid this long expires; the customer can start a new one. */
  paymentWindowMinutes: number;
  title: Bilingual;
  clauses: { id: string; title: Bilingual; body: Bilingual; acceptedAtLock: boolean }[];
};

const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('en-US', { maximumFractionDigits: 2 })}`;

function termsOf(
  version: string,
  effectiveFrom: string,
  n: { intention: number; deposit: number; window: number },
): OrderTerms {
  const i = yuan(n.intention);
  const d = yuan(n.deposit);
  return {
    version,
    effectiveFrom,
    currency: 'CNY',
    intentionMoney: n.intention,
    lockDeposit: n.deposit,
    forfeitOnCustomerCancelAfterLock: n.deposit,
    customerCancellableStates: ['draft', 'reserved', 'locked', 'scheduled'],
    paymentWindowMinutes: n.window,
    title: { 'zh-CN': '订单条款', en: 'Order terms' },
    clauses: [
      {
        id: 'intention',
        title: { 'zh-CN': `意向金 ${i}`, en: `Intention money ${i}` },
        body: {
          'zh-CN': `支付意向金 ${i} 后订单即为"已预订"，并保留您的车辆编号。锁单前可随时取消，意向金全额退还。`,
          en: `Paying the intention money of ${i} reserves your order and its vehicle ID. Until you lock the order you may cancel at any time and get the intention money back in full.`,
        },
        acceptedAtLock: false,
      },
      {
        id: 'lock',
        title: { 'zh-CN': `锁单与定金 ${d}`, en: `Locking the order: deposit ${d}` },
        body: {
          'zh-CN': `锁单时定金合计 ${d}，已付意向金可抵扣，您只需补足差额。锁单后配置冻结、车辆进入排产；如您取消订单，定金 ${d} 不予退还，超出定金的已付款项全额退还。`,
          en: `Locking takes a deposit of ${d} in total; the intention money you paid counts towards it, so you pay the difference. Once locked, the configuration is frozen and the car is planned for production; if you then cancel, the deposit of ${d} is not refunded, and anything you paid above it is.`,
        },
        acceptedAtLock: true,
      },
      {
        id: 'change',
        title: { 'zh-CN': '锁单前修改配置', en: 'Changing the configuration before lock' },
        body: {
          'zh-CN': '锁单前可修改配置，价格按当时在售版本重新计算，确认前会显示差价。',
          en: 'Before you lock the order you may change the configuration; it is re-priced on the version on sale, and the difference is shown before you confirm.',
        },
        acceptedAtLock: false,
      },
      {
        id: 'cancel',
        title: { 'zh-CN': '取消订单', en: 'Cancelling' },
        body: {
          'zh-CN':
            '您可在草稿、已预订、已锁单、已排产阶段取消订单；车辆开始生产后不能再取消。取消前会显示将退还的金额。',
          en: 'You may cancel while the order is a draft, reserved, locked or scheduled; once production has started it can no longer be cancelled. The refund is shown before you confirm.',
        },
        acceptedAtLock: true,
      },
      {
        id: 'brand_cancel',
        title: { 'zh-CN': '品牌取消', en: 'Cancellation by the brand' },
        body: {
          'zh-CN': '如因品牌原因取消订单，交车前您已支付的全部款项全额退还。',
          en: 'If the brand cancels your order, everything you have paid is refunded in full, at any stage before delivery.',
        },
        acceptedAtLock: false,
      },
      {
        id: 'balance',
        title: { 'zh-CN': '尾款与保险', en: 'Balance and insurance' },
        body: {
          'zh-CN':
            '尾款 = 车辆总价 − 贷款金额（如选择金融方案）− 已付款项，须在交车前付清。保险费在交车时直接支付给保险公司，不计入尾款。',
          en: 'Balance = total price − financed amount (if you chose a finance offer) − what you have paid; it is due before hand-over. Insurance premiums are paid to the insurer at hand-over and are not part of the balance.',
        },
        acceptedAtLock: false,
      },
      {
        id: 'payment_window',
        title: { 'zh-CN': '支付时限', en: 'Payment window' },
        body: {
          'zh-CN': `每笔支付须在 ${n.window} 分钟内完成，逾期自动关闭，您可重新发起支付。`,
          en: `Each payment must be completed within ${n.window} minutes; after that it closes and you can start a new one.`,
        },
        acceptedAtLock: false,
      },
    ],
  };
}

/** Every version ever offered, newest last. Never change one that orders have accepted. */
export const ORDER_TERMS_VERSIONS: readonly OrderTerms[] = [
  termsOf('2026-01', '2026-01-01', { intention: 500_000, deposit: 2_000_000, window: 15 }),
];

export function currentOrderTerms(): OrderTerms {
  const last = ORDER_TERMS_VERSIONS[ORDER_TERMS_VERSIONS.length - 1];
  if (!last) throw new Error('no order terms');
  return last;
}

export function findOrderTerms(version: string): OrderTerms | undefined {
  return ORDER_TERMS_VERSIONS.find((t) => t.version === version);
}
