import type { Dealer, FinanceQuote, InsuranceQuote, Order, OrderState, OrderSummary } from '../api/types.ts';
import { formatIsoDate } from '../factory/iso-date.ts';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { type LocalizedText, pickLocalized } from '../i18n/locales.ts';
import { type Column, DataTable } from '../ui/data-table.tsx';
import { DetailsList } from '../ui/details-list.tsx';
import { formatDateTime } from '../ui/format.ts';
import {
  type Handover,
  type ProgressRow,
  progressRows,
  STEP_KEYS,
  type VehicleProgress,
} from './build-logic.ts';
import { formatApr, formatMoney } from './money.ts';
import { formatOpeningHours } from './opening-hours.ts';
import {
  describeTimelineEntry,
  METHOD_KEYS,
  ORDER_STAGES,
  PAYMENT_STATUS_KEYS,
  PURPOSE_KEYS,
  paymentsNewestFirst,
  REFUND_REASON_KEYS,
  REFUND_STATUS_KEYS,
  stageNumber,
  stateKey,
} from './order-logic.ts';
import './orders.css';

/**
 * Views of an order shared by the customer's, the dealer's and HQ's pages: state and progress,
 * price lines, dealer, finance and insurance quotes, money with payments, refunds and ledger,
 * and the timeline. They only show; the pages decide what can be done.
 */

export function OrderStateBadge({ state }: { state: OrderState }) {
  const { t } = useI18n();
  const tone = state === 'cancelled' ? 'badge-muted' : state === 'draft' ? 'badge-warn' : 'badge-ok';
  return (
    <span className={`badge ${tone}`} data-testid="order-state">
      {t(stateKey(state))}
    </span>
  );
}

/** The path from draft to delivered, with the order's stage marked. */
export function StageProgress({ state }: { state: OrderState }) {
  const { t } = useI18n();
  const current = stageNumber(state);
  if (current === null) return null;
  return (
    <ol className="order-stages" aria-label={t('order.progress')}>
      {ORDER_STAGES.map((stage, index) => {
        const n = index + 1;
        const status = n < current ? 'done' : n === current ? 'current' : 'todo';
        return (
          <li
            key={stage}
            className={`order-stage is-${status}`}
            aria-current={status === 'current' ? 'step' : undefined}
          >
            <span className="order-stage-dot" aria-hidden="true" />
            <span className="order-stage-label">{t(stateKey(stage))}</span>
          </li>
        );
      })}
    </ol>
  );
}

type PriceLinesInput = {
  currency: string;
  base: number;
  options: {
    family: string;
    familyLabel?: LocalizedText | null;
    option: string;
    optionLabel?: LocalizedText | null;
    price: number;
  }[];
  adjustments: { id: string; label: LocalizedText | null; amount: number }[];
  discounts?: { id: string; label: LocalizedText | null; amount: number }[];
  total: number;
};

/**
 * A price line by line (the lines add up to the total): base, options and adjustments summed,
 * every line behind "details" (a car has dozens). Labels from the price itself, or `label`.
 */
