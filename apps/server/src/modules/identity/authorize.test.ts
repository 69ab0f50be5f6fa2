import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { assertAuthorized, authorize, reachOf } from './authorize.ts';
import { PERMISSION_TABLE, PERMISSIONS, ROLES } from './permissions.ts';

const anonymous: Actor = { kind: 'anonymous' };
const customer: Actor = { kind: 'customer', userId: 'usr_a' };
const dealerSh: Actor = { kind: 'staff', userId: 'usr_sh', role: 'dealer_staff', orgId: 'org_sh' };
const admin: Actor = { kind: 'staff', userId: 'usr_admin', role: 'admin', orgId: 'org_hq' };
const partnerKey: Actor = { kind: 'api_key', keyId: 'key_1', orgId: 'org_sup', scopes: ['partner:read'] };

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
  }
  throw new Error('expected an AppError');
}

describe('permission table', () => {
  it('has a row for every role and only known permissions', () => {
    expect(Object.keys(PERMISSION_TABLE).sort()).toEqual([...ROLES].sort());
    for (const grants of Object.values(PERMISSION_TABLE)) {
      for (const p of Object.keys(grants)) expect(PERMISSIONS).toContain(p);
    }
  });

  it('gives anonymous callers only the public permissions', () => {
    expect(Object.keys(PERMISSION_TABLE.anonymous).sort()).toEqual([
      'brand.read',
      'catalog.read',
      'configuration.save',
      'dealer_directory.read',
      // the delivery calendar (日历订车) answers anyone configuring a car
      'delivery_promise.read',
      'finance.read',
      'order_terms.read',
      'payment_callback.receive',
      'payment_page.use',
      'session.start',
    ]);
  });

  it('gives orders one reach per audience: the buyer self, dealer staff their dealer, HQ all', () => {
    expect(reachOf(customer, 'order.read')).toBe('self');
    expect(reachOf(dealerSh, 'dealer_order.read')).toBe('org');
    expect(reachOf(admin, 'order.read_all')).toBe('all');
    expect(authorize(customer, 'order.read', { orgId: 'org_sh', ownerUserId: 'usr_b' })).toEqual({
      ok: false,
      reason: 'not_found',
    });
    expect(authorize(dealerSh, 'dealer_order.read', { orgId: 'org_bj', ownerUserId: 'usr_a' })).toEqual({
      ok: false,
      reason: 'not_found',
    });
    // nobody but the system moves an order through production yet
    expect(reachOf(admin, 'order.advance')).toBeUndefined();
    expect(reachOf({ kind: 'system', name: 'flow' }, 'order.advance')).toBe('all');
    for (const p of ['order.place', 'order.pay', 'order.cancel', 'order.change'] as const) {
      expect(reachOf(customer, p)).toBe('self');
      expect(reachOf(dealerSh, p)).toBeUndefined();
      expect(reachOf(anonymous, p)).toBeUndefined();
    }
  });

  it('keeps admin-only permissions away from customers and dealer staff', () => {
    for (const p of [
      'user.manage',
      'audit.read',
      'api_key.manage',
      'organisation.list',
      'catalog.edit',
      'order.read_all',
      'order.cancel_any',
      'dealer_profile.manage',
      'finance.manage',
    ] as const) {
      expect(reachOf(customer, p)).toBeUndefined();
      expect(reachOf(dealerSh, p)).toBeUndefined();
      expect(reachOf(admin, p)).toBe('all');
    }
  });
});

