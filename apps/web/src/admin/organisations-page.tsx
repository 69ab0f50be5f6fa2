import { api, unwrap } from '../api/client.ts';
import type { Organisation } from '../api/types.ts';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { pickLocalized } from '../i18n/locales.ts';
import { AsyncView } from '../ui/async-view.tsx';
import { type Column, DataTable } from '../ui/data-table.tsx';
import { Page } from '../ui/page.tsx';
import { useApi } from '../ui/use-api.ts';

export function OrganisationsPage() {
  const { t, locale } = useI18n();
  const organisations = useApi(() => unwrap(api.GET('/admin/organisations')), []);
  const columns: Column<Organisation>[] = [
    { key: 'name', header: t('field.name'), render: (o) => pickLocalized(o.name, locale) ?? o.code },
    { key: 'kind', header: t('field.orgKind'), render: (o) => t(`orgKind.${o.kind}`) },
    { key: 'code', header: t('field.code'), render: (o) => <code>{o.code}</code> },
    { key: 'city', header: t('field.city'), render: (o) => pickLocalized(o.city, locale) ?? '—' },
  ];
  return (
    <Page title={t('admin.organisations.title')} intro={t('admin.organisations.intro')}>
      <AsyncView value={organisations} onRetry={organisations.reload}>
        {(data) => (
          <DataTable
            caption={t('admin.organisations.title')}
            columns={columns}
            rows={data.items}
            rowKey={(o) => o.id}
            empty={t('list.empty')}
          />
        )}
      </AsyncView>
    </Page>
  );
}
