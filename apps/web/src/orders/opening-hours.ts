import type { Locale } from '../i18n/locales.ts';

/**
 * Opening hours as people read them, from the OpenStreetMap `opening_hours` syntax the dealer
 * profiles keep. The common subset: rules separated by ";", each days ("Mo-Fr", "Sa,Su", "Mo")
 * and time ranges ("09:00-18:00", "09:00-12:00,13:00-18:00"), "off", and "24/7". Anything else
 * is shown as written rather than guessed at.
 */
const DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
type Day = (typeof DAYS)[number];

const DAY_NAMES: Record<Locale, Record<Day, string>> = {
  'zh-CN': { Mo: '周一', Tu: '周二', We: '周三', Th: '周四', Fr: '周五', Sa: '周六', Su: '周日' },
  en: { Mo: 'Mon', Tu: 'Tue', We: 'Wed', Th: 'Thu', Fr: 'Fri', Sa: 'Sat', Su: 'Sun' },
};

const WORDS: Record<
  Locale,
  { range: string; list: string; rules: string; closed: string; always: string; daily: string }
> = {
  'zh-CN': { range: '至', list: '、', rules: '；', closed: '休息', always: '全天营业', daily: '每天' },
  en: { range: '–', list: ', ', rules: '; ', closed: 'closed', always: 'Open 24/7', daily: 'Daily' },
};

const isDay = (s: string): s is Day => (DAYS as readonly string[]).includes(s);
const TIME_RANGE = /^([01]\d|2[0-4]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/;

function daysText(spec: string, locale: Locale): string | undefined {
  if (spec === 'Mo-Su') return WORDS[locale].daily;
  const parts = spec.split(',').map((part) => {
    const [from, to, ...rest] = part.split('-');
    if (rest.length > 0 || !from || !isDay(from)) return undefined;
    if (to === undefined) return DAY_NAMES[locale][from];
    if (!isDay(to)) return undefined;
    return `${DAY_NAMES[locale][from]}${WORDS[locale].range}${DAY_NAMES[locale][to]}`;
  });
  return parts.every((p) => p !== undefined) ? parts.join(WORDS[locale].list) : undefined;
}

function timesText(spec: string, locale: Locale): string | undefined {
  if (spec === 'off' || spec === 'closed') return WORDS[locale].closed;
  const ranges = spec.split(',');
  if (!ranges.every((r) => TIME_RANGE.test(r))) return undefined;
  return ranges.map((r) => r.replace('-', '–')).join(WORDS[locale].list);
}

export function formatOpeningHours(value: string | null | undefined, locale: Locale): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (text === '24/7') return WORDS[locale].always;
  const rules = text
    .split(';')
    .map((r) => r.trim())
    .filter(Boolean);
  const read = rules.map((rule) => {
    const [days, times, ...rest] = rule.split(/\s+/);
    if (!days || !times || rest.length > 0) return undefined;
    const d = daysText(days, locale);
    const h = timesText(times, locale);
    return d && h ? `${d} ${h}` : undefined;
  });
  return read.every((r) => r !== undefined) ? read.join(WORDS[locale].rules) : text;
}
