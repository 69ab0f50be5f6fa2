// Which shell each person belongs in ("Landing shell by role" in docs/foundation-contract.md).

export const STAFF_ROLES = [
  'admin',
  'dealer_staff',
  'planner',
  'station_operator',
  'supplier_user',
  'analyst',
  'engineer',
  'support_agent',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const AUDIENCES = ['storefront', 'dealer', 'admin', 'factory', 'partner'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const AUDIENCE_PATH: Record<Audience, string> = {
  storefront: '/',
  dealer: '/dealer',
  admin: '/admin',
  factory: '/factory',
  partner: '/partner',
};

export const SHELL_BY_ROLE: Record<StaffRole, Exclude<Audience, 'storefront'>> = {
  admin: 'admin',
  analyst: 'admin',
  engineer: 'admin',
  support_agent: 'admin',
  dealer_staff: 'dealer',
  planner: 'factory',
  station_operator: 'factory',
  supplier_user: 'partner',
};

/** The part of a user this module needs; the API's User satisfies it. */
export type Person = { kind: 'customer' | 'staff'; role: StaffRole | null };

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}

export function landingAudience(person: Person): Audience {
  if (person.kind === 'staff' && person.role) return SHELL_BY_ROLE[person.role];
  return 'storefront';
}

export function landingPath(person: Person): string {
  return AUDIENCE_PATH[landingAudience(person)];
}

// Shells a role may open besides its own: HQ admins and analysts read the planner console
// (production_plan.read), read-only.
const ALSO_ENTERS: Partial<Record<StaffRole, readonly Audience[]>> = {
  admin: ['factory'],
  analyst: ['factory'],
};

/** The storefront is public; every other shell admits staff whose role lands there (and HQ the factory). */
export function canEnter(person: Person | null, audience: Audience): boolean {
  if (audience === 'storefront') return true;
  if (person === null) return false;
  if (landingAudience(person) === audience) return true;
  return (
    person.kind === 'staff' && person.role !== null && (ALSO_ENTERS[person.role] ?? []).includes(audience)
  );
}

export function audienceOfPath(pathname: string): Audience {
  for (const audience of AUDIENCES) {
    if (audience === 'storefront') continue;
    const prefix = AUDIENCE_PATH[audience];
    if (pathname === prefix || pathname.startsWith(`${prefix}/`)) return audience;
  }
  return 'storefront';
}

// Pages of the storefront that make no sense to return to once signed in.
const AUTH_PAGES = ['/sign-in', '/register'];

/**
 * Where to go after signing in: the page the person was sent away from, if it is a local path they
 * may open; otherwise their own shell. Refusing other origins keeps `?next=` from being an open redirect.
 */
export function pathAfterSignIn(person: Person, next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.includes('\\')) return landingPath(person);
  const pathname = next.split(/[?#]/)[0] ?? '/';
  if (AUTH_PAGES.includes(pathname)) return landingPath(person);
  const audience = audienceOfPath(pathname);
  // Staff sent to the storefront home by default land in their own shell instead.
  if (audience === 'storefront' && pathname === '/') return landingPath(person);
  return canEnter(person, audience) ? next : landingPath(person);
}
