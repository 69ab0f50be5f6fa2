import { type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  checkBomDraft,
  createPart,
  explodeConfigurationCode,
  getBomDraft,
  getBomVersion,
  getPart,
  getVehicleParts,
  listBoms,
  listBomVersions,
  listParts,
  publishBom,
  putBomDraft,
  updatePart,
} from '../../modules/bom/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { problemResponses } from '../../platform/http/problem.ts';
import { guardedRoute } from '../access.ts';
import {
  BomDraftSchema,
  BomLineInputSchema,
  BomReportSchema,
  BomSummarySchema,
  BomVersionSchema,
  BomVersionWithLinesSchema,
  draftDto,
  ModelLineParamSchema,
  NewPartSchema,
  PartPatchSchema,
  PartSchema,
  PartsListSchema,
  partDto,
  partsListDto,
  summaryDto,
  VehiclePartsSchema,
  vehiclePartsDto,
  versionDto,
  versionWithLinesDto,
} from '../bom-shapes.ts';

/**
 * `/factory` super-BOM routes: parts, each model line's BOM draft, the publish check, publishing,
 * versions, the explosion of a configuration code, and vehicles' stored parts lists. Planners
 * and admins edit (`bom.edit`), engineers read too (`bom.read`).
 */
const tags = ['factory', 'bom'];
const json = <S extends z.ZodType>(schema: S) => ({ 'application/json': { schema } });
const lineParam = z.strictObject({ modelLine: ModelLineParamSchema });
const partParam = z.strictObject({ partId: z.string().min(1).max(64) });

const listPartsRoute = guardedRoute('bom.read', {
  method: 'get',
  path: '/parts',
  tags,
  summary: 'Parts in part-number order, paged',
  request: {
    query: z.strictObject({
      supplierOrgId: z.string().min(1).max(64).optional(),
      active: z.enum(['true', 'false']).optional(),
      q: z
        .string()
        .trim()
        .min(1)
        .max(100)
        .optional()
        .openapi({ description: 'Part number or name contains' }),
      cursor: z.string().max(64).optional(),
      limit: z.coerce.number().int().min(1).max(500).optional(),
    }),
  },
  responses: {
    200: {
      description: 'OK',
      content: json(z.object({ items: z.array(PartSchema), nextCursor: z.string().nullable() })),
    },
    ...problemResponses(400, 401, 403),
  },
});

const createPartRoute = guardedRoute('bom.edit', {
  method: 'post',
  path: '/parts',
  tags,
  summary: 'Create a part',
  description:
    'A supplier id that is not a supplier organisation: 400 `bom.unknown_supplier`; a taken part number: 409.',
  request: { body: { required: true, content: json(NewPartSchema) } },
  responses: {
    201: { description: 'Created', content: json(PartSchema) },
    ...problemResponses(400, 401, 403, 409),
  },
});

const getPartRoute = guardedRoute('bom.read', {
  method: 'get',
  path: '/parts/{partId}',
  tags,
  summary: 'One part',
  request: { params: partParam },
  responses: {
    200: { description: 'OK', content: json(PartSchema) },
    ...problemResponses(401, 403, 404),
  },
});

