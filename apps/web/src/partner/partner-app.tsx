import { Route, Routes } from 'react-router';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { NotFoundPage } from '../ui/not-found-page.tsx';
import { Shell } from '../ui/shell.tsx';
import { CallOffPage } from './call-off-page.tsx';
import { CallOffsPage } from './call-offs-page.tsx';
import { PartnerHomePage } from './partner-home-page.tsx';

export function PartnerApp() {
  const { t } = useI18n();
  return (
    <Shell
      audience="partner"
      nav={[
        { to: '/partner', label: t('partner.nav.organisation'), end: true },
        { to: '/partner/call-offs', label: t('partner.nav.callOffs') },
      ]}
    >
      <Routes>
        <Route index element={<PartnerHomePage />} />
        <Route path="call-offs" element={<CallOffsPage />} />
        <Route path="call-offs/:callOffId" element={<CallOffPage />} />
        <Route path="*" element={<NotFoundPage home="/partner" />} />
      </Routes>
    </Shell>
  );
}
