import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { DEALER_SERVICES, listDealerProfiles, setDealerProfile } from '../../modules/dealers/index.ts';
import {
  createFinanceOffer,
  deactivateFinanceOffer,
  listAllFinanceOffers,
} from '../../modules/finance/index.ts';
import { assertAuthorized } from '../../modules/identity/index.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { orNull } from '../../platform/http/or-null.ts';
import { problemResponses } from '../../platform/http/problem.ts';
import { guardedRoute } from '../access.ts';
import { DealerSchema, dealerDto, FinanceOfferSchema, financeOfferDto, IdParam } from '../order-shapes.ts';

/** `/admin/dealers` (profiles: services, hand-over capacity, active) and `/admin/finance/offers`. */
const json = <S extends z.ZodType>(schema: S) => ({ 'application/json': { schema } });
const BilingualInputSchema = z.strictObject({
  'zh-CN': z.string().trim().min(1).max(200),
  en: z.string().trim().min(1).max(200),
});
const BilingualTextSchema = z.strictObject({
  'zh-CN': z.string().trim().max(1000),
  en: z.string().trim().max(1000),
});

const dealers = guardedRoute('dealer_profile.manage', {
  method: 'get',
  path: '/dealers',
  tags: ['admin', 'dealers'],
  summary: 'Every dealer organisation with its profile (null: no profile yet, not in the directory)',
  responses: {
    200: {
      description: 'OK',
      content: json(
        z.object({
          items: z.array(z.object({ orgId: z.string(), code: z.string(), dealer: orNull(DealerSchema) })),
        }),
      ),
    },
    ...problemResponses(401, 403),
  },
});

const setProfile = guardedRoute('dealer_profile.manage', {
  method: 'put',
  path: '/dealers/{id}',
  tags: ['admin', 'dealers'],
  summary:
    "Set a dealer's profile: services, hand-over capacity per day, active (inactive: out of the directory, no new orders)",
  request: {
    params: IdParam,
    body: {
      required: true,
      content: json(
        z.strictObject({
          services: z.array(z.enum(DEALER_SERVICES)).max(DEALER_SERVICES.length),
          handoverCapacityPerDay: z.number().int().min(0).max(100),
          active: z.boolean(),
        }),
      ),
    },
  },
  responses: {
    200: { description: 'OK', content: json(z.object({ dealer: DealerSchema })) },
    ...problemResponses(400, 401, 403, 404),
  },
});

const offers = guardedRoute('finance.manage', {
  method: 'get',
  path: '/finance/offers',
  tags: ['admin', 'finance'],
  summary: 'Every finance offer, withdrawn ones too',
  responses: {
    200: { description: 'OK', content: json(z.object({ items: z.array(FinanceOfferSchema) })) },
    ...problemResponses(401, 403),
  },
});

const createOffer = guardedRoute('finance.manage', {
  method: 'post',
  path: '/finance/offers',
  tags: ['admin', 'finance'],
  summary: "Add a finance partner's offer",
  request: {
    body: {
      required: true,
      content: json(
        z.strictObject({
          code: z.string().regex(/^[a-z0-9][a-z0-9-]{1,47}$/, 'Lower-case letters, digits and hyphens'),
          partner: BilingualInputSchema,
          product: BilingualInputSchema,
          description: BilingualTextSchema.optional(),
          aprBp: z.number().int().min(0).max(5000),
          termsMonths: z.array(z.number().int().min(1).max(96)).min(1).max(12),
          minDownBp: z.number().int().min(0).max(10000),
          modelLines: z.array(z.string().min(1).max(64)).max(50).default([]),
          sort: z.number().int().min(0).max(1000).default(100),
        }),
      ),
    },
  },
  responses: {
    201: { description: 'Created', content: json(z.object({ offer: FinanceOfferSchema })) },
    ...problemResponses(400, 401, 403, 409),
  },
});

const deactivateOffer = guardedRoute('finance.manage', {
  method: 'post',
  path: '/finance/offers/{id}/deactivate',
  tags: ['admin', 'finance'],
  summary: 'Withdraw an offer: no new quotes or orders with it (orders keep their snapshot)',
  request: { params: IdParam },
  responses: {
    200: { description: 'OK', content: json(z.object({ offer: FinanceOfferSchema })) },
    ...problemResponses(400, 401, 403, 404),
  },
});

export function mountAdminDealerFinanceRoutes(router: OpenAPIHono<AppEnv>): void {
  router.openapi(dealers, async (c) => {
    const items = await listDealerProfiles(c.var.ctx);
    return c.json(
      {
        items: items.map((i) => ({
          orgId: i.orgId,
          code: i.code,
          dealer: i.dealer ? dealerDto(i.dealer) : null,
        })),
      },
      200,
    );
  });

  router.openapi(setProfile, async (c) => {
    const dealer = await setDealerProfile(c.var.ctx, c.req.valid('param').id, c.req.valid('json'));
    return c.json({ dealer: dealerDto(dealer) }, 200);
  });

  router.openapi(offers, async (c) => {
    assertAuthorized(c.var.ctx.actor, 'finance.manage');
    return c.json({ items: (await listAllFinanceOffers(c.var.ctx)).map(financeOfferDto) }, 200);
  });

  router.openapi(createOffer, async (c) => {
    assertAuthorized(c.var.ctx.actor, 'finance.manage');
    const b = c.req.valid('json');
    const offer = await createFinanceOffer(c.var.ctx, {
      code: b.code,
      partner: b.partner,
      product: b.product,
      description: b.description ?? { 'zh-CN': '', en: '' },
      aprBp: b.aprBp,
      termsMonths: b.termsMonths,
      minDownBp: b.minDownBp,
      modelLines: b.modelLines,
      currency: 'CNY',
      sort: b.sort,
    });
    return c.json({ offer: financeOfferDto(offer) }, 201);
  });

  router.openapi(deactivateOffer, async (c) => {
    assertAuthorized(c.var.ctx.actor, 'finance.manage');
    return c.json(
      { offer: financeOfferDto(await deactivateFinanceOffer(c.var.ctx, c.req.valid('param').id)) },
      200,
    );
  });
}
