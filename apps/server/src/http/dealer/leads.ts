import { type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  ASSIGNMENT_RULES,
  getDealerLead,
  LEAD_STAGES,
  type Lead,
  listDealerLeads,
} from '../../modules/leads/index.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { problemResponses } from '../../platform/http/problem.ts';
import { guardedRoute } from '../access.ts';

const tags = ['dealer'];

const LeadSchema = z
  .object({
    id: z.string().openapi({ example: 'lead_01JD0000000000000000000000' }),
    sourceSystem: z.string().openapi({ example: 'crm' }),
    sourceId: z.string().openapi({ description: "The CRM's id of the lead", example: 'CRM-2026-000123' }),
    name: z.string().openapi({ example: '王小明' }),
    phone: z.string().openapi({ example: '+8613800138000' }),
    city: z.string().nullable(),
    modelLine: z.string().nullable(),
    preferredDealerCode: z.string().nullable(),
    assignedBy: z.enum(ASSIGNMENT_RULES).nullable(),
    source: z.string().nullable(),
    campaign: z.string().nullable(),
    stage: z.enum(LEAD_STAGES),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Lead');

function leadDto(l: Lead): z.infer<typeof LeadSchema> {
  return {
    id: l.id,
    sourceSystem: l.sourceSystem,
    sourceId: l.sourceId,
    name: l.name,
    phone: l.phone,
    city: l.city,
    modelLine: l.modelLine,
    preferredDealerCode: l.preferredDealerCode,
    assignedBy: l.assignedBy,
    source: l.source,
    campaign: l.campaign,
    stage: l.stage,
    createdAt: l.createdAt.toISOString(),
    updatedAt: l.updatedAt.toISOString(),
  };
}

const list = guardedRoute('lead.read', {
  method: 'get',
  path: '/leads',
  tags,
  summary: "The own dealership's leads, newest first",
  request: {
    query: z.strictObject({
      stage: z.enum(LEAD_STAGES).optional(),
      cursor: z.string().max(64).optional(),
      limit: z.coerce.number().int().min(1).max(200).optional(),
    }),
  },
  responses: {
    200: {
      description: 'OK',
      content: {
        'application/json': {
          schema: z.object({ items: z.array(LeadSchema), nextCursor: z.string().nullable() }),
        },
      },
    },
    ...problemResponses(400, 401, 403),
  },
});

const detail = guardedRoute('lead.read', {
  method: 'get',
  path: '/leads/{id}',
  tags,
  summary: "One lead of the own dealership (another dealer's lead is 404)",
  request: { params: z.strictObject({ id: z.string().min(1).max(64) }) },
  responses: {
    200: { description: 'OK', content: { 'application/json': { schema: z.object({ lead: LeadSchema }) } } },
    ...problemResponses(400, 401, 403, 404),
  },
});

export function mountLeadRoutes(router: OpenAPIHono<AppEnv>): void {
  router.openapi(list, async (c) => {
    const page = await listDealerLeads(c.var.ctx, c.req.valid('query'));
    return c.json({ items: page.items.map(leadDto), nextCursor: page.nextCursor }, 200);
  });
  router.openapi(detail, async (c) => {
    return c.json({ lead: leadDto(await getDealerLead(c.var.ctx, c.req.valid('param').id)) }, 200);
  });
}
