import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import type { WebhookDelivery } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { Spinner } from '../../ui/async-view.tsx';
import { type Column, DataTable } from '../../ui/data-table.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Page } from '../../ui/page.tsx';
import { SelectField } from '../../ui/select-field.tsx';
import { useApi } from '../../ui/use-api.ts';
import { usePaged } from '../../ui/use-paged.ts';
import { DeliveryStatusBadge } from './health-badge.tsx';
import './integration.css';

type StatusFilter = '' | 'pending' | 'delivered' | 'dead' | 'failing';

/** Delivery status per event and webhook subscriber, newest first. */
export function DeliveriesPage() {
  const { t, locale } = useI18n();
  const webhooks = useApi(() => unwrap(api.GET('/admin/integration/webhooks')), []);
  const [endpointId, setEndpointId] = useState('');
  const [status, setStatus] = useState<StatusFilter>('');
  return (
    <Page title={t('admin.integration.deliveries.title')} intro={t('admin.integration.deliveries.intro')}>
      <div className="integration-toolbar">
        <SelectField
          label={t('admin.integration.webhook')}
          value={endpointId}
          onValue={setEndpointId}
          options={[
            { value: '', label: t('admin.integration.all') },
            ...(webhooks.status === 'ok'
              ? webhooks.data.items.map((w) => ({ value: w.id, label: w.name }))
              : []),
          ]}
        />
        <SelectField
          label={t('field.status')}
          value={status}
          onValue={(v) => setStatus(v as StatusFilter)}
          options={[
            { value: '', label: t('admin.integration.all') },
            { value: 'pending', label: t('admin.integration.status.pending') },
            { value: 'failing', label: t('admin.integration.status.retrying') },
            { value: 'delivered', label: t('admin.integration.status.delivered') },
            { value: 'dead', label: t('admin.integration.status.dead') },
          ]}
        />
      </div>
      {/* A new list per filter: the key restarts paging from the first page. */}
      <DeliveryList key={`${endpointId}|${status}`} endpointId={endpointId} status={status} locale={locale} />
    </Page>
  );
}

function DeliveryList({
  endpointId,
  status,
  locale,
}: {
  endpointId: string;
  status: StatusFilter;
  locale: 'zh-CN' | 'en';
}) {
  const { t } = useI18n();
  const list = usePaged((cursor) =>
    unwrap(
      api.GET('/admin/integration/deliveries', {
        params: {
          query: {
            cursor,
            ...(endpointId ? { endpointId } : {}),
            ...(status === 'failing' ? { failing: 'true' as const } : status ? { status } : {}),
          },
        },
      }),
    ),
  );
  const columns: Column<WebhookDelivery>[] = [
    { key: 'at', header: t('field.time'), render: (d) => formatDateTime(locale, d.createdAt) },
    { key: 'webhook', header: t('admin.integration.webhook'), render: (d) => d.endpointName },
    {
      key: 'event',
      header: t('admin.integration.event'),
      render: (d) => (
        <Link to={`/admin/integration/events/${d.eventId}`}>
          <code>{d.eventType}</code>
        </Link>
      ),
    },
    {
      key: 'aggregate',
      header: t('admin.integration.aggregate'),
      render: (d) => <code>{`${d.aggregateId} #${d.sequence}`}</code>,
    },
    {
      key: 'status',
      header: t('field.status'),
      render: (d) => (
        <DeliveryStatusBadge status={d.status === 'pending' && d.attempts > 0 ? 'retrying' : d.status} />
      ),
    },
    { key: 'attempts', header: t('admin.integration.attempts'), render: (d) => d.attempts },
    {
      key: 'last',
      header: t('admin.integration.lastError'),
      render: (d) => <span className="integration-error">{d.lastError ?? '—'}</span>,
    },
    {
      key: 'next',
      header: t('admin.integration.nextAttempt'),
      render: (d) => (d.nextAttemptAt ? formatDateTime(locale, d.nextAttemptAt) : '—'),
    },
  ];
  return (
    <>
      {list.status === 'error' && <ErrorAlert error={list.error} onRetry={list.reload} />}
      {list.status === 'loading' && list.items.length === 0 ? (
        <Spinner />
      ) : (
        <DataTable
          caption={t('admin.integration.deliveries.title')}
          columns={columns}
          rows={list.items}
          rowKey={(d) => d.id}
          empty={t('list.empty')}
        />
      )}
      {list.hasMore && (
        <button type="button" className="button" onClick={list.loadMore} disabled={list.status === 'loading'}>
          {t('action.loadMore')}
        </button>
      )}
    </>
  );
}
