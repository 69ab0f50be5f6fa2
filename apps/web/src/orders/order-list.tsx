import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api/api-error.ts';
import type { Order, OrderState, OrderSummary } from '../api/types.ts';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { pickLocalized } from '../i18n/locales.ts';
import { Spinner } from '../ui/async-view.tsx';
import { type Column, DataTable } from '../ui/data-table.tsx';
import { DetailsList } from '../ui/details-list.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDateTime } from '../ui/format.ts';
import { NotFoundPage } from '../ui/not-found-page.tsx';
import { Page } from '../ui/page.tsx';
import { SelectField } from '../ui/select-field.tsx';
import type { Loadable } from '../ui/use-api.ts';
import { type Page as ListPage, usePaged } from '../ui/use-paged.ts';
import { formatMoney } from './money.ts';
import { ORDER_STATES, stateKey } from './order-logic.ts';
import { OrderRecord, OrderStateBadge, StageProgress } from './order-views.tsx';
import './orders.css';

/** The filters of a staff order list: state, a search over vehicle id and buyer name, and more. */
export type OrderFilter = { state: OrderState | ''; q: string; dealerId: string };

/**
 * A staff list of orders (the dealer's own, or HQ's all): filters, newest first, cursor paging.
 * `load` calls the audience's route; a new filter restarts from the first page.
 */
export function StaffOrderList({
  load,
  detailPath,
  dealers,
}: {
  load: (filter: OrderFilter, cursor: string | undefined) => Promise<ListPage<OrderSummary>>;
  detailPath: (order: OrderSummary) => string;
  /** HQ filters by dealer; the dealer's own list does not. */
  dealers?: { value: string; label: string }[];
}) {
  const { t } = useI18n();
  const searchId = useId();
  const [filter, setFilter] = useState<OrderFilter>({ state: '', q: '', dealerId: '' });
  const [typed, setTyped] = useState('');
  const search = (event: FormEvent) => {
    event.preventDefault();
    setFilter({ ...filter, q: typed.trim() });
  };
  return (
    <>
      <search>
        <form className="order-toolbar" onSubmit={search}>
          <SelectField
            label={t('orders.filter.state')}
            value={filter.state}
            onValue={(state) => setFilter({ ...filter, state: state as OrderState | '' })}
            options={[
              { value: '', label: t('orders.filter.allStates') },
              ...ORDER_STATES.map((s) => ({ value: s, label: t(stateKey(s)) })),
            ]}
          />
          {dealers && (
            <SelectField
              label={t('orders.filter.dealer')}
              value={filter.dealerId}
              onValue={(dealerId) => setFilter({ ...filter, dealerId })}
              options={[{ value: '', label: t('orders.filter.allDealers') }, ...dealers]}
            />
          )}
          <div className="field">
            <label htmlFor={searchId}>{t('orders.filter.search')}</label>
            <input
              id={searchId}
              type="search"
              value={typed}
              maxLength={64}
              onChange={(e) => setTyped(e.target.value)}
            />
          </div>
          <button type="submit" className="button button-primary">
            {t('orders.filter.submit')}
          </button>
          {(filter.q || filter.state || filter.dealerId) && (
            <button
              type="button"
              className="button button-ghost"
              onClick={() => {
                setTyped('');
                setFilter({ state: '', q: '', dealerId: '' });
              }}
            >
              {t('orders.filter.clear')}
            </button>
          )}
        </form>
      </search>
      <OrderRows
        key={`${filter.state}|${filter.q}|${filter.dealerId}`}
        load={(cursor) => load(filter, cursor)}
        detailPath={detailPath}
        showDealer={dealers !== undefined}
      />
    </>
  );
}

