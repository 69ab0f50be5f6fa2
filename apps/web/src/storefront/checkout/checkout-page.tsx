import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { Link, Navigate, useLocation, useParams } from 'react-router';
import { ApiError } from '../../api/api-error.ts';
import type { Dealer, FinanceQuote, Order } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { formatIsoDate } from '../../factory/iso-date.ts';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { pickLocalized } from '../../i18n/locales.ts';
import { createIdempotentAttempts, sendIdempotently } from '../../orders/idempotency.ts';
import { formatMoney } from '../../orders/money.ts';
import { PriceLines } from '../../orders/order-views.tsx';
import { AsyncView, Spinner } from '../../ui/async-view.tsx';
import { DetailsList } from '../../ui/details-list.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Page } from '../../ui/page.tsx';
import { useApi } from '../../ui/use-api.ts';
import {
  getConfiguration,
  getModelLine,
  type ModelLineDetail,
  type SavedConfiguration,
} from '../configure/catalog-api.ts';
import { modelLookup } from '../configure/model-labels.ts';
import { configurePath, specPath } from '../configure/share-link.ts';
import {
  getOrderTerms,
  listFinanceOffers,
  listInsuranceProducts,
  type PlaceOrderBody,
  placeOrder,
  quoteFinance,
  quoteInsurance,
} from '../orders/orders-api.ts';
import { PayPanel } from '../orders/pay-panel.tsx';
import {
  CHECKOUT_STEPS,
  type CheckoutAction,
  type CheckoutState,
  type CheckoutStepId,
  checkoutReducer,
  firstIncomplete,
  initialCheckout,
  type StepStatus,
  stepStatuses,
} from './checkout-steps.ts';
import { DealerStep } from './dealer-step.tsx';
import { type DateGone, dateGoneOf } from './delivery-calendar.ts';
import { DateGoneAlert, DeliveryPicker } from './delivery-picker.tsx';
import { FinancePicker } from './finance-picker.tsx';
import { InsurancePicker } from './insurance-picker.tsx';
import '../../orders/orders.css';

