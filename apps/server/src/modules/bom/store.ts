import type { Expr, Selection } from '@openc2b/configurator';
import { sql } from 'kysely';
import type { Ctx } from '../../platform/context.ts';
import type { BomDb } from './tables.ts';
import type {
  BomLine,
  BomLineInput,
  BomReport,
  BomVersion,
  ExplodedPart,
  Part,
  PartUnit,
  Station,
} from './types.ts';

/** The only file of this module with SQL, and only schema `bom`. Maps rows to the module's types. */
const db = (ctx: Ctx): BomDb => ctx.db;

const toDate = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));
/** jsonb comes back parsed from pg and PGlite; a string only if a driver leaves it as text. */
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** A unique index refused the write (PostgreSQL SQLSTATE 23505, from pg and PGlite alike). */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';
}

// ---------------------------------------------------------------- parts

type PartRow = {
  id: string;
  part_number: string;
  name_zh: string;
  name_en: string;
  supplier_org_id: string;
  lead_time_days: number;
  unit: string;
  sequenced: boolean;
  active: boolean;
  unit_price: string | number | bigint | null;
  currency: string | null;
  created_at: Date | string;
  updated_at: Date | string;
};

function toPart(row: PartRow): Part {
  return {
    id: row.id,
    partNumber: row.part_number,
    name: { 'zh-CN': row.name_zh, en: row.name_en },
    supplierOrgId: row.supplier_org_id,
    leadTimeDays: row.lead_time_days,
    unit: row.unit as PartUnit,
    sequenced: row.sequenced,
    active: row.active,
    unitPrice:
      row.unit_price === null || row.currency === null
        ? null
        : { amount: Number(row.unit_price), currency: row.currency },
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

function partValues(p: Part) {
  return {
    part_number: p.partNumber,
    name_zh: p.name['zh-CN'],
    name_en: p.name.en,
    supplier_org_id: p.supplierOrgId,
    lead_time_days: p.leadTimeDays,
    unit: p.unit,
    sequenced: p.sequenced,
    active: p.active,
    unit_price: p.unitPrice === null ? null : String(p.unitPrice.amount),
    currency: p.unitPrice?.currency ?? null,
    updated_at: p.updatedAt,
  };
}

export async function insertPart(ctx: Ctx, part: Part): Promise<void> {
  await db(ctx)
    .insertInto('bom.parts')
    .values({ id: part.id, ...partValues(part), created_at: part.createdAt })
    .execute();
}

/** Writes every field but the id, the part number and the creation time. */
export async function updatePart(ctx: Ctx, part: Part): Promise<void> {
  const { part_number: _, ...values } = partValues(part);
  await db(ctx).updateTable('bom.parts').set(values).where('id', '=', part.id).execute();
}

export async function findPart(
  ctx: Ctx,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<Part | undefined> {
  let q = db(ctx).selectFrom('bom.parts').selectAll().where('id', '=', id);
  if (options.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? toPart(row) : undefined;
}

export async function findPartByNumber(
  ctx: Ctx,
  partNumber: string,
  options: { forUpdate?: boolean } = {},
): Promise<Part | undefined> {
  let q = db(ctx).selectFrom('bom.parts').selectAll().where('part_number', '=', partNumber);
  if (options.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? toPart(row) : undefined;
}

export async function findPartsByIds(ctx: Ctx, ids: readonly string[]): Promise<Map<string, Part>> {
  if (ids.length === 0) return new Map();
  const rows = await db(ctx)
    .selectFrom('bom.parts')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, toPart(r)]));
}

export type PartFilter = {
  supplierOrgId?: string | undefined;
  active?: boolean | undefined;
  /** Part number or name contains this (any case). */
  q?: string | undefined;
  /** Part numbers after this one. */
  after?: string | undefined;
  limit: number;
};

/** Parts in part-number order, one more than `limit` so the caller knows whether more follow. */
export async function listParts(ctx: Ctx, f: PartFilter): Promise<Part[]> {
  let q = db(ctx).selectFrom('bom.parts').selectAll();
  if (f.supplierOrgId !== undefined) q = q.where('supplier_org_id', '=', f.supplierOrgId);
  if (f.active !== undefined) q = q.where('active', '=', f.active);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) =>
      eb.or([eb('part_number', 'ilike', like), eb('name_zh', 'ilike', like), eb('name_en', 'ilike', like)]),
    );
  }
  if (f.after !== undefined) q = q.where('part_number', '>', f.after);
  const rows = await q
    .orderBy('part_number')
    .limit(f.limit + 1)
    .execute();
  return rows.map(toPart);
}

