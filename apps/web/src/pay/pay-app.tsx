import { useEffect, useState } from 'react';
import { Link, Route, Routes, useNavigate, useParams } from 'react-router';
import type { SimOutcome, SimPayment } from '../api/types.ts';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { pickLocalized } from '../i18n/locales.ts';
import { formatMoney } from '../orders/money.ts';
import { completeSimPayment, getSimPayment } from '../storefront/orders/orders-api.ts';
import { AsyncView } from '../ui/async-view.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { LanguageSwitch } from '../ui/language-switch.tsx';
import { NotFoundPage } from '../ui/not-found-page.tsx';
import { useApi } from '../ui/use-api.ts';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { countdown, formatCountdown, qrPath, qrPattern, returnPathOf } from './sim-pay-logic.ts';
import './pay.css';

/** The payment provider's pages, outside the brand's shells (a real provider's page is not ours either). */
export function PayApp() {
  return (
    <Routes>
      <Route path="sim/:token" element={<SimPayPage />} />
      <Route
        path="*"
        element={
          <main className="container shell-main">
            <NotFoundPage home="/" />
          </main>
        }
      />
    </Routes>
  );
}

const METHOD_TITLE = {
  wechat_pay: 'sim.wechat.title',
  alipay: 'sim.alipay.title',
  card: 'sim.card.title',
  bank_transfer: 'sim.transfer.title',
} as const;

/** /pay/sim/:token: the simulated provider's hosted page, dressed as the chosen method. */
function SimPayPage() {
  const { t } = useI18n();
  const { token = '' } = useParams();
  const page = useApi(() => getSimPayment(token), [token]);
  useDocumentTitle(t('sim.title'));
  return (
    <div className="sim">
      <p className="sim-banner" role="note">
        {t('sim.banner')}
      </p>
      <div className="sim-tools">
        <LanguageSwitch />
      </div>
      <main className="sim-main">
        <AsyncView value={page} onRetry={page.reload}>
          {(data) => <SimPaymentView payment={data} />}
        </AsyncView>
      </main>
    </div>
  );
}

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

function SimPaymentView({ payment: initial }: { payment: SimPayment }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [payment, setPayment] = useState(initial);
  const [busy, setBusy] = useState<SimOutcome | null>(null);
  const [error, setError] = useState<unknown>(null);
  const now = useNow(payment.status === 'open');
  const left = countdown(payment.expiresAt, now);
  const status = payment.status === 'open' && left.expired ? 'expired' : payment.status;
  const amount = formatMoney(payment.amount, payment.currency, locale);
  const back = returnPathOf(payment.returnUrl, 'closed');

  async function complete(outcome: SimOutcome) {
    setBusy(outcome);
    setError(null);
    try {
      const done = await completeSimPayment(payment.token, outcome);
      setPayment(done);
      // Like a real provider: back to the merchant, which waits for the callback.
      const to = returnPathOf(done.returnUrl, outcome);
      if (to) navigate(to);
    } catch (caught) {
      setError(caught);
      setBusy(null);
    }
  }

  return (
    <article className={`sim-card sim-${payment.method}`} aria-labelledby="sim-title" data-testid="sim-page">
      <header className="sim-head">
        <h1 id="sim-title">{t(METHOD_TITLE[payment.method])}</h1>
      </header>
      <div className="sim-body">
        <dl className="sim-facts">
          <div>
            <dt>{t('sim.merchant')}</dt>
            <dd>{pickLocalized(payment.merchant, locale)}</dd>
          </div>
          <div>
            <dt>{t('sim.description')}</dt>
            <dd>{pickLocalized(payment.description, locale)}</dd>
          </div>
        </dl>
        <p className="sim-amount">
          <span className="visually-hidden">{t('sim.amount')} </span>
          <strong data-testid="sim-amount">{amount}</strong>
        </p>
        {status === 'open' ? (
          <p className="sim-countdown" role="timer">
            {t('sim.expiresIn', { time: formatCountdown(left) })}
          </p>
        ) : (
          <p
            className={`alert ${status === 'succeeded' ? 'alert-success' : 'alert-error'}`}
            role="status"
            data-testid="sim-status"
          >
            {t(`sim.status.${status}`)}
          </p>
        )}
        {status === 'open' && <MethodLook payment={payment} />}
        {error !== null && <ErrorAlert error={error} showFields={false} />}
        {status === 'open' && (
          <fieldset className="sim-actions">
            <legend>{t('sim.actions')}</legend>
            <button
              type="button"
              className="button button-primary sim-pay"
              disabled={busy !== null}
              onClick={() => complete('succeed')}
            >
              {busy === 'succeed' ? t('sim.completing') : t('sim.succeed')}
            </button>
            <button
              type="button"
              className="button"
              disabled={busy !== null}
              onClick={() => complete('fail')}
            >
              {busy === 'fail' ? t('sim.completing') : t('sim.fail')}
            </button>
            <button
              type="button"
              className="button button-ghost"
              disabled={busy !== null}
              onClick={() => complete('timeout')}
            >
              {busy === 'timeout' ? t('sim.completing') : t('sim.timeout')}
            </button>
          </fieldset>
        )}
        {status !== 'open' && back && (
          <p>
            <Link className="button" to={back}>
              {t('sim.back')}
            </Link>
          </p>
        )}
      </div>
    </article>
  );
}

/** What the method's own page would show: a code to scan, a card form, or the account to transfer to. */
function MethodLook({ payment }: { payment: SimPayment }) {
  const { t, locale } = useI18n();
  if (payment.method === 'wechat_pay' || payment.method === 'alipay') {
    const cells = qrPattern(payment.token);
    return (
      <figure className="sim-qr">
        <svg
          viewBox={`0 0 ${cells.length} ${cells.length}`}
          role="img"
          aria-label={t('sim.qr')}
          width="184"
          height="184"
        >
          <path d={qrPath(cells)} />
        </svg>
        <figcaption>{t(payment.method === 'wechat_pay' ? 'sim.wechat.hint' : 'sim.alipay.hint')}</figcaption>
      </figure>
    );
  }
  if (payment.method === 'card') {
    const field = (label: string, value: string) => (
      <div className="field">
        <label>
          {label}
          <input readOnly value={value} />
        </label>
      </div>
    );
    return (
      <div className="sim-cardform">
        <div className="form-grid">
          {field(t('sim.card.number'), '4242 4242 4242 4242')}
          {field(t('sim.card.holder'), 'TEST CARD')}
          {field(t('sim.card.expiry'), '12/30')}
          {field(t('sim.card.cvc'), '123')}
        </div>
        <p className="hint">{t('sim.card.hint')}</p>
      </div>
    );
  }
  return (
    <div className="sim-transfer">
      <p>{t('sim.transfer.hint')}</p>
      <dl className="sim-facts">
        <div>
          <dt>{t('sim.transfer.payee')}</dt>
          <dd>{pickLocalized(payment.merchant, locale)}</dd>
        </div>
        <div>
          <dt>{t('sim.transfer.bank')}</dt>
          <dd>{t('sim.transfer.bankName')}</dd>
        </div>
        <div>
          <dt>{t('sim.transfer.account')}</dt>
          <dd>
            <code>6222 0000 8888 0000 001</code>
          </dd>
        </div>
        <div>
          <dt>{t('sim.transfer.reference')}</dt>
          <dd>
            <code>{payment.token.slice(0, 10).toUpperCase()}</code>
          </dd>
        </div>
      </dl>
    </div>
  );
}