function OrderRows({
  load,
  detailPath,
  showDealer,
}: {
  load: (cursor: string | undefined) => Promise<ListPage<OrderSummary>>;
  detailPath: (order: OrderSummary) => string;
  showDealer: boolean;
}) {
  const { t, locale } = useI18n();
  const list = usePaged(load);
  const columns: Column<OrderSummary>[] = [
    {
      key: 'vehicle',
      header: t('field.vehicleId'),
      render: (o) => (
        <Link to={detailPath(o)}>
          <strong className="vehicle-id">{o.vehicleId}</strong>
        </Link>
      ),
    },
    { key: 'buyer', header: t('field.buyer'), render: (o) => o.customer.name },
    { key: 'line', header: t('field.modelLine'), render: (o) => pickLocalized(o.modelLine.name, locale) },
    { key: 'stage', header: t('field.stage'), render: (o) => <OrderStateBadge state={o.state} /> },
    ...(showDealer
      ? [
          {
            key: 'dealer',
            header: t('field.dealer'),
            render: (o: OrderSummary) => pickLocalized(o.dealer.name, locale),
          },
        ]
      : []),
    { key: 'total', header: t('field.total'), render: (o) => formatMoney(o.total, o.currency, locale) },
    { key: 'paid', header: t('money.paid'), render: (o) => formatMoney(o.money.paid, o.currency, locale) },
    { key: 'placed', header: t('field.placedAt'), render: (o) => formatDateTime(locale, o.placedAt) },
  ];
  return (
    <div data-testid="order-list">
      {list.status === 'error' && <ErrorAlert error={list.error} onRetry={list.reload} />}
      {list.status === 'loading' && list.items.length === 0 ? (
        <Spinner />
      ) : (
        <DataTable
          caption={t('orders.title')}
          columns={columns}
          rows={list.items}
          rowKey={(o) => o.id}
          empty={t('list.empty')}
        />
      )}
      {list.hasMore && (
        <button type="button" className="button" onClick={list.loadMore} disabled={list.status === 'loading'}>
          {t('action.loadMore')}
        </button>
      )}
    </div>
  );
}

/**
 * One order for staff: the buyer to call, configuration and price, dealer, money and timeline.
 * Another dealer's order (or one that does not exist) is the not-found page: the server answers
 * both alike, and so does the page.
 */
export function StaffOrderPage({
  order,
  home,
  children,
}: {
  order: Loadable<Order> & { reload: () => void };
  home: string;
  children?: (order: Order) => ReactNode;
}) {
  const { t, locale } = useI18n();
  if (order.status === 'loading') return <Spinner />;
  if (order.status === 'error') {
    if (order.error instanceof ApiError && order.error.status === 404) return <NotFoundPage home={home} />;
    return (
      <Page title={t('orders.title')}>
        <ErrorAlert error={order.error} onRetry={order.reload} />
      </Page>
    );
  }
  const o = order.data;
  return (
    <Page
      title={t('order.title', { vehicleId: o.vehicleId })}
      intro={pickLocalized(o.modelLine.name, locale)}
    >
      <div className="order-head">
        <OrderStateBadge state={o.state} />
        <span className="muted">{t('order.placedAt', { at: formatDateTime(locale, o.placedAt) })}</span>
      </div>
      <StageProgress state={o.state} />
      {o.cancellation && (
        <p className="alert alert-error">
          {t('order.cancelledInfo', {
            at: formatDateTime(locale, o.cancellation.at),
            by: o.cancellation.by === 'brand' ? t('order.by.brand') : t('order.by.customer'),
          })}
          {o.cancellation.reason && ` ${t('order.timeline.reason', { reason: o.cancellation.reason })}`}
        </p>
      )}
      {children?.(o)}
      <section className="card" aria-labelledby="buyer-title" data-testid="buyer">
        <h2 id="buyer-title">{t('order.section.buyer')}</h2>
        <DetailsList
          items={[
            { label: t('field.name'), value: o.customer.name },
            {
              label: t('field.phone'),
              value: o.customer.phone && <a href={`tel:${o.customer.phone}`}>{o.customer.phone}</a>,
            },
            {
              label: t('field.email'),
              value: o.customer.email && <a href={`mailto:${o.customer.email}`}>{o.customer.email}</a>,
            },
          ]}
        />
      </section>
      <OrderRecord order={o} />
    </Page>
  );
}
