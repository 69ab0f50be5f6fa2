import { Route, Routes } from 'react-router';
import { RegisterPage } from '../auth/register-page.tsx';
import { useSession } from '../auth/session.tsx';
import { SignInPage } from '../auth/sign-in-page.tsx';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { NotFoundPage } from '../ui/not-found-page.tsx';
import { type NavItem, Shell } from '../ui/shell.tsx';
import { AccountPage } from './account-page.tsx';
import { CheckoutPage } from './checkout/checkout-page.tsx';
import { ComparePage } from './configure/compare-page.tsx';
import { ConfigurePage, SharedConfigurationPage } from './configure/configure-page.tsx';
import { ModelLinesPage } from './configure/model-lines-page.tsx';
import { SpecPage } from './configure/spec-page.tsx';
import { HomePage } from './home-page.tsx';
import { MyVehiclePage, MyVehiclesPage } from './my-vehicles/my-vehicles-page.tsx';
import { ChangeConfigurationPage } from './orders/change-configuration-page.tsx';
import { MyOrdersPage } from './orders/my-orders-page.tsx';
import { OrderPage } from './orders/order-page.tsx';

export function StorefrontApp() {
  const { t } = useI18n();
  const { user } = useSession();
  const nav: NavItem[] = [
    { to: '/', label: t('nav.home'), end: true },
    { to: '/models', label: t('nav.models') },
  ];
  if (user?.kind === 'customer') {
    nav.push({ to: '/orders', label: t('nav.orders') });
    nav.push({ to: '/my/vehicles', label: t('nav.myVehicles') });
  }
  if (user) nav.push({ to: '/account', label: t('nav.account') });
  return (
    <Shell audience="storefront" nav={nav}>
      <Routes>
        <Route index element={<HomePage />} />
        <Route path="models" element={<ModelLinesPage />} />
        <Route path="configure/:line" element={<ConfigurePage />} />
        <Route path="c/:code" element={<SharedConfigurationPage />} />
        <Route path="c/:code/spec" element={<SpecPage />} />
        <Route path="compare" element={<ComparePage />} />
        <Route path="checkout/:code" element={<CheckoutPage />} />
        <Route path="orders" element={<MyOrdersPage />} />
        <Route path="orders/:id" element={<OrderPage />} />
        <Route path="orders/:id/change" element={<ChangeConfigurationPage />} />
        <Route path="my/vehicles" element={<MyVehiclesPage />} />
        <Route path="my/vehicles/:vehicleId" element={<MyVehiclePage />} />
        <Route path="account" element={<AccountPage />} />
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route path="*" element={<NotFoundPage home="/" />} />
      </Routes>
    </Shell>
  );
}
