// Texts of the server's order, payment, dealer and finance problem codes (issue #5), merged into
// catalogue.ts. Page texts of the order pages come with the web pages.
// `en` is typed by the zh-CN keys, so a key missing in either language fails tsc.

const zhCN = {
  'problem.platform.idempotency_key_required': '请求缺少幂等键，请刷新页面后重试。',
  'problem.platform.idempotency_key_invalid': '请求的幂等键格式不正确，请刷新页面后重试。',
  'problem.platform.idempotency_key_reused': '这次提交与之前的请求冲突，请刷新页面后重新操作。',
  'problem.platform.idempotency_request_in_progress': '上一次提交仍在处理中，请稍候。',

  'problem.ordering.order_not_found': '没有找到这个订单，或你无权查看。',
  'problem.ordering.illegal_transition': '订单当前状态不允许这个操作。',
  'problem.ordering.balance_unpaid': '尾款付清后才能交车。',
  'problem.ordering.dealer_unavailable': '这家经销商暂不接受订单，请选择其他经销商。',
  'problem.ordering.stale_terms': '订单条款已更新，请重新阅读并同意。',
  'problem.ordering.terms_not_accepted': '请先阅读并同意订单条款。',
  'problem.ordering.currency_not_supported': '暂不支持这种货币下单。',
  'problem.ordering.price_changed': '价格已变化，请确认新的价格后再提交。',
  'problem.ordering.finance_no_longer_valid': '新配置的价格不符合所选金融方案，请先修改或移除金融方案。',
  'problem.ordering.insurance_no_longer_valid': '所选保险无法按新配置报价，请重新选择。',
  'problem.ordering.finance_change_after_payment':
    '你已支付的金额超过此金融方案下的自付部分，请选择更低的贷款金额。',
  'problem.ordering.down_payment_below_deposit': '选择金融方案时，首付不能低于锁单定金。',
  'problem.ordering.refund_changed': '可退金额已变化，请查看最新金额后再确认取消。',
  'problem.ordering.cancel_reason_required': '请填写取消原因。',
  'problem.ordering.promised_date_required': '请填写承诺交付日期。',
  'problem.ordering.invalid_vin': '车架号格式不正确。',

  'problem.payments.lock_terms_not_accepted': '支付定金前请先同意锁单条款。',
  'problem.payments.purpose_not_due': '订单当前阶段无需支付这笔款项。',
  'problem.payments.nothing_due': '当前没有需要支付的款项。',
  'problem.payments.provider_unavailable': '支付服务暂不可用，请稍后再试。',
  'problem.payments.sim_payment_not_found': '没有找到这笔支付，链接可能有误。',
  'problem.payments.sim_payment_closed': '这笔支付已经结束，请回到订单页面查看。',
  'problem.payments.sim_payment_expired': '这笔支付已超时关闭，请回到订单页面重新发起支付。',
  'problem.payments.refund_exceeds_paid': '退款金额不能超过已支付金额。',

  'problem.finance.offer_not_found': '没有找到这个金融方案。',
  'problem.finance.offer_inactive': '这个金融方案已下线，请选择其他方案。',
  'problem.finance.model_line_not_covered': '这个金融方案不适用于所选车型。',
  'problem.finance.currency_mismatch': '这个金融方案的币种与车价不一致。',
  'problem.finance.term_not_offered': '这个金融方案没有所选的期数。',
  'problem.finance.down_payment_too_low': '首付低于这个金融方案的最低比例。',
  'problem.finance.down_payment_too_high': '首付已覆盖全部车价，无需贷款。',
  'problem.finance.offer_code_taken': '已有相同编码的金融方案。',
  'problem.finance.invalid_terms': '期数须为 1 至 96 之间互不相同的整月数。',
  'problem.finance.insurance_unknown_product': '所选保险产品不存在或已下线。',
  'problem.finance.insurance_duplicate_product': '同一保险产品只能选择一次。',
  'problem.finance.insurance_requires_product': '附加险需要同时投保其主险。',
  'problem.finance.insurance_currency_mismatch': '保险产品的币种与车价不一致。',

  'problem.dealers.dealer_not_found': '没有找到这家经销商，或它暂不营业。',
} as const satisfies Record<string, string>;

