import { type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  getLineVersion,
  getLiveModelLine,
  getSavedConfiguration,
  listModelLines,
  listMyConfigurations,
  listPopularConfigurations,
  saveConfiguration,
  validateSelection,
} from '../../modules/catalog/index.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { problemResponses } from '../../platform/http/problem.ts';
import { guardedRoute } from '../access.ts';
import {
  BreakdownSchema,
  lineSummaryDto,
  ModelLineSummarySchema,
  ModelSchema,
  PopularConfigurationSchema,
  popularDto,
  SavedConfigurationSchema,
  SelectionSchema,
  savedConfigurationDto,
  VersionIdSchema,
  VersionInfoSchema,
  versionDto,
} from '../catalog-shapes.ts';

/** `/store` catalogue: published model lines, per-click validation and saved configurations. */
const tags = ['store', 'catalog'];
const lineParam = z.strictObject({ code: z.string().min(1).max(64) });
const json = <S extends z.ZodType>(schema: S) => ({ 'application/json': { schema } });

const list = guardedRoute('catalog.read', {
  method: 'get',
  path: '/model-lines',
  tags,
  summary: 'Model lines on sale (live versions only)',
  responses: {
    200: { description: 'OK', content: json(z.object({ items: z.array(ModelLineSummarySchema) })) },
  },
});

const detail = guardedRoute('catalog.read', {
  method: 'get',
  path: '/model-lines/{code}',
  tags,
  summary: "A model line's live version with its model (labels, descriptions, categories, prices)",
  request: { params: lineParam },
  responses: {
    200: {
      description: 'OK',
      content: json(
        z.object({
          line: ModelLineSummarySchema,
          version: VersionInfoSchema,
          model: ModelSchema,
        }),
      ),
    },
    ...problemResponses(404),
  },
});

const compiled = guardedRoute('catalog.read', {
  method: 'get',
  path: '/model-lines/{code}/versions/{versionId}/compiled',
  tags,
  summary: 'The compiled decision diagram of any published version (serializeCompiled bytes)',
  description:
    'Immutable: cached for a year, with an ETag. Load it with `deserializeCompiled` from @openc2b/configurator.',
  request: { params: z.strictObject({ code: z.string().min(1).max(64), versionId: VersionIdSchema }) },
  responses: {
    200: {
      description: 'The serialized compiled model',
      content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    304: { description: 'Not modified (If-None-Match)' },
    ...problemResponses(404),
  },
});

const ValidationSchema = z
  .object({
    consistent: z.boolean(),
    complete: z.boolean(),
    count: z.string().openapi({ description: 'Exact number of completions, decimal string' }),
    price: z.object({ min: z.number().int(), max: z.number().int() }).nullable(),
    total: z.number().int().nullable(),
    breakdown: BreakdownSchema,
    missing: z.array(z.string()).openapi({ description: 'Families not chosen yet' }),
  })
  .openapi('SelectionValidation');

const validate = guardedRoute('catalog.read', {
  method: 'post',
  path: '/model-lines/{code}/validate',
  tags,
  summary: 'Check a (partial) selection on a version: consistency, exact count, prices',
  request: {
    params: lineParam,
    body: {
      required: true,
      content: json(z.strictObject({ versionId: VersionIdSchema, selection: SelectionSchema })),
    },
  },
  responses: {
    200: { description: 'OK', content: json(ValidationSchema) },
    ...problemResponses(400, 404),
  },
});

const SaveBodySchema = z
  .strictObject({
    modelLine: z.string().min(1).max(64),
    versionId: VersionIdSchema,
    selection: SelectionSchema.optional(),
    code: z.string().min(1).max(64).optional(),
  })
  .superRefine((body, ctx) => {
    if ((body.selection === undefined) === (body.code === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: body.selection === undefined ? ['selection'] : ['code'],
        message: 'Send either selection or code',
      });
    }
  })
  .openapi({ description: 'Either `selection` or `code`; prices are always computed by the server' });

