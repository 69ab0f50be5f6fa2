import { api, unwrap } from '../api/client.ts';
import type { AuditEntry } from '../api/types.ts';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { isMessageKey } from '../i18n/translate.ts';
import { Spinner } from '../ui/async-view.tsx';
import { type Column, DataTable } from '../ui/data-table.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDateTime } from '../ui/format.ts';
import { Page } from '../ui/page.tsx';
import { usePaged } from '../ui/use-paged.ts';

export function AuditLogPage() {
  const { t, locale } = useI18n();
  const entries = usePaged((cursor) =>
    unwrap(api.GET('/admin/audit-log', { params: { query: { cursor } } })),
  );
  const columns: Column<AuditEntry>[] = [
    { key: 'at', header: t('field.time'), render: (e) => formatDateTime(locale, e.at) },
    { key: 'actor', header: t('field.actor'), render: (e) => <code>{e.actor}</code> },
    {
      key: 'action',
      header: t('field.action'),
      render: (e) => {
        // Known actions read as words; new ones still show their stable code.
        const key = `audit.${e.action}`;
        return isMessageKey(key) ? <span title={e.action}>{t(key)}</span> : <code>{e.action}</code>;
      },
    },
    {
      key: 'target',
      header: t('field.target'),
      render: (e) => <code>{`${e.targetType}:${e.targetId}`}</code>,
    },
  ];
  return (
    <Page title={t('admin.auditLog.title')} intro={t('admin.auditLog.intro')}>
      {entries.status === 'error' && <ErrorAlert error={entries.error} onRetry={entries.reload} />}
      {entries.status === 'loading' && entries.items.length === 0 ? (
        <Spinner />
      ) : (
        <DataTable
          caption={t('admin.auditLog.title')}
          columns={columns}
          rows={entries.items}
          rowKey={(e) => e.id}
          empty={t('list.empty')}
        />
      )}
      {entries.hasMore && (
        <button
          type="button"
          className="button"
          onClick={entries.loadMore}
          disabled={entries.status === 'loading'}
        >
          {t('action.loadMore')}
        </button>
      )}
    </Page>
  );
}
