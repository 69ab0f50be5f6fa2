import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { Page } from '../ui/page.tsx';
import { Shell } from '../ui/shell.tsx';
import { type Audience, landingAudience, landingPath } from './audiences.ts';
import { useSession } from './session.tsx';

export function NoAccessPage({ audience }: { audience: Audience }) {
  const { t } = useI18n();
  const { user } = useSession();
  if (!user) return null;
  const home = landingAudience(user);
  return (
    <Shell audience={home} nav={[]}>
      <Page title={t('noAccess.title')}>
        <div className="notice" data-testid="no-access">
          <p>{t('noAccess.body', { area: t(`audience.${audience}`) })}</p>
          <p>
            <Link className="button button-primary" to={landingPath(user)}>
              {home === 'storefront'
                ? t('noAccess.toStorefront')
                : t('noAccess.toWorkspace', { area: t(`audience.${home}`) })}
            </Link>
          </p>
        </div>
      </Page>
    </Shell>
  );
}