const updatePartRoute = guardedRoute('bom.edit', {
  method: 'patch',
  path: '/parts/{partId}',
  tags,
  summary: "Change a part's master data (never its part number)",
  description:
    'Deactivating a part of a current BOM: 409 `bom.part_in_use` with `modelLines`. Stored vehicle parts lists keep the data they were planned with.',
  request: { params: partParam, body: { required: true, content: json(PartPatchSchema) } },
  responses: {
    200: { description: 'OK', content: json(PartSchema) },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const listBomsRoute = guardedRoute('bom.read', {
  method: 'get',
  path: '/boms',
  tags,
  summary: 'Every model line with its current BOM version and draft state',
  responses: {
    200: { description: 'OK', content: json(z.object({ items: z.array(BomSummarySchema) })) },
    ...problemResponses(401, 403),
  },
});

const getDraftRoute = guardedRoute('bom.read', {
  method: 'get',
  path: '/boms/{modelLine}/draft',
  tags,
  summary: "A model line's BOM draft",
  request: { params: lineParam },
  responses: {
    200: { description: 'OK', content: json(BomDraftSchema) },
    ...problemResponses(401, 403, 404),
  },
});

const putDraftRoute = guardedRoute('bom.edit', {
  method: 'put',
  path: '/boms/{modelLine}/draft',
  tags,
  summary: "Replace the draft's lines",
  description:
    'Duplicate line numbers, unknown parts and malformed conditions: 400 `bom.invalid_lines` naming each field (`lines.3.partId`). Unknown option codes are saved and reported by the check.',
  request: {
    params: lineParam,
    body: {
      required: true,
      content: json(z.strictObject({ lines: z.array(BomLineInputSchema).max(1000) })),
    },
  },
  responses: {
    200: { description: 'Saved', content: json(BomDraftSchema) },
    ...problemResponses(400, 401, 403, 404),
  },
});

const checkRoute = guardedRoute('bom.read', {
  method: 'post',
  path: '/boms/{modelLine}/draft/check',
  tags,
  summary: 'The publish check of the draft against the live catalogue version, without publishing',
  request: { params: lineParam },
  responses: {
    200: { description: 'OK', content: json(BomReportSchema) },
    ...problemResponses(401, 403, 404, 422),
  },
});

const publishRoute = guardedRoute('bom.edit', {
  method: 'post',
  path: '/boms/{modelLine}/publish',
  tags,
  summary: 'Publish the draft as the next BOM version',
  description:
    'Refused with 422 `bom.publish_refused` and `report` (BomReport) when the check finds unknown option codes, dead lines, overlaps, gaps, inactive parts or no lines; nothing changes then.',
  request: { params: lineParam },
  responses: {
    201: { description: 'Published', content: json(z.object({ version: BomVersionSchema })) },
    ...problemResponses(401, 403, 404, 422),
  },
});

const versionsRoute = guardedRoute('bom.read', {
  method: 'get',
  path: '/boms/{modelLine}/versions',
  tags,
  summary: 'Published BOM versions, newest first',
  request: { params: lineParam },
  responses: {
    200: { description: 'OK', content: json(z.object({ items: z.array(BomVersionSchema) })) },
    ...problemResponses(401, 403, 404),
  },
});

const versionRoute = guardedRoute('bom.read', {
  method: 'get',
  path: '/boms/{modelLine}/versions/{versionId}',
  tags,
  summary: 'One published BOM version with its lines',
  request: {
    params: z.strictObject({ modelLine: ModelLineParamSchema, versionId: z.string().min(1).max(64) }),
  },
  responses: {
    200: { description: 'OK', content: json(BomVersionWithLinesSchema) },
    ...problemResponses(401, 403, 404),
  },
});

const explodeRoute = guardedRoute('bom.read', {
  method: 'get',
  path: '/boms/{modelLine}/explosion',
  tags,
  summary: 'The exact parts list of a configuration code',
  description:
    'The code is decoded on the catalogue version the BOM version (default: the newest) was checked against. A bad code: 400 `bom.invalid_configuration_code`; no published BOM: 404 `bom.bom_not_published`.',
  request: {
    params: lineParam,
    query: z.strictObject({
      configurationCode: z.string().trim().min(1).max(100).openapi({ example: 'AX41EKH2Z44QK36' }),
      versionId: z.string().min(1).max(64).optional().openapi({ description: 'A BOM version of the line' }),
    }),
  },
  responses: {
    200: { description: 'OK', content: json(PartsListSchema) },
    ...problemResponses(400, 401, 403, 404, 422),
  },
});

const vehiclePartsRoute = guardedRoute('bom.read', {
  method: 'get',
  path: '/vehicles/{vehicleId}/parts',
  tags,
  summary: "A vehicle's stored parts list",
  request: { params: z.strictObject({ vehicleId: z.string().min(1).max(64) }) },
  responses: {
    200: { description: 'OK', content: json(VehiclePartsSchema) },
    ...problemResponses(401, 403, 404),
  },
});

/** The module names the input field; in this route it is a query parameter, as zod's paths say. */
function inQuery(err: unknown): unknown {
  if (!(err instanceof AppError) || !err.fields) return err;
  return new AppError(err.kind, err.code, err.detail, {
    fields: err.fields.map((f) => ({ ...f, path: `query.${f.path}` })),
    ...(err.extra ? { extra: err.extra } : {}),
    cause: err,
  });
}

export function mountFactoryBomRoutes(router: OpenAPIHono<AppEnv>): void {
  router.openapi(listPartsRoute, async (c) => {
    const { active, ...query } = c.req.valid('query');
    const page = await listParts(c.var.ctx, {
      ...query,
      ...(active === undefined ? {} : { active: active === 'true' }),
    });
    return c.json({ items: page.items.map(partDto), nextCursor: page.nextCursor }, 200);
  });
  router.openapi(createPartRoute, async (c) => {
    return c.json(partDto(await createPart(c.var.ctx, c.req.valid('json'))), 201);
  });
  router.openapi(getPartRoute, async (c) => {
    return c.json(partDto(await getPart(c.var.ctx, c.req.valid('param').partId)), 200);
  });
  router.openapi(updatePartRoute, async (c) => {
    const part = await updatePart(c.var.ctx, c.req.valid('param').partId, c.req.valid('json'));
    return c.json(partDto(part), 200);
  });
  router.openapi(listBomsRoute, async (c) => {
    return c.json({ items: (await listBoms(c.var.ctx)).map(summaryDto) }, 200);
  });
  router.openapi(getDraftRoute, async (c) => {
    return c.json(draftDto(await getBomDraft(c.var.ctx, c.req.valid('param').modelLine)), 200);
  });
  router.openapi(putDraftRoute, async (c) => {
    const lines = c.req.valid('json').lines.map((l) => ({
      ...l,
      condition: l.condition ?? null,
      group: l.group ?? null,
    }));
    return c.json(draftDto(await putBomDraft(c.var.ctx, c.req.valid('param').modelLine, lines)), 200);
  });
  router.openapi(checkRoute, async (c) => {
    return c.json(await checkBomDraft(c.var.ctx, c.req.valid('param').modelLine), 200);
  });
  router.openapi(publishRoute, async (c) => {
    const version = await publishBom(c.var.ctx, c.req.valid('param').modelLine);
    return c.json({ version: versionDto(version) }, 201);
  });
  router.openapi(versionsRoute, async (c) => {
    const items = await listBomVersions(c.var.ctx, c.req.valid('param').modelLine);
    return c.json({ items: items.map(versionDto) }, 200);
  });
  router.openapi(versionRoute, async (c) => {
    const { modelLine, versionId } = c.req.valid('param');
    return c.json(versionWithLinesDto(await getBomVersion(c.var.ctx, modelLine, versionId)), 200);
  });
  router.openapi(explodeRoute, async (c) => {
    const { configurationCode, versionId } = c.req.valid('query');
    const list = await explodeConfigurationCode(c.var.ctx, {
      modelLine: c.req.valid('param').modelLine,
      configurationCode,
      versionId,
    }).catch((err: unknown) => {
      throw inQuery(err);
    });
    return c.json(partsListDto(list), 200);
  });
  router.openapi(vehiclePartsRoute, async (c) => {
    return c.json(vehiclePartsDto(await getVehicleParts(c.var.ctx, c.req.valid('param').vehicleId)), 200);
  });
}
