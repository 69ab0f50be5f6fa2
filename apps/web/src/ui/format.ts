import type { Locale } from '../i18n/locales.ts';

export function formatDateTime(locale: Locale, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatCoordinates(lat: number | null, lng: number | null): string | undefined {
  if (lat === null || lng === null) return undefined;
  return `${lat.toFixed(4)}, ${lng.toFixed(4)}`;
}