const save = guardedRoute('configuration.save', {
  method: 'post',
  path: '/configurations',
  tags,
  summary:
    'Save a configuration on the live version (re-derived by the server; idempotent per version and code)',
  request: { body: { required: true, content: json(SaveBodySchema) } },
  responses: {
    200: { description: 'Saved before: the same record', content: json(SavedConfigurationSchema) },
    201: { description: 'Saved', content: json(SavedConfigurationSchema) },
    ...problemResponses(400, 404, 409, 422),
  },
});

const byCode = guardedRoute('catalog.read', {
  method: 'get',
  path: '/configurations/{code}',
  tags,
  summary: 'A saved configuration by its code (share links)',
  request: { params: z.strictObject({ code: z.string().min(1).max(64) }) },
  responses: {
    200: { description: 'OK', content: json(SavedConfigurationSchema) },
    ...problemResponses(404),
  },
});

const popular = guardedRoute('catalog.read', {
  method: 'get',
  path: '/model-lines/{code}/popular',
  tags,
  summary: 'Configurations of the live version, most saved first',
  request: {
    params: lineParam,
    query: z.strictObject({ limit: z.coerce.number().int().min(1).max(50).optional() }),
  },
  responses: {
    200: { description: 'OK', content: json(z.object({ items: z.array(PopularConfigurationSchema) })) },
    ...problemResponses(400, 404),
  },
});

const mine = guardedRoute('configuration.read_own', {
  method: 'get',
  path: '/my/configurations',
  tags,
  summary: "The signed-in customer's saved configurations, newest first",
  responses: {
    200: { description: 'OK', content: json(z.object({ items: z.array(SavedConfigurationSchema) })) },
    ...problemResponses(401, 403),
  },
});

export function mountStoreCatalogRoutes(router: OpenAPIHono<AppEnv>): void {
  router.openapi(list, async (c) => {
    return c.json({ items: (await listModelLines(c.var.ctx)).map(lineSummaryDto) }, 200);
  });

  router.openapi(detail, async (c) => {
    const found = await getLiveModelLine(c.var.ctx, c.req.valid('param').code);
    return c.json(
      { line: lineSummaryDto(found.line), version: versionDto(found.version), model: found.model },
      200,
    );
  });

  router.openapi(compiled, async (c) => {
    const { code, versionId } = c.req.valid('param');
    const loaded = await getLineVersion(c.var.ctx, code, versionId);
    // Versions never change, so the id and hash name the bytes for good.
    const etag = `"${loaded.version.id}.${loaded.version.modelHash}"`;
    const headers = { 'cache-control': 'public, max-age=31536000, immutable', etag };
    const match = c.req.header('if-none-match');
    if (match?.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
      return c.body(null, 304, headers);
    }
    return c.body(loaded.bytes as Uint8Array<ArrayBuffer>, 200, {
      ...headers,
      'content-type': 'application/octet-stream',
    });
  });

  router.openapi(validate, async (c) => {
    const { versionId, selection } = c.req.valid('json');
    const r = await validateSelection(c.var.ctx, c.req.valid('param').code, versionId, selection);
    return c.json(
      {
        consistent: r.consistent,
        complete: r.complete,
        count: r.count,
        price: r.price,
        total: r.total,
        breakdown: r.breakdown,
        missing: r.missing,
      },
      200,
    );
  });

  router.openapi(save, async (c) => {
    const body = c.req.valid('json');
    const base = { modelLine: body.modelLine, versionId: body.versionId };
    const input =
      body.code !== undefined ? { ...base, code: body.code } : { ...base, selection: body.selection ?? {} };
    const { configuration, created } = await saveConfiguration(c.var.ctx, input);
    const dto = savedConfigurationDto(configuration);
    return created ? c.json(dto, 201) : c.json(dto, 200);
  });

  router.openapi(byCode, async (c) => {
    return c.json(
      savedConfigurationDto(await getSavedConfiguration(c.var.ctx, c.req.valid('param').code)),
      200,
    );
  });

  router.openapi(popular, async (c) => {
    const items = await listPopularConfigurations(
      c.var.ctx,
      c.req.valid('param').code,
      c.req.valid('query').limit,
    );
    return c.json({ items: items.map(popularDto) }, 200);
  });

  router.openapi(mine, async (c) => {
    return c.json({ items: (await listMyConfigurations(c.var.ctx)).map(savedConfigurationDto) }, 200);
  });
}