const en: Record<keyof typeof zhCN, string> = {
  'problem.platform.idempotency_key_required':
    'The request had no idempotency key; reload the page and try again.',
  'problem.platform.idempotency_key_invalid':
    'The request’s idempotency key is malformed; reload the page and try again.',
  'problem.platform.idempotency_key_reused':
    'This conflicts with an earlier request; reload the page and do it again.',
  'problem.platform.idempotency_request_in_progress':
    'Your previous request is still being handled; please wait a moment.',

  'problem.ordering.order_not_found': 'No such order, or not yours to see.',
  'problem.ordering.illegal_transition': 'The order’s current stage does not allow this.',
  'problem.ordering.balance_unpaid': 'The balance must be paid before hand-over.',
  'problem.ordering.dealer_unavailable':
    'This dealer does not take orders right now; please choose another one.',
  'problem.ordering.stale_terms': 'The order terms have changed; please read and accept them again.',
  'problem.ordering.terms_not_accepted': 'Please read and accept the order terms first.',
  'problem.ordering.currency_not_supported': 'Orders cannot be taken in this currency.',
  'problem.ordering.price_changed': 'The price has changed; please review the new price and confirm again.',
  'problem.ordering.finance_no_longer_valid':
    'The new price does not fit the chosen finance offer; change or remove the finance first.',
  'problem.ordering.insurance_no_longer_valid':
    'The chosen insurance cannot be quoted for the new configuration; choose again.',
  'problem.ordering.finance_change_after_payment':
    'You have already paid more than the cash part with this finance; choose a smaller loan.',
  'problem.ordering.down_payment_below_deposit':
    'With finance, the down payment must be at least the lock deposit.',
  'problem.ordering.refund_changed':
    'The refund has changed; review the new amount before you confirm the cancellation.',
  'problem.ordering.cancel_reason_required': 'Please give a reason for the cancellation.',
  'problem.ordering.promised_date_required': 'Please give a promised delivery date.',
  'problem.ordering.invalid_vin': 'That VIN does not look right.',

  'problem.payments.lock_terms_not_accepted': 'Please accept the lock terms before paying the deposit.',
  'problem.payments.purpose_not_due': 'This payment is not due at the order’s current stage.',
  'problem.payments.nothing_due': 'Nothing is due right now.',
  'problem.payments.provider_unavailable': 'Payments are unavailable right now; please try again later.',
  'problem.payments.sim_payment_not_found': 'No such payment; the link may be mistyped.',
  'problem.payments.sim_payment_closed': 'This payment is finished; please go back to your order.',
  'problem.payments.sim_payment_expired':
    'This payment has expired; go back to your order and start a new one.',
  'problem.payments.refund_exceeds_paid': 'A refund cannot exceed what was paid.',

  'problem.finance.offer_not_found': 'No such finance offer.',
  'problem.finance.offer_inactive': 'This finance offer has been withdrawn; please choose another one.',
  'problem.finance.model_line_not_covered': 'This finance offer is not available for the chosen model.',
  'problem.finance.currency_mismatch': 'This finance offer is in another currency than the vehicle price.',
  'problem.finance.term_not_offered': 'This finance offer does not have the chosen term.',
  'problem.finance.down_payment_too_low': 'The down payment is below this offer’s minimum.',
  'problem.finance.down_payment_too_high':
    'The down payment covers the whole price: there is nothing to finance.',
  'problem.finance.offer_code_taken': 'An offer with this code exists already.',
  'problem.finance.invalid_terms': 'Terms must be distinct whole months from 1 to 96.',
  'problem.finance.insurance_unknown_product':
    'The chosen insurance product does not exist or was withdrawn.',
  'problem.finance.insurance_duplicate_product': 'Each insurance product can be chosen once.',
  'problem.finance.insurance_requires_product': 'This add-on needs its main cover as well.',
  'problem.finance.insurance_currency_mismatch':
    'This insurance product is in another currency than the vehicle price.',

  'problem.dealers.dealer_not_found': 'No such dealer, or it is not open for business.',
};

export const ordersProblems = { 'zh-CN': zhCN, en };
