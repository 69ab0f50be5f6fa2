import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/api-error.ts';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { pickLocalized } from '../../i18n/locales.ts';
import { formatMoney, formatMoneyDelta } from '../../orders/money.ts';
import { problemKey } from '../../orders/order-logic.ts';
import { AsyncView } from '../../ui/async-view.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { NotFoundPage } from '../../ui/not-found-page.tsx';
import { Page } from '../../ui/page.tsx';
import { useApi } from '../../ui/use-api.ts';
import { configurePath } from '../configure/share-link.ts';
import { changeConfiguration, getMyOrder, quoteConfigurationChange } from './orders-api.ts';
import '../../orders/orders.css';

type ConfigurationChangeQuote = Awaited<ReturnType<typeof quoteConfigurationChange>>;

/**
 * /orders/:id/change?code=: the re-priced quote of a new configuration for an order before lock,
 * line by line, then the confirmation with the total the customer saw. A price that changed in
 * the meantime answers 409 ordering.price_changed: the quote is made again and shown.
 */
export function ChangeConfigurationPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const code = search.get('code') ?? '';
  const loaded = useApi(async () => {
    const order = await getMyOrder(id);
    const quote = await quoteConfigurationChange(order.id, code);
    return { order, quote };
  }, [id, code]);
  const [priceChanged, setPriceChanged] = useState(false);

  if (loaded.status === 'error' && loaded.error instanceof ApiError && loaded.error.status === 404) {
    return <NotFoundPage home="/orders" />;
  }
  return (
    <Page title={t('change.title')}>
      <AsyncView value={loaded} onRetry={loaded.reload}>
        {({ order, quote }) => (
          <ChangeQuote
            quote={quote}
            currency={order.currency}
            modelLine={order.modelLine.code}
            priceChanged={priceChanged}
            onPriceChanged={() => {
              setPriceChanged(true);
              loaded.reload();
            }}
          />
        )}
      </AsyncView>
    </Page>
  );
}

function ChangeQuote({
  quote,
  currency,
  modelLine,
  priceChanged,
  onPriceChanged,
}: {
  quote: ConfigurationChangeQuote;
  currency: string;
  modelLine: string;
  priceChanged: boolean;
  onPriceChanged: () => void;
}) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const money = (fen: number) => formatMoney(fen, currency, locale);
  const delta = (fen: number) => formatMoneyDelta(fen, currency, locale);
  const unchanged = quote.current.configurationCode === quote.proposed.configurationCode;
  const total = quote.proposed.price.total;
  const side = (s: ConfigurationChangeQuote['lines'][number]['current'], kind: string) =>
    s ? (
      <>
        {kind === 'option' && <span className="choice-line">{pickLocalized(s.label, locale) ?? s.code}</span>}
        <span className="choice-line">{money(s.amount)}</span>
      </>
    ) : (
      '—'
    );

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      const order = await changeConfiguration(quote.orderId, quote.proposed.configurationCode, total);
      navigate(`/orders/${order.id}`, { state: { notice: t('change.done', { total: money(order.total) }) } });
    } catch (caught) {
      setBusy(false);
      if (caught instanceof ApiError && caught.code === 'ordering.price_changed') {
        onPriceChanged();
        return;
      }
      setError(caught);
    }
  }

  const refusal = quote.finance.refusal ?? quote.insurance.refusal;
  return (
    <div data-testid="change-quote">
      <p className="page-intro">{t('change.intro', { vehicleId: quote.vehicleId })}</p>
      {priceChanged && (
        <p className="alert alert-error" role="alert">
          {t('change.priceChanged')}
        </p>
      )}
      {unchanged ? (
        <p className="alert alert-success">{t('change.unchanged')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('change.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('change.line')}</th>
                <th scope="col">{t('change.current')}</th>
                <th scope="col">{t('change.proposed')}</th>
                <th scope="col">{t('change.difference')}</th>
              </tr>
            </thead>
            <tbody>
              {quote.lines.map((line) => (
                <tr key={`${line.kind}/${line.key}`}>
                  <td data-label={t('change.line')}>
                    {line.kind === 'base' ? t('price.base') : (pickLocalized(line.label, locale) ?? line.key)}
                  </td>
                  <td data-label={t('change.current')}>{side(line.current, line.kind)}</td>
                  <td data-label={t('change.proposed')}>{side(line.proposed, line.kind)}</td>
                  <td data-label={t('change.difference')}>{delta(line.difference)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{t('price.total')}</th>
                <td data-label={t('change.current')}>{money(quote.current.price.total)}</td>
                <td data-label={t('change.proposed')}>
                  <strong data-testid="change-total">{money(total)}</strong>
                </td>
                <td data-label={t('change.difference')}>
                  <strong data-testid="change-difference">{delta(quote.difference)}</strong>
                </td>
              </tr>
            </tbody>
          </table>
        </div>
      )}
      {quote.finance.refusal && (
        <p className="alert alert-error">
          {t('change.financeRefused', { reason: t(problemKey(quote.finance.refusal.code)) })}
        </p>
      )}
      {quote.insurance.refusal && (
        <p className="alert alert-error">
          {t('change.insuranceRefused', { reason: t(problemKey(quote.insurance.refusal.code)) })}
        </p>
      )}
      {quote.finance.current && quote.finance.proposed && !quote.finance.refusal && (
        <p className="muted">
          {t('change.financeProposed', {
            instalment: money(quote.finance.proposed.instalment),
            current: money(quote.finance.current.instalment),
          })}
        </p>
      )}
      {quote.insurance.current && quote.insurance.proposed && !quote.insurance.refusal && (
        <p className="muted">
          {t('change.insuranceProposed', {
            total: money(quote.insurance.proposed.total),
            current: money(quote.insurance.current.total),
          })}
        </p>
      )}
      {error !== null && <ErrorAlert error={error} showFields={false} />}
      <div className="actions">
        {!unchanged && (
          <button
            type="button"
            className="button button-primary"
            disabled={busy || refusal !== null}
            onClick={confirm}
          >
            {busy ? t('change.confirming') : t('change.confirm', { total: money(total) })}
          </button>
        )}
        <Link
          className="button"
          to={`${configurePath(modelLine, quote.proposed.configurationCode)}&order=${encodeURIComponent(quote.orderId)}`}
        >
          {t('change.keepEditing')}
        </Link>
        <Link className="button button-ghost" to={`/orders/${quote.orderId}`}>
          {t('change.back')}
        </Link>
      </div>
    </div>
  );
}
