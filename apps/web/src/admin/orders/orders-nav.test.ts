import { describe, expect, it } from 'vitest';
import { adminPagesFor } from '../admin-nav.ts';

describe('orders navigation', () => {
  it('is offered to the roles with order.read_all (admin, support) only', () => {
    for (const role of ['admin', 'support_agent'] as const) {
      expect(
        adminPagesFor(role).map((p) => p.to),
        role,
      ).toContain('/admin/orders');
    }
    for (const role of ['analyst', 'engineer'] as const) {
      expect(
        adminPagesFor(role).map((p) => p.to),
        role,
      ).not.toContain('/admin/orders');
    }
  });
});
