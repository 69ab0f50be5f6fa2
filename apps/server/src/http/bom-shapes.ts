import { z } from '@hono/zod-openapi';
import type { Expr } from '@openc2b/configurator';
import {
  type BomDraft,
  type BomLine,
  type BomReport,
  type BomSummary,
  type BomVersion,
  type BomVersionWithLines,
  type ExplodedPart,
  PART_UNITS,
  type Part,
  type PartsList,
  STATIONS,
  type VehicleParts,
} from '../modules/bom/index.ts';
import { orNull } from '../platform/http/or-null.ts';
import { SelectionSchema } from './catalog-shapes.ts';
import { BilingualSchema } from './identity-shapes.ts';

/** Request and response shapes of the super-BOM routes, and the mappings to them. */

export const PartNumberSchema = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9.-]{1,39}$/, 'Upper-case letters, digits, "-" and "." (2-40)')
  .openapi({ example: 'D90-SEAT-F-NAPPA' });
export const ModelLineParamSchema = z.string().min(1).max(64).openapi({ example: 'qc-d90-pro' });
export const GroupSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'Lower-case letters, digits and hyphens (1-48)')
  .openapi({ example: 'paint' });

const BilingualInput = z.strictObject({
  'zh-CN': z.string().trim().min(1).max(200),
  en: z.string().trim().min(1).max(200),
});

/** The configurator's Expr over option codes, strict (unknown keys refused). */
export const ConditionSchema: z.ZodType<Expr> = z
  .lazy(() =>
    z.union([
      z.string().min(1).max(100),
      z.strictObject({ all: z.array(ConditionSchema).max(200) }),
      z.strictObject({ any: z.array(ConditionSchema).max(200) }),
      z.strictObject({ not: ConditionSchema }),
    ]),
  )
  .openapi('BomCondition', {
    description:
      "The configurator's Expr over option codes: a code (`<family>:none` for an empty optional family), or all / any / not of conditions",
    example: { all: ['paint-lava-orange', { not: 'sunroof-panoramic' }] },
  });

export const BomLineInputSchema = z
  .strictObject({
    lineNo: z.number().int().min(1).max(99_999),
    partId: z.string().min(1).max(64),
    quantity: z.number().int().min(1).max(100_000),
    condition: orNull(ConditionSchema).optional().openapi({ description: 'Omitted or null: every car' }),
    group: orNull(GroupSchema).optional().openapi({ description: 'Alternative group: one line per car' }),
    station: z.enum(STATIONS),
  })
  .openapi('BomLineInput');

export const NewPartSchema = z.strictObject({
  partNumber: PartNumberSchema,
  name: BilingualInput,
  supplierOrgId: z.string().min(1).max(64),
  leadTimeDays: z.number().int().min(0).max(365),
  unit: z.enum(PART_UNITS),
  sequenced: z.boolean(),
  active: z.boolean().optional(),
});

export const PartPatchSchema = z.strictObject({
  name: BilingualInput.optional(),
  supplierOrgId: z.string().min(1).max(64).optional(),
  leadTimeDays: z.number().int().min(0).max(365).optional(),
  unit: z.enum(PART_UNITS).optional(),
  sequenced: z.boolean().optional(),
  active: z.boolean().optional(),
});

// ------------------------------------------------------------------ responses

