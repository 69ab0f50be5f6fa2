import { type FormEvent, useId, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Order, PaymentMethod, PaymentPurpose } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { pickLocalized } from '../../i18n/locales.ts';
import { createIdempotentAttempts, sendIdempotently } from '../../orders/idempotency.ts';
import { formatMoney } from '../../orders/money.ts';
import { METHOD_KEYS, openPaymentOf, PAYMENT_METHODS } from '../../orders/order-logic.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { startPayment } from './orders-api.ts';

type PayOrder = Pick<Order, 'id' | 'currency' | 'money' | 'terms' | 'payments' | 'actions'>;

/** Sends the customer to the provider's page: ours (`/pay/sim/...`) in the app, a real one by URL. */
export function useGoToPayPage(): (payUrl: string) => void {
  const navigate = useNavigate();
  return (payUrl) => {
    if (payUrl.startsWith('/') && !payUrl.startsWith('//')) navigate(payUrl);
    else window.location.assign(payUrl);
  };
}

/**
 * Paying what is due on an order: the method, for the deposit the lock clauses to accept, then
 * the provider's page. The amount is the server's (`money.due`); the request carries one
 * idempotency key per attempt, so a double click or a retry starts one payment.
 */
export function PayPanel({
  order,
  purpose,
  offerResume = true,
}: {
  order: PayOrder;
  purpose: PaymentPurpose;
  /** Offer the open payment's page again (not after it timed out there: it can only expire now). */
  offerResume?: boolean;
}) {
  const { t, locale } = useI18n();
  const goToPayPage = useGoToPayPage();
  const [method, setMethod] = useState<PaymentMethod>('wechat_pay');
  const [accepted, setAccepted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [needsAcceptance, setNeedsAcceptance] = useState(false);
  const attempts = useRef(createIdempotentAttempts());
  const lockId = useId();
  const amount = order.money.due?.purpose === purpose ? order.money.due.amount : 0;
  const money = (fen: number) => formatMoney(fen, order.currency, locale);
  const open = offerResume ? openPaymentOf(order) : undefined;
  const lockClauses = order.terms.clauses.filter((c) => c.acceptedAtLock);

  async function pay(event: FormEvent) {
    event.preventDefault();
    if (purpose === 'deposit' && !accepted) {
      setNeedsAcceptance(true);
      return;
    }
    setBusy(true);
    setError(null);
    const body = { purpose, method, ...(purpose === 'deposit' ? { acceptTerms: true } : {}) };
    try {
      const { payment } = await sendIdempotently(attempts.current, { order: order.id, ...body }, (key) =>
        startPayment(order.id, body, key),
      );
      if (!payment.payUrl) throw new Error('a started payment without a pay URL');
      goToPayPage(payment.payUrl);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  const intro =
    purpose === 'intention'
      ? t('pay.intro.intention', { amount: money(amount) })
      : purpose === 'deposit'
        ? t('pay.intro.deposit', {
            deposit: money(order.terms.lockDeposit),
            paid: money(order.money.paid),
            amount: money(amount),
          })
        : t('pay.intro.balance', { amount: money(amount) });

  return (
    <form className="form" onSubmit={pay} data-testid={`pay-${purpose}`}>
      <p>{intro}</p>
      {open?.payUrl && (
        <p>
          <Link to={open.payUrl}>
            {t('pay.resume', { method: t(METHOD_KEYS[open.method]), amount: money(open.amount) })}
          </Link>
        </p>
      )}
      {purpose === 'deposit' && (
        <fieldset
          className="choice-list"
          aria-describedby={needsAcceptance && !accepted ? `${lockId}-hint` : undefined}
        >
          <legend>{t('pay.lock.title')}</legend>
          <ol className="terms-clauses">
            {lockClauses.map((clause) => (
              <li key={clause.id}>
                <h3>{pickLocalized(clause.title, locale)}</h3>
                <p>{pickLocalized(clause.body, locale)}</p>
              </li>
            ))}
          </ol>
          <label className="check">
            <input
              type="checkbox"
              checked={accepted}
              onChange={(e) => {
                setAccepted(e.target.checked);
                setNeedsAcceptance(false);
              }}
            />
            <span>
              {t('pay.lock.accept', { forfeit: money(order.terms.forfeitOnCustomerCancelAfterLock) })}
            </span>
          </label>
          {needsAcceptance && !accepted && (
            <p id={`${lockId}-hint`} className="alert alert-error" role="alert">
              {t('pay.lock.acceptFirst')}
            </p>
          )}
        </fieldset>
      )}
      <fieldset className="choice-list methods">
        <legend>{t('pay.method')}</legend>
        {PAYMENT_METHODS.map((m) => (
          <label key={m} className="choice">
            <input
              type="radio"
              name={`method-${purpose}`}
              value={m}
              checked={method === m}
              onChange={() => setMethod(m)}
            />
            <span className="choice-body">
              <span className="choice-title">{t(METHOD_KEYS[m])}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {error !== null && <ErrorAlert error={error} showFields={false} />}
      <button type="submit" className="button button-primary button-large" disabled={busy || amount <= 0}>
        {busy ? t('pay.starting') : t('pay.start', { amount: money(amount) })}
      </button>
    </form>
  );
}