export function PriceLines({
  price,
  label,
}: {
  price: PriceLinesInput;
  /** Labels of lines the price does not carry (a saved configuration's breakdown). */
  label?: (family: string, option: string) => string;
}) {
  const { t, locale } = useI18n();
  const money = (fen: number) => formatMoney(fen, price.currency, locale);
  const discounts = price.discounts ?? [];
  const sum = (xs: { price?: number; amount?: number }[]) =>
    xs.reduce((s, x) => s + (x.price ?? x.amount ?? 0), 0);
  const optionText = (o: PriceLinesInput['options'][number]) =>
    label
      ? label(o.family, o.option)
      : t('price.optionLine', {
          family: pickLocalized(o.familyLabel, locale) ?? o.family,
          option: pickLocalized(o.optionLabel, locale) ?? o.option,
        });
  const count = price.options.length + price.adjustments.length + discounts.length;
  return (
    <div data-testid="price-lines">
      <dl className="order-lines">
        <div>
          <dt>{t('price.base')}</dt>
          <dd>{money(price.base)}</dd>
        </div>
        <div>
          <dt>{t('price.options', { count: price.options.length })}</dt>
          <dd>{money(sum(price.options))}</dd>
        </div>
        {price.adjustments.length > 0 && (
          <div>
            <dt>{t('price.adjustments')}</dt>
            <dd>{money(sum(price.adjustments))}</dd>
          </div>
        )}
        {discounts.length > 0 && (
          <div>
            <dt>{t('price.discounts')}</dt>
            <dd>{money(sum(discounts))}</dd>
          </div>
        )}
        <div className="order-lines-total">
          <dt>{t('price.total')}</dt>
          <dd data-testid="price-total">{money(price.total)}</dd>
        </div>
      </dl>
      {count > 0 && (
        <details className="order-lines-details">
          <summary>{t('price.showLines', { count })}</summary>
          <dl className="order-lines">
            {price.options.map((o) => (
              <div key={o.family}>
                <dt>{optionText(o)}</dt>
                <dd>{money(o.price)}</dd>
              </div>
            ))}
            {[...price.adjustments, ...discounts].map((a) => (
              <div key={a.id}>
                <dt>{pickLocalized(a.label, locale) ?? a.id}</dt>
                <dd>{money(a.amount)}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </div>
  );
}

type DealerLike = Pick<Dealer, 'name' | 'city' | 'address' | 'phone' | 'openingHours'> &
  Partial<Pick<Dealer, 'services' | 'distanceKm'>>;

export function DealerDetails({ dealer, heading = true }: { dealer: DealerLike; heading?: boolean }) {
  const { t, locale } = useI18n();
  return (
    <div className="order-dealer">
      {heading && <h3>{pickLocalized(dealer.name, locale)}</h3>}
      <DetailsList
        items={[
          { label: t('field.city'), value: pickLocalized(dealer.city, locale) },
          { label: t('field.address'), value: pickLocalized(dealer.address, locale) },
          { label: t('field.orgPhone'), value: dealer.phone },
          { label: t('field.openingHours'), value: formatOpeningHours(dealer.openingHours, locale) },
          ...(dealer.services
            ? [
                {
                  label: t('field.services'),
                  value: dealer.services
                    .map((s) => t(`dealer.service.${s}`))
                    .join(locale === 'zh-CN' ? '、' : ', '),
                },
              ]
            : []),
          ...(dealer.distanceKm !== undefined && dealer.distanceKm !== null
            ? [{ label: t('checkout.dealer.nearMe'), value: t('dealer.distance', { km: dealer.distanceKm }) }]
            : []),
        ]}
      />
    </div>
  );
}

export function FinanceQuoteDetails({ quote }: { quote: FinanceQuote }) {
  const { t, locale } = useI18n();
  const money = (fen: number) => formatMoney(fen, quote.currency, locale);
  return (
    <div data-testid="finance-quote">
      <p className="order-quote-title">
        {pickLocalized(quote.partner, locale)} · {pickLocalized(quote.product, locale)}
      </p>
      <dl className="order-figures">
        <div className="is-lead">
          <dt>{t('finance.instalment')}</dt>
          <dd data-testid="finance-instalment">{money(quote.instalment)}</dd>
        </div>
        <div>
          <dt>{t('finance.apr')}</dt>
          <dd>{formatApr(quote.aprBp, locale)}</dd>
        </div>
        <div>
          <dt>{t('finance.term')}</dt>
          <dd>{t('finance.months', { months: quote.termMonths })}</dd>
        </div>
        <div>
          <dt>{t('finance.downPayment')}</dt>
          <dd>{money(quote.downPayment)}</dd>
        </div>
        <div>
          <dt>{t('finance.principal')}</dt>
          <dd>{money(quote.principal)}</dd>
        </div>
        {quote.finalInstalment !== quote.instalment && (
          <div>
            <dt>{t('finance.finalInstalment')}</dt>
            <dd>{money(quote.finalInstalment)}</dd>
          </div>
        )}
        <div>
          <dt>{t('finance.totalInterest')}</dt>
          <dd data-testid="finance-interest">{money(quote.totalInterest)}</dd>
        </div>
        <div>
          <dt>{t('finance.totalRepayable')}</dt>
          <dd>{money(quote.totalRepayable)}</dd>
        </div>
      </dl>
    </div>
  );
}

export function InsuranceQuoteDetails({ quote }: { quote: InsuranceQuote }) {
  const { t, locale } = useI18n();
  const money = (fen: number) => formatMoney(fen, quote.currency, locale);
  return (
    <div data-testid="insurance-quote">
      <dl className="order-lines">
        {quote.items.map((item) => (
          <div key={item.code}>
            <dt>
              {pickLocalized(item.name, locale)}
              <span className="muted small"> · {pickLocalized(item.insurer, locale)}</span>
            </dt>
            <dd>{money(item.premium)}</dd>
          </div>
        ))}
        <div className="order-lines-total">
          <dt>{t('insurance.total')}</dt>
          <dd>{money(quote.total)}</dd>
        </div>
      </dl>
      <p className="muted small">{t('insurance.payableTo')}</p>
    </div>
  );
}

/** Paid, due and balance, from the ledger (the server derives them on every read). */
export function MoneyDetails({ money: m, state }: { money: Order['money']; state: OrderState }) {
  const { t, locale } = useI18n();
  const money = (fen: number) => formatMoney(fen, m.currency, locale);
  return (
    <dl className="order-figures" data-testid="order-money">
      <div className="is-lead">
        <dt>{t('money.due')}</dt>
        <dd data-testid="money-due">
          {m.due && m.due.amount > 0
            ? `${t(PURPOSE_KEYS[m.due.purpose])} ${money(m.due.amount)}`
            : t('money.nothingDue')}
        </dd>
      </div>
      <div>
        <dt>{t('money.totalPrice')}</dt>
        <dd>{money(m.totalPrice)}</dd>
      </div>
      {m.financedPrincipal > 0 && (
        <>
          <div>
            <dt>{t('money.financed')}</dt>
            <dd>{money(m.financedPrincipal)}</dd>
          </div>
          <div>
            <dt>{t('money.cashPrice')}</dt>
            <dd>{money(m.cashPrice)}</dd>
          </div>
        </>
      )}
      <div>
        <dt>{t('money.paid')}</dt>
        <dd data-testid="money-paid">{money(m.paid)}</dd>
      </div>
      {m.refunded > 0 && (
        <div>
          <dt>{t('money.refunded')}</dt>
          <dd>{money(m.refunded)}</dd>
        </div>
      )}
      {m.refundPending > 0 && (
        <div>
          <dt>{t('money.refundPending')}</dt>
          <dd>{money(m.refundPending)}</dd>
        </div>
      )}
      {state !== 'cancelled' && (
        <div>
          <dt>{t('money.balance')}</dt>
          <dd>{money(m.balance)}</dd>
        </div>
      )}
      {m.insurancePremiums > 0 && (
        <div>
          <dt>{t('money.insurance')}</dt>
          <dd>{money(m.insurancePremiums)}</dd>
        </div>
      )}
    </dl>
  );
}

export function PaymentsTable({ order }: { order: Pick<Order, 'payments'> }) {
  const { t, locale } = useI18n();
  type Row = Order['payments'][number];
  const columns: Column<Row>[] = [
    { key: 'at', header: t('field.time'), render: (p) => formatDateTime(locale, p.createdAt) },
    { key: 'purpose', header: t('field.purpose'), render: (p) => t(PURPOSE_KEYS[p.purpose]) },
    { key: 'method', header: t('field.method'), render: (p) => t(METHOD_KEYS[p.method]) },
    { key: 'amount', header: t('field.amount'), render: (p) => formatMoney(p.amount, p.currency, locale) },
    { key: 'status', header: t('field.status'), render: (p) => t(PAYMENT_STATUS_KEYS[p.status]) },
  ];
  return (
    <DataTable
      caption={t('order.section.payments')}
      columns={columns}
      rows={paymentsNewestFirst(order.payments)}
      rowKey={(p) => p.id}
      empty={t('list.empty')}
    />
  );
}

export function RefundsTable({ order }: { order: Pick<Order, 'refunds'> }) {
  const { t, locale } = useI18n();
  type Row = Order['refunds'][number];
  const columns: Column<Row>[] = [
    { key: 'at', header: t('field.time'), render: (r) => formatDateTime(locale, r.createdAt) },
    { key: 'reason', header: t('field.reason'), render: (r) => t(REFUND_REASON_KEYS[r.reason]) },
    { key: 'amount', header: t('field.amount'), render: (r) => formatMoney(r.amount, r.currency, locale) },
    { key: 'status', header: t('field.status'), render: (r) => t(REFUND_STATUS_KEYS[r.status]) },
  ];
  return (
    <DataTable
      caption={t('order.section.refunds')}
      columns={columns}
      rows={order.refunds}
      rowKey={(r) => r.id}
      empty={t('list.empty')}
    />
  );
}

export function LedgerTable({ order }: { order: Pick<Order, 'ledger'> }) {
  const { t, locale } = useI18n();
  type Row = Order['ledger'][number];
  const columns: Column<Row>[] = [
    { key: 'at', header: t('field.time'), render: (e) => formatDateTime(locale, e.at) },
    {
      key: 'kind',
      header: t('field.kind'),
      render: (e) => t(e.kind === 'capture' ? 'ledger.capture' : 'ledger.refund'),
    },
    { key: 'purpose', header: t('field.purpose'), render: (e) => t(PURPOSE_KEYS[e.purpose]) },
    {
      key: 'amount',
      header: t('field.amount'),
      render: (e) => formatMoney(e.kind === 'refund' ? -e.amount : e.amount, e.currency, locale),
    },
  ];
  return (
    <DataTable
      caption={t('order.section.ledger')}
      columns={columns}
      rows={order.ledger}
      rowKey={(e) => e.id}
      empty={t('list.empty')}
    />
  );
}

/** Everything that happened to the order, oldest first: its story. */
export function OrderTimeline({
  order,
  labelledBy,
}: {
  order: Pick<Order, 'timeline' | 'currency'>;
  labelledBy?: string;
}) {
  const { t, locale } = useI18n();
  if (order.timeline.length === 0) return <p className="empty">{t('order.timeline.empty')}</p>;
  return (
    <ol className="order-timeline" data-testid="timeline" aria-labelledby={labelledBy}>
      {order.timeline.map((entry) => {
        const text = describeTimelineEntry(entry, order.currency, t, locale);
        return (
          <li key={entry.id} className="order-timeline-entry" data-kind={entry.kind}>
            <p className="order-timeline-title">{text.title}</p>
            {text.detail && <p className="order-timeline-detail">{text.detail}</p>}
            <p className="muted small">
              <time dateTime={entry.at}>{formatDateTime(locale, entry.at)}</time>
              {entry.estimatedAt &&
                ` · ${t('order.timeline.estimated', { at: formatDateTime(locale, entry.estimatedAt) })}`}
            </p>
          </li>
        );
      })}
    </ol>
  );
}

/** The order's identity: vehicle id, model, configuration, state, dates. */
export function OrderFacts({ order }: { order: OrderSummary }) {
  const { t, locale } = useI18n();
  return (
    <DetailsList
      items={[
        { label: t('field.vehicleId'), value: <strong data-testid="vehicle-id">{order.vehicleId}</strong> },
        { label: t('field.modelLine'), value: pickLocalized(order.modelLine.name, locale) },
        { label: t('field.configurationCode'), value: <code>{order.configuration.code}</code> },
        { label: t('field.stage'), value: <OrderStateBadge state={order.state} /> },
        { label: t('field.placedAt'), value: formatDateTime(locale, order.placedAt) },
        { label: t('field.total'), value: formatMoney(order.total, order.currency, locale) },
        ...(order.promisedDeliveryDate
          ? [{ label: t('field.promisedDate'), value: order.promisedDeliveryDate }]
          : []),
        ...(order.vin ? [{ label: t('field.vin'), value: <code>{order.vin}</code> }] : []),
      ]}
    />
  );
}

/** Money and the timeline: where the order stands, for any audience. */
export function OrderProgressCards({ order }: { order: Order }) {
  const { t } = useI18n();
  return (
    <div className="grid-2 order-progress">
      <section className="card" aria-labelledby="order-timeline-title">
        <h2 id="order-timeline-title">{t('order.section.timeline')}</h2>
        <OrderTimeline order={order} labelledBy="order-timeline-title" />
      </section>
      <section className="card" aria-labelledby="order-money-title">
        <h2 id="order-money-title">{t('order.section.money')}</h2>
        <MoneyDetails money={order.money} state={order.state} />
      </section>
    </div>
  );
}

/** What the order is made of: configuration and price, dealer, finance and insurance. */
export function OrderContentCards({ order }: { order: Order }) {
  const { t } = useI18n();
  return (
    <>
      <div className="grid-2">
        <section className="card" aria-labelledby="order-configuration-title">
          <h2 id="order-configuration-title">{t('order.section.configuration')}</h2>
          <p className="muted small">
            {t('field.configurationCode')} <code>{order.configuration.code}</code> ·{' '}
            {t('price.version', { number: order.price.versionNumber })}
          </p>
          <PriceLines price={order.price} />
        </section>
        <section className="card" aria-labelledby="order-dealer-title">
          <h2 id="order-dealer-title">{t('order.section.dealer')}</h2>
          <DealerDetails dealer={order.dealer} />
        </section>
      </div>
      <div className="grid-2">
        <section className="card" aria-labelledby="order-finance-title">
          <h2 id="order-finance-title">{t('order.section.finance')}</h2>
          {order.finance ? <FinanceQuoteDetails quote={order.finance} /> : <p>{t('order.noFinance')}</p>}
        </section>
        <section className="card" aria-labelledby="order-insurance-title">
          <h2 id="order-insurance-title">{t('order.section.insurance')}</h2>
          {order.insurance ? (
            <InsuranceQuoteDetails quote={order.insurance} />
          ) : (
            <p>{t('order.noInsurance')}</p>
          )}
        </section>
      </div>
    </>
  );
}

/** Payments, refunds and the ledger. */
export function OrderMoneyRecords({ order }: { order: Order }) {
  const { t } = useI18n();
  return (
    <section className="order-records" aria-labelledby="order-payments-title">
      <h2 id="order-payments-title">{t('order.section.payments')}</h2>
      <PaymentsTable order={order} />
      {order.refunds.length > 0 && (
        <>
          <h2>{t('order.section.refunds')}</h2>
          <RefundsTable order={order} />
        </>
      )}
      <h2>{t('order.section.ledger')}</h2>
      <LedgerTable order={order} />
    </section>
  );
}

/** Everything about an order after its actions, for any audience. */
export function OrderRecord({ order }: { order: Order }) {
  return (
    <>
      <OrderProgressCards order={order} />
      <OrderContentCards order={order} />
      <OrderMoneyRecords order={order} />
    </>
  );
}

// ------------------------------------------------------------------ build chain (issue #6)

const PROGRESS_STATUS_KEYS = {
  done: 'build.progress.status.done',
  current: 'build.progress.status.current',
  failed: 'build.progress.status.failed',
  todo: 'build.progress.status.todo',
} as const;

/**
 * The car at the plant by its vehicle id: planned (production day, position on the line), then
 * every step with its estimated and actual time, and the VIN once the body shop gave it.
 */
export function PlantProgress({ vehicle }: { vehicle: VehicleProgress }) {
  const { t, locale } = useI18n();
  const rows = progressRows(vehicle);
  const when = (row: ProgressRow) => {
    if (row.step === 'planned') {
      if (!row.productionDay) return t('build.progress.notPlanned');
      const day = formatIsoDate(locale, row.productionDay, { weekday: true });
      return row.sequencePosition
        ? t('build.progress.plannedAt', { day, position: row.sequencePosition })
        : t('build.progress.plannedDay', { day });
    }
    const parts: string[] = [];
    if (row.actualAt) parts.push(t('build.progress.actual', { at: formatDateTime(locale, row.actualAt) }));
    if (row.estimatedAt && (!row.actualAt || row.estimatedAt !== row.actualAt)) {
      parts.push(t('build.progress.estimated', { at: formatDateTime(locale, row.estimatedAt) }));
    }
    return parts.length > 0 ? parts.join(' · ') : t('build.progress.noEstimate');
  };
  return (
    <div data-testid="plant-progress-card">
      <DetailsList
        items={[
          { label: t('field.vehicleId'), value: <code>{vehicle.vehicleId}</code> },
          {
            label: t('field.vin'),
            value: vehicle.vin ? (
              <code data-testid="progress-vin">{vehicle.vin}</code>
            ) : (
              <span className="muted">{t('build.progress.vinLater')}</span>
            ),
          },
          { label: t('build.progress.state'), value: t(`production.state.${vehicle.state}`) },
        ]}
      />
      <ol className="build-progress" aria-label={t('build.progress.list')} data-testid="plant-progress">
        {rows.map((row) => (
          <li
            key={row.step}
            className={`build-progress-step is-${row.status}`}
            aria-current={row.status === 'current' ? 'step' : undefined}
            data-step={row.step}
            data-status={row.status}
          >
            <span className="build-progress-dot" aria-hidden="true" />
            <span className="build-progress-name">{t(STEP_KEYS[row.step])}</span>
            <span className="visually-hidden">, {t(PROGRESS_STATUS_KEYS[row.status])}</span>
            {row.status === 'failed' && (
              <span className="badge badge-warn">{t(PROGRESS_STATUS_KEYS.failed)}</span>
            )}
            <span className="build-progress-when muted small">{when(row)}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** The hand-over the dealer booked: day and slot, and the pre-delivery checklist as it stands. */
export function HandoverDetails({ handover }: { handover: Handover }) {
  const { t, locale } = useI18n();
  return (
    <div data-testid="handover">
      <DetailsList
        items={[
          {
            label: t('build.handover.when'),
            value: (
              <strong data-testid="handover-when">
                {t('build.handover.slot', {
                  day: formatIsoDate(locale, handover.day, { weekday: true, year: true }),
                  start: handover.slotStart,
                  end: handover.slotEnd,
                })}
              </strong>
            ),
          },
          { label: t('field.status'), value: t(`handover.status.${handover.status}`) },
          {
            label: t('build.handover.checklist'),
            value: handover.checklistComplete
              ? t('build.handover.checklistDone')
              : t('build.handover.checklistLeft', {
                  left: handover.checklistLeft.length,
                  total: handover.checklist.length,
                }),
          },
          // The keys as the dealer's DMS reported them, once the car was accepted.
          ...(handover.keysHandedOver
            ? [
                {
                  label: t('build.handover.keys'),
                  value: (
                    <span data-testid="keys-handed-over">
                      {t('build.handover.keysBy', {
                        at: formatDateTime(locale, handover.keysHandedOver.at),
                        staff: handover.keysHandedOver.staffName,
                      })}
                    </span>
                  ),
                },
              ]
            : []),
        ]}
      />
      <ul
        className="build-checklist"
        aria-label={t('build.handover.checklist')}
        data-testid="handover-checklist"
      >
        {handover.checklist.map((c) => (
          <li key={c.item} className={c.checked ? 'is-checked' : 'is-open'} data-checked={c.checked}>
            <span aria-hidden="true">{c.checked ? '✓' : '○'}</span> {t(`handover.checklist.${c.item}`)}
            <span className="visually-hidden">
              , {c.checked ? t('build.handover.itemDone') : t('build.handover.itemOpen')}
            </span>
            {c.note && <span className="muted small"> · {c.note}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