export const PartSchema = z
  .object({
    id: z.string().openapi({ example: 'prt_01JD0000000000000000000000' }),
    partNumber: z.string(),
    name: BilingualSchema,
    supplierOrgId: z.string(),
    leadTimeDays: z.number().int(),
    unit: z.enum(PART_UNITS),
    sequenced: z.boolean().openapi({ description: 'Just in sequence: called off per vehicle in line order' }),
    active: z.boolean(),
    unitPrice: z
      .object({
        amount: z.number().int().openapi({ description: 'Minor units (fen for CNY)', example: 128000 }),
        currency: z.string().openapi({ example: 'CNY' }),
      })
      .nullable()
      .openapi({ description: 'Price of one unit, from the ERP; null while it has sent none' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Part');

const BomLineSchema = z
  .object({
    lineNo: z.number().int(),
    part: PartSchema,
    quantity: z.number().int(),
    condition: orNull(ConditionSchema),
    group: z.string().nullable(),
    station: z.enum(STATIONS),
  })
  .openapi('BomLine');

const WitnessSchema = z
  .object({ selection: SelectionSchema, code: z.string().openapi({ description: 'Configuration code' }) })
  .openapi('BomWitness');

const count = z.string().openapi({ description: 'Exact number of valid configurations, decimal string' });

export const BomFindingSchema = z
  .union([
    z.object({ kind: z.literal('empty_bom'), message: z.string() }),
    z.object({
      kind: z.literal('unknown_option'),
      line: z.number().int(),
      options: z.array(z.string()),
      message: z.string(),
    }),
    z.object({
      kind: z.literal('inactive_part'),
      line: z.number().int(),
      partNumber: z.string(),
      message: z.string(),
    }),
    z.object({ kind: z.literal('dead_line'), line: z.number().int(), message: z.string() }),
    z.object({
      kind: z.literal('overlap'),
      group: z.string(),
      lines: z.tuple([z.number().int(), z.number().int()]),
      count,
      witness: WitnessSchema,
      message: z.string(),
    }),
    z.object({
      kind: z.literal('gap'),
      group: z.string(),
      count,
      witness: WitnessSchema,
      message: z.string(),
    }),
  ])
  .openapi('BomFinding');

export const BomReportSchema = z
  .object({
    ok: z.boolean().openapi({ description: 'False: publishing would be refused' }),
    modelLine: z.string(),
    catalogVersionId: z.string(),
    catalogVersionNumber: z.number().int(),
    variantCount: count,
    lineCount: z.number().int(),
    groups: z.array(z.object({ code: z.string(), lines: z.array(z.number().int()) })),
    findings: z.array(BomFindingSchema),
  })
  .openapi('BomReport');

export const BomDraftSchema = z
  .object({
    modelLine: z.string(),
    lines: z.array(BomLineSchema),
    basedOnVersionId: z.string().nullable(),
    updatedAt: z.string().nullable(),
  })
  .openapi('BomDraft');

export const BomVersionSchema = z
  .object({
    id: z.string().openapi({ example: 'bomv_01JD0000000000000000000000' }),
    modelLine: z.string(),
    number: z.number().int(),
    catalogVersionId: z.string().openapi({ description: 'The catalogue version it was checked against' }),
    lineCount: z.number().int(),
    publishedAt: z.string(),
    publishedBy: z.string().nullable(),
    report: BomReportSchema,
  })
  .openapi('BomVersion');

export const BomVersionWithLinesSchema = BomVersionSchema.extend({ lines: z.array(BomLineSchema) }).openapi(
  'BomVersionWithLines',
);

export const BomSummarySchema = z
  .object({
    modelLine: z.string(),
    name: BilingualSchema,
    catalogLiveVersionId: z.string().nullable(),
    current: z
      .object({
        id: z.string(),
        number: z.number().int(),
        catalogVersionId: z.string(),
        lineCount: z.number().int(),
        publishedAt: z.string(),
      })
      .nullable(),
    upToDate: z
      .boolean()
      .openapi({ description: 'The current version was checked against the live catalogue' }),
    draftLineCount: z.number().int(),
    draftUpdatedAt: z.string().nullable(),
  })
  .openapi('BomSummary');

const ExplodedPartSchema = z
  .object({
    lineNo: z.number().int(),
    partId: z.string(),
    partNumber: z.string(),
    name: BilingualSchema,
    supplierOrgId: z.string(),
    quantity: z.number().int(),
    unit: z.enum(PART_UNITS),
    leadTimeDays: z.number().int(),
    sequenced: z.boolean(),
    station: z.enum(STATIONS),
    group: z.string().nullable(),
  })
  .openapi('ExplodedPart');

export const PartsListSchema = z
  .object({
    modelLine: z.string(),
    bomVersionId: z.string(),
    bomVersionNumber: z.number().int(),
    catalogVersionId: z.string(),
    selection: SelectionSchema,
    parts: z.array(ExplodedPartSchema),
    longestLeadTime: z
      .object({ days: z.number().int(), partId: z.string(), partNumber: z.string(), name: BilingualSchema })
      .nullable(),
  })
  .openapi('PartsList');

export const VehiclePartsSchema = PartsListSchema.extend({
  vehicleId: z.string(),
  storedAt: z.string(),
}).openapi('VehicleParts');

// ------------------------------------------------------------------ mappings

export function partDto(p: Part): z.infer<typeof PartSchema> {
  return { ...p, createdAt: p.createdAt.toISOString(), updatedAt: p.updatedAt.toISOString() };
}

function lineDto(l: BomLine): z.infer<typeof BomLineSchema> {
  return {
    lineNo: l.lineNo,
    part: partDto(l.part),
    quantity: l.quantity,
    condition: l.condition,
    group: l.group,
    station: l.station,
  };
}

export function reportDto(r: BomReport): z.infer<typeof BomReportSchema> {
  return r;
}

export function draftDto(d: BomDraft): z.infer<typeof BomDraftSchema> {
  return {
    modelLine: d.modelLine,
    lines: d.lines.map(lineDto),
    basedOnVersionId: d.basedOnVersionId,
    updatedAt: d.updatedAt?.toISOString() ?? null,
  };
}

export function versionDto(v: BomVersion): z.infer<typeof BomVersionSchema> {
  return {
    id: v.id,
    modelLine: v.modelLine,
    number: v.number,
    catalogVersionId: v.catalogVersionId,
    lineCount: v.lineCount,
    publishedAt: v.publishedAt.toISOString(),
    publishedBy: v.publishedBy,
    report: reportDto(v.report),
  };
}

export function versionWithLinesDto(v: BomVersionWithLines): z.infer<typeof BomVersionWithLinesSchema> {
  return { ...versionDto(v), lines: v.lines.map(lineDto) };
}

export function summaryDto(s: BomSummary): z.infer<typeof BomSummarySchema> {
  return {
    ...s,
    current: s.current && { ...s.current, publishedAt: s.current.publishedAt.toISOString() },
    draftUpdatedAt: s.draftUpdatedAt?.toISOString() ?? null,
  };
}

function explodedDto(p: ExplodedPart): z.infer<typeof ExplodedPartSchema> {
  return { ...p };
}

export function partsListDto(l: PartsList): z.infer<typeof PartsListSchema> {
  return {
    modelLine: l.modelLine,
    bomVersionId: l.bomVersionId,
    bomVersionNumber: l.bomVersionNumber,
    catalogVersionId: l.catalogVersionId,
    selection: l.selection,
    parts: l.parts.map(explodedDto),
    longestLeadTime: l.longestLeadTime,
  };
}

export function vehiclePartsDto(v: VehicleParts): z.infer<typeof VehiclePartsSchema> {
  return { ...partsListDto(v), vehicleId: v.vehicleId, storedAt: v.storedAt.toISOString() };
}
