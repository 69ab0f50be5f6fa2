import { describe, expect, it } from 'vitest';
import { adminPagesFor } from '../admin-nav.ts';

describe('catalogue navigation', () => {
  it('is offered to the roles with catalog.edit only (admin)', () => {
    expect(adminPagesFor('admin').map((p) => p.to)).toContain('/admin/catalog');
    for (const role of ['analyst', 'engineer', 'support_agent'] as const) {
      expect(
        adminPagesFor(role).map((p) => p.to),
        role,
      ).not.toContain('/admin/catalog');
    }
  });
});
