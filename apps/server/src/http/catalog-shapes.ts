import { z } from '@hono/zod-openapi';
import type { Expr } from '@openc2b/configurator';
import type {
  ModelLineSummary,
  PopularConfiguration,
  SavedConfiguration,
  Version,
} from '../modules/catalog/index.ts';
import { orNull } from '../platform/http/or-null.ts';
import { BilingualSchema } from './identity-shapes.ts';

/** Request and response shapes of the catalogue routes (store and admin), and the mappings to them. */

const code = z.string().min(1).max(100);
/** A model line's URL code. */
export const LineCodeSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,47}$/, 'Lower-case letters, digits and hyphens (2-48)')
  .openapi({ example: 'qc-d90-pro' });
export const VersionIdSchema = z
  .string()
  .min(1)
  .max(64)
  .openapi({ example: 'ver_01JD0000000000000000000000' });
export const SelectionSchema = z
  .record(code, code)
  .openapi('Selection', { description: 'Family code -> option code', example: { trim: 'trim-luxury' } });

const money = z.number().int().openapi({ description: 'Minor units (fen)' });

// ------------------------------------------------------------------ engine model (documentation)

export const ExprSchema: z.ZodType<Expr> = z
  .lazy(() =>
    z.union([
      z.string(),
      z.object({ all: z.array(ExprSchema) }),
      z.object({ any: z.array(ExprSchema) }),
      z.object({ not: ExprSchema }),
    ]),
  )
  .openapi('ModelExpr', { description: 'An option code, or all / any / not of expressions' });

const ModelOptionSchema = z
  .object({
    code,
    label: BilingualSchema.optional(),
    description: BilingualSchema.optional(),
    price: money.optional(),
    swatch: z.string().optional(),
  })
  .openapi('ModelOption');

const ModelFamilySchema = z
  .object({
    code,
    label: BilingualSchema.optional(),
    category: z.string().optional(),
    optional: z.boolean().optional(),
    options: z.array(ModelOptionSchema),
  })
  .openapi('ModelFamily');

const ruleBase = { id: code, message: BilingualSchema.optional() };
const ModelRuleSchema = z
  .union([
    z.object({ ...ruleBase, kind: z.enum(['requires', 'implies']), if: ExprSchema, then: ExprSchema }),
    z.object({ ...ruleBase, kind: z.literal('excludes'), a: ExprSchema, b: ExprSchema }),
    z.object({ ...ruleBase, kind: z.literal('constraint'), expr: ExprSchema }),
    z.object({
      ...ruleBase,
      kind: z.literal('table'),
      families: z.array(code),
      mode: z.enum(['allowed', 'forbidden']),
      rows: z.array(z.array(z.string())),
    }),
    z.object({
      ...ruleBase,
      kind: z.enum(['atMost', 'exactly']),
      n: z.number().int().optional(),
      of: z.array(ExprSchema),
    }),
  ])
  .openapi('ModelRule');

/** The engine's model format v1 (packages/configurator/MODEL_FORMAT.md). Responses only: requests are checked by the engine. */
export const ModelSchema = z
  .object({
    format: z.literal('openc2b.model'),
    version: z.literal(1),
    id: code,
    name: BilingualSchema.optional(),
    currency: z.string(),
    basePrice: money,
    families: z.array(ModelFamilySchema),
    rules: z.array(ModelRuleSchema),
    adjustments: z
      .array(z.object({ id: code, when: ExprSchema, amount: money, label: BilingualSchema.optional() }))
      .optional(),
    defaults: z.record(z.string(), z.string()).optional(),
  })
  .openapi('Model');

/**
 * A model in a request: any JSON object here, so that structural problems are reported by the
 * engine's validator (400 `catalog.invalid_model` with every issue) rather than by zod.
 */
export const ModelInputSchema = z
  .record(z.string(), z.unknown())
  .openapi({ description: 'A model in format v1 (see the Model schema); checked by the engine' });

export const ModelIssueSchema = z
  .object({
    path: z.string(),
    code: z.string(),
    message: z.string(),
    family: z.string().optional(),
    option: z.string().optional(),
    rule: z.string().optional(),
  })
  .openapi('ModelIssue');

