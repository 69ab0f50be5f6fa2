import { Route, Routes } from 'react-router';
import { useSession } from '../auth/session.tsx';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { NotFoundPage } from '../ui/not-found-page.tsx';
import { Shell } from '../ui/shell.tsx';
import { adminPagesFor } from './admin-nav.ts';
import { ApiKeysPage } from './api-keys-page.tsx';
import { AuditLogPage } from './audit-log-page.tsx';
import { DraftEditorPage } from './catalog/draft-editor-page.tsx';
import { ModelLinesPage } from './catalog/model-lines-page.tsx';
import { DeadLettersPage } from './integration/dead-letters-page.tsx';
import { DeliveriesPage } from './integration/deliveries-page.tsx';
import { EventPage } from './integration/event-page.tsx';
import { IntegrationStatusPage } from './integration/status-page.tsx';
import { WebhooksPage } from './integration/webhooks-page.tsx';
import { AdminOrderPage, AdminOrdersPage } from './orders/orders-pages.tsx';
import { OrganisationsPage } from './organisations-page.tsx';
import { OverviewPage } from './overview-page.tsx';
import { UsersPage } from './users-page.tsx';

export function AdminApp() {
  const { t } = useI18n();
  const { user } = useSession();
  const nav = adminPagesFor(user?.role ?? null).map((page) => ({
    to: page.to,
    label: t(page.label),
    ...('end' in page ? { end: page.end } : {}),
  }));
  return (
    <Shell audience="admin" nav={nav}>
      <Routes>
        <Route index element={<OverviewPage />} />
        <Route path="organisations" element={<OrganisationsPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="audit-log" element={<AuditLogPage />} />
        <Route path="api-keys" element={<ApiKeysPage />} />
        <Route path="catalog" element={<ModelLinesPage />} />
        <Route path="catalog/:code" element={<DraftEditorPage />} />
        <Route path="integration" element={<IntegrationStatusPage />} />
        <Route path="integration/webhooks" element={<WebhooksPage />} />
        <Route path="integration/deliveries" element={<DeliveriesPage />} />
        <Route path="integration/events/:id" element={<EventPage />} />
        <Route path="integration/dead-letters" element={<DeadLettersPage />} />
        <Route path="orders" element={<AdminOrdersPage />} />
        <Route path="orders/:id" element={<AdminOrderPage />} />
        <Route path="*" element={<NotFoundPage home="/admin" />} />
      </Routes>
    </Shell>
  );
}
