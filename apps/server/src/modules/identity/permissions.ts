import { STAFF_ROLES, type StaffRole } from '../../platform/actor.ts';

/**
 * Who may do what, as data. `authorize` (authorize.ts) is the only reader.
 *
 * A grant says how far a permission reaches:
 * - `all`: any record;
 * - `org`: records of the actor's own organisation (dealer, supplier, plant, ...);
 * - `self`: records the actor owns (a customer's own data, the signed-in account).
 * A record outside the reach answers 404 with the record's own not-found code, so its
 * existence is never revealed.
 */
export const PERMISSIONS = [
  'brand.read', // public brand facts: name, dealer cities
  'session.start', // register, sign in
  'account.read', // the signed-in account (GET /auth/me, sign-out)
  'organisation.list', // every organisation (HQ view)
  'user.manage', // list and create accounts
  'audit.read', // the audit log
  'api_key.manage', // partner API keys
  'dealership.read', // a dealer's profile
  'dealer_staff.list', // colleagues at a dealer
  'partner_organisation.read', // a supplier's (or partner system's) own organisation
  'plant.read', // a plant and its staff member's view of it
  'catalog.read', // published model lines, versions, compiled models, saved configurations by code
  'configuration.save', // save a configuration (anyone: the storefront works without an account)
  'configuration.read_own', // the signed-in customer's own saved configurations
  'catalog.edit', // author drafts, import models, publish versions
  // integration (events out)
  'integration.read', // event flow: events and where they went, lag, failures, dead letters, metrics
  'integration.manage', // webhook subscribers (create, edit, deactivate, rotate secret), replay dead letters
  // -- bom (super-BOM)
  'bom.read', // parts, BOM drafts and versions, publish reports, explosions, vehicles' parts lists
  'bom.edit', // create and change parts, save BOM drafts, publish BOM versions
  // ---- orders, payments, dealers, finance (issue #5)
  'dealer_directory.read', // active dealers: address, hours, services, distance (public)
  'finance.read', // finance offers, insurance products and quotes for a configuration (public)
  'order_terms.read', // the order terms shown at checkout (public)
  'payment_page.use', // the simulated provider's hosted pay page: read and complete a payment by its token (public)
  'payment_callback.receive', // provider callbacks; authenticated by their signature, not by a session (public)
  'order.place', // place an order (signed-in customer)
  'order.read', // a customer's own orders with money, payments and timeline
  'order.change', // change configuration before lock, attach finance and insurance (own orders)
  'order.pay', // start a payment on an own order
  'order.cancel', // cancel an own order by the order terms
  'dealer_order.read', // the orders of the staff member's own dealer, with the buyer's contact
  'order.read_all', // every order (HQ)
  'order.cancel_any', // brand-initiated cancellation with a reason, full refund (HQ)
  'order.advance', // move an order through scheduling, production, shipping and hand-over (system flows)
  'dealer_profile.manage', // dealer profiles: services, hand-over capacity, active (HQ)
  'finance.manage', // create and withdraw finance offers (HQ)
  // production (issue #6)
  'delivery_promise.read', // the delivery calendar of a configuration for a dealer (anyone)
  'delivery_date.reserve', // a customer picks (or changes) the delivery date of their own car
  'vehicle_progress.read', // a car's plant steps, VIN and promised date (owner, its dealer, its plant)
  'production_plan.read', // lines, calendars, rules, day plans, sequencing runs, call-offs of a plant
  'production_plan.edit', // change them: calendar, rules, transport days, move cars, sequence, freeze
  'station.record', // record a car's next step at a station of the plant
  'calloff.read', // a supplier's own call-offs
  'calloff.respond', // confirm shipment of, or report a delay on, an own call-off
  // ---- partner API (issue #7) (systems of record push their facts; signed requests, see modules/partner)
  'erp_part.upsert', // ERP: part master data and unit prices
  'crm_lead.upsert', // CRM: create and update leads (never read them back)
  'dms_stock.upsert', // DMS: the key's own dealer's stock vehicles
  'dms_handover.confirm', // DMS: the key's own dealer's hand-overs (appointment, checklist, keys handed over)
  'wms_arrival.record', // WMS: part arrivals at the key's plant (or any plant, for the brand's WMS)
  'dealer_stock.read', // the own dealer's stock vehicles (dealer staff)
  'partner_request.read', // the partner request log (admin)
  'lead.read', // leads assigned to the dealer (list and detail)
  // ---- build chain (issue #6): hand-over and owners
  'handover.manage', // the own dealer's hand-over appointments, their booking and the pre-delivery checklist
  'delivery.accept', // a customer accepts their own car at the hand-over
  'owned_vehicle.read', // a customer's own delivered vehicles ("my vehicles")
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const REACHES = ['all', 'org', 'self'] as const;
export type Reach = (typeof REACHES)[number];

export const ROLES = ['anonymous', 'customer', ...STAFF_ROLES] as const;
export type Role = (typeof ROLES)[number];

type Grants = { readonly [P in Permission]?: Reach };

// The storefront catalogue is public: anyone may read it and save a configuration.
const STOREFRONT: Grants = {
  'brand.read': 'all',
  'catalog.read': 'all',
  'configuration.save': 'all',
  // checkout information and the payment provider's public endpoints (issue #5)
  'dealer_directory.read': 'all',
  'finance.read': 'all',
  'order_terms.read': 'all',
  'payment_page.use': 'all',
  'payment_callback.receive': 'all',
  // production: which delivery dates the plant can meet is public (the configurator shows it)
  'delivery_promise.read': 'all',
};

const SIGNED_IN: Grants = { ...STOREFRONT, 'session.start': 'self', 'account.read': 'self' };

// The super-BOM is the brand's one engineering record: planners and HQ admins maintain it.
const BOM_EDIT: Grants = { 'bom.read': 'all', 'bom.edit': 'all' };

export const PERMISSION_TABLE = {
  anonymous: { ...STOREFRONT, 'session.start': 'self' },
  customer: {
    ...SIGNED_IN,
    'configuration.read_own': 'self',
    'order.place': 'self',
    'order.read': 'self',
    'order.change': 'self',
    'order.pay': 'self',
    'order.cancel': 'self',
    'delivery_date.reserve': 'self',
    'vehicle_progress.read': 'self',
    'delivery.accept': 'self',
    'owned_vehicle.read': 'self',
  },
  admin: {
    ...SIGNED_IN,
    'organisation.list': 'all',
    'user.manage': 'all',
    'audit.read': 'all',
    'api_key.manage': 'all',
    'catalog.edit': 'all',
    // integration (events out)
    'integration.read': 'all',
    'integration.manage': 'all',
    ...BOM_EDIT,
    'order.read_all': 'all',
    'order.cancel_any': 'all',
    'dealer_profile.manage': 'all',
    'finance.manage': 'all',
    'vehicle_progress.read': 'all',
    'production_plan.read': 'all',
    // partner API (issue #7)
    'partner_request.read': 'all',
  },
  dealer_staff: {
    ...SIGNED_IN,
    'dealership.read': 'org',
    'dealer_staff.list': 'org',
    'dealer_order.read': 'org',
    'vehicle_progress.read': 'org',
    'lead.read': 'org',
    'dealer_stock.read': 'org',
    'handover.manage': 'org',
  },
  planner: {
    ...SIGNED_IN,
    'plant.read': 'org',
    ...BOM_EDIT,
    'vehicle_progress.read': 'org',
    'production_plan.read': 'org',
    'production_plan.edit': 'org',
  },
  station_operator: {
    ...SIGNED_IN,
    'plant.read': 'org',
    'vehicle_progress.read': 'org',
    'station.record': 'org',
  },
  supplier_user: {
    ...SIGNED_IN,
    'partner_organisation.read': 'org',
    'calloff.read': 'org',
    'calloff.respond': 'org',
  },
  analyst: { ...SIGNED_IN, 'organisation.list': 'all', 'production_plan.read': 'all' },
  engineer: { ...SIGNED_IN, 'bom.read': 'all' },
  // Support answers customers' questions about their orders and cars: read-only.
  support_agent: { ...SIGNED_IN, 'order.read_all': 'all', 'vehicle_progress.read': 'all' },
} as const satisfies Record<Role, Grants>;

/**
 * Scopes an admin can give a partner API key, and what each one grants (always org-bound).
 * A system-of-record scope (`<system>:<fact>`) grants only the write endpoints of that fact:
 * no scope reads customer data (names, phones, people's orders).
 */
export const API_KEY_SCOPES = [
  'partner:read',
  'erp:parts',
  'crm:leads',
  'dms:stock',
  'dms:handover',
  'wms:arrivals',
] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const SCOPE_TABLE = {
  'partner:read': { 'partner_organisation.read': 'org' },
  'erp:parts': { 'erp_part.upsert': 'org' },
  'crm:leads': { 'crm_lead.upsert': 'org' },
  'dms:stock': { 'dms_stock.upsert': 'org' },
  'dms:handover': { 'dms_handover.confirm': 'org' },
  'wms:arrivals': { 'wms_arrival.record': 'org' },
} as const satisfies Record<ApiKeyScope, Grants>;

export function isStaffRole(value: string): value is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(value);
}

export function isApiKeyScope(value: string): value is ApiKeyScope {
  return (API_KEY_SCOPES as readonly string[]).includes(value);
}

/** The organisation kind a staff role belongs to. */
export const ROLE_ORG_KIND = {
  admin: 'brand',
  analyst: 'brand',
  engineer: 'brand',
  support_agent: 'brand',
  dealer_staff: 'dealer',
  planner: 'plant',
  station_operator: 'plant',
  supplier_user: 'supplier',
} as const satisfies Record<StaffRole, 'brand' | 'dealer' | 'supplier' | 'plant'>;
