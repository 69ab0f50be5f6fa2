import type { ApiKey, Organisation } from '../api/types.ts';
import type { MessageKey } from '../i18n/catalogue.ts';

export type ApiKeyScope = ApiKey['scopes'][number];

/**
 * Which organisations may hold each scope, as the server checks it (modules/partner/systems.ts):
 * the brand's ERP and CRM at HQ, a dealer's DMS at that dealer. The form offers only these.
 */
export const SCOPE_ORG_KINDS: Record<ApiKeyScope, readonly Organisation['kind'][]> = {
  'partner:read': ['brand', 'dealer', 'supplier', 'plant'],
  'erp:parts': ['brand'],
  'crm:leads': ['brand'],
  'dms:stock': ['dealer'],
  'dms:handover': ['dealer'],
  'wms:arrivals': ['plant', 'brand'],
};

export const API_KEY_SCOPES = Object.keys(SCOPE_ORG_KINDS) as ApiKeyScope[];

export function scopesFor(kind: Organisation['kind'] | undefined): ApiKeyScope[] {
  return kind ? API_KEY_SCOPES.filter((s) => SCOPE_ORG_KINDS[s].includes(kind)) : [];
}

export function scopeLabel(scope: ApiKeyScope): MessageKey {
  return `apiKeyScope.${scope}`;
}

export function scopeHint(scope: ApiKeyScope): MessageKey {
  return `apiKeyScope.hint.${scope}`;
}
