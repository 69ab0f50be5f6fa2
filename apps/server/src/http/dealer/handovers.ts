import { type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  type Arrival,
  bookOrderHandover,
  checkOrderHandoverItem,
  listCarsToBook,
  listOwnHandovers,
  readOrderHandover,
} from '../../flows/handover.ts';
import { viewOf } from '../../flows/read-order.ts';
import {
  CHECKLIST_ITEMS,
  HANDOVER_STATUSES,
  handoverAvailability,
  localToday,
} from '../../modules/dealers/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { problemResponses } from '../../platform/http/problem.ts';
import { guardedRoute } from '../access.ts';
import { HandoverSchema, handoverDto } from '../build-shapes.ts';
import { OrderSchema, OrderSummarySchema, orderDto, orderSummaryDto } from '../order-shapes.ts';
import { IsoDateSchema, VehicleIdSchema } from '../production-shapes.ts';

/**
 * `/dealer/handovers`: the own dealer's hand-over appointments (交车预约) and their pre-delivery
 * checklist, keyed by vehicle id; another dealer's car answers 404.
 */
const tags = ['dealer', 'handovers'];
const json = <S extends z.ZodType>(schema: S) => ({ 'application/json': { schema } });
const vehicleParam = z.strictObject({ vehicleId: VehicleIdSchema });
const TIME = z
  .string()
  .regex(/^([01]\d|2[0-3]):(00|30)$/, 'HH:00 or HH:30')
  .openapi({ example: '10:00' });

const Range = z
  .strictObject({ from: IsoDateSchema.optional(), to: IsoDateSchema.optional() })
  .superRefine((q, ctx) => {
    if (q.from && q.to && q.to < q.from)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'Not before from' });
  });

const ArrivalSchema = z
  .object({
    arrivedAt: z
      .string()
      .nullable()
      .openapi({ description: "The plant's actual time of the at_dealer step" }),
    estimatedAt: z.string().nullable().openapi({ description: 'Its estimate while the car is on its way' }),
    deliveryDate: z
      .string()
      .nullable()
      .openapi({ description: "The plant's promised date (the order's without a car at the plant)" }),
  })
  .openapi('HandoverArrival', {
    description: 'When the car is (or was) at the dealer, from the plant',
  });

const arrivalDto = (a: Arrival): z.infer<typeof ArrivalSchema> => ({
  arrivedAt: a.arrivedAt?.toISOString() ?? null,
  estimatedAt: a.estimatedAt,
  deliveryDate: a.deliveryDate,
});

const list = guardedRoute('handover.manage', {
  method: 'get',
  path: '/handovers',
  tags,
  summary:
    "The own dealer's hand-over appointments by date and time, each with its order and the car's arrival (filter by dates and status); cars waiting for one: GET /dealer/handovers/to-book",
  request: {
    query: z.strictObject({
      from: IsoDateSchema.optional(),
      to: IsoDateSchema.optional(),
      status: z.enum(HANDOVER_STATUSES).optional(),
    }),
  },
  responses: {
    200: {
      description: 'OK',
      content: json(
        z.object({
          items: z.array(
            z.object({ handover: HandoverSchema, order: OrderSummarySchema, arrival: ArrivalSchema }),
          ),
        }),
      ),
    },
    ...problemResponses(400, 401, 403),
  },
});

const toBook = guardedRoute('handover.manage', {
  method: 'get',
  path: '/handovers/to-book',
  tags,
  summary:
    "The own dealer's cars waiting for a hand-over appointment (shipped or at the dealer, none booked or completed), at the dealer first, each with its order and arrival",
  responses: {
    200: {
      description: 'OK',
      content: json(
        z.object({ items: z.array(z.object({ order: OrderSummarySchema, arrival: ArrivalSchema })) }),
      ),
    },
    ...problemResponses(401, 403),
  },
});

const availability = guardedRoute('handover.manage', {
  method: 'get',
  path: '/handovers/availability',
  tags,
  summary:
    "Hand-overs left per date and the one-hour slots inside the opening hours that have not started yet at the dealer's local time (default: the next 14 days)",
  request: { query: Range },
  responses: {
    200: {
      description: 'OK',
      content: json(
        z.object({
          items: z.array(
            z.object({
              day: z.string(),
              left: z.number().int().nullable().openapi({ description: 'null: not limited' }),
              slots: z.array(z.string()).openapi({ description: 'Slots that can be booked' }),
              started: z.array(z.string()).openapi({
                description: 'Slots inside the opening hours that have already started (not bookable)',
              }),
            }),
          ),
        }),
      ),
    },
    ...problemResponses(400, 401, 403),
  },
});

