/** Who is making a call. Resolved by the session middleware; passed in every ctx. */
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

export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'customer'; userId: string }
  | { kind: 'staff'; userId: string; role: StaffRole; orgId: string }
  | { kind: 'api_key'; keyId: string; orgId: string; scopes: string[] }
  | { kind: 'system'; name: string };

export const anonymousActor: Actor = { kind: 'anonymous' };

export function systemActor(name: string): Actor {
  return { kind: 'system', name };
}

/** The id recorded for an actor in audit rows and event envelopes. */
export function actorId(actor: Actor): string | null {
  switch (actor.kind) {
    case 'anonymous':
      return null;
    case 'customer':
    case 'staff':
      return actor.userId;
    case 'api_key':
      return actor.keyId;
    case 'system':
      return actor.name;
  }
}

export function actorOrgId(actor: Actor): string | null {
  return actor.kind === 'staff' || actor.kind === 'api_key' ? actor.orgId : null;
}
