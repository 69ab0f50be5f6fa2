import { describe, expect, it } from 'vitest';
import { catalogue } from '../i18n/catalogue.ts';
import { API_KEY_SCOPES, scopeHint, scopeLabel, scopesFor } from './api-key-scopes.ts';

describe('API key scopes in the admin form', () => {
  it('offers each organisation kind only the scopes the server accepts for it', () => {
    expect(scopesFor('brand')).toEqual(['partner:read', 'erp:parts', 'crm:leads', 'wms:arrivals']);
    expect(scopesFor('plant')).toEqual(['partner:read', 'wms:arrivals']);
    expect(scopesFor('dealer')).toEqual(['partner:read', 'dms:stock', 'dms:handover']);
    expect(scopesFor('supplier')).toEqual(['partner:read']);
    expect(scopesFor(undefined)).toEqual([]);
  });

  it('has a label and a hint in both languages for every scope', () => {
    for (const scope of API_KEY_SCOPES) {
      for (const locale of ['zh-CN', 'en'] as const) {
        expect(catalogue[locale][scopeLabel(scope)], `${locale} ${scope}`).toBeTruthy();
        expect(catalogue[locale][scopeHint(scope)], `${locale} ${scope}`).toBeTruthy();
      }
    }
  });
});
