import type { Actor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import {
  isApiKeyScope,
  PERMISSION_TABLE,
  type Permission,
  type Reach,
  type Role,
  SCOPE_TABLE,
} from './permissions.ts';

/** The record being acted on: its organisation and, for customer data, its owner. */
export type AccessTarget = {
  orgId: string | null;
  ownerUserId?: string | null;
};

export type Decision =
  | { ok: true; reach: Reach }
  | { ok: false; reason: 'unauthenticated' | 'forbidden' | 'not_found' };

const REACH_ORDER: Record<Reach, number> = { self: 0, org: 1, all: 2 };

/** The widest reach the actor has for a permission, or undefined when it has none. */
export function reachOf(actor: Actor, permission: Permission): Reach | undefined {
  switch (actor.kind) {
    case 'system':
      return 'all';
    case 'api_key': {
      let best: Reach | undefined;
      for (const scope of actor.scopes) {
        if (!isApiKeyScope(scope)) continue;
        const grants: Partial<Record<Permission, Reach>> = SCOPE_TABLE[scope];
        const reach = grants[permission];
        if (reach && (!best || REACH_ORDER[reach] > REACH_ORDER[best])) best = reach;
      }
      return best;
    }
    default: {
      const role: Role = actor.kind === 'staff' ? actor.role : actor.kind;
      const grants: Partial<Record<Permission, Reach>> = PERMISSION_TABLE[role];
      return grants[permission];
    }
  }
}

function inReach(actor: Actor, reach: Reach, target: AccessTarget): boolean {
  if (reach === 'all') return true;
  if (reach === 'org') {
    return (actor.kind === 'staff' || actor.kind === 'api_key') && target.orgId === actor.orgId;
  }
  return (actor.kind === 'customer' || actor.kind === 'staff') && target.ownerUserId === actor.userId;
}

/**
 * The one decision on "may this actor do this (to that organisation's or customer's record)".
 * Without a target only the role is checked; the caller then lists within `reach`.
 */
export function authorize(actor: Actor, permission: Permission, target?: AccessTarget): Decision {
  const reach = reachOf(actor, permission);
  if (!reach) return { ok: false, reason: actor.kind === 'anonymous' ? 'unauthenticated' : 'forbidden' };
  if (target && !inReach(actor, reach, target)) return { ok: false, reason: 'not_found' };
  return { ok: true, reach };
}

/**
 * `authorize`, throwing: 401 `identity.unauthenticated`, 403 `identity.forbidden`, or 404 with
 * `notFoundCode` (the record's own code, the same one as for a record that does not exist).
 */
export function assertAuthorized(
  actor: Actor,
  permission: Permission,
  target?: AccessTarget & { notFoundCode: string },
): Reach {
  const decision = authorize(actor, permission, target);
  if (decision.ok) return decision.reach;
  switch (decision.reason) {
    case 'unauthenticated':
      throw new AppError('unauthenticated', 'identity.unauthenticated', 'Sign in to continue.');
    case 'forbidden':
      throw new AppError('forbidden', 'identity.forbidden', 'Your role does not allow this.');
    case 'not_found':
      throw new AppError('not_found', target?.notFoundCode ?? 'identity.not_found', 'Not found.');
  }
}
