import { useI18n } from '../i18n/i18n-provider.tsx';
import type { Locale } from '../i18n/locales.ts';

const OTHER: Record<Locale, Locale> = { 'zh-CN': 'en', en: 'zh-CN' };

/** One button that switches to the other language, labelled in that language so everyone can find it. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  const next = OTHER[locale];
  return (
    <button
      type="button"
      className="button button-ghost"
      lang={next}
      aria-label={t('language.switchTo')}
      onClick={() => setLocale(next)}
    >
      {t('language.otherName')}
    </button>
  );
}
