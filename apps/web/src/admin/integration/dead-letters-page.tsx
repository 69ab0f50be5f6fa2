import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import type { OutboxDeadLetter, WebhookDelivery } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { Spinner } from '../../ui/async-view.tsx';
import { type Column, DataTable } from '../../ui/data-table.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Page } from '../../ui/page.tsx';
import { usePaged } from '../../ui/use-paged.ts';
import { outboxLetterKey, replayBody } from './integration-logic.ts';
import './integration.css';

/**
 * Deliveries that failed their last attempt, of webhooks and of in-process subscribers and
 * transports, oldest first. A replay queues them again with a fresh set of attempts; the
 * aggregate's later events, which waited behind them, follow in order.
 */
export function DeadLettersPage() {
  const { t, locale } = useI18n();
  const webhooks = usePaged((cursor) =>
    unwrap(api.GET('/admin/integration/dead-letters/webhooks', { params: { query: { cursor } } })),
  );
  const outbox = usePaged((cursor) =>
    unwrap(api.GET('/admin/integration/dead-letters/outbox', { params: { query: { cursor } } })),
  );
  const [pickedWebhooks, setPickedWebhooks] = useState<Set<string>>(new Set());
  const [pickedOutbox, setPickedOutbox] = useState<Set<string>>(new Set());
  const [confirmAll, setConfirmAll] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<{ webhooks: number; outbox: number } | null>(null);

  const toggle = (set: Set<string>, key: string, update: (s: Set<string>) => void) => {
    const next = new Set(set);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    update(next);
  };

  async function replay(webhookIds: Set<string>, outboxKeys: Set<string>) {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const result = await unwrap(
        api.POST('/admin/integration/dead-letters/replay', { body: replayBody(webhookIds, outboxKeys) }),
      );
      setDone(result.replayed);
      setPickedWebhooks(new Set());
      setPickedOutbox(new Set());
      webhooks.reload();
      outbox.reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  async function replayAll() {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const result = await unwrap(
        api.POST('/admin/integration/dead-letters/replay-all', { body: { source: 'all' } }),
      );
      setDone(result.replayed);
      setConfirmAll(false);
      webhooks.reload();
      outbox.reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const webhookColumns: Column<WebhookDelivery>[] = [
    {
      key: 'pick',
      header: t('admin.integration.select'),
      render: (d) => (
        <input
          type="checkbox"
          aria-label={t('admin.integration.selectLetter', { event: d.eventType, target: d.endpointName })}
          checked={pickedWebhooks.has(d.id)}
          onChange={() => toggle(pickedWebhooks, d.id, setPickedWebhooks)}
        />
      ),
    },
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
    { key: 'attempts', header: t('admin.integration.attempts'), render: (d) => d.attempts },
    {
      key: 'error',
      header: t('admin.integration.lastError'),
      render: (d) => <span className="integration-error">{d.lastError ?? '—'}</span>,
    },
    {
      key: 'dead',
      header: t('admin.integration.deadAt'),
      render: (d) => (d.deadAt ? formatDateTime(locale, d.deadAt) : '—'),
    },
    {
      key: 'replay',
      header: t('field.actions'),
      render: (d) => (
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => replay(new Set([d.id]), new Set())}
        >
          {t('admin.integration.replay')}
        </button>
      ),
    },
  ];
  const outboxColumns: Column<OutboxDeadLetter>[] = [
    {
      key: 'pick',
      header: t('admin.integration.select'),
      render: (d) => (
        <input
          type="checkbox"
          aria-label={t('admin.integration.selectLetter', { event: d.eventType, target: d.target })}
          checked={pickedOutbox.has(outboxLetterKey(d))}
          onChange={() => toggle(pickedOutbox, outboxLetterKey(d), setPickedOutbox)}
        />
      ),
    },
    { key: 'target', header: t('admin.integration.target'), render: (d) => <code>{d.target}</code> },
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
    { key: 'attempts', header: t('admin.integration.attempts'), render: (d) => d.attempts },
    {
      key: 'error',
      header: t('admin.integration.lastError'),
      render: (d) => <span className="integration-error">{d.lastError ?? '—'}</span>,
    },
    {
      key: 'dead',
      header: t('admin.integration.deadAt'),
      render: (d) => (d.deadAt ? formatDateTime(locale, d.deadAt) : '—'),
    },
    {
      key: 'replay',
      header: t('field.actions'),
      render: (d) => (
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => replay(new Set(), new Set([outboxLetterKey(d)]))}
        >
          {t('admin.integration.replay')}
        </button>
      ),
    },
  ];
  const picked = pickedWebhooks.size + pickedOutbox.size;
  const any = webhooks.items.length + outbox.items.length > 0;

  return (
    <Page title={t('admin.integration.deadLetters.title')} intro={t('admin.integration.deadLetters.intro')}>
      {done && (
        <div className="alert alert-success" role="status" data-testid="replay-result">
          <p>{t('admin.integration.replayed', { count: done.webhooks + done.outbox })}</p>
        </div>
      )}
      {error !== null && <ErrorAlert error={error} />}
      <div className="integration-toolbar">
        <button
          type="button"
          className="button button-primary"
          disabled={busy || picked === 0}
          onClick={() => replay(pickedWebhooks, pickedOutbox)}
        >
          {t('admin.integration.replaySelected', { count: picked })}
        </button>
        {confirmAll ? (
          <>
            <button type="button" className="button button-danger" disabled={busy} onClick={replayAll}>
              {t('admin.integration.confirmReplayAll')}
            </button>
            <button type="button" className="button button-ghost" onClick={() => setConfirmAll(false)}>
              {t('action.cancel')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button"
            disabled={busy || !any}
            onClick={() => setConfirmAll(true)}
          >
            {t('admin.integration.replayAll')}
          </button>
        )}
      </div>
      <section className="section">
        <h2>{t('admin.integration.webhooks')}</h2>
        {webhooks.status === 'error' && <ErrorAlert error={webhooks.error} onRetry={webhooks.reload} />}
        {webhooks.status === 'loading' && webhooks.items.length === 0 ? (
          <Spinner />
        ) : (
          <DataTable
            caption={t('admin.integration.webhooks')}
            columns={webhookColumns}
            rows={webhooks.items}
            rowKey={(d) => d.id}
            empty={t('admin.integration.deadLetters.none')}
          />
        )}
        {webhooks.hasMore && (
          <button type="button" className="button" onClick={webhooks.loadMore}>
            {t('action.loadMore')}
          </button>
        )}
      </section>
      <section className="section">
        <h2>{t('admin.integration.targets')}</h2>
        {outbox.status === 'error' && <ErrorAlert error={outbox.error} onRetry={outbox.reload} />}
        {outbox.status === 'loading' && outbox.items.length === 0 ? (
          <Spinner />
        ) : (
          <DataTable
            caption={t('admin.integration.targets')}
            columns={outboxColumns}
            rows={outbox.items}
            rowKey={outboxLetterKey}
            empty={t('admin.integration.deadLetters.none')}
          />
        )}
        {outbox.hasMore && (
          <button type="button" className="button" onClick={outbox.loadMore}>
            {t('action.loadMore')}
          </button>
        )}
      </section>
    </Page>
  );
}
