import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LOCALE,
  LOCALE_STORAGE_KEY,
  pickLocalized,
  readStoredLocale,
  storeLocale,
} from './locales.ts';

function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
  };
}

describe('locale persistence', () => {
  it('defaults to zh-CN', () => {
    expect(DEFAULT_LOCALE).toBe('zh-CN');
    expect(readStoredLocale(memoryStorage())).toBe('zh-CN');
    expect(readStoredLocale(undefined)).toBe('zh-CN');
  });

  it('reads back what was stored and ignores anything else', () => {
    const storage = memoryStorage();
    storeLocale(storage, 'en');
    expect(readStoredLocale(storage)).toBe('en');
    expect(readStoredLocale(memoryStorage({ [LOCALE_STORAGE_KEY]: 'fr' }))).toBe('zh-CN');
  });

  it('survives storage that throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(readStoredLocale(broken)).toBe('zh-CN');
    expect(() => storeLocale(broken, 'en')).not.toThrow();
  });

  it('picks the text of the locale, falling back to Chinese when a translation is blank', () => {
    expect(pickLocalized({ 'zh-CN': '上海', en: 'Shanghai' }, 'en')).toBe('Shanghai');
    expect(pickLocalized({ 'zh-CN': '上海', en: '' }, 'en')).toBe('上海');
  });
});