const detail = guardedRoute('handover.manage', {
  method: 'get',
  path: '/handovers/{vehicleId}',
  tags,
  summary: 'The hand-over of one car with its checklist, and the order (buyer, VIN, money due, timeline)',
  request: { params: vehicleParam },
  responses: {
    200: { description: 'OK', content: json(z.object({ handover: HandoverSchema, order: OrderSchema })) },
    ...problemResponses(400, 401, 403, 404),
  },
});

const book = guardedRoute('handover.manage', {
  method: 'put',
  path: '/handovers/{vehicleId}',
  tags,
  summary: 'Book or move the hand-over appointment of a car at the dealer (date and one-hour slot)',
  description:
    'Only once the car is at the dealer (409 `ordering.illegal_transition` with the state). The slot must lie inside the opening hours (422 `dealers.handover_outside_hours` with the possible `slots`), from today on (422 `dealers.handover_in_past`) and not already started at the dealer’s local time (422 `dealers.handover_slot_passed`), on a date with hand-over capacity left (409 `dealers.handover_full`). The customer sees it on the order.',
  request: {
    params: vehicleParam,
    body: {
      required: true,
      content: json(z.strictObject({ day: IsoDateSchema, slotStart: TIME })),
    },
  },
  responses: {
    200: { description: 'Booked', content: json(z.object({ handover: HandoverSchema })) },
    ...problemResponses(400, 401, 403, 404, 409, 422),
  },
});

const check = guardedRoute('handover.manage', {
  method: 'put',
  path: '/handovers/{vehicleId}/checklist/{item}',
  tags,
  summary: 'Check (or uncheck) one item of the pre-delivery checklist, with an optional note',
  request: {
    params: z.strictObject({ vehicleId: VehicleIdSchema, item: z.enum(CHECKLIST_ITEMS) }),
    body: {
      required: true,
      content: json(z.strictObject({ checked: z.boolean(), note: z.string().trim().max(500).optional() })),
    },
  },
  responses: {
    200: { description: 'OK', content: json(z.object({ handover: HandoverSchema })) },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

export function mountDealerHandoverRoutes(router: OpenAPIHono<AppEnv>): void {
  router.openapi(list, async (c) => {
    const q = c.req.valid('query');
    const items = await listOwnHandovers(c.var.ctx, {
      ...(q.from ? { from: q.from } : {}),
      ...(q.to ? { to: q.to } : {}),
      ...(q.status ? { status: q.status } : {}),
    });
    return c.json(
      {
        items: items.map((i) => ({
          handover: handoverDto(i.handover),
          order: orderSummaryDto(i.order),
          arrival: arrivalDto(i.arrival),
        })),
      },
      200,
    );
  });

  router.openapi(toBook, async (c) => {
    const items = await listCarsToBook(c.var.ctx);
    return c.json(
      { items: items.map((i) => ({ order: orderSummaryDto(i.order), arrival: arrivalDto(i.arrival) })) },
      200,
    );
  });

  router.openapi(availability, async (c) => {
    const actor = c.var.ctx.actor;
    if (actor.kind !== 'staff') throw new AppError('forbidden', 'identity.forbidden', 'Dealer staff only.');
    const q = c.req.valid('query');
    const from = q.from ?? localToday(c.var.ctx.now);
    const to = q.to ?? addDays(from, 13);
    if (addDays(from, 62) < to) {
      throw new AppError('bad_request', 'validation.invalid_request', 'At most 63 days at once.', {
        fields: [{ path: 'to', message: 'At most 63 days after from' }],
      });
    }
    return c.json({ items: await handoverAvailability(c.var.ctx, actor.orgId, { from, to }) }, 200);
  });

  router.openapi(detail, async (c) => {
    const { handover, order } = await readOrderHandover(c.var.ctx, c.req.valid('param').vehicleId);
    return c.json(
      { handover: handoverDto(handover), order: orderDto(await viewOf(c.var.ctx, order), 'dealer') },
      200,
    );
  });

  router.openapi(book, async (c) => {
    const { handover } = await bookOrderHandover(
      c.var.ctx,
      c.req.valid('param').vehicleId,
      c.req.valid('json'),
    );
    return c.json({ handover: handoverDto(handover) }, 200);
  });

  router.openapi(check, async (c) => {
    const { vehicleId, item } = c.req.valid('param');
    const b = c.req.valid('json');
    const handover = await checkOrderHandoverItem(c.var.ctx, vehicleId, {
      item,
      checked: b.checked,
      ...(b.note !== undefined ? { note: b.note } : {}),
    });
    return c.json({ handover: handoverDto(handover) }, 200);
  });
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