describe('production permissions', () => {
  const planner: Actor = { kind: 'staff', userId: 'usr_p', role: 'planner', orgId: 'org_plant' };
  const operator: Actor = { kind: 'staff', userId: 'usr_o', role: 'station_operator', orgId: 'org_plant' };
  const supplier: Actor = { kind: 'staff', userId: 'usr_s', role: 'supplier_user', orgId: 'org_seat' };

  it('binds planners, station operators and suppliers to their own organisation', () => {
    expect(reachOf(planner, 'production_plan.edit')).toBe('org');
    expect(reachOf(operator, 'station.record')).toBe('org');
    expect(reachOf(supplier, 'calloff.respond')).toBe('org');
    expect(authorize(planner, 'production_plan.read', { orgId: 'org_other_plant' })).toEqual({
      ok: false,
      reason: 'not_found',
    });
  });

  it('keeps planning, stations and call-offs away from customers, dealers and each other', () => {
    for (const p of [
      'production_plan.read',
      'production_plan.edit',
      'station.record',
      'calloff.read',
    ] as const) {
      expect(reachOf(customer, p)).toBeUndefined();
      expect(reachOf(dealerSh, p)).toBeUndefined();
    }
    expect(reachOf(operator, 'production_plan.edit')).toBeUndefined();
    expect(reachOf(planner, 'station.record')).toBeUndefined();
    expect(reachOf(supplier, 'production_plan.read')).toBeUndefined();
    expect(reachOf(customer, 'vehicle_progress.read')).toBe('self');
    expect(reachOf(customer, 'delivery_date.reserve')).toBe('self');
  });
});

describe('authorize', () => {
  it('answers unauthenticated for anonymous callers and forbidden for signed-in ones', () => {
    expect(authorize(anonymous, 'user.manage')).toEqual({ ok: false, reason: 'unauthenticated' });
    expect(authorize(customer, 'user.manage')).toEqual({ ok: false, reason: 'forbidden' });
    expect(authorize(anonymous, 'brand.read')).toEqual({ ok: true, reach: 'all' });
  });

  it('limits org-reach grants to the actor organisation, hiding others as not found', () => {
    expect(authorize(dealerSh, 'dealership.read', { orgId: 'org_sh' })).toEqual({ ok: true, reach: 'org' });
    expect(authorize(dealerSh, 'dealership.read', { orgId: 'org_bj' })).toEqual({
      ok: false,
      reason: 'not_found',
    });
    expect(authorize(dealerSh, 'dealership.read', { orgId: null })).toEqual({
      ok: false,
      reason: 'not_found',
    });
  });

  it('limits self-reach grants to records the actor owns', () => {
    expect(authorize(customer, 'account.read', { orgId: null, ownerUserId: 'usr_a' }).ok).toBe(true);
    expect(authorize(customer, 'account.read', { orgId: null, ownerUserId: 'usr_b' })).toEqual({
      ok: false,
      reason: 'not_found',
    });
  });

  it('lets API keys do only what their scopes grant, within their organisation', () => {
    expect(authorize(partnerKey, 'partner_organisation.read', { orgId: 'org_sup' }).ok).toBe(true);
    expect(authorize(partnerKey, 'partner_organisation.read', { orgId: 'org_other' }).ok).toBe(false);
    expect(authorize(partnerKey, 'user.manage')).toEqual({ ok: false, reason: 'forbidden' });
    expect(authorize({ ...partnerKey, scopes: ['unknown:scope'] }, 'partner_organisation.read').ok).toBe(
      false,
    );
  });

  it('lets the system do anything', () => {
    expect(authorize({ kind: 'system', name: 'seed' }, 'user.manage', { orgId: 'org_x' })).toEqual({
      ok: true,
      reach: 'all',
    });
  });
});

describe('assertAuthorized', () => {
  it('throws 401, 403 and the record own 404 code', () => {
    expect(thrown(() => assertAuthorized(anonymous, 'account.read'))).toMatchObject({
      kind: 'unauthenticated',
      code: 'identity.unauthenticated',
    });
    expect(thrown(() => assertAuthorized(customer, 'dealership.read'))).toMatchObject({
      kind: 'forbidden',
      code: 'identity.forbidden',
    });
    expect(
      thrown(() =>
        assertAuthorized(dealerSh, 'dealership.read', {
          orgId: 'org_bj',
          notFoundCode: 'identity.dealership_not_found',
        }),
      ),
    ).toMatchObject({ kind: 'not_found', code: 'identity.dealership_not_found' });
    expect(assertAuthorized(admin, 'user.manage')).toBe('all');
  });
});
