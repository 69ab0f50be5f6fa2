import { Route, Routes } from 'react-router';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { NotFoundPage } from '../ui/not-found-page.tsx';
import { Shell } from '../ui/shell.tsx';
import { DealershipByIdPage, DealershipPage } from './dealership-page.tsx';
import { HandoverPage } from './handover-page.tsx';
import { HandoversPage } from './handovers-page.tsx';
import { LeadPage, LeadsPage } from './leads-page.tsx';
import { DealerOrderPage, DealerOrdersPage } from './orders-pages.tsx';
import { StaffPage } from './staff-page.tsx';

export function DealerApp() {
  const { t } = useI18n();
  return (
    <Shell
      audience="dealer"
      nav={[
        { to: '/dealer', label: t('dealer.nav.dealership'), end: true },
        { to: '/dealer/orders', label: t('dealer.nav.orders') },
        // hand-over appointments and the pre-delivery checklist (issue #6)
        { to: '/dealer/handovers', label: t('dealer.nav.handovers') },
        { to: '/dealer/staff', label: t('dealer.nav.staff') },
        // leads from the CRM (issue #7)
        { to: '/dealer/leads', label: t('dealer.nav.leads') },
      ]}
    >
      <Routes>
        <Route index element={<DealershipPage />} />
        <Route path="orders" element={<DealerOrdersPage />} />
        <Route path="orders/:id" element={<DealerOrderPage />} />
        <Route path="handovers" element={<HandoversPage />} />
        <Route path="handovers/:vehicleId" element={<HandoverPage />} />
        <Route path="staff" element={<StaffPage />} />
        <Route path="leads" element={<LeadsPage />} />
        <Route path="leads/:id" element={<LeadPage />} />
        <Route path="dealerships/:id" element={<DealershipByIdPage />} />
        <Route path="*" element={<NotFoundPage home="/dealer" />} />
      </Routes>
    </Shell>
  );
}
