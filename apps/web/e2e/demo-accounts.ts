// The demo accounts the server seeds on first start (apps/server/src/seed), as the journeys use them.
import { DEMO_CUSTOMER, DEMO_PASSWORD, DEMO_STAFF } from '../../server/src/seed/demo-identity.ts';

export type DemoAccount = { key: string; role: string; login: string; password: string; landing: string };

const LANDING: Record<string, string> = {
  admin: '/admin',
  analyst: '/admin',
  engineer: '/admin',
  support_agent: '/admin',
  dealer_staff: '/dealer',
  planner: '/factory',
  // The factory shell opens a station tablet on the scan page.
  station_operator: '/factory/station',
  supplier_user: '/partner',
};

function staff(role: string, index = 0): DemoAccount {
  const person = DEMO_STAFF.filter((p) => p.role === role)[index];
  if (!person) throw new Error(`the seed has no ${role} #${index}`);
  return { key: role, role, login: person.email, password: DEMO_PASSWORD, landing: LANDING[role] ?? '/' };
}

/** Every staff account of the seed, and the customer (by phone, to cover that login too). */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  ...DEMO_STAFF.map((person) => ({
    key: `${person.role} ${person.email}`,
    role: person.role,
    login: person.email,
    password: DEMO_PASSWORD,
    landing: LANDING[person.role] ?? '/',
  })),
  { key: 'customer', role: 'customer', login: DEMO_CUSTOMER.phone, password: DEMO_PASSWORD, landing: '/' },
];

export const ADMIN = staff('admin');
export const DEALER = staff('dealer_staff');
export const CUSTOMER = DEMO_ACCOUNTS[DEMO_ACCOUNTS.length - 1] as DemoAccount;