// ---------------------------------------------------------------- lines (draft and version)

type LineJoinRow = PartRow & {
  line_no: number;
  quantity: number;
  condition: unknown;
  alt_group: string | null;
  station: string;
};

function toLine(row: LineJoinRow): BomLine {
  return {
    lineNo: row.line_no,
    part: toPart(row),
    quantity: row.quantity,
    // pg and PGlite hand jsonb back parsed; a condition may itself be a JSON string ("PAINT_RED"),
    // so it must not go through json() (which parses strings).
    condition: row.condition === null ? null : (row.condition as Expr),
    group: row.alt_group,
    station: row.station as Station,
  };
}

const PART_COLUMNS = [
  'p.id',
  'p.part_number',
  'p.name_zh',
  'p.name_en',
  'p.supplier_org_id',
  'p.lead_time_days',
  'p.unit',
  'p.sequenced',
  'p.active',
  'p.unit_price',
  'p.currency',
  'p.created_at',
  'p.updated_at',
] as const;

const lineValues = (l: BomLineInput) => ({
  line_no: l.lineNo,
  part_id: l.partId,
  quantity: l.quantity,
  condition: l.condition === null ? null : JSON.stringify(l.condition),
  alt_group: l.group,
  station: l.station,
});

// ---------------------------------------------------------------- drafts

export type DraftHeader = {
  modelLine: string;
  basedOnVersionId: string | null;
  updatedAt: Date;
  updatedBy: string | null;
};

export async function findDraft(
  ctx: Ctx,
  modelLine: string,
  options: { forUpdate?: boolean } = {},
): Promise<DraftHeader | undefined> {
  let q = db(ctx).selectFrom('bom.drafts').selectAll().where('model_line', '=', modelLine);
  if (options.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) return undefined;
  return {
    modelLine: row.model_line,
    basedOnVersionId: row.based_on_version_id,
    updatedAt: toDate(row.updated_at),
    updatedBy: row.updated_by,
  };
}

/**
 * Creates the draft header if missing and locks it: the one row every write of a line's BOM
 * (save, publish) goes through, so they queue up instead of interleaving.
 */
export async function lockDraft(ctx: Ctx, modelLine: string, now: Date): Promise<DraftHeader> {
  await db(ctx)
    .insertInto('bom.drafts')
    .values({ model_line: modelLine, based_on_version_id: null, updated_at: now, updated_by: null })
    .onConflict((oc) => oc.column('model_line').doNothing())
    .execute();
  const draft = await findDraft(ctx, modelLine, { forUpdate: true });
  if (!draft) throw new Error(`draft of ${modelLine} vanished`);
  return draft;
}

export async function saveDraft(
  ctx: Ctx,
  header: DraftHeader,
  lines: readonly BomLineInput[],
): Promise<void> {
  await db(ctx)
    .updateTable('bom.drafts')
    .set({
      based_on_version_id: header.basedOnVersionId,
      updated_at: header.updatedAt,
      updated_by: header.updatedBy,
    })
    .where('model_line', '=', header.modelLine)
    .execute();
  await db(ctx).deleteFrom('bom.draft_lines').where('model_line', '=', header.modelLine).execute();
  if (lines.length > 0) {
    await db(ctx)
      .insertInto('bom.draft_lines')
      .values(lines.map((l) => ({ model_line: header.modelLine, ...lineValues(l) })))
      .execute();
  }
}

export async function listDraftLines(ctx: Ctx, modelLine: string): Promise<BomLine[]> {
  const rows = await db(ctx)
    .selectFrom('bom.draft_lines as l')
    .innerJoin('bom.parts as p', 'p.id', 'l.part_id')
    .select([...PART_COLUMNS, 'l.line_no', 'l.quantity', 'l.condition', 'l.alt_group', 'l.station'])
    .where('l.model_line', '=', modelLine)
    .orderBy('l.line_no')
    .execute();
  return rows.map(toLine);
}

