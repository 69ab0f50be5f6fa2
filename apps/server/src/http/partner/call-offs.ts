import { type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  CALLOFF_STATUSES,
  confirmShipment,
  getCallOff,
  listSupplierCallOffs,
  reportDelay,
} from '../../modules/production/index.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { problemResponses } from '../../platform/http/problem.ts';
import { guardedRoute } from '../access.ts';
import { CallOffSchema, callOffDto, IsoDateSchema } from '../production-shapes.ts';

/** `/partner` call-offs: a supplier's own call-offs only (another supplier's is 404). */
const tags = ['partner', 'production'];
const json = <S extends z.ZodType>(schema: S) => ({ 'application/json': { schema } });
const idParam = z.strictObject({ callOffId: z.string().min(1).max(64) });

const list = guardedRoute('calloff.read', {
  method: 'get',
  path: '/call-offs',
  tags,
  summary: "The supplier's call-offs, soonest due first",
  request: {
    query: z.strictObject({
      status: z.enum(CALLOFF_STATUSES).optional(),
      dueFrom: IsoDateSchema.optional(),
      dueTo: IsoDateSchema.optional(),
    }),
  },
  responses: {
    200: { description: 'OK', content: json(z.object({ items: z.array(CallOffSchema) })) },
    ...problemResponses(400, 401, 403),
  },
});

const detail = guardedRoute('calloff.read', {
  method: 'get',
  path: '/call-offs/{callOffId}',
  tags,
  summary: 'One call-off with its items (just-in-sequence: per car in line order)',
  request: { params: idParam },
  responses: {
    200: { description: 'OK', content: json(CallOffSchema) },
    ...problemResponses(400, 401, 403, 404),
  },
});

const ship = guardedRoute('calloff.respond', {
  method: 'post',
  path: '/call-offs/{callOffId}/confirm-shipment',
  tags,
  summary: 'Confirm that the call-off is shipped (idempotent)',
  request: { params: idParam },
  responses: {
    200: { description: 'Shipped', content: json(CallOffSchema) },
    ...problemResponses(400, 401, 403, 404),
  },
});

const delay = guardedRoute('calloff.respond', {
  method: 'post',
  path: '/call-offs/{callOffId}/delay',
  tags,
  summary:
    'Report that the call-off will arrive late, with the new date (the cars it holds up are re-promised)',
  request: {
    params: idParam,
    body: {
      required: true,
      content: json(z.strictObject({ newDate: IsoDateSchema, reason: z.string().min(1).max(500) })),
    },
  },
  responses: {
    200: {
      description: 'Recorded',
      content: json(z.object({ callOff: CallOffSchema, repromisedVehicleIds: z.array(z.string()) })),
    },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

export function mountPartnerCallOffRoutes(router: OpenAPIHono<AppEnv>): void {
  router.openapi(list, async (c) => {
    const q = c.req.valid('query');
    const items = await listSupplierCallOffs(c.var.ctx, {
      ...(q.status ? { status: q.status } : {}),
      ...(q.dueFrom ? { dueFrom: q.dueFrom } : {}),
      ...(q.dueTo ? { dueTo: q.dueTo } : {}),
    });
    return c.json({ items: items.map(callOffDto) }, 200);
  });
  router.openapi(detail, async (c) => {
    return c.json(callOffDto(await getCallOff(c.var.ctx, c.req.valid('param').callOffId)), 200);
  });
  router.openapi(ship, async (c) => {
    return c.json(callOffDto(await confirmShipment(c.var.ctx, c.req.valid('param').callOffId)), 200);
  });
  router.openapi(delay, async (c) => {
    const result = await reportDelay(c.var.ctx, c.req.valid('param').callOffId, c.req.valid('json'));
    return c.json(
      { callOff: callOffDto(result.callOff), repromisedVehicleIds: result.repromisedVehicleIds },
      200,
    );
  });
}
