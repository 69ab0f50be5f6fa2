import { catalogue, type MessageKey } from './catalogue.ts';
import type { Locale } from './locales.ts';

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const PLACEHOLDER = /\{(\w+)\}/g;

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = catalogue[locale][key];
  if (!params) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '').sort();
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(catalogue['zh-CN'], key);
}
