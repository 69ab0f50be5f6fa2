import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import type { IntegrationStatus } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { AsyncView } from '../../ui/async-view.tsx';
import { type Column, DataTable } from '../../ui/data-table.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Page } from '../../ui/page.tsx';
import { useApi } from '../../ui/use-api.ts';
import { HealthBadge } from './health-badge.tsx';
import { formatDuration, healthOf } from './integration-logic.ts';
import './integration.css';

type Target = IntegrationStatus['targets'][number];
type WebhookLag = IntegrationStatus['webhooks'][number];

/** The event flow at a glance: backlog, lag and failures of every subscriber, transport and webhook. */
export function IntegrationStatusPage() {
  const { t, locale } = useI18n();
  const status = useApi(() => unwrap(api.GET('/admin/integration/status')), []);
  const targetColumns: Column<Target>[] = [
    { key: 'name', header: t('admin.integration.target'), render: (r) => <code>{r.target}</code> },
    {
      key: 'kind',
      header: t('admin.integration.kind'),
      render: (r) => t(`admin.integration.kind.${r.kind}`),
    },
    { key: 'health', header: t('field.status'), render: (r) => <HealthBadge health={healthOf(r)} /> },
    { key: 'undelivered', header: t('admin.integration.undelivered'), render: (r) => r.undelivered },
    { key: 'retrying', header: t('admin.integration.retrying'), render: (r) => r.retrying },
    { key: 'dead', header: t('admin.integration.dead'), render: (r) => r.dead },
    { key: 'lag', header: t('admin.integration.lag'), render: (r) => formatDuration(r.lagSeconds, locale) },
    { key: 'failed', header: t('admin.integration.failedAttempts'), render: (r) => r.attempts.failed },
  ];
  const webhookColumns: Column<WebhookLag>[] = [
    { key: 'name', header: t('admin.integration.webhook'), render: (r) => r.name },
    { key: 'health', header: t('field.status'), render: (r) => <HealthBadge health={healthOf(r)} /> },
    { key: 'undelivered', header: t('admin.integration.undelivered'), render: (r) => r.undelivered },
    { key: 'retrying', header: t('admin.integration.retrying'), render: (r) => r.retrying },
    { key: 'dead', header: t('admin.integration.dead'), render: (r) => r.dead },
    { key: 'lag', header: t('admin.integration.lag'), render: (r) => formatDuration(r.lagSeconds, locale) },
    {
      key: 'last',
      header: t('admin.integration.lastDelivered'),
      render: (r) => (r.lastDeliveredAt ? formatDateTime(locale, r.lastDeliveredAt) : '—'),
    },
    { key: 'failed', header: t('admin.integration.failedAttempts'), render: (r) => r.attempts.failed },
  ];
  return (
    <Page title={t('admin.integration.status.title')} intro={t('admin.integration.status.intro')}>
      <div className="actions">
        <button type="button" className="button" onClick={status.reload}>
          {t('admin.integration.refresh')}
        </button>
        <Link to="/admin/integration/webhooks">{t('admin.nav.integrationWebhooks')}</Link>
        <Link to="/admin/integration/deliveries">{t('admin.nav.integrationDeliveries')}</Link>
        <Link to="/admin/integration/dead-letters">{t('admin.nav.integrationDeadLetters')}</Link>
        <a href="/docs/events">{t('admin.integration.catalogueLink')}</a>
      </div>
      <AsyncView value={status} onRetry={status.reload}>
        {(data) => (
          <>
            <ul className="stats" data-testid="integration-stats">
              <li className="card stat">
                <span className="stat-value">{data.outbox.pending}</span>
                <span className="stat-label">{t('admin.integration.pendingEvents')}</span>
              </li>
              <li className="card stat">
                <span className="stat-value">{formatDuration(data.outbox.lagSeconds, locale)}</span>
                <span className="stat-label">{t('admin.integration.oldestPending')}</span>
              </li>
              <li className="card stat">
                <span className="stat-value">
                  {data.targets.reduce((n, r) => n + r.dead, 0) +
                    data.webhooks.reduce((n, r) => n + r.dead, 0)}
                </span>
                <span className="stat-label">{t('admin.integration.deadLetters')}</span>
              </li>
            </ul>
            <section className="section">
              <h2>{t('admin.integration.targets')}</h2>
              <p className="section-lead">{t('admin.integration.targets.intro')}</p>
              <DataTable
                caption={t('admin.integration.targets')}
                columns={targetColumns}
                rows={data.targets}
                rowKey={(r) => r.target}
                empty={t('list.empty')}
              />
            </section>
            <section className="section">
              <h2>{t('admin.integration.webhooks')}</h2>
              <DataTable
                caption={t('admin.integration.webhooks')}
                columns={webhookColumns}
                rows={data.webhooks}
                rowKey={(r) => r.endpointId}
                empty={t('admin.integration.webhooks.none')}
              />
            </section>
            <p className="muted small">
              {t('admin.integration.asOf', { at: formatDateTime(locale, data.at) })}{' '}
              {t('admin.integration.countersNote')}
            </p>
          </>
        )}
      </AsyncView>
    </Page>
  );
}
