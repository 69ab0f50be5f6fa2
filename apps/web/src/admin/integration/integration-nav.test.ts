import { describe, expect, it } from 'vitest';
import { adminPagesFor } from '../admin-nav.ts';

describe('integration pages in the admin nav', () => {
  it('are for admins only, as integration.read and integration.manage are', () => {
    const paths = (role: Parameters<typeof adminPagesFor>[0]) =>
      adminPagesFor(role)
        .map((p) => p.to)
        .filter((to) => to.startsWith('/admin/integration'));
    expect(paths('admin')).toEqual([
      '/admin/integration',
      '/admin/integration/webhooks',
      '/admin/integration/deliveries',
      '/admin/integration/dead-letters',
    ]);
    for (const role of ['analyst', 'engineer', 'support_agent', 'dealer_staff'] as const) {
      expect(paths(role), role).toEqual([]);
    }
  });
});
