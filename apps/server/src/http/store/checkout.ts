import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { DEALER_SERVICES, getDealer, listDealers } from '../../modules/dealers/index.ts';
import { listFinanceOffers, listInsuranceProducts } from '../../modules/finance/index.ts';
import { assertAuthorized } from '../../modules/identity/index.ts';
import {
  getOrderTerms,
  quoteFinanceForConfiguration,
  quoteInsuranceForConfiguration,
} from '../../modules/ordering/index.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { problemResponses } from '../../platform/http/problem.ts';
import { guardedRoute } from '../access.ts';
import {
  DealerSchema,
  dealerDto,
  FinanceOfferSchema,
  FinanceQuoteSchema,
  financeOfferDto,
  financeQuoteDto,
  IdParam,
  InsuranceProductSchema,
  InsuranceQuoteSchema,
  insuranceProductDto,
  insuranceQuoteDto,
  OrderTermsSchema,
  orderTermsDto,
  QuotedVehicleSchema,
} from '../order-shapes.ts';

/** `/store` checkout information, public: order terms, the dealer directory, finance and insurance. */
const tags = ['store', 'checkout'];
const json = <S extends z.ZodType>(schema: S) => ({ 'application/json': { schema } });
const code = z.string().min(1).max(64);

const terms = guardedRoute('order_terms.read', {
  method: 'get',
  path: '/order-terms',
  tags,
  summary: 'The current order terms (amounts, refund rules, bilingual clauses) accepted at checkout',
  responses: { 200: { description: 'OK', content: json(OrderTermsSchema) } },
});

const DealerQuery = z
  .strictObject({
    city: z.string().trim().min(1).max(64).optional().openapi({ description: 'City in either language' }),
    lat: z.coerce.number().min(-90).max(90).optional(),
    lng: z.coerce.number().min(-180).max(180).optional(),
    service: z.enum(DEALER_SERVICES).optional(),
  })
  .superRefine((q, ctx) => {
    if ((q.lat === undefined) !== (q.lng === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [q.lat === undefined ? 'lat' : 'lng'],
        message: 'Give both lat and lng',
      });
    }
  });

const dealers = guardedRoute('dealer_directory.read', {
  method: 'get',
  path: '/dealers',
  tags,
  summary:
    'Active dealers: nearest first with lat/lng (distance in km), else by city; filter by city or service',
  request: { query: DealerQuery },
  responses: {
    200: { description: 'OK', content: json(z.object({ items: z.array(DealerSchema) })) },
    ...problemResponses(400),
  },
});

const dealer = guardedRoute('dealer_directory.read', {
  method: 'get',
  path: '/dealers/{id}',
  tags,
  summary: 'One active dealer of the directory',
  request: { params: IdParam },
  responses: {
    200: { description: 'OK', content: json(z.object({ dealer: DealerSchema })) },
    ...problemResponses(400, 404),
  },
});

const offers = guardedRoute('finance.read', {
  method: 'get',
  path: '/finance/offers',
  tags,
  summary: "Finance partners' offers available now (for one model line if given)",
  request: { query: z.strictObject({ modelLine: code.optional() }) },
  responses: {
    200: { description: 'OK', content: json(z.object({ items: z.array(FinanceOfferSchema) })) },
    ...problemResponses(400),
  },
});

const financeQuote = guardedRoute('finance.read', {
  method: 'post',
  path: '/finance/quote',
  tags,
  summary: 'A loan quote (annuity) for a configuration; the server derives the price from the code',
  request: {
    body: {
      required: true,
      content: json(
        z.strictObject({
          modelLine: code,
          configurationCode: code,
          offerId: code,
          downPayment: z.number().int().min(0),
          termMonths: z.number().int().min(1).max(120),
        }),
      ),
    },
  },
  responses: {
    200: {
      description: 'OK',
      content: json(z.object({ vehicle: QuotedVehicleSchema, quote: FinanceQuoteSchema })),
    },
    ...problemResponses(400, 404, 409, 422),
  },
});

const products = guardedRoute('finance.read', {
  method: 'get',
  path: '/insurance/products',
  tags,
  summary: 'Insurance products with their premium rules (paid to the insurer at hand-over)',
  responses: {
    200: { description: 'OK', content: json(z.object({ items: z.array(InsuranceProductSchema) })) },
  },
});

const insuranceQuote = guardedRoute('finance.read', {
  method: 'post',
  path: '/insurance/quote',
  tags,
  summary: 'Premiums of chosen insurance products for a configuration (server-derived price)',
  request: {
    body: {
      required: true,
      content: json(
        z.strictObject({ modelLine: code, configurationCode: code, products: z.array(code).min(1).max(20) }),
      ),
    },
  },
  responses: {
    200: {
      description: 'OK',
      content: json(z.object({ vehicle: QuotedVehicleSchema, quote: InsuranceQuoteSchema })),
    },
    ...problemResponses(400, 404, 409, 422),
  },
});

export function mountStoreCheckoutRoutes(router: OpenAPIHono<AppEnv>): void {
  router.openapi(terms, (c) => c.json(orderTermsDto(getOrderTerms(c.var.ctx)), 200));

  router.openapi(dealers, async (c) => {
    const q = c.req.valid('query');
    const near = q.lat !== undefined && q.lng !== undefined ? { lat: q.lat, lng: q.lng } : undefined;
    const items = await listDealers(c.var.ctx, { city: q.city, service: q.service, near });
    return c.json({ items: items.map(dealerDto) }, 200);
  });

  router.openapi(dealer, async (c) => {
    return c.json({ dealer: dealerDto(await getDealer(c.var.ctx, c.req.valid('param').id)) }, 200);
  });

  router.openapi(offers, async (c) => {
    assertAuthorized(c.var.ctx.actor, 'finance.read');
    const { modelLine } = c.req.valid('query');
    const items = await listFinanceOffers(c.var.ctx, modelLine ? { modelLine } : {});
    return c.json({ items: items.map(financeOfferDto) }, 200);
  });

  router.openapi(financeQuote, async (c) => {
    const r = await quoteFinanceForConfiguration(c.var.ctx, c.req.valid('json'));
    return c.json({ vehicle: r.vehicle, quote: financeQuoteDto(r.quote) }, 200);
  });

  router.openapi(products, async (c) => {
    assertAuthorized(c.var.ctx.actor, 'finance.read');
    return c.json({ items: (await listInsuranceProducts(c.var.ctx)).map(insuranceProductDto) }, 200);
  });

  router.openapi(insuranceQuote, async (c) => {
    const r = await quoteInsuranceForConfiguration(c.var.ctx, c.req.valid('json'));
    // At least one product is required, so there is always a quote.
    if (!r.quote) throw new Error('insurance quote without products');
    return c.json({ vehicle: r.vehicle, quote: insuranceQuoteDto(r.quote) }, 200);
  });
}
