import type { StaffRole } from '../../platform/actor.ts';
import type { ApiKeyScope } from './permissions.ts';

/** The shapes this module hands out. Never a row as stored: no hashes, no secrets. */
export const ORGANISATION_KINDS = ['brand', 'dealer', 'supplier', 'plant'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export type Bilingual = { 'zh-CN': string; en: string };

export type Organisation = {
  id: string;
  kind: OrganisationKind;
  code: string;
  name: Bilingual;
  city: Bilingual | null;
  address: Bilingual | null;
  lat: number | null;
  lng: number | null;
  phone: string | null;
  openingHours: string | null;
};

export const USER_KINDS = ['customer', 'staff'] as const;
export type UserKind = (typeof USER_KINDS)[number];

export type User = {
  id: string;
  name: string;
  kind: UserKind;
  role: StaffRole | null;
  orgId: string | null;
  orgName: Bilingual | null;
  email: string | null;
  phone: string | null;
  locale: Locale;
  createdAt: Date;
};

export type ApiKey = {
  id: string;
  name: string;
  orgId: string;
  scopes: ApiKeyScope[];
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
};

export type Page<T> = { items: T[]; nextCursor: string | null };
