import { useParams } from 'react-router';
import { api, unwrap } from '../api/client.ts';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { AsyncView } from '../ui/async-view.tsx';
import { OrganisationDetails } from '../ui/organisation-details.tsx';
import { Page } from '../ui/page.tsx';
import { useApi } from '../ui/use-api.ts';

export function DealershipPage() {
  const { t } = useI18n();
  const dealership = useApi(() => unwrap(api.GET('/dealer/dealership')), []);
  return (
    <Page title={t('dealer.dealership.title')} intro={t('dealer.dealership.intro')}>
      <AsyncView value={dealership} onRetry={dealership.reload}>
        {(data) => <OrganisationDetails organisation={data.dealership} testId="dealership" />}
      </AsyncView>
    </Page>
  );
}

/** A dealership by id: the server answers 404 for any dealer but one's own. */
export function DealershipByIdPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const dealership = useApi(
    () => unwrap(api.GET('/dealer/dealerships/{id}', { params: { path: { id } } })),
    [id],
  );
  return (
    <Page title={t('dealer.dealership.title')}>
      <AsyncView value={dealership}>
        {(data) => <OrganisationDetails organisation={data.dealership} testId="dealership" />}
      </AsyncView>
    </Page>
  );
}
