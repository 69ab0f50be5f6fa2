import { type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  type AdminModelLine,
  checkDraft,
  createModelLine,
  getDraft,
  getVersionModel,
  importXcspDraft,
  listModelLinesForAdmin,
  listVersionHistory,
  publishVersion,
  putDraft,
} from '../../modules/catalog/index.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { orNull } from '../../platform/http/or-null.ts';
import { problemResponses } from '../../platform/http/problem.ts';
import { guardedRoute } from '../access.ts';
import {
  LineCodeSchema,
  ModelInputSchema,
  ModelSchema,
  PublishReportSchema,
  VersionIdSchema,
  VersionInfoSchema,
  versionDto,
} from '../catalog-shapes.ts';
import { BilingualSchema } from '../identity-shapes.ts';

/** `/admin` catalogue authoring: model lines, drafts, the publish check, publishing, history. */
const tags = ['admin', 'catalog'];
const lineParam = z.strictObject({ code: z.string().min(1).max(64) });
const json = <S extends z.ZodType>(schema: S) => ({ 'application/json': { schema } });

const AdminModelLineSchema = z
  .object({
    code: z.string(),
    name: BilingualSchema,
    tagline: orNull(BilingualSchema),
    bodyType: BilingualSchema,
    modelYear: z.number().int(),
    liveVersion: z.object({ id: z.string(), number: z.number().int(), publishedAt: z.string() }).nullable(),
    draftUpdatedAt: z.string().nullable(),
    draftDiffersFromLive: z.boolean(),
  })
  .openapi('AdminModelLine');

const DraftSchema = z
  .object({ model: ModelSchema, updatedAt: z.string(), basedOnVersionId: z.string().nullable() })
  .openapi('CatalogDraft');

const BilingualInput = z.strictObject({
  'zh-CN': z.string().trim().min(1).max(200),
  en: z.string().trim().min(1).max(200),
});

const list = guardedRoute('catalog.edit', {
  method: 'get',
  path: '/model-lines',
  tags,
  summary: 'Every model line with its live version and draft state',
  responses: {
    200: { description: 'OK', content: json(z.object({ items: z.array(AdminModelLineSchema) })) },
    ...problemResponses(401, 403),
  },
});

const create = guardedRoute('catalog.edit', {
  method: 'post',
  path: '/model-lines',
  tags,
  summary: 'Create a model line with an empty draft (nothing is on sale until a publish)',
  request: {
    body: {
      required: true,
      content: json(
        z.strictObject({
          code: LineCodeSchema,
          name: BilingualInput,
          tagline: BilingualInput.optional(),
          bodyType: BilingualInput,
          modelYear: z.number().int().min(1990).max(2100),
        }),
      ),
    },
  },
  responses: {
    201: { description: 'Created', content: json(AdminModelLineSchema) },
    ...problemResponses(400, 401, 403, 409),
  },
});

const draft = guardedRoute('catalog.edit', {
  method: 'get',
  path: '/model-lines/{code}/draft',
  tags,
  summary: "A line's draft model",
  request: { params: lineParam },
  responses: {
    200: { description: 'OK', content: json(DraftSchema) },
    ...problemResponses(401, 403, 404),
  },
});

const replaceDraft = guardedRoute('catalog.edit', {
  method: 'put',
  path: '/model-lines/{code}/draft',
  tags,
  summary: 'Replace the draft (editor save or whole-model JSON import)',
  description: 'Structural problems: 400 `catalog.invalid_model` with `issues` (ModelIssue[]).',
  request: {
    params: lineParam,
    body: { required: true, content: json(z.strictObject({ model: ModelInputSchema })) },
  },
  responses: {
    200: { description: 'Saved', content: json(DraftSchema) },
    ...problemResponses(400, 401, 403, 404),
  },
});

const check = guardedRoute('catalog.edit', {
  method: 'post',
  path: '/model-lines/{code}/draft/check',
  tags,
  summary: 'The publish report of the draft, without publishing',
  request: { params: lineParam },
  responses: {
    200: { description: 'OK', content: json(PublishReportSchema) },
    ...problemResponses(401, 403, 404),
  },
});

