export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

// The brand sells in China first: people who have not chosen get Chinese.
export const DEFAULT_LOCALE: Locale = 'zh-CN';
export const LOCALE_STORAGE_KEY = 'c2b.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

export function readStoredLocale(storage: StorageLike | undefined): Locale {
  try {
    const stored = storage?.getItem(LOCALE_STORAGE_KEY);
    return isLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    // Storage can throw (privacy modes, disabled cookies); the default is still usable.
    return DEFAULT_LOCALE;
  }
}

export function storeLocale(storage: StorageLike | undefined, locale: Locale): void {
  try {
    storage?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Not persisting is acceptable: the switch still works for this page load.
  }
}

/** Text the server keeps in both languages (organisation names, cities). */
export type LocalizedText = { 'zh-CN': string; en: string };

// The overloads keep non-null texts typed as string; the server's schema marks some as nullable.
export function pickLocalized(text: LocalizedText, locale: Locale): string;
export function pickLocalized(text: LocalizedText | null | undefined, locale: Locale): string | undefined;
export function pickLocalized(text: LocalizedText | null | undefined, locale: Locale): string | undefined {
  if (!text) return undefined;
  return text[locale] || text[DEFAULT_LOCALE];
}
