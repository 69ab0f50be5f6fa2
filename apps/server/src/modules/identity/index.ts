/**
 * Identity and access: organisations (brand HQ, dealers, suppliers, plants), people (customers
 * and staff with one role each), passwords, sessions, partner API keys, the login rate limit,
 * and the one access decision `authorize` / `assertAuthorized` that every route uses.
 *
 * Must not: know about any other domain (orders, vehicles, ...); hand out password hashes,
 * token hashes or stored secrets; let any caller but `authorize` read the permission table.
 * Only store.ts touches SQL, and only schema `identity`.
 */
export type { AccessTarget, Decision } from './authorize.ts';
export { assertAuthorized, authorize, reachOf } from './authorize.ts';
export { checkCsrf, csrfTokenFor, isSafeMethod, isSameOrigin } from './check-csrf.ts';
export { checkLoginThrottle, LOGIN_THROTTLE } from './check-login-throttle.ts';
export type { NewOrganisation } from './create-organisation.ts';
export { createOrganisation, findOrganisation, findOrganisationByCode } from './create-organisation.ts';
export { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './hash-password.ts';
export type { NewApiKey } from './manage-api-keys.ts';
export { createApiKey, listApiKeys, revokeApiKey } from './manage-api-keys.ts';
export type { NewStaffUser } from './manage-users.ts';
export { createStaffUser, findUser, findUserByLogin, getAccount, listUsers } from './manage-users.ts';
export { normalizeEmail, normalizePhone, parseLogin } from './normalize-login.ts';
export type { ApiKeyScope, Permission, Reach, Role } from './permissions.ts';
export {
  API_KEY_SCOPES,
  PERMISSION_TABLE,
  PERMISSIONS,
  ROLE_ORG_KIND,
  ROLES,
  SCOPE_TABLE,
} from './permissions.ts';
export type { BrandFacts } from './read-organisations.ts';
export {
  findDealerOrganisation,
  getBrandFacts,
  getDealership,
  getOwnDealership,
  getOwnPlant,
  getPartnerOrganisation,
  listDealerOrganisations,
  listDealerStaff,
  listOrganisations,
} from './read-organisations.ts';
export type { RegisterInput } from './register-customer.ts';
export { createCustomer, registerCustomer } from './register-customer.ts';
export type { ResolvedSession } from './resolve-credentials.ts';
export { resolveApiKey, resolveSession, signOut } from './resolve-credentials.ts';
export type { SignInInput } from './sign-in.ts';
export { signIn } from './sign-in.ts';
export type { StartedSession } from './start-session.ts';
export { actorOf } from './start-session.ts';
export type { ApiKey, Bilingual, Locale, Organisation, OrganisationKind, Page, User } from './types.ts';
export { LOCALES, ORGANISATION_KINDS } from './types.ts';
