import type { StaffRole } from '../auth/audiences.ts';
import type { MessageKey } from '../i18n/catalogue.ts';

// Who may open which admin page, as the server's permissions say; the nav hides the rest.
export const ADMIN_PAGES = [
  {
    to: '/admin',
    label: 'admin.nav.overview',
    roles: ['admin', 'analyst', 'engineer', 'support_agent'],
    end: true,
  },
  { to: '/admin/organisations', label: 'admin.nav.organisations', roles: ['admin', 'analyst'] },
  { to: '/admin/users', label: 'admin.nav.users', roles: ['admin'] },
  { to: '/admin/audit-log', label: 'admin.nav.auditLog', roles: ['admin'] },
  { to: '/admin/api-keys', label: 'admin.nav.apiKeys', roles: ['admin'] },
  // order.read_all: admin and support (read only); order.cancel_any: admin.
  { to: '/admin/orders', label: 'admin.nav.orders', roles: ['admin', 'support_agent'] },
  // catalog.edit: admin only (docs/catalog-contract.md).
  { to: '/admin/catalog', label: 'admin.nav.catalog', roles: ['admin'] },
  // integration.read / integration.manage: admin only.
  { to: '/admin/integration', label: 'admin.nav.integration', roles: ['admin'], end: true },
  { to: '/admin/integration/webhooks', label: 'admin.nav.integrationWebhooks', roles: ['admin'] },
  { to: '/admin/integration/deliveries', label: 'admin.nav.integrationDeliveries', roles: ['admin'] },
  { to: '/admin/integration/dead-letters', label: 'admin.nav.integrationDeadLetters', roles: ['admin'] },
  // production_plan.read: the planner console in the factory shell, read-only for HQ.
  { to: '/factory', label: 'admin.nav.production', roles: ['admin', 'analyst'] },
] as const satisfies ReadonlyArray<{
  to: string;
  label: MessageKey;
  roles: readonly StaffRole[];
  end?: boolean;
}>;

export type AdminPage = (typeof ADMIN_PAGES)[number];

export function adminPagesFor(role: StaffRole | null): AdminPage[] {
  if (!role) return [];
  return ADMIN_PAGES.filter((page) => (page.roles as readonly StaffRole[]).includes(role));
}
