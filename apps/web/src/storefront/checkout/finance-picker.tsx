import { useEffect, useId, useRef, useState } from 'react';
import type { FinanceChoice, FinanceOffer, FinanceQuote } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { pickLocalized } from '../../i18n/locales.ts';
import { formatApr, formatMoney, parseYuan, suggestedDownPayment, yuanInputOf } from '../../orders/money.ts';
import { FinanceQuoteDetails } from '../../orders/order-views.tsx';
import { Spinner } from '../../ui/async-view.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { SelectField } from '../../ui/select-field.tsx';

/** Paying in full, or a loan: the choice (null while the typed amount is not one) and its quote. */
export type FinanceSelection =
  | { kind: 'cash' }
  | { kind: 'loan'; choice: FinanceChoice | null; quote: FinanceQuote | null };

type QuoteState =
  | { status: 'idle' }
  | { status: 'busy' }
  | { status: 'ok'; quote: FinanceQuote }
  | { status: 'error'; error: unknown };

const preferredTerm = (terms: readonly number[]) =>
  terms.includes(36) ? 36 : (terms[terms.length - 1] ?? 12);

/**
 * Finance offers for one vehicle price: pick an offer, a down payment and a term, and the server
 * quotes the instalment, interest and APR (`quote`: on the configuration at checkout, on the
 * order's own price on an order). Quoted again whenever the choice changes.
 */
export function FinancePicker({
  offers,
  price,
  currency,
  lockDeposit,
  initial,
  quote,
  onChange,
}: {
  offers: FinanceOffer[];
  price: number;
  currency: string;
  lockDeposit: number;
  initial: FinanceChoice | null;
  quote: (choice: FinanceChoice) => Promise<FinanceQuote>;
  onChange: (selection: FinanceSelection) => void;
}) {
  const { t, locale } = useI18n();
  const downId = useId();
  const [offerId, setOfferId] = useState(initial?.offerId ?? '');
  const [downText, setDownText] = useState(initial ? yuanInputOf(initial.downPayment) : '');
  const [termMonths, setTermMonths] = useState(initial?.termMonths ?? 0);
  const [quoted, setQuoted] = useState<QuoteState>({ status: 'idle' });
  const offer = offers.find((o) => o.id === offerId);
  const downPayment = parseYuan(downText);
  const choice: FinanceChoice | null =
    offer && downPayment !== null && termMonths > 0 ? { offerId: offer.id, downPayment, termMonths } : null;
  const choiceKey = choice ? `${choice.offerId}/${choice.downPayment}/${choice.termMonths}` : '';
  // The parent hears every change; the callbacks are usually inline functions.
  const listener = useRef(onChange);
  listener.current = onChange;
  const quoter = useRef(quote);
  quoter.current = quote;
  const money = (fen: number) => formatMoney(fen, currency, locale);

  // biome-ignore lint/correctness/useExhaustiveDependencies: choiceKey stands for choice
  useEffect(() => {
    if (!offerId) {
      listener.current({ kind: 'cash' });
      return;
    }
    listener.current({ kind: 'loan', choice, quote: null });
    if (!choice) {
      setQuoted({ status: 'idle' });
      return;
    }
    let current = true;
    setQuoted({ status: 'busy' });
    // A short pause while the customer is still typing the amount.
    const timer = setTimeout(() => {
      quoter.current(choice).then(
        (q) => {
          if (!current) return;
          setQuoted({ status: 'ok', quote: q });
          listener.current({ kind: 'loan', choice, quote: q });
        },
        (error: unknown) => current && setQuoted({ status: 'error', error }),
      );
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [offerId, choiceKey]);

  function pick(next: FinanceOffer | undefined) {
    setOfferId(next?.id ?? '');
    if (!next) return;
    setDownText(yuanInputOf(suggestedDownPayment(price, next.minDownBp, lockDeposit)));
    setTermMonths(preferredTerm(next.termsMonths));
  }

  const minimum = offer ? Math.max(Math.ceil((price * offer.minDownBp) / 10_000), lockDeposit) : 0;
  return (
    <div className="form" data-testid="finance-picker">
      <fieldset className="choice-list">
        <legend className="visually-hidden">{t('order.section.finance')}</legend>
        <label className="choice">
          <input type="radio" name="finance-offer" checked={!offerId} onChange={() => pick(undefined)} />
          <span className="choice-body">
            <span className="choice-title">{t('checkout.finance.cash')}</span>
            <span className="choice-line muted small">{t('checkout.finance.cashHint')}</span>
          </span>
        </label>
        {offers.map((o) => (
          <label key={o.id} className="choice">
            <input type="radio" name="finance-offer" checked={offerId === o.id} onChange={() => pick(o)} />
            <span className="choice-body">
              <span className="choice-title">
                <span>
                  {pickLocalized(o.partner, locale)} · {pickLocalized(o.product, locale)}
                </span>
                <span className="badge badge-muted">
                  {t('finance.apr')} {formatApr(o.aprBp, locale)}
                </span>
              </span>
              <span className="choice-line muted small">{pickLocalized(o.description, locale)}</span>
              <span className="choice-line muted small">
                {t('finance.minDown', { percent: formatApr(o.minDownBp, locale) })} ·{' '}
                {o.termsMonths.map((m) => t('finance.months', { months: m })).join(' / ')}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      {offers.length === 0 && <p className="empty">{t('checkout.finance.none')}</p>}
      {offer && (
        <div className="form-grid">
          <div className="field">
            <label htmlFor={downId}>{t('checkout.finance.downPayment')}</label>
            <input
              id={downId}
              inputMode="decimal"
              value={downText}
              aria-describedby={`${downId}-hint`}
              aria-invalid={downPayment === null}
              onChange={(e) => setDownText(e.target.value)}
            />
            <p id={`${downId}-hint`} className="hint">
              {downPayment === null
                ? t('checkout.finance.invalidAmount')
                : t('checkout.finance.downPaymentHint', {
                    min: money(minimum),
                    percent: formatApr(offer.minDownBp, locale),
                    deposit: money(lockDeposit),
                  })}
            </p>
          </div>
          <SelectField
            label={t('finance.term')}
            value={String(termMonths)}
            onValue={(v) => setTermMonths(Number(v))}
            options={offer.termsMonths.map((m) => ({
              value: String(m),
              label: t('finance.months', { months: m }),
            }))}
          />
        </div>
      )}
      {offer && quoted.status === 'busy' && <Spinner label={t('checkout.finance.quoting')} />}
      {offer && quoted.status === 'error' && <ErrorAlert error={quoted.error} showFields={false} />}
      {offer && quoted.status === 'ok' && (
        <div className="card muted-card">
          <FinanceQuoteDetails quote={quoted.quote} />
          <p className="muted small">{t('finance.note')}</p>
        </div>
      )}
    </div>
  );
}
