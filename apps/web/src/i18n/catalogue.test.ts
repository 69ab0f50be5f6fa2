import { describe, expect, it } from 'vitest';
import { STAFF_ROLES } from '../auth/audiences.ts';
import { catalogue, type MessageKey } from './catalogue.ts';
import { LOCALES } from './locales.ts';
import { placeholdersOf, translate } from './translate.ts';

const zhKeys = Object.keys(catalogue['zh-CN']).sort();

describe('i18n catalogue', () => {
  it('has every key in every language, and no extra ones', () => {
    for (const locale of LOCALES) {
      expect(Object.keys(catalogue[locale]).sort(), locale).toEqual(zhKeys);
    }
  });

  it('has no empty text', () => {
    for (const locale of LOCALES) {
      for (const [key, text] of Object.entries(catalogue[locale])) {
        expect(text.trim(), `${locale} ${key}`).not.toBe('');
      }
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of zhKeys as MessageKey[]) {
      expect(placeholdersOf(catalogue.en[key]), key).toEqual(placeholdersOf(catalogue['zh-CN'][key]));
    }
  });

  it('names every staff role', () => {
    for (const role of STAFF_ROLES) {
      expect(zhKeys).toContain(`role.${role}`);
    }
  });

  it('translates with parameters and leaves unknown placeholders visible', () => {
    expect(translate('zh-CN', 'storefront.title')).toBe('定制你的车');
    expect(translate('en', 'storefront.title')).toBe('Build your car');
    expect(translate('en', 'account.intro', { name: 'Li Wei' })).toBe('Hello, Li Wei.');
    expect(translate('en', 'account.intro')).toBe('Hello, {name}.');
  });
});
