import { describe, expect, it } from 'vitest';
import {
  audienceOfPath,
  canEnter,
  landingPath,
  pathAfterSignIn,
  STAFF_ROLES,
  type StaffRole,
} from './audiences.ts';
import { contactFields } from './contact.ts';

const customer = { kind: 'customer', role: null } as const;
const staff = (role: StaffRole) => ({ kind: 'staff', role }) as const;

describe('landing shell by role', () => {
  it('follows the contract', () => {
    expect(landingPath(customer)).toBe('/');
    const expected: Record<StaffRole, string> = {
      admin: '/admin',
      analyst: '/admin',
      engineer: '/admin',
      support_agent: '/admin',
      dealer_staff: '/dealer',
      planner: '/factory',
      station_operator: '/factory',
      supplier_user: '/partner',
    };
    for (const role of STAFF_ROLES) expect(landingPath(staff(role)), role).toBe(expected[role]);
  });

  it('admits a person only to their own shell, and anyone to the storefront', () => {
    expect(canEnter(customer, 'admin')).toBe(false);
    expect(canEnter(null, 'admin')).toBe(false);
    expect(canEnter(null, 'storefront')).toBe(true);
    expect(canEnter(staff('dealer_staff'), 'dealer')).toBe(true);
    expect(canEnter(staff('dealer_staff'), 'admin')).toBe(false);
    expect(canEnter(staff('analyst'), 'admin')).toBe(true);
  });

  it('lets HQ admins and analysts into the factory shell to read the planner console', () => {
    expect(canEnter(staff('admin'), 'factory')).toBe(true);
    expect(canEnter(staff('analyst'), 'factory')).toBe(true);
    expect(canEnter(staff('engineer'), 'factory')).toBe(false);
    expect(canEnter(staff('dealer_staff'), 'factory')).toBe(false);
    expect(canEnter(customer, 'factory')).toBe(false);
    expect(canEnter(staff('admin'), 'partner')).toBe(false);
    expect(pathAfterSignIn(staff('analyst'), '/factory?line=x')).toBe('/factory?line=x');
  });

  it('finds the audience of a path by its first segment', () => {
    expect(audienceOfPath('/admin')).toBe('admin');
    expect(audienceOfPath('/admin/users')).toBe('admin');
    expect(audienceOfPath('/administrator')).toBe('storefront');
    expect(audienceOfPath('/account')).toBe('storefront');
  });
});

describe('path after sign-in', () => {
  it('returns to where the person was sent from, when they may open it', () => {
    expect(pathAfterSignIn(staff('admin'), '/admin/users?x=1')).toBe('/admin/users?x=1');
    expect(pathAfterSignIn(customer, '/account')).toBe('/account');
  });

  it("goes to the person's own shell otherwise", () => {
    expect(pathAfterSignIn(customer, '/admin')).toBe('/');
    expect(pathAfterSignIn(staff('planner'), null)).toBe('/factory');
    expect(pathAfterSignIn(staff('planner'), '/')).toBe('/factory');
    expect(pathAfterSignIn(staff('supplier_user'), '/sign-in')).toBe('/partner');
  });

  it('never leaves the site', () => {
    expect(pathAfterSignIn(customer, 'https://evil.example/')).toBe('/');
    expect(pathAfterSignIn(customer, '//evil.example/')).toBe('/');
    expect(pathAfterSignIn(customer, '/\\evil.example')).toBe('/');
  });
});

describe('register contact field', () => {
  it('tells an e-mail from a phone number', () => {
    expect(contactFields(' li@example.com ')).toEqual({ email: 'li@example.com' });
    expect(contactFields('138 0013-8000')).toEqual({ phone: '13800138000' });
  });
});