/** Line count and last save per model line that has a draft. */
export async function listDraftSummaries(
  ctx: Ctx,
): Promise<Map<string, { lineCount: number; updatedAt: Date }>> {
  const rows = await db(ctx)
    .selectFrom('bom.drafts as d')
    .leftJoin('bom.draft_lines as l', 'l.model_line', 'd.model_line')
    .select(['d.model_line', 'd.updated_at', (eb) => eb.fn.count<string | number>('l.line_no').as('lines')])
    .groupBy(['d.model_line', 'd.updated_at'])
    .execute();
  return new Map(
    rows.map((r) => [r.model_line, { lineCount: Number(r.lines), updatedAt: toDate(r.updated_at) }]),
  );
}

// ---------------------------------------------------------------- versions

type VersionRow = {
  id: string;
  model_line: string;
  number: number;
  catalog_version_id: string;
  line_count: number;
  report: unknown;
  published_at: Date | string;
  published_by: string | null;
};

function toVersion(row: VersionRow): BomVersion {
  return {
    id: row.id,
    modelLine: row.model_line,
    number: row.number,
    catalogVersionId: row.catalog_version_id,
    lineCount: row.line_count,
    report: json<BomReport>(row.report),
    publishedAt: toDate(row.published_at),
    publishedBy: row.published_by,
  };
}

export async function insertVersion(
  ctx: Ctx,
  version: BomVersion,
  lines: readonly BomLineInput[],
): Promise<void> {
  await db(ctx)
    .insertInto('bom.versions')
    .values({
      id: version.id,
      model_line: version.modelLine,
      number: version.number,
      catalog_version_id: version.catalogVersionId,
      line_count: version.lineCount,
      report: JSON.stringify(version.report),
      published_at: version.publishedAt,
      published_by: version.publishedBy,
    })
    .execute();
  if (lines.length > 0) {
    await db(ctx)
      .insertInto('bom.version_lines')
      .values(lines.map((l) => ({ version_id: version.id, ...lineValues(l) })))
      .execute();
  }
}

export async function nextVersionNumber(ctx: Ctx, modelLine: string): Promise<number> {
  const row = await db(ctx)
    .selectFrom('bom.versions')
    .select((eb) => eb.fn.max('number').as('max'))
    .where('model_line', '=', modelLine)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

export async function findVersion(ctx: Ctx, id: string): Promise<BomVersion | undefined> {
  const row = await db(ctx).selectFrom('bom.versions').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toVersion(row) : undefined;
}

/** The newest published version of a line: the one explosions use unless told otherwise. */
export async function findCurrentVersion(ctx: Ctx, modelLine: string): Promise<BomVersion | undefined> {
  const row = await db(ctx)
    .selectFrom('bom.versions')
    .selectAll()
    .where('model_line', '=', modelLine)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toVersion(row) : undefined;
}

/** The current version of every line that has one. */
export async function listCurrentVersions(ctx: Ctx): Promise<Map<string, BomVersion>> {
  const rows = await db(ctx)
    .selectFrom('bom.versions')
    .selectAll()
    .distinctOn('model_line')
    .orderBy('model_line')
    .orderBy('number', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.model_line, toVersion(r)]));
}

export async function listVersions(ctx: Ctx, modelLine: string): Promise<BomVersion[]> {
  const rows = await db(ctx)
    .selectFrom('bom.versions')
    .selectAll()
    .where('model_line', '=', modelLine)
    .orderBy('number', 'desc')
    .execute();
  return rows.map(toVersion);
}

export async function listVersionLines(ctx: Ctx, versionId: string): Promise<BomLine[]> {
  const rows = await db(ctx)
    .selectFrom('bom.version_lines as l')
    .innerJoin('bom.parts as p', 'p.id', 'l.part_id')
    .select([...PART_COLUMNS, 'l.line_no', 'l.quantity', 'l.condition', 'l.alt_group', 'l.station'])
    .where('l.version_id', '=', versionId)
    .orderBy('l.line_no')
    .execute();
  return rows.map(toLine);
}

/** Model lines whose current version uses the part. */
export async function linesCurrentlyUsingPart(ctx: Ctx, partId: string): Promise<string[]> {
  const rows = await db(ctx)
    .selectFrom('bom.versions as v')
    .innerJoin('bom.version_lines as l', 'l.version_id', 'v.id')
    .select('v.model_line')
    .distinct()
    .where('l.part_id', '=', partId)
    .where(
      'v.number',
      '=',
      sql<number>`(select max(v2.number) from bom.versions v2 where v2.model_line = v.model_line)`,
    )
    .orderBy('v.model_line')
    .execute();
  return rows.map((r) => r.model_line);
}

// ---------------------------------------------------------------- vehicles

