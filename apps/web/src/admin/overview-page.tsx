import { Link } from 'react-router';
import { api, unwrap } from '../api/client.ts';
import type { Organisation } from '../api/types.ts';
import { useSession } from '../auth/session.tsx';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { pickLocalized } from '../i18n/locales.ts';
import { AsyncView } from '../ui/async-view.tsx';
import { DetailsList } from '../ui/details-list.tsx';
import { Page } from '../ui/page.tsx';
import { useApi } from '../ui/use-api.ts';
import { adminPagesFor } from './admin-nav.ts';

const ORG_KINDS = ['brand', 'dealer', 'supplier', 'plant'] as const satisfies ReadonlyArray<
  Organisation['kind']
>;

function OrganisationCounts() {
  const { t } = useI18n();
  const organisations = useApi(() => unwrap(api.GET('/admin/organisations')), []);
  return (
    <AsyncView value={organisations} onRetry={organisations.reload}>
      {(data) => (
        <ul className="stats" data-testid="organisation-counts">
          {ORG_KINDS.map((kind) => (
            <li key={kind} className="card stat">
              <span className="stat-value">{data.items.filter((o) => o.kind === kind).length}</span>
              <span className="stat-label">{t(`orgKindPlural.${kind}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </AsyncView>
  );
}

export function OverviewPage() {
  const { t, locale } = useI18n();
  const { user } = useSession();
  if (!user) return null;
  const pages = adminPagesFor(user.role).filter((page) => page.to !== '/admin');
  const seesOrganisations = pages.some((page) => page.to === '/admin/organisations');
  return (
    <Page title={t('admin.overview.title')} intro={t('admin.overview.intro', { name: user.name })}>
      <div className="grid-2">
        <div className="card" data-testid="admin-overview">
          <h2>{t('admin.overview.you')}</h2>
          <DetailsList
            items={[
              { label: t('field.name'), value: user.name },
              { label: t('field.role'), value: user.role ? t(`role.${user.role}`) : undefined },
              {
                label: t('field.organisation'),
                value: user.orgName ? pickLocalized(user.orgName, locale) : undefined,
              },
              { label: t('field.email'), value: user.email },
            ]}
          />
        </div>
        <div className="card">
          <h2>{t('admin.overview.sections')}</h2>
          {pages.length === 0 ? (
            <p>{t('admin.overview.noSections')}</p>
          ) : (
            <ul className="link-list">
              {pages.map((page) => (
                <li key={page.to}>
                  <Link to={page.to}>{t(page.label)}</Link>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      {seesOrganisations && (
        <section className="section" aria-labelledby="org-counts-title">
          <h2 id="org-counts-title">{t('admin.overview.organisations')}</h2>
          <OrganisationCounts />
        </section>
      )}
    </Page>
  );
}
