import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps } from '../../app.ts';
// ---- orders, dealers, finance (issue #5)
import { paymentProvidersFor } from '../../flows/payment-providers.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { createRouter } from '../../platform/http/create-router.ts';
import { registerSecuritySchemes } from '../access.ts';
import { signingSecretBox } from '../partner/signed.ts';
import { mountApiKeyRoutes } from './api-keys.ts';
import { mountAuditLogRoutes } from './audit-log.ts';
import { mountAdminCatalogRoutes } from './catalog.ts';
import { mountAdminDealerFinanceRoutes } from './dealers-finance.ts';
import { mountIntegrationRoutes } from './integration.ts';
import { mountAdminOrderRoutes } from './orders.ts';
import { mountOrganisationRoutes } from './organisations.ts';
import { mountPartnerRequestRoutes } from './partner-requests.ts';
import { mountUserRoutes } from './users.ts';

/** Routes of `/admin`: HQ staff (admin, analyst, engineer, support agent). */
export function adminRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  const router = createRouter();
  registerSecuritySchemes(router);
  mountOrganisationRoutes(router);
  mountUserRoutes(router);
  mountApiKeyRoutes(router, signingSecretBox(deps));
  mountAuditLogRoutes(router);
  mountAdminCatalogRoutes(router);
  // integration (events out)
  mountIntegrationRoutes(router, deps);
  // ---- orders, dealers, finance (issue #5)
  mountAdminOrderRoutes(router, paymentProvidersFor(deps.config));
  mountAdminDealerFinanceRoutes(router);
  // ---- partner API (issue #7, data in)
  mountPartnerRequestRoutes(router);
  return router;
}
