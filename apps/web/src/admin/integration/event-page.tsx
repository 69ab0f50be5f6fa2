import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import type { EventDetail } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { AsyncView } from '../../ui/async-view.tsx';
import { type Column, DataTable } from '../../ui/data-table.tsx';
import { DetailsList } from '../../ui/details-list.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Page } from '../../ui/page.tsx';
import { useApi } from '../../ui/use-api.ts';
import { DeliveryStatusBadge } from './health-badge.tsx';
import './integration.css';

/** One event: its envelope and payload, and where it went (every subscriber, transport and webhook). */
export function EventPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const event = useApi(
    () => unwrap(api.GET('/admin/integration/events/{id}', { params: { path: { id } } })),
    [id],
  );
  const when = (iso: string | null) => (iso ? formatDateTime(locale, iso) : '—');
  const targetColumns: Column<EventDetail['deliveries'][number]>[] = [
    { key: 'target', header: t('admin.integration.target'), render: (d) => <code>{d.target}</code> },
    { key: 'status', header: t('field.status'), render: (d) => <DeliveryStatusBadge status={d.status} /> },
    { key: 'attempts', header: t('admin.integration.attempts'), render: (d) => d.attempts },
    { key: 'delivered', header: t('admin.integration.deliveredAt'), render: (d) => when(d.deliveredAt) },
    { key: 'error', header: t('admin.integration.lastError'), render: (d) => d.lastError ?? '—' },
  ];
  const webhookColumns: Column<EventDetail['webhooks'][number]>[] = [
    { key: 'webhook', header: t('admin.integration.webhook'), render: (d) => d.endpointName },
    {
      key: 'status',
      header: t('field.status'),
      render: (d) => (
        <DeliveryStatusBadge status={d.status === 'pending' && d.attempts > 0 ? 'retrying' : d.status} />
      ),
    },
    { key: 'attempts', header: t('admin.integration.attempts'), render: (d) => d.attempts },
    { key: 'http', header: t('admin.integration.httpStatus'), render: (d) => d.lastStatus ?? '—' },
    { key: 'delivered', header: t('admin.integration.deliveredAt'), render: (d) => when(d.deliveredAt) },
    { key: 'error', header: t('admin.integration.lastError'), render: (d) => d.lastError ?? '—' },
  ];
  return (
    <Page title={t('admin.integration.event.title')}>
      <p>
        <Link to="/admin/integration/deliveries">{t('admin.integration.event.back')}</Link>
      </p>
      <AsyncView value={event} onRetry={event.reload}>
        {({ event: e }) => (
          <>
            <div className="card">
              <DetailsList
                items={[
                  { label: t('admin.integration.event'), value: `${e.type} v${e.version}` },
                  { label: t('admin.integration.eventId'), value: e.id },
                  { label: t('admin.integration.aggregate'), value: `${e.aggregateId} #${e.sequence}` },
                  { label: t('field.time'), value: formatDateTime(locale, e.occurredAt) },
                  { label: t('field.actor'), value: e.actor },
                  { label: t('admin.integration.requestId'), value: e.requestId },
                  { label: t('admin.integration.processedAt'), value: when(e.processedAt) },
                ]}
              />
            </div>
            <section className="section">
              <h2>{t('admin.integration.targets')}</h2>
              <DataTable
                caption={t('admin.integration.targets')}
                columns={targetColumns}
                rows={e.deliveries}
                rowKey={(d) => d.target}
                empty={t('admin.integration.event.noTargets')}
              />
            </section>
            <section className="section">
              <h2>{t('admin.integration.webhooks')}</h2>
              <DataTable
                caption={t('admin.integration.webhooks')}
                columns={webhookColumns}
                rows={e.webhooks}
                rowKey={(d) => d.id}
                empty={t('admin.integration.event.noWebhooks')}
              />
            </section>
            <section className="section">
              <h2>{t('admin.integration.payload')}</h2>
              <pre className="integration-payload">{JSON.stringify(e.payload, null, 2)}</pre>
            </section>
          </>
        )}
      </AsyncView>
    </Page>
  );
}
