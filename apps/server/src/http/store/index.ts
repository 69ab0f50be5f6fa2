import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppDeps } from '../../app.ts';
// ---- orders and payments (issue #5)
import { paymentProvidersFor } from '../../flows/payment-providers.ts';
import { getBrandFacts } from '../../modules/identity/index.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { createRouter } from '../../platform/http/create-router.ts';
import { guardedRoute, registerSecuritySchemes } from '../access.ts';
import { BilingualSchema } from '../identity-shapes.ts';
import { mountStoreCatalogRoutes } from './catalog.ts';
import { mountStoreCheckoutRoutes } from './checkout.ts';
import { mountStoreOrderRoutes } from './orders.ts';
// ---- owners (issue #6)
import { mountStoreOwnerRoutes } from './owners.ts';
import { mountStorePayRoutes } from './pay.ts';
import { mountStoreProductionRoutes } from './production.ts';

/** Routes of `/store`: the public storefront and signed-in customers. */
const brand = guardedRoute('brand.read', {
  method: 'get',
  path: '/brand',
  tags: ['store'],
  summary: 'The brand and the cities with a dealer (public)',
  responses: {
    200: {
      description: 'OK',
      content: {
        'application/json': {
          schema: z.object({ name: BilingualSchema, dealerCities: z.array(BilingualSchema) }),
        },
      },
    },
  },
});

export function storeRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  const router = createRouter();
  registerSecuritySchemes(router);
  router.openapi(brand, async (c) => {
    const facts = await getBrandFacts(c.var.ctx);
    return c.json({ name: facts.name, dealerCities: facts.dealerCities }, 200);
  });
  mountStoreCatalogRoutes(router);
  // ---- orders and payments (issue #5)
  const providers = paymentProvidersFor(deps.config);
  mountStoreCheckoutRoutes(router);
  mountStoreOrderRoutes(router, providers);
  mountStorePayRoutes(router, providers);
  mountStoreProductionRoutes(router);
  // ---- owners (issue #6)
  mountStoreOwnerRoutes(router);
  return router;
}