export type VehicleHeader = {
  vehicleId: string;
  modelLine: string;
  versionId: string;
  catalogVersionId: string;
  selection: Selection;
  storedAt: Date;
};

export async function findVehicle(
  ctx: Ctx,
  vehicleId: string,
  options: { forUpdate?: boolean } = {},
): Promise<VehicleHeader | undefined> {
  let q = db(ctx).selectFrom('bom.vehicles').selectAll().where('vehicle_id', '=', vehicleId);
  if (options.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) return undefined;
  return {
    vehicleId: row.vehicle_id,
    modelLine: row.model_line,
    versionId: row.version_id,
    catalogVersionId: row.catalog_version_id,
    selection: json<Selection>(row.selection),
    storedAt: toDate(row.stored_at),
  };
}

/** Replaces the vehicle's parts list (header and parts) in the caller's transaction. */
export async function replaceVehicleParts(
  ctx: Ctx,
  header: VehicleHeader,
  parts: readonly ExplodedPart[],
): Promise<void> {
  const values = {
    model_line: header.modelLine,
    version_id: header.versionId,
    catalog_version_id: header.catalogVersionId,
    selection: JSON.stringify(header.selection),
    stored_at: header.storedAt,
  };
  await db(ctx)
    .insertInto('bom.vehicles')
    .values({ vehicle_id: header.vehicleId, ...values })
    .onConflict((oc) => oc.column('vehicle_id').doUpdateSet(values))
    .execute();
  await db(ctx).deleteFrom('bom.vehicle_parts').where('vehicle_id', '=', header.vehicleId).execute();
  if (parts.length === 0) return;
  await db(ctx)
    .insertInto('bom.vehicle_parts')
    .values(
      parts.map((p) => ({
        vehicle_id: header.vehicleId,
        line_no: p.lineNo,
        part_id: p.partId,
        part_number: p.partNumber,
        name_zh: p.name['zh-CN'],
        name_en: p.name.en,
        supplier_org_id: p.supplierOrgId,
        quantity: p.quantity,
        unit: p.unit,
        lead_time_days: p.leadTimeDays,
        sequenced: p.sequenced,
        station: p.station,
        alt_group: p.group,
      })),
    )
    .execute();
}

export type StoredVehicle = VehicleHeader & { versionNumber: number; parts: ExplodedPart[] };

/** Stored parts lists of the given vehicles (those that have one), with their version numbers. */
export async function listVehicleParts(
  ctx: Ctx,
  vehicleIds: readonly string[],
  filter: { supplierOrgId?: string | undefined } = {},
): Promise<StoredVehicle[]> {
  if (vehicleIds.length === 0) return [];
  const ids = [...new Set(vehicleIds)];
  const headers = await db(ctx)
    .selectFrom('bom.vehicles as h')
    .innerJoin('bom.versions as v', 'v.id', 'h.version_id')
    .selectAll('h')
    .select('v.number as version_number')
    .where('h.vehicle_id', 'in', ids)
    .execute();
  let q = db(ctx).selectFrom('bom.vehicle_parts').selectAll().where('vehicle_id', 'in', ids);
  if (filter.supplierOrgId !== undefined) q = q.where('supplier_org_id', '=', filter.supplierOrgId);
  const rows = await q.orderBy('vehicle_id').orderBy('line_no').execute();
  const byVehicle = new Map<string, ExplodedPart[]>();
  for (const r of rows) {
    const part: ExplodedPart = {
      lineNo: r.line_no,
      partId: r.part_id,
      partNumber: r.part_number,
      name: { 'zh-CN': r.name_zh, en: r.name_en },
      supplierOrgId: r.supplier_org_id,
      quantity: r.quantity,
      unit: r.unit as PartUnit,
      leadTimeDays: r.lead_time_days,
      sequenced: r.sequenced,
      station: r.station as Station,
      group: r.alt_group,
    };
    const list = byVehicle.get(r.vehicle_id);
    if (list) list.push(part);
    else byVehicle.set(r.vehicle_id, [part]);
  }
  return headers.map((h) => ({
    vehicleId: h.vehicle_id,
    modelLine: h.model_line,
    versionId: h.version_id,
    versionNumber: h.version_number,
    catalogVersionId: h.catalog_version_id,
    selection: json<Selection>(h.selection),
    storedAt: toDate(h.stored_at),
    parts: byVehicle.get(h.vehicle_id) ?? [],
  }));
}
