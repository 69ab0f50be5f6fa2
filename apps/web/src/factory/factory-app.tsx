import { Route, Routes } from 'react-router';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { NotFoundPage } from '../ui/not-found-page.tsx';
import { Shell } from '../ui/shell.tsx';
import { FactoryHomePage } from './factory-home-page.tsx';

export function FactoryApp() {
  const { t } = useI18n();
  return (
    <Shell audience="factory" nav={[{ to: '/factory', label: t('factory.nav.plant'), end: true }]}>
      <Routes>
        <Route index element={<FactoryHomePage />} />
        <Route path="*" element={<NotFoundPage home="/factory" />} />
      </Routes>
    </Shell>
  );
}
