import { Route, Routes } from 'react-router';
import { RegisterPage } from '../auth/register-page.tsx';
import { useSession } from '../auth/session.tsx';
import { SignInPage } from '../auth/sign-in-page.tsx';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { NotFoundPage } from '../ui/not-found-page.tsx';
import { type NavItem, Shell } from '../ui/shell.tsx';
import { AccountPage } from './account-page.tsx';
import { HomePage } from './home-page.tsx';

export function StorefrontApp() {
  const { t } = useI18n();
  const { user } = useSession();
  const nav: NavItem[] = [{ to: '/', label: t('nav.home'), end: true }];
  if (user) nav.push({ to: '/account', label: t('nav.account') });
  return (
    <Shell audience="storefront" nav={nav}>
      <Routes>
        <Route index element={<HomePage />} />
        <Route path="account" element={<AccountPage />} />
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route path="*" element={<NotFoundPage home="/" />} />
      </Routes>
    </Shell>
  );
}
