import type { ApiKeyScope, OrganisationKind } from '../identity/index.ts';
import type { PartnerSystem } from './types.ts';

/**
 * Which system each API key scope belongs to, and which organisations may hold it: the
 * brand's own ERP and CRM sit at HQ, a plant's WMS at the plant, a dealer's DMS at that dealer
 * (its key's organisation is the dealer whose stock it reports). A scope outside its kinds is
 * refused when the key is created.
 */
export const SCOPE_SYSTEMS = {
  'partner:read': { system: null, orgKinds: ['brand', 'dealer', 'supplier', 'plant'] },
  'erp:parts': { system: 'erp', orgKinds: ['brand'] },
  'crm:leads': { system: 'crm', orgKinds: ['brand'] },
  'dms:stock': { system: 'dms', orgKinds: ['dealer'] },
  'dms:handover': { system: 'dms', orgKinds: ['dealer'] },
  'wms:arrivals': { system: 'wms', orgKinds: ['plant', 'brand'] },
} as const satisfies Record<
  ApiKeyScope,
  { system: PartnerSystem | null; orgKinds: readonly OrganisationKind[] }
>;

/** The scopes that an organisation of this kind may not hold, with their index in `scopes`. */
export function scopesNotFor(
  scopes: readonly ApiKeyScope[],
  orgKind: OrganisationKind,
): { index: number; scope: ApiKeyScope; allowed: readonly OrganisationKind[] }[] {
  return scopes.flatMap((scope, index) => {
    const allowed: readonly OrganisationKind[] = SCOPE_SYSTEMS[scope].orgKinds;
    return allowed.includes(orgKind) ? [] : [{ index, scope, allowed }];
  });
}