const publishRoute = guardedRoute('catalog.edit', {
  method: 'post',
  path: '/model-lines/{code}/publish',
  tags,
  summary: 'Publish the draft as the next version and make it live',
  description:
    'Refused with 422 `catalog.publish_refused` and `report` (PublishReport) when the draft has structural issues, no valid configuration, dead options or invalid defaults; the live version is then unchanged.',
  request: { params: lineParam },
  responses: {
    201: { description: 'Published', content: json(z.object({ version: VersionInfoSchema })) },
    ...problemResponses(401, 403, 404, 422),
  },
});

const history = guardedRoute('catalog.edit', {
  method: 'get',
  path: '/model-lines/{code}/versions',
  tags,
  summary: 'Published versions, newest first',
  request: { params: lineParam },
  responses: {
    200: { description: 'OK', content: json(z.object({ items: z.array(VersionInfoSchema) })) },
    ...problemResponses(401, 403, 404),
  },
});

const versionModel = guardedRoute('catalog.edit', {
  method: 'get',
  path: '/model-lines/{code}/versions/{versionId}/model',
  tags,
  summary: "A published version's model (export)",
  request: { params: z.strictObject({ code: z.string().min(1).max(64), versionId: VersionIdSchema }) },
  responses: {
    200: { description: 'OK', content: json(ModelSchema) },
    ...problemResponses(401, 403, 404),
  },
});

const importXcsp = guardedRoute('catalog.edit', {
  method: 'post',
  path: '/model-lines/{code}/draft/import-xcsp',
  tags,
  summary: 'Replace the draft with a model imported from an XCSP 2.1 instance',
  description: 'Bad XML: 400 `catalog.invalid_xcsp` naming the problem.',
  request: {
    params: lineParam,
    body: { required: true, content: json(z.strictObject({ xml: z.string().min(1) })) },
  },
  responses: {
    200: { description: 'Imported', content: json(DraftSchema) },
    ...problemResponses(400, 401, 403, 404, 413),
  },
});

function adminLineDto(l: AdminModelLine): z.infer<typeof AdminModelLineSchema> {
  return {
    ...l,
    liveVersion: l.liveVersion && { ...l.liveVersion, publishedAt: l.liveVersion.publishedAt.toISOString() },
    draftUpdatedAt: l.draftUpdatedAt?.toISOString() ?? null,
  };
}

function draftDto(d: Awaited<ReturnType<typeof getDraft>>): z.infer<typeof DraftSchema> {
  return { model: d.model, updatedAt: d.updatedAt.toISOString(), basedOnVersionId: d.basedOnVersionId };
}

export function mountAdminCatalogRoutes(router: OpenAPIHono<AppEnv>): void {
  router.openapi(list, async (c) => {
    return c.json({ items: (await listModelLinesForAdmin(c.var.ctx)).map(adminLineDto) }, 200);
  });
  router.openapi(create, async (c) => {
    return c.json(adminLineDto(await createModelLine(c.var.ctx, c.req.valid('json'))), 201);
  });
  router.openapi(draft, async (c) => {
    return c.json(draftDto(await getDraft(c.var.ctx, c.req.valid('param').code)), 200);
  });
  router.openapi(replaceDraft, async (c) => {
    const saved = await putDraft(c.var.ctx, c.req.valid('param').code, c.req.valid('json').model);
    return c.json(draftDto(saved), 200);
  });
  router.openapi(check, async (c) => {
    return c.json(await checkDraft(c.var.ctx, c.req.valid('param').code), 200);
  });
  router.openapi(publishRoute, async (c) => {
    const version = await publishVersion(c.var.ctx, c.req.valid('param').code);
    return c.json({ version: versionDto(version) }, 201);
  });
  router.openapi(history, async (c) => {
    return c.json(
      { items: (await listVersionHistory(c.var.ctx, c.req.valid('param').code)).map(versionDto) },
      200,
    );
  });
  router.openapi(versionModel, async (c) => {
    const { code, versionId } = c.req.valid('param');
    return c.json(await getVersionModel(c.var.ctx, code, versionId), 200);
  });
  router.openapi(importXcsp, async (c) => {
    const saved = await importXcspDraft(c.var.ctx, c.req.valid('param').code, c.req.valid('json').xml);
    return c.json(draftDto(saved), 200);
  });
}
