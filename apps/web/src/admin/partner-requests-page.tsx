import { useState } from 'react';
import { api, unwrap } from '../api/client.ts';
import type { PartnerRequest } from '../api/types.ts';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { isMessageKey } from '../i18n/translate.ts';
import { Spinner } from '../ui/async-view.tsx';
import { type Column, DataTable } from '../ui/data-table.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDateTime } from '../ui/format.ts';
import { Page } from '../ui/page.tsx';
import { SelectField } from '../ui/select-field.tsx';
import { TextField } from '../ui/text-field.tsx';
import { usePaged } from '../ui/use-paged.ts';
// .badge-danger lives with the integration pages' styles
import './integration/integration.css';

const SYSTEMS = ['erp', 'wms', 'dms', 'crm', 'mes'] as const;
const RESULTS = ['applied', 'stale', 'duplicate', 'refused'] as const;
type SystemFilter = '' | (typeof SYSTEMS)[number];
type ResultFilter = '' | (typeof RESULTS)[number];

const RESULT_BADGE: Record<PartnerRequest['result'], string> = {
  applied: 'badge badge-ok',
  stale: 'badge badge-muted',
  duplicate: 'badge badge-muted',
  refused: 'badge badge-danger',
};

function RequestList({
  system,
  result,
  naturalKey,
}: {
  system: SystemFilter;
  result: ResultFilter;
  naturalKey: string;
}) {
  const { t, locale } = useI18n();
  const list = usePaged((cursor) =>
    unwrap(
      api.GET('/admin/partner-requests', {
        params: {
          query: {
            cursor,
            ...(system ? { system } : {}),
            ...(result ? { result } : {}),
            ...(naturalKey ? { naturalKey } : {}),
          },
        },
      }),
    ),
  );
  const columns: Column<PartnerRequest>[] = [
    { key: 'at', header: t('field.time'), render: (r) => formatDateTime(locale, r.at) },
    {
      key: 'key',
      header: t('admin.partnerRequests.key'),
      render: (r) => r.keyName ?? <code>{r.keyId}</code>,
    },
    {
      key: 'system',
      header: t('admin.partnerRequests.system'),
      render: (r) => t(`admin.partnerRequests.system.${r.system}`),
    },
    {
      key: 'endpoint',
      header: t('admin.partnerRequests.endpoint'),
      render: (r) => <code>{r.endpoint}</code>,
    },
    {
      key: 'naturalKey',
      header: t('admin.partnerRequests.naturalKey'),
      render: (r) => (r.naturalKey ? <code>{r.naturalKey}</code> : '—'),
    },
    { key: 'version', header: t('admin.partnerRequests.version'), render: (r) => r.version ?? '—' },
    {
      key: 'result',
      header: t('admin.partnerRequests.result'),
      render: (r) => {
        // A refusal reads as its problem text where the catalogue has one, with the code beside it.
        const problem = r.code ? `problem.${r.code}` : '';
        return (
          <span>
            <span className={RESULT_BADGE[r.result]}>{t(`admin.partnerRequests.result.${r.result}`)}</span>
            {r.code && (
              <>
                {' '}
                <code title={isMessageKey(problem) ? t(problem) : undefined}>
                  {r.status} {r.code}
                </code>
              </>
            )}
          </span>
        );
      },
    },
  ];
  return (
    <>
      {list.status === 'error' && <ErrorAlert error={list.error} onRetry={list.reload} />}
      {list.status === 'loading' && list.items.length === 0 ? (
        <Spinner />
      ) : (
        <DataTable
          caption={t('admin.partnerRequests.title')}
          columns={columns}
          rows={list.items}
          rowKey={(r) => r.id}
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

/** The partner request log: every request of a known key, newest first, by system, result and key. */
export function PartnerRequestsPage() {
  const { t } = useI18n();
  const [system, setSystem] = useState<SystemFilter>('');
  const [result, setResult] = useState<ResultFilter>('');
  const [naturalKey, setNaturalKey] = useState('');
  const key = naturalKey.trim();
  return (
    <Page title={t('admin.partnerRequests.title')} intro={t('admin.partnerRequests.intro')}>
      <div className="form-grid">
        <SelectField
          label={t('admin.partnerRequests.system')}
          value={system}
          onValue={(v) => setSystem(v as SystemFilter)}
          options={[
            { value: '', label: t('admin.partnerRequests.any') },
            ...SYSTEMS.map((s) => ({ value: s, label: t(`admin.partnerRequests.system.${s}`) })),
          ]}
        />
        <SelectField
          label={t('admin.partnerRequests.result')}
          value={result}
          onValue={(v) => setResult(v as ResultFilter)}
          options={[
            { value: '', label: t('admin.partnerRequests.any') },
            ...RESULTS.map((r) => ({ value: r, label: t(`admin.partnerRequests.result.${r}`) })),
          ]}
        />
        <TextField label={t('admin.partnerRequests.naturalKey')} value={naturalKey} onValue={setNaturalKey} />
      </div>
      {/* A new list per filter: the key restarts paging from the first page. */}
      <RequestList key={`${system}|${result}|${key}`} system={system} result={result} naturalKey={key} />
    </Page>
  );
}
