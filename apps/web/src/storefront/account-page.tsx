import { Link, Navigate } from 'react-router';
import { landingAudience, landingPath } from '../auth/audiences.ts';
import { useSession } from '../auth/session.tsx';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { pickLocalized } from '../i18n/locales.ts';
import { Spinner } from '../ui/async-view.tsx';
import { DetailsList } from '../ui/details-list.tsx';
import { Page } from '../ui/page.tsx';
import { MyOrdersList } from './orders/my-orders-page.tsx';

export function AccountPage() {
  const { t, locale } = useI18n();
  const { user } = useSession();
  if (user === undefined) return <Spinner />;
  if (user === null) return <Navigate to="/sign-in?next=%2Faccount" replace />;
  const staff = landingAudience(user) !== 'storefront';
  return (
    <Page title={t('account.title')} intro={t('account.intro', { name: user.name })}>
      <div className="card">
        <h2>{t('account.profile')}</h2>
        <DetailsList
          items={[
            { label: t('field.name'), value: user.name },
            { label: t('field.phone'), value: user.phone },
            { label: t('field.email'), value: user.email },
            { label: t('field.accountType'), value: user.role ? t(`role.${user.role}`) : t('role.customer') },
            ...(user.orgName
              ? [{ label: t('field.organisation'), value: pickLocalized(user.orgName, locale) }]
              : []),
          ]}
        />
      </div>
      {staff ? (
        <p>
          <Link className="button button-primary" to={landingPath(user)}>
            {t('shell.myWorkspace')}
          </Link>
        </p>
      ) : (
        <section className="card" aria-labelledby="account-orders-title">
          <h2 id="account-orders-title">{t('account.orders.title')}</h2>
          <MyOrdersList />
          <p>
            <Link to="/orders">{t('account.orders.all')}</Link>
          </p>
        </section>
      )}
    </Page>
  );
}
