import { api, unwrap } from '../api/client.ts';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { AsyncView } from '../ui/async-view.tsx';
import { DetailsList } from '../ui/details-list.tsx';
import { OrganisationDetails } from '../ui/organisation-details.tsx';
import { Page } from '../ui/page.tsx';
import { useApi } from '../ui/use-api.ts';

export function FactoryHomePage() {
  const { t } = useI18n();
  const me = useApi(() => unwrap(api.GET('/factory/me')), []);
  return (
    <Page title={t('factory.home.title')} intro={t('factory.home.intro')}>
      <AsyncView value={me} onRetry={me.reload}>
        {(data) => (
          <div className="grid-2">
            <div className="card" data-testid="factory-person">
              <h2>{t('factory.home.person')}</h2>
              <DetailsList
                items={[
                  { label: t('field.name'), value: data.user.name },
                  { label: t('field.role'), value: data.user.role ? t(`role.${data.user.role}`) : undefined },
                  { label: t('field.email'), value: data.user.email },
                  { label: t('field.phone'), value: data.user.phone },
                ]}
              />
            </div>
            <OrganisationDetails organisation={data.plant} testId="plant" />
          </div>
        )}
      </AsyncView>
    </Page>
  );
}
