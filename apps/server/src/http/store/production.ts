import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { changeDeliveryDate } from '../../flows/build-date.ts';
import { dealerHandoverCapacity } from '../../flows/dealer-handover-capacity.ts';
import { getDeliveryCalendar, getVehicleProgress, MAX_WEEKS } from '../../modules/production/index.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { problemResponses } from '../../platform/http/problem.ts';
import { guardedRoute } from '../access.ts';
import {
  DeliveryCalendarSchema,
  deliveryCalendarDto,
  EarliestDeliverySchema,
  earliestDto,
  IsoDateSchema,
  OrgIdSchema,
  ReservationSchema,
  reservationDto,
  VehicleIdSchema,
  VehicleProgressSchema,
  vehicleProgressDto,
} from '../production-shapes.ts';

/** `/store` production: the delivery calendar (日历订车), a customer's delivery date and their car's progress. */
const tags = ['store', 'production'];
const json = <S extends z.ZodType>(schema: S) => ({ 'application/json': { schema } });

const calendarQuery = {
  modelLine: z.string().min(1).max(64).openapi({ example: 'qc-d90-pro' }),
  configurationCode: z
    .string()
    .min(1)
    .max(64)
    .openapi({ description: 'A configuration code of the live version' }),
  dealerId: OrgIdSchema.openapi({ description: 'The identity organisation id of the dealer' }),
};

const calendar = guardedRoute('delivery_promise.read', {
  method: 'get',
  path: '/delivery-calendar',
  tags,
  summary:
    'Delivery dates the plant can meet for a configuration at a dealer, each with every reason it cannot',
  description:
    'Dates from tomorrow for `weeks` weeks (default 8). The code is decoded on the live catalogue version. ' +
    'Each unavailable date lists reason codes with figures (past, no production day, frozen horizon, day frozen, ' +
    'part lead time, line full, option limit, dealer full).',
  request: {
    query: z.strictObject({
      ...calendarQuery,
      weeks: z.coerce.number().int().min(1).max(MAX_WEEKS).optional(),
    }),
  },
  responses: {
    200: { description: 'OK', content: json(DeliveryCalendarSchema) },
    ...problemResponses(400, 404, 422),
  },
});

const earliest = guardedRoute('delivery_promise.read', {
  method: 'get',
  path: '/delivery-calendar/earliest',
  tags,
  summary: 'The earliest delivery date only (cheap; the configurator asks as the customer configures)',
  request: { query: z.strictObject(calendarQuery) },
  responses: {
    200: { description: 'OK', content: json(EarliestDeliverySchema) },
    ...problemResponses(400, 404, 422),
  },
});

const vehicleParam = z.strictObject({ vehicleId: VehicleIdSchema });

const reserve = guardedRoute('delivery_date.reserve', {
  method: 'put',
  path: '/vehicles/{vehicleId}/delivery-date',
  tags,
  summary: "Pick or change the delivery date of the signed-in customer's own car (atomic)",
  description:
    'Takes one unit of the production day and of each option limit the car uses and a hand-over slot of the ' +
    'dealer on that date, or nothing; the old date is given back. Recorded on the order (timeline ' +
    '`delivery_date_changed`, event `ordering.order_rescheduled` with reason `customer_request`). A date that is ' +
    'not available answers 409 `production.date_unavailable` with `reason` (date_unavailable | no_capacity), ' +
    '`reasons` and `nextAvailable`; once the production day is frozen 409 `production.day_frozen`. Another customer’s car is 404.',
  request: {
    params: vehicleParam,
    body: { required: true, content: json(z.strictObject({ date: IsoDateSchema })) },
  },
  responses: {
    200: {
      description: 'Reserved (or already this date: `changed` false)',
      content: json(ReservationSchema),
    },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const progress = guardedRoute('vehicle_progress.read', {
  method: 'get',
  path: '/vehicles/{vehicleId}/progress',
  tags,
  summary: "The customer's own car at the plant: steps with estimated and actual times, VIN, promised date",
  request: { params: vehicleParam },
  responses: {
    200: { description: 'OK', content: json(VehicleProgressSchema) },
    ...problemResponses(400, 401, 403, 404),
  },
});

export function mountStoreProductionRoutes(router: OpenAPIHono<AppEnv>): void {
  router.openapi(calendar, async (c) => {
    const q = c.req.valid('query');
    const result = await getDeliveryCalendar(
      c.var.ctx,
      {
        modelLine: q.modelLine,
        configurationCode: q.configurationCode,
        dealerOrgId: q.dealerId,
        ...(q.weeks !== undefined ? { weeks: q.weeks } : {}),
      },
      { handoverCapacity: dealerHandoverCapacity },
    );
    return c.json(deliveryCalendarDto(result), 200);
  });

  router.openapi(earliest, async (c) => {
    const q = c.req.valid('query');
    const result = await getDeliveryCalendar(
      c.var.ctx,
      {
        modelLine: q.modelLine,
        configurationCode: q.configurationCode,
        dealerOrgId: q.dealerId,
        weeks: MAX_WEEKS,
      },
      { handoverCapacity: dealerHandoverCapacity, stopAtFirst: true },
    );
    return c.json(earliestDto(result), 200);
  });

  router.openapi(reserve, async (c) => {
    const { vehicleId } = c.req.valid('param');
    const { date } = c.req.valid('json');
    const { order: _, ...reserved } = await changeDeliveryDate(c.var.ctx, vehicleId.toUpperCase(), date);
    return c.json(reservationDto(reserved), 200);
  });

  router.openapi(progress, async (c) => {
    const { vehicleId } = c.req.valid('param');
    return c.json(vehicleProgressDto(await getVehicleProgress(c.var.ctx, vehicleId.toUpperCase())), 200);
  });
}
