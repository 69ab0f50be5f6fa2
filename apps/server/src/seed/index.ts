import type { AppDeps } from '../app.ts';
import {
  createCustomer,
  createOrganisation,
  createStaffUser,
  findOrganisationByCode,
  findUserByLogin,
} from '../modules/identity/index.ts';
import { systemCtx } from '../platform/context.ts';
import { seedDemoBoms } from './demo-bom.ts';
import { seedDemoCatalog } from './demo-catalog.ts';
// ---- orders and payments (issue #5)
import { seedDemoCheckout } from './demo-checkout.ts';
import { DEMO_CUSTOMER, DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_STAFF } from './demo-identity.ts';
import { seedDemoOrders } from './demo-orders.ts';
import { seedDemoProduction } from './demo-production.ts';

/**
 * Seeds the demo organisations and accounts. Idempotent: each organisation (by code) and account
 * (by e-mail) is created only if missing, so it runs on every start. Returns the lines main.ts
 * prints: how to sign in. Skipped in production, where a known password would be a hole.
 */
export async function seedDemoData(deps: AppDeps): Promise<string[]> {
  if (deps.config.nodeEnv === 'production') return ['Demo data: not seeded (NODE_ENV=production).'];
  const ctx = systemCtx(deps, 'seed');

  const orgIds = new Map<string, string>();
  let created = 0;
  for (const org of DEMO_ORGANISATIONS) {
    const existing = await findOrganisationByCode(ctx, org.code);
    if (existing) {
      orgIds.set(org.code, existing.id);
      continue;
    }
    orgIds.set(org.code, (await createOrganisation(ctx, org)).id);
    created++;
  }

  // Created side by side: the scrypt hashes (the slow part) then run on the thread pool at once.
  const rows: { email: string; role: string; org: string }[] = await Promise.all(
    DEMO_STAFF.map(async (person) => {
      const orgId = orgIds.get(person.orgCode);
      const org = DEMO_ORGANISATIONS.find((o) => o.code === person.orgCode);
      if (!orgId || !org) throw new Error(`demo data: no organisation ${person.orgCode}`);
      if (!(await findUserByLogin(ctx, { kind: 'email', value: person.email }))) {
        const { orgCode: _, ...staff } = person;
        await createStaffUser(ctx, { ...staff, orgId, password: DEMO_PASSWORD });
        created++;
      }
      return { email: person.email, role: person.role, org: `${org.name['zh-CN']} ${org.name.en}` };
    }),
  );
  if (!(await findUserByLogin(ctx, { kind: 'email', value: DEMO_CUSTOMER.email }))) {
    await createCustomer(ctx, { ...DEMO_CUSTOMER, password: DEMO_PASSWORD });
    created++;
  }
  rows.push({ email: `${DEMO_CUSTOMER.email} / ${DEMO_CUSTOMER.phone}`, role: 'customer', org: '—' });

  const width = Math.max(...rows.map((r) => r.email.length));
  return [
    created > 0 ? `Demo data: seeded ${created} organisations and accounts.` : 'Demo data: already present.',
    `Demo accounts (password for every one: ${DEMO_PASSWORD}):`,
    `  ${'login'.padEnd(width)}  ${'role'.padEnd(16)}  organisation`,
    ...rows.map((r) => `  ${r.email.padEnd(width)}  ${r.role.padEnd(16)}  ${r.org}`),
    ...(await seedDemoCatalog(deps)),
    // after the catalogue: the demo BOMs are checked against its live versions
    ...(await seedDemoBoms(deps)),
    // ---- orders and payments (issue #5): after the catalogue, which the orders are priced on
    ...(await seedDemoCheckout(deps)),
    // production: after the catalogue (lines name model lines and option codes of its models)
    ...(await seedDemoProduction(deps)),
    // ---- build chain (issue #6): the demo orders are cars at the plant, so after production
    ...(await seedDemoOrders(deps)),
  ];
}