/** /checkout/:code: order a saved configuration. Signed-in customers only. */
export function CheckoutPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const location = useLocation();
  if (user === undefined) return <Spinner />;
  if (user === null) {
    return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname)}`} replace />;
  }
  if (user.kind !== 'customer') {
    return (
      <Page title={t('checkout.title')}>
        <p className="alert alert-error" role="alert">
          {t('checkout.customersOnly')}
        </p>
      </Page>
    );
  }
  return <CheckoutLoader />;
}

function CheckoutLoader() {
  const { code = '' } = useParams();
  const loaded = useApi(async () => {
    const saved = await getConfiguration(code);
    const [detail, terms, offers, products] = await Promise.all([
      getModelLine(saved.modelLine),
      getOrderTerms(),
      listFinanceOffers(saved.modelLine),
      listInsuranceProducts(),
    ]);
    const stale = detail.version.id !== saved.versionId;
    // Every product's premium for this car, from the server (premiums do not depend on each other).
    const premiums = new Map<string, number>();
    if (!stale && products.items.length > 0) {
      try {
        const all = await quoteInsurance({
          modelLine: saved.modelLine,
          configurationCode: saved.code,
          products: products.items.map((p) => p.code),
        });
        for (const item of all.quote.items) premiums.set(item.code, item.premium);
      } catch {
        // The products still show their premium rules; the order quotes them again.
      }
    }
    return { saved, detail, terms, offers: offers.items, products: products.items, premiums, stale };
  }, [code]);
  return (
    <AsyncView value={loaded} onRetry={loaded.reload}>
      {(data) => <Checkout {...data} onTermsChanged={loaded.reload} />}
    </AsyncView>
  );
}

type CheckoutData = {
  saved: SavedConfiguration;
  detail: ModelLineDetail;
  terms: Awaited<ReturnType<typeof getOrderTerms>>;
  offers: Awaited<ReturnType<typeof listFinanceOffers>>['items'];
  products: Awaited<ReturnType<typeof listInsuranceProducts>>['items'];
  premiums: ReadonlyMap<string, number>;
  stale: boolean;
};

const STEPS = CHECKOUT_STEPS;
const STATUS_KEYS: Record<
  Exclude<StepStatus, 'current'>,
  'checkout.stepStatus.done' | 'checkout.stepStatus.todo' | 'checkout.stepStatus.locked'
> = {
  done: 'checkout.stepStatus.done',
  todo: 'checkout.stepStatus.todo',
  locked: 'checkout.stepStatus.locked',
};
const reduce = (state: CheckoutState, action: CheckoutAction) => checkoutReducer(STEPS, state, action);

function Checkout({
  saved,
  detail,
  terms,
  offers,
  products,
  premiums,
  stale,
  onTermsChanged,
}: CheckoutData & { onTermsChanged: () => void }) {
  const { t, locale } = useI18n();
  const [state, dispatch] = useReducer(reduce, STEPS, initialCheckout);
  const [dealer, setDealer] = useState<Dealer | null>(null);
  const [financeQuote, setFinanceQuote] = useState<FinanceQuote | null>(null);
  const [placing, setPlacing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [placed, setPlaced] = useState<Order | null>(null);
  // The date was taken (or its day frozen) between picking and placing: pick again.
  const [dateGone, setDateGone] = useState<(DateGone & { date: string }) | null>(null);
  const [calendarRefresh, setCalendarRefresh] = useState(0);
  const attempts = useRef(createIdempotentAttempts());
  const heading = useRef<HTMLHeadingElement>(null);
  const model = pickLocalized(detail.line.name, locale) ?? saved.modelLine;
  const money = (fen: number) => formatMoney(fen, saved.currency, locale);
  const statuses = stepStatuses(STEPS, state);
  const premiumTotal = state.draft.insurance.reduce((sum, c) => sum + (premiums.get(c) ?? 0), 0);

  // Focus follows the step, so keyboard and screen reader users land on what changed.
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the step changes
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [state.current, placed]);

  async function place() {
    const { dealerId, deliveryDate, finance, insurance } = state.draft;
    if (!dealerId || !deliveryDate) return;
    const body: PlaceOrderBody = {
      modelLine: saved.modelLine,
      configurationCode: saved.code,
      versionId: saved.versionId,
      dealerId,
      ...(finance?.choice ? { finance: finance.choice } : {}),
      ...(insurance.length > 0 ? { insurance } : {}),
      acceptTerms: true,
      termsVersion: terms.version,
      deliveryDate,
    };
    setPlacing(true);
    setError(null);
    setDateGone(null);
    try {
      setPlaced(await sendIdempotently(attempts.current, body, (key) => placeOrder(body, key)));
    } catch (caught) {
      const gone = dateGoneOf(caught);
      if (gone) {
        // Nothing was placed: back to the calendar, asked again, to pick another date.
        setDateGone({ ...gone, date: deliveryDate });
        setCalendarRefresh((n) => n + 1);
        dispatch({ type: 'update', patch: { deliveryDate: null } });
        return;
      }
      setError(caught);
      if (caught instanceof ApiError && caught.code === 'ordering.stale_terms') {
        // New terms: read them again and accept them again.
        dispatch({ type: 'update', patch: { termsAccepted: false } });
        onTermsChanged();
      }
    } finally {
      setPlacing(false);
    }
  }

  if (placed) {
    return (
      <Page title={t('checkout.placed.title')} intro={t('checkout.intro', { model, code: saved.code })}>
        <section className="card" aria-labelledby="placed-title" data-testid="order-placed">
          <h2 id="placed-title" ref={heading} tabIndex={-1}>
            {t('order.title', { vehicleId: placed.vehicleId })}
          </h2>
          <p>
            {t('checkout.placed.body', {
              vehicleId: placed.vehicleId,
              amount: money(placed.terms.intentionMoney),
            })}
          </p>
          <PayPanel order={placed} purpose="intention" />
          <p className="order-panel">
            <Link to={`/orders/${placed.id}`}>{t('pay.later')}</Link>
          </p>
        </section>
      </Page>
    );
  }

  const stepTitle = (id: CheckoutStepId) => t(`checkout.step.${id}`);
  const missing = firstIncomplete(STEPS, state.draft);
  const index = STEPS.findIndex((s) => s.id === state.current);
  const isLast = index === STEPS.length - 1;
  const canContinue = STEPS[index]?.complete(state.draft) ?? false;

  return (
    <Page title={t('checkout.title')} intro={t('checkout.intro', { model, code: saved.code })}>
      {stale ? (
        <div className="alert alert-error" role="alert" data-testid="checkout-stale">
          <p>{t('checkout.stale')}</p>
          <p>
            <Link className="button" to={configurePath(saved.modelLine, saved.code)}>
              {t('checkout.reconfigure')}
            </Link>
          </p>
        </div>
      ) : (
        <div className="checkout-layout">
          <div>
            <nav aria-label={t('checkout.steps')}>
              <ol className="checkout-steps">
                {statuses.map((s, i) => (
                  <li key={s.id}>
                    <button
                      type="button"
                      className={`checkout-step is-${s.status}`}
                      aria-current={s.status === 'current' ? 'step' : undefined}
                      disabled={s.status === 'locked'}
                      onClick={() => dispatch({ type: 'go', step: s.id })}
                    >
                      <span className="checkout-step-number" aria-hidden="true">
                        {s.status === 'done' ? '✓' : i + 1}
                      </span>
                      {stepTitle(s.id)}
                      {s.status !== 'current' && (
                        <span className="visually-hidden">, {t(STATUS_KEYS[s.status])}</span>
                      )}
                    </button>
                  </li>
                ))}
              </ol>
            </nav>
            <section className="card" aria-labelledby="step-title" data-testid={`step-${state.current}`}>
              <h2 id="step-title" ref={heading} tabIndex={-1}>
                {state.current === 'dealer'
                  ? t('checkout.dealer.title')
                  : state.current === 'delivery'
                    ? t('checkout.delivery.title')
                    : state.current === 'finance'
                      ? t('checkout.finance.title')
                      : state.current === 'insurance'
                        ? t('checkout.insurance.title')
                        : state.current === 'terms'
                          ? pickLocalized(terms.title, locale)
                          : t('checkout.review.title')}
              </h2>
              {state.current === 'dealer' && (
                <DealerStep
                  dealerId={state.draft.dealerId}
                  onChoose={(d) => {
                    setDealer(d);
                    dispatch({ type: 'update', patch: { dealerId: d.id } });
                  }}
                />
              )}
              {state.current === 'delivery' && state.draft.dealerId && (
                <>
                  <p className="muted">
                    {t('checkout.delivery.intro', { dealer: pickLocalized(dealer?.name, locale) ?? '—' })}
                  </p>
                  {dateGone && (
                    <DateGoneAlert
                      gone={dateGone}
                      next={(date, label) => (
                        <button
                          type="button"
                          className="button"
                          onClick={() => {
                            setDateGone(null);
                            dispatch({ type: 'update', patch: { deliveryDate: date } });
                            // Everything else was done already: straight back to the review to place it.
                            dispatch({ type: 'go', step: 'review' });
                          }}
                        >
                          {t('checkout.delivery.takeNext', { date: label })}
                        </button>
                      )}
                    />
                  )}
                  <DeliveryPicker
                    modelLine={saved.modelLine}
                    configurationCode={saved.code}
                    dealerId={state.draft.dealerId}
                    selected={state.draft.deliveryDate}
                    refresh={calendarRefresh}
                    onSelect={(date) => {
                      setDateGone(null);
                      dispatch({ type: 'update', patch: { deliveryDate: date } });
                    }}
                  />
                </>
              )}
              {state.current === 'finance' && (
                <>
                  <p className="muted">{t('checkout.finance.intro')}</p>
                  <FinancePicker
                    offers={offers}
                    price={saved.total}
                    currency={saved.currency}
                    lockDeposit={terms.lockDeposit}
                    initial={state.draft.finance?.choice ?? null}
                    quote={async (choice) =>
                      (
                        await quoteFinance({
                          modelLine: saved.modelLine,
                          configurationCode: saved.code,
                          ...choice,
                        })
                      ).quote
                    }
                    onChange={(selection) => {
                      if (selection.kind === 'cash') {
                        setFinanceQuote(null);
                        dispatch({ type: 'update', patch: { finance: null } });
                        return;
                      }
                      setFinanceQuote(selection.quote);
                      dispatch({
                        type: 'update',
                        patch: {
                          finance: { choice: selection.choice, quoted: selection.quote !== null },
                        },
                      });
                    }}
                  />
                  {state.draft.finance && !state.draft.finance.quoted && (
                    <p className="hint">{t('checkout.finance.quoteFirst')}</p>
                  )}
                </>
              )}
              {state.current === 'insurance' && (
                <>
                  <p className="muted">{t('checkout.insurance.intro')}</p>
                  <p className="muted small">{t('insurance.payableTo')}</p>
                  <InsurancePicker
                    products={products}
                    chosen={state.draft.insurance}
                    premiums={premiums}
                    onChange={(codes) => dispatch({ type: 'update', patch: { insurance: codes } })}
                  />
                </>
              )}
              {state.current === 'terms' && (
                <>
                  <ol className="terms-clauses" data-testid="order-terms">
                    {terms.clauses.map((clause) => (
                      <li key={clause.id}>
                        <h3>
                          {pickLocalized(clause.title, locale)}{' '}
                          {clause.acceptedAtLock && (
                            <span className="badge badge-muted">{t('terms.atLock')}</span>
                          )}
                        </h3>
                        <p>{pickLocalized(clause.body, locale)}</p>
                      </li>
                    ))}
                  </ol>
                  <p className="muted small">{t('checkout.terms.lockNote')}</p>
                  {state.draft.deliveryDate && (
                    <p className="small" data-testid="terms-delivery-date">
                      {t('checkout.terms.deliveryDate', {
                        date: formatIsoDate(locale, state.draft.deliveryDate, { weekday: true, year: true }),
                      })}
                    </p>
                  )}
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={state.draft.termsAccepted}
                      onChange={(e) =>
                        dispatch({ type: 'update', patch: { termsAccepted: e.target.checked } })
                      }
                    />
                    <span>{t('checkout.terms.accept', { version: terms.version })}</span>
                  </label>
                </>
              )}
              {state.current === 'review' && (
                <Review
                  dealer={dealer}
                  deliveryDate={state.draft.deliveryDate}
                  financeQuote={state.draft.finance ? financeQuote : null}
                  insuranceCount={state.draft.insurance.length}
                  premiums={money(premiumTotal)}
                  intention={money(terms.intentionMoney)}
                />
              )}
              {error !== null && <ErrorAlert error={error} showFields={false} />}
              <div className="checkout-nav">
                <button
                  type="button"
                  className="button"
                  disabled={index === 0}
                  onClick={() => dispatch({ type: 'back' })}
                >
                  {t('checkout.back')}
                </button>
                {isLast ? (
                  <button
                    type="button"
                    className="button button-primary button-large"
                    disabled={placing || (missing !== undefined && missing.id !== 'review')}
                    onClick={place}
                    data-testid="place-order"
                  >
                    {placing ? t('checkout.placing') : t('checkout.place')}
                  </button>
                ) : (
                  <button
                    type="button"
                    className="button button-primary"
                    disabled={!canContinue}
                    onClick={() => dispatch({ type: 'next' })}
                  >
                    {t('checkout.continue')}
                  </button>
                )}
              </div>
              {isLast && missing && missing.id !== 'review' && (
                <p className="hint">{t('checkout.review.incomplete', { step: stepTitle(missing.id) })}</p>
              )}
            </section>
          </div>
          <aside className="checkout-aside" aria-labelledby="summary-title">
            <CheckoutSummary
              saved={saved}
              detail={detail}
              dealer={dealer}
              deliveryDate={state.draft.deliveryDate}
              financeQuote={state.draft.finance ? financeQuote : null}
              premiums={state.draft.insurance.length > 0 ? premiumTotal : null}
              intention={terms.intentionMoney}
            />
          </aside>
        </div>
      )}
    </Page>
  );
}

function Review({
  dealer,
  deliveryDate,
  financeQuote,
  insuranceCount,
  premiums,
  intention,
}: {
  dealer: Dealer | null;
  deliveryDate: string | null;
  financeQuote: FinanceQuote | null;
  insuranceCount: number;
  premiums: string;
  intention: string;
}) {
  const { t, locale } = useI18n();
  return (
    <div data-testid="checkout-review">
      <DetailsList
        items={[
          { label: t('checkout.review.dealer'), value: pickLocalized(dealer?.name, locale) },
          {
            label: t('checkout.review.deliveryDate'),
            value: deliveryDate ? (
              <span data-testid="review-delivery-date">
                {formatIsoDate(locale, deliveryDate, { weekday: true, year: true })}
              </span>
            ) : null,
          },
          {
            label: t('checkout.review.finance'),
            value: financeQuote
              ? `${pickLocalized(financeQuote.partner, locale)} · ${t('finance.months', { months: financeQuote.termMonths })} · ${t('finance.instalment')} ${formatMoney(financeQuote.instalment, financeQuote.currency, locale)}`
              : t('checkout.review.cash'),
          },
          {
            label: t('checkout.review.insurance'),
            value:
              insuranceCount > 0
                ? t('checkout.review.insuranceCount', { count: insuranceCount, premiums })
                : t('checkout.review.noInsurance'),
          },
        ]}
      />
      <dl className="order-figures">
        <div className="is-lead">
          <dt>{t('checkout.review.dueNow')}</dt>
          <dd>{intention}</dd>
        </div>
      </dl>
      <p className="muted">{t('checkout.review.intentionNote', { amount: intention })}</p>
    </div>
  );
}

/** The car being ordered, with the server's price lines for the saved configuration. */
function CheckoutSummary({
  saved,
  detail,
  dealer,
  deliveryDate,
  financeQuote,
  premiums,
  intention,
}: {
  saved: SavedConfiguration;
  detail: ModelLineDetail;
  dealer: Dealer | null;
  deliveryDate: string | null;
  financeQuote: FinanceQuote | null;
  premiums: number | null;
  intention: number;
}) {
  const { t, locale } = useI18n();
  const lookup = useMemo(
    () => modelLookup(detail.model, locale, t('cfg.option.none')),
    [detail.model, locale, t],
  );
  const money = (fen: number) => formatMoney(fen, saved.currency, locale);
  return (
    <div className="card" data-testid="checkout-summary">
      <h2 id="summary-title">{t('checkout.summary.title')}</h2>
      <p className="order-quote-title">{pickLocalized(detail.line.name, locale)}</p>
      <PriceLines
        price={{ ...saved.breakdown, currency: saved.currency, total: saved.total }}
        label={(family, option) =>
          t('price.optionLine', {
            family: lookup.familyLabel(family),
            option: lookup.optionLabel(family, option),
          })
        }
      />
      <p className="small">
        <Link to={specPath(saved.code)}>{t('checkout.summary.spec')}</Link>
      </p>
      <dl className="order-figures">
        {dealer && (
          <div>
            <dt>{t('field.dealer')}</dt>
            <dd>{pickLocalized(dealer.name, locale)}</dd>
          </div>
        )}
        {deliveryDate && (
          <div>
            <dt>{t('checkout.summary.deliveryDate')}</dt>
            <dd data-testid="summary-delivery-date">
              {formatIsoDate(locale, deliveryDate, { weekday: true, year: true })}
            </dd>
          </div>
        )}
        {financeQuote && (
          <div>
            <dt>{t('finance.instalment')}</dt>
            <dd>
              {formatMoney(financeQuote.instalment, financeQuote.currency, locale)} ×{' '}
              {financeQuote.termMonths}
            </dd>
          </div>
        )}
        {premiums !== null && (
          <div>
            <dt>{t('insurance.total')}</dt>
            <dd>{money(premiums)}</dd>
          </div>
        )}
        <div className="is-lead">
          <dt>{t('checkout.summary.dueNow')}</dt>
          <dd>{money(intention)}</dd>
        </div>
      </dl>
    </div>
  );
}