export const AnalysisFindingSchema = z
  .object({
    kind: z.enum(['no_solution', 'dead_option', 'forced_option', 'unpriced_option', 'invalid_defaults']),
    severity: z.enum(['error', 'warning', 'info']),
    message: z.string(),
    family: z.string().optional(),
    option: z.string().optional(),
    rules: z.array(z.string()),
  })
  .openapi('AnalysisFinding');

export const PublishReportSchema = z
  .object({
    ok: z.boolean(),
    issues: z.array(ModelIssueSchema),
    findings: z.array(AnalysisFindingSchema),
    variantCount: z.string().openapi({ description: 'Exact, decimal string', example: '9580323465216' }),
    compiledBytes: z.number().int(),
    nodes: z.number().int(),
  })
  .openapi('PublishReport');

// ------------------------------------------------------------------ catalogue

export const ModelLineSummarySchema = z
  .object({
    code: z.string().openapi({ example: 'qc-d90-pro' }),
    name: BilingualSchema,
    tagline: orNull(BilingualSchema),
    bodyType: BilingualSchema,
    modelYear: z.number().int(),
    currency: z.string().openapi({ example: 'CNY' }),
    basePrice: money,
    minPrice: money.nullable(),
    maxPrice: money.nullable(),
    variantCount: z.string().openapi({ description: 'Exact, decimal string', example: '9580323465216' }),
    swatch: z.string().nullable().openapi({ description: 'CSS colour of the default paint' }),
    versionId: z.string(),
  })
  .openapi('ModelLineSummary');

export const VersionInfoSchema = z
  .object({
    id: z.string(),
    number: z.number().int(),
    publishedAt: z.string(),
    publishedBy: z.string().nullable(),
    modelHash: z.string(),
    variantCount: z.string(),
    compiledBytes: z.number().int(),
    nodes: z.number().int(),
  })
  .openapi('CatalogVersion');

export const BreakdownSchema = z
  .object({
    base: money,
    options: z.array(z.object({ family: z.string(), option: z.string(), price: money })),
    adjustments: z.array(z.object({ id: z.string(), label: orNull(BilingualSchema), amount: money })),
  })
  .openapi('PriceBreakdown');

export const SavedConfigurationSchema = z
  .object({
    code: z.string().openapi({ example: 'AX41EKH2Z44QK36' }),
    modelLine: z.string(),
    versionId: z.string(),
    versionNumber: z.number().int(),
    selection: SelectionSchema,
    total: money,
    currency: z.string(),
    breakdown: BreakdownSchema,
    createdAt: z.string(),
    shareUrl: z.string().openapi({ example: '/c/AX41EKH2Z44QK36' }),
  })
  .openapi('SavedConfiguration');

export const PopularConfigurationSchema = z
  .object({
    code: z.string(),
    selection: SelectionSchema,
    total: money,
    saves: z.number().int().openapi({ description: 'Distinct people who saved it' }),
  })
  .openapi('PopularConfiguration');

export function versionDto(v: Version): z.infer<typeof VersionInfoSchema> {
  return {
    id: v.id,
    number: v.number,
    publishedAt: v.publishedAt.toISOString(),
    publishedBy: v.publishedBy,
    modelHash: v.modelHash,
    variantCount: v.variantCount,
    compiledBytes: v.stats.compiledBytes,
    nodes: v.stats.nodes,
  };
}

export function lineSummaryDto(s: ModelLineSummary): z.infer<typeof ModelLineSummarySchema> {
  return { ...s };
}

export function savedConfigurationDto(s: SavedConfiguration): z.infer<typeof SavedConfigurationSchema> {
  return {
    code: s.code,
    modelLine: s.modelLine,
    versionId: s.versionId,
    versionNumber: s.versionNumber,
    selection: s.selection,
    total: s.total,
    currency: s.currency,
    breakdown: s.breakdown,
    createdAt: s.createdAt.toISOString(),
    shareUrl: `/c/${s.code}`,
  };
}

export function popularDto(p: PopularConfiguration): z.infer<typeof PopularConfigurationSchema> {
  return { ...p };
}
