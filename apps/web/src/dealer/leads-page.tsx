import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client.ts';
import type { Lead } from '../api/types.ts';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { AsyncView, Spinner } from '../ui/async-view.tsx';
import { type Column, DataTable } from '../ui/data-table.tsx';
import { DetailsList } from '../ui/details-list.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDateTime } from '../ui/format.ts';
import { Page } from '../ui/page.tsx';
import { SelectField } from '../ui/select-field.tsx';
import { useApi } from '../ui/use-api.ts';
import { usePaged } from '../ui/use-paged.ts';

const STAGES = ['new', 'contacted', 'test_drive', 'negotiating', 'won', 'lost'] as const;
type StageFilter = '' | (typeof STAGES)[number];

function LeadList({ stage }: { stage: StageFilter }) {
  const { t, locale } = useI18n();
  const list = usePaged((cursor) =>
    unwrap(api.GET('/dealer/leads', { params: { query: { cursor, ...(stage ? { stage } : {}) } } })),
  );
  const columns: Column<Lead>[] = [
    {
      key: 'name',
      header: t('field.name'),
      render: (l) => <Link to={`/dealer/leads/${l.id}`}>{l.name}</Link>,
    },
    { key: 'phone', header: t('field.phone'), render: (l) => <a href={`tel:${l.phone}`}>{l.phone}</a> },
    { key: 'city', header: t('dealer.leads.city'), render: (l) => l.city ?? '—' },
    { key: 'modelLine', header: t('dealer.leads.modelLine'), render: (l) => l.modelLine ?? '—' },
    { key: 'stage', header: t('dealer.leads.stage'), render: (l) => t(`dealer.leads.stage.${l.stage}`) },
    {
      key: 'updated',
      header: t('dealer.leads.updatedAt'),
      render: (l) => formatDateTime(locale, l.updatedAt),
    },
  ];
  return (
    <>
      {list.status === 'error' && <ErrorAlert error={list.error} onRetry={list.reload} />}
      {list.status === 'loading' && list.items.length === 0 ? (
        <Spinner />
      ) : (
        <DataTable
          caption={t('dealer.leads.title')}
          columns={columns}
          rows={list.items}
          rowKey={(l) => l.id}
          empty={t('dealer.leads.none')}
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

/** The dealership's leads from the CRM, newest first; contact details for the sales team. */
export function LeadsPage() {
  const { t } = useI18n();
  const [stage, setStage] = useState<StageFilter>('');
  return (
    <Page title={t('dealer.leads.title')} intro={t('dealer.leads.intro')}>
      <div className="form-grid">
        <SelectField
          label={t('dealer.leads.stage')}
          value={stage}
          onValue={(v) => setStage(v as StageFilter)}
          options={[
            { value: '', label: t('dealer.leads.anyStage') },
            ...STAGES.map((s) => ({ value: s, label: t(`dealer.leads.stage.${s}`) })),
          ]}
        />
      </div>
      {/* A new list per filter: the key restarts paging from the first page. */}
      <LeadList key={stage} stage={stage} />
    </Page>
  );
}

export function LeadPage() {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const lead = useApi(() => unwrap(api.GET('/dealer/leads/{id}', { params: { path: { id } } })), [id]);
  return (
    <Page title={t('dealer.leads.detailTitle')}>
      <AsyncView value={lead} onRetry={lead.reload}>
        {({ lead: l }) => (
          <DetailsList
            items={[
              { label: t('field.name'), value: l.name },
              { label: t('field.phone'), value: <a href={`tel:${l.phone}`}>{l.phone}</a> },
              { label: t('dealer.leads.city'), value: l.city },
              { label: t('dealer.leads.modelLine'), value: l.modelLine },
              { label: t('dealer.leads.stage'), value: t(`dealer.leads.stage.${l.stage}`) },
              {
                label: t('dealer.leads.assignedBy'),
                value: l.assignedBy ? t(`dealer.leads.assignedBy.${l.assignedBy}`) : null,
              },
              { label: t('dealer.leads.source'), value: [l.source, l.campaign].filter(Boolean).join(' · ') },
              { label: t('dealer.leads.crmId'), value: <code>{l.sourceId}</code> },
              { label: t('dealer.leads.updatedAt'), value: formatDateTime(locale, l.updatedAt) },
            ]}
          />
        )}
      </AsyncView>
      <p>
        <Link to="/dealer/leads">{t('dealer.leads.back')}</Link>
      </p>
    </Page>
  );
}
