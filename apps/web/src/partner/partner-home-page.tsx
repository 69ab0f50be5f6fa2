import { api, unwrap } from '../api/client.ts';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { AsyncView } from '../ui/async-view.tsx';
import { OrganisationDetails } from '../ui/organisation-details.tsx';
import { Page } from '../ui/page.tsx';
import { useApi } from '../ui/use-api.ts';

export function PartnerHomePage() {
  const { t } = useI18n();
  const organisation = useApi(() => unwrap(api.GET('/partner/organisation')), []);
  return (
    <Page title={t('partner.home.title')} intro={t('partner.home.intro')}>
      <AsyncView value={organisation} onRetry={organisation.reload}>
        {(data) => <OrganisationDetails organisation={data.organisation} testId="partner-organisation" />}
      </AsyncView>
    </Page>
  );
}
