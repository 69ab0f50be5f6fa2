import { z } from '@hono/zod-openapi';
import {
  API_KEY_SCOPES,
  type ApiKey,
  LOCALES,
  ORGANISATION_KINDS,
  type Organisation,
  type User,
} from '../modules/identity/index.ts';
import { STAFF_ROLES } from '../platform/actor.ts';
import { orNull } from '../platform/http/or-null.ts';

/** Response shapes of the identity routes, and the mapping from module types to them. */
export const BilingualSchema = z
  .object({ 'zh-CN': z.string(), en: z.string() })
  .openapi('Bilingual', { example: { 'zh-CN': '上海', en: 'Shanghai' } });

export const UserSchema = z
  .object({
    id: z.string().openapi({ example: 'usr_01JD0000000000000000000000' }),
    name: z.string(),
    kind: z.enum(['customer', 'staff']),
    role: z.enum(STAFF_ROLES).nullable(),
    orgId: z.string().nullable(),
    orgName: orNull(BilingualSchema),
    email: z.string().nullable(),
    phone: z.string().nullable().openapi({ example: '+8613800138000' }),
    locale: z.enum(LOCALES),
  })
  .openapi('User');

export const OrganisationSchema = z
  .object({
    id: z.string().openapi({ example: 'org_01JD0000000000000000000000' }),
    kind: z.enum(ORGANISATION_KINDS),
    code: z.string().openapi({ example: 'DLR-SH' }),
    name: BilingualSchema,
    city: orNull(BilingualSchema),
    address: orNull(BilingualSchema),
    lat: z.number().nullable(),
    lng: z.number().nullable(),
    phone: z.string().nullable(),
    openingHours: z
      .string()
      .nullable()
      .openapi({ description: 'OpenStreetMap opening_hours syntax', example: 'Mo-Su 09:00-18:00' }),
  })
  .openapi('Organisation');

export const ApiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    orgId: z.string(),
    scopes: z.array(z.enum(API_KEY_SCOPES)),
    prefix: z.string().openapi({ description: 'First characters of the secret, to recognise a key' }),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('ApiKey');

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function userDto(u: User): z.infer<typeof UserSchema> {
  return {
    id: u.id,
    name: u.name,
    kind: u.kind,
    role: u.role,
    orgId: u.orgId,
    orgName: u.orgName,
    email: u.email,
    phone: u.phone,
    locale: u.locale,
  };
}

export function organisationDto(o: Organisation): z.infer<typeof OrganisationSchema> {
  return {
    id: o.id,
    kind: o.kind,
    code: o.code,
    name: o.name,
    city: o.city,
    address: o.address,
    lat: o.lat,
    lng: o.lng,
    phone: o.phone,
    openingHours: o.openingHours,
  };
}

export function apiKeyDto(k: ApiKey): z.infer<typeof ApiKeySchema> {
  return {
    id: k.id,
    name: k.name,
    orgId: k.orgId,
    scopes: k.scopes,
    prefix: k.prefix,
    createdAt: k.createdAt.toISOString(),
    lastUsedAt: iso(k.lastUsedAt),
    expiresAt: iso(k.expiresAt),
    revokedAt: iso(k.revokedAt),
  };
}
