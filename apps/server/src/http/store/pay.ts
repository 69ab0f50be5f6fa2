import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { settleProviderCallback } from '../../flows/settle-payment.ts';
import { completeSimPayment, readSimPayment } from '../../flows/sim-payment.ts';
import { assertAuthorized } from '../../modules/identity/index.ts';
import {
  type PaymentProviders,
  SIM_OUTCOMES,
  SIM_PROVIDER,
  SIM_SIGNATURE_HEADER,
} from '../../modules/payments/index.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { problemResponses } from '../../platform/http/problem.ts';
import { guardedRoute } from '../access.ts';
import { SimPageSchema, simPageDto } from '../order-shapes.ts';

/**
 * `/store/pay/sim` and `/store/payment-callbacks`: the simulated provider's hosted page API
 * (reached by its unguessable token, no account needed, like a real provider's page) and the
 * provider callback, authenticated by its signature instead of a session.
 */
const tags = ['store', 'payments'];
const json = <S extends z.ZodType>(schema: S) => ({ 'application/json': { schema } });
const tokenParam = z.strictObject({ token: z.string().min(16).max(128) });

const page = guardedRoute('payment_page.use', {
  method: 'get',
  path: '/pay/sim/{token}',
  tags,
  summary: "The simulated provider's pay page: merchant, amount, method, description, status, expiry",
  request: { params: tokenParam },
  responses: {
    200: { description: 'OK', content: json(SimPageSchema) },
    ...problemResponses(400, 404),
  },
});

const complete = guardedRoute('payment_page.use', {
  method: 'post',
  path: '/pay/sim/{token}/complete',
  tags,
  summary: 'Complete the simulated payment: succeed or fail (a signed callback follows), or timeout (none)',
  request: {
    params: tokenParam,
    body: { required: true, content: json(z.strictObject({ outcome: z.enum(SIM_OUTCOMES) })) },
  },
  responses: {
    200: { description: 'Completed', content: json(SimPageSchema) },
    ...problemResponses(400, 404, 409),
  },
});

const callback = guardedRoute('payment_callback.receive', {
  method: 'post',
  path: '/payment-callbacks/sim',
  tags,
  summary: "The simulated provider's callback (HMAC-SHA256 signed; handled once per event id)",
  description: `The raw JSON body is signed: header \`${SIM_SIGNATURE_HEADER}: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">\`. A missing or forged signature is 400 \`payments.callback_signature_invalid\`, a stale one (over 5 minutes) 400 \`payments.callback_stale\`; nothing changes. A replayed event answers 200 with \`outcome: duplicate\`.`,
  responses: {
    200: {
      description: 'Received',
      content: json(
        z.object({
          received: z.literal(true),
          outcome: z.enum(['settled', 'duplicate', 'ignored']),
        }),
      ),
    },
    ...problemResponses(400, 404),
  },
});

export function mountStorePayRoutes(router: OpenAPIHono<AppEnv>, providers: PaymentProviders): void {
  router.openapi(page, async (c) => {
    return c.json(simPageDto(await readSimPayment(c.var.ctx, providers, c.req.valid('param').token)), 200);
  });

  router.openapi(complete, async (c) => {
    const { token } = c.req.valid('param');
    const done = await completeSimPayment(c.var.ctx, providers, token, c.req.valid('json').outcome);
    return c.json(simPageDto(done), 200);
  });

  router.openapi(callback, async (c) => {
    assertAuthorized(c.var.ctx.actor, 'payment_callback.receive');
    // The signature covers the exact bytes, so the body is read raw, not parsed and re-serialised.
    const body = await c.req.text();
    const headers = { [SIM_SIGNATURE_HEADER]: c.req.header(SIM_SIGNATURE_HEADER) };
    const result = await settleProviderCallback(c.var.ctx, providers, SIM_PROVIDER, { headers, body });
    return c.json({ received: true as const, outcome: result.outcome }, 200);
  });
}
