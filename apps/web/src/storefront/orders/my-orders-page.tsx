import { Link, Navigate } from 'react-router';
import type { OrderSummary } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { pickLocalized } from '../../i18n/locales.ts';
import { formatMoney } from '../../orders/money.ts';
import { nextStepOf, nextStepText, PURPOSE_KEYS } from '../../orders/order-logic.ts';
import { OrderStateBadge } from '../../orders/order-views.tsx';
import { Spinner } from '../../ui/async-view.tsx';
import { type Column, DataTable } from '../../ui/data-table.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Page } from '../../ui/page.tsx';
import { usePaged } from '../../ui/use-paged.ts';
import { listMyOrders } from './orders-api.ts';
import '../../orders/orders.css';

/** /orders: the signed-in customer's orders, newest first, each with what is due and what comes next. */
export function MyOrdersPage() {
  const { t } = useI18n();
  const { user } = useSession();
  if (user === undefined) return <Spinner />;
  if (user === null) return <Navigate to="/sign-in?next=%2Forders" replace />;
  return (
    <Page title={t('orders.title')} intro={t('orders.intro')}>
      <MyOrdersList />
    </Page>
  );
}

export function MyOrdersList() {
  const { t, locale } = useI18n();
  const list = usePaged((cursor) => listMyOrders(cursor));
  const columns: Column<OrderSummary>[] = [
    {
      key: 'vehicle',
      header: t('field.vehicleId'),
      render: (o) => (
        <Link to={`/orders/${o.id}`} aria-label={t('orders.open', { vehicleId: o.vehicleId })}>
          <strong className="vehicle-id">{o.vehicleId}</strong>
        </Link>
      ),
    },
    { key: 'line', header: t('field.modelLine'), render: (o) => pickLocalized(o.modelLine.name, locale) },
    { key: 'stage', header: t('field.stage'), render: (o) => <OrderStateBadge state={o.state} /> },
    {
      key: 'due',
      header: t('field.dueNow'),
      render: (o) =>
        o.money.due && o.money.due.amount > 0
          ? `${t(PURPOSE_KEYS[o.money.due.purpose])} ${formatMoney(o.money.due.amount, o.currency, locale)}`
          : t('money.nothingDue'),
    },
    {
      key: 'next',
      header: t('field.next'),
      render: (o) => nextStepText(nextStepOf(o), o.currency, t, locale),
    },
    { key: 'placed', header: t('field.placedAt'), render: (o) => formatDateTime(locale, o.placedAt) },
  ];
  if (list.status === 'loading' && list.items.length === 0) return <Spinner />;
  return (
    <div data-testid="my-orders">
      {list.status === 'error' && <ErrorAlert error={list.error} onRetry={list.reload} />}
      {list.status === 'ok' && list.items.length === 0 ? (
        <div className="card muted-card">
          <p>{t('orders.none')}</p>
          <p>
            <Link className="button button-primary" to="/models">
              {t('orders.configure')}
            </Link>
          </p>
        </div>
      ) : (
        <DataTable
          caption={t('orders.title')}
          columns={columns}
          rows={list.items}
          rowKey={(o) => o.id}
          empty={t('orders.none')}
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
