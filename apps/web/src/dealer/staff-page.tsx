import { api, unwrap } from '../api/client.ts';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { AsyncView } from '../ui/async-view.tsx';
import { Page } from '../ui/page.tsx';
import { PeopleTable } from '../ui/people-table.tsx';
import { useApi } from '../ui/use-api.ts';

export function StaffPage() {
  const { t } = useI18n();
  const staff = useApi(() => unwrap(api.GET('/dealer/staff')), []);
  return (
    <Page title={t('dealer.staff.title')} intro={t('dealer.staff.intro')}>
      <AsyncView value={staff} onRetry={staff.reload}>
        {(data) => <PeopleTable people={data.items} caption={t('dealer.staff.title')} />}
      </AsyncView>
    </Page>
  );
}
