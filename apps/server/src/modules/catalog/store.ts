import type { Model, Selection } from '@openc2b/configurator';
import { sql } from 'kysely';
import type { Ctx } from '../../platform/context.ts';
import type { CatalogDb } from './tables.ts';
import type {
  AdminModelLine,
  Bilingual,
  Draft,
  ModelLine,
  PopularConfiguration,
  PriceBreakdown,
  SavedConfiguration,
  Version,
  VersionStats,
} from './types.ts';

/** The only file of this module with SQL, and only schema `catalog`. Maps rows to the module's types. */
const db = (ctx: Ctx): CatalogDb => ctx.db;

const toDate = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));
const bilingual = (zh: string | null, en: string | null): Bilingual | null =>
  zh !== null && en !== null ? { 'zh-CN': zh, en } : null;
/** jsonb comes back parsed from pg and PGlite; a string only if a driver leaves it as text. */
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
const bytes = (v: Uint8Array): Uint8Array =>
  v instanceof Buffer ? new Uint8Array(v.buffer, v.byteOffset, v.byteLength) : v;

/** A unique index refused the write (PostgreSQL SQLSTATE 23505, from pg and PGlite alike). */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';
}

// ---------------------------------------------------------------- model lines

type LineRow = {
  id: string;
  code: string;
  name_zh: string;
  name_en: string;
  tagline_zh: string | null;
  tagline_en: string | null;
  body_type_zh: string;
  body_type_en: string;
  model_year: number;
  live_version_id: string | null;
  created_at: Date | string;
};

function toModelLine(row: LineRow): ModelLine {
  return {
    id: row.id,
    code: row.code,
    name: { 'zh-CN': row.name_zh, en: row.name_en },
    tagline: bilingual(row.tagline_zh, row.tagline_en),
    bodyType: { 'zh-CN': row.body_type_zh, en: row.body_type_en },
    modelYear: row.model_year,
    liveVersionId: row.live_version_id,
    createdAt: toDate(row.created_at),
  };
}

export async function insertModelLine(ctx: Ctx, line: ModelLine): Promise<void> {
  await db(ctx)
    .insertInto('catalog.model_lines')
    .values({
      id: line.id,
      code: line.code,
      name_zh: line.name['zh-CN'],
      name_en: line.name.en,
      tagline_zh: line.tagline?.['zh-CN'] ?? null,
      tagline_en: line.tagline?.en ?? null,
      body_type_zh: line.bodyType['zh-CN'],
      body_type_en: line.bodyType.en,
      model_year: line.modelYear,
      live_version_id: line.liveVersionId,
      created_at: line.createdAt,
    })
    .execute();
}

export async function findModelLineByCode(
  ctx: Ctx,
  code: string,
  options: { forUpdate?: boolean } = {},
): Promise<ModelLine | undefined> {
  let query = db(ctx).selectFrom('catalog.model_lines').selectAll().where('code', '=', code);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toModelLine(row) : undefined;
}

export async function setLiveVersion(ctx: Ctx, modelLineId: string, versionId: string): Promise<void> {
  await db(ctx)
    .updateTable('catalog.model_lines')
    .set({ live_version_id: versionId })
    .where('id', '=', modelLineId)
    .execute();
}

/** Lines with a live version, with that version's figures, in the order they were created. */
export async function listLiveModelLines(ctx: Ctx): Promise<{ line: ModelLine; version: Version }[]> {
  const rows = await db(ctx)
    .selectFrom('catalog.model_lines as l')
    .innerJoin('catalog.versions as v', 'v.id', 'l.live_version_id')
    .selectAll('l')
    .select([
      'v.id as v_id',
      'v.model_line_id as v_model_line_id',
      'v.number as v_number',
      'v.model_hash as v_model_hash',
      'v.variant_count as v_variant_count',
      'v.stats as v_stats',
      'v.published_at as v_published_at',
      'v.published_by as v_published_by',
    ])
    .orderBy('l.created_at')
    .orderBy('l.id')
    .execute();
  return rows.map((r) => ({
    line: toModelLine(r),
    version: {
      id: r.v_id,
      modelLineId: r.v_model_line_id,
      number: r.v_number,
      modelHash: r.v_model_hash,
      variantCount: r.v_variant_count,
      stats: json<VersionStats>(r.v_stats),
      publishedAt: toDate(r.v_published_at),
      publishedBy: r.v_published_by,
    },
  }));
}

export async function listAdminModelLines(ctx: Ctx): Promise<AdminModelLine[]> {
  const rows = await db(ctx)
    .selectFrom('catalog.model_lines as l')
    .leftJoin('catalog.versions as v', 'v.id', 'l.live_version_id')
    .leftJoin('catalog.drafts as d', 'd.model_line_id', 'l.id')
    .selectAll('l')
    .select([
      'v.id as v_id',
      'v.number as v_number',
      'v.published_at as v_published_at',
      'd.updated_at as d_updated_at',
      // jsonb equality ignores key order and whitespace
      sql<boolean>`(d.model is not null and (v.model is null or d.model <> v.model))`.as('differs'),
    ])
    .orderBy('l.created_at')
    .orderBy('l.id')
    .execute();
  return rows.map((r) => {
    const line = toModelLine(r);
    return {
      code: line.code,
      name: line.name,
      tagline: line.tagline,
      bodyType: line.bodyType,
      modelYear: line.modelYear,
      liveVersion:
        r.v_id !== null && r.v_number !== null && r.v_published_at !== null
          ? { id: r.v_id, number: r.v_number, publishedAt: toDate(r.v_published_at) }
          : null,
      draftUpdatedAt: r.d_updated_at === null ? null : toDate(r.d_updated_at),
      draftDiffersFromLive: r.differs === true,
    };
  });
}

// ---------------------------------------------------------------- versions

type VersionRow = {
  id: string;
  model_line_id: string;
  number: number;
  model_hash: string;
  variant_count: string;
  stats: unknown;
  published_at: Date | string;
  published_by: string | null;
};

const VERSION_COLUMNS = [
  'id',
  'model_line_id',
  'number',
  'model_hash',
  'variant_count',
  'stats',
  'published_at',
  'published_by',
] as const;

function toVersion(row: VersionRow): Version {
  return {
    id: row.id,
    modelLineId: row.model_line_id,
    number: row.number,
    modelHash: row.model_hash,
    variantCount: row.variant_count,
    stats: json<VersionStats>(row.stats),
    publishedAt: toDate(row.published_at),
    publishedBy: row.published_by,
  };
}

export type NewVersion = Version & { model: Model; compiled: Uint8Array };

export async function insertVersion(ctx: Ctx, v: NewVersion): Promise<void> {
  await db(ctx)
    .insertInto('catalog.versions')
    .values({
      id: v.id,
      model_line_id: v.modelLineId,
      number: v.number,
      model: JSON.stringify(v.model),
      model_hash: v.modelHash,
      compiled: Buffer.from(v.compiled.buffer, v.compiled.byteOffset, v.compiled.byteLength),
      variant_count: v.variantCount,
      stats: JSON.stringify(v.stats),
      published_at: v.publishedAt,
      published_by: v.publishedBy,
    })
    .execute();
}

export async function nextVersionNumber(ctx: Ctx, modelLineId: string): Promise<number> {
  const row = await db(ctx)
    .selectFrom('catalog.versions')
    .select((eb) => eb.fn.max('number').as('max'))
    .where('model_line_id', '=', modelLineId)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

export async function findVersion(ctx: Ctx, id: string): Promise<Version | undefined> {
  const row = await db(ctx)
    .selectFrom('catalog.versions')
    .select(VERSION_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toVersion(row) : undefined;
}

/** A version with its model and compiled bytes (what the compiled-model cache loads). */
export async function findVersionContent(
  ctx: Ctx,
  id: string,
): Promise<{ version: Version; model: Model; compiled: Uint8Array } | undefined> {
  const row = await db(ctx)
    .selectFrom('catalog.versions')
    .select([...VERSION_COLUMNS, 'model', 'compiled'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return { version: toVersion(row), model: json<Model>(row.model), compiled: bytes(row.compiled) };
}

export async function findVersionModel(ctx: Ctx, id: string): Promise<Model | undefined> {
  const row = await db(ctx)
    .selectFrom('catalog.versions')
    .select('model')
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? json<Model>(row.model) : undefined;
}

export async function listVersions(ctx: Ctx, modelLineId: string): Promise<Version[]> {
  const rows = await db(ctx)
    .selectFrom('catalog.versions')
    .select(VERSION_COLUMNS)
    .where('model_line_id', '=', modelLineId)
    .orderBy('number', 'desc')
    .execute();
  return rows.map(toVersion);
}

// ---------------------------------------------------------------- drafts

export async function findDraft(ctx: Ctx, modelLineId: string): Promise<Draft | undefined> {
  const row = await db(ctx)
    .selectFrom('catalog.drafts')
    .selectAll()
    .where('model_line_id', '=', modelLineId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    modelLineId: row.model_line_id,
    model: json<Model>(row.model),
    basedOnVersionId: row.based_on_version_id,
    updatedAt: toDate(row.updated_at),
    updatedBy: row.updated_by,
  };
}

export async function upsertDraft(ctx: Ctx, draft: Draft): Promise<void> {
  const values = {
    model: JSON.stringify(draft.model),
    based_on_version_id: draft.basedOnVersionId,
    updated_at: draft.updatedAt,
    updated_by: draft.updatedBy,
  };
  await db(ctx)
    .insertInto('catalog.drafts')
    .values({ model_line_id: draft.modelLineId, ...values })
    .onConflict((oc) => oc.column('model_line_id').doUpdateSet(values))
    .execute();
}

// ---------------------------------------------------------------- saved configurations

type SavedRow = {
  id: string;
  code: string;
  version_id: string;
  selection: unknown;
  total: string | number;
  currency: string;
  breakdown: unknown;
  created_at: Date | string;
  line_code: string;
  version_number: number;
};

function toSaved(row: SavedRow): SavedConfiguration {
  return {
    id: row.id,
    code: row.code,
    modelLine: row.line_code,
    versionId: row.version_id,
    versionNumber: row.version_number,
    selection: json<Selection>(row.selection),
    total: Number(row.total),
    currency: row.currency,
    breakdown: json<PriceBreakdown>(row.breakdown),
    createdAt: toDate(row.created_at),
  };
}

const savedQuery = (ctx: Ctx) =>
  db(ctx)
    .selectFrom('catalog.saved_configurations as s')
    .innerJoin('catalog.model_lines as l', 'l.id', 's.model_line_id')
    .innerJoin('catalog.versions as v', 'v.id', 's.version_id')
    .select([
      's.id',
      's.code',
      's.version_id',
      's.selection',
      's.total',
      's.currency',
      's.breakdown',
      's.created_at',
      'l.code as line_code',
      'v.number as version_number',
    ]);

export async function findSavedConfiguration(
  ctx: Ctx,
  versionId: string,
  code: string,
): Promise<SavedConfiguration | undefined> {
  const row = await savedQuery(ctx)
    .where('s.version_id', '=', versionId)
    .where('s.code', '=', code)
    .executeTakeFirst();
  return row ? toSaved(row) : undefined;
}

/** The newest saved configuration with this code (the same code may exist on several versions). */
export async function findSavedConfigurationByCode(
  ctx: Ctx,
  code: string,
): Promise<SavedConfiguration | undefined> {
  const row = await savedQuery(ctx)
    .where('s.code', '=', code)
    .orderBy('s.created_at', 'desc')
    .orderBy('s.id', 'desc')
    .executeTakeFirst();
  return row ? toSaved(row) : undefined;
}

export type NewSavedConfiguration = Omit<SavedConfiguration, 'modelLine' | 'versionNumber'> & {
  modelLineId: string;
};

/** Inserts unless (version, code) exists; true when this call inserted it. */
export async function insertSavedConfiguration(ctx: Ctx, s: NewSavedConfiguration): Promise<boolean> {
  const result = await db(ctx)
    .insertInto('catalog.saved_configurations')
    .values({
      id: s.id,
      code: s.code,
      model_line_id: s.modelLineId,
      version_id: s.versionId,
      selection: JSON.stringify(s.selection),
      total: s.total,
      currency: s.currency,
      breakdown: JSON.stringify(s.breakdown),
      created_at: s.createdAt,
    })
    .onConflict((oc) => oc.columns(['version_id', 'code']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** Records that `saver` saved the configuration; true when it is a new saver. */
export async function insertSave(
  ctx: Ctx,
  configurationId: string,
  saver: string,
  at: Date,
): Promise<boolean> {
  const result = await db(ctx)
    .insertInto('catalog.configuration_saves')
    .values({ configuration_id: configurationId, saver, saved_at: at })
    .onConflict((oc) => oc.columns(['configuration_id', 'saver']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** Configurations of one version, most savers first, then the earliest saved. */
export async function listPopular(
  ctx: Ctx,
  versionId: string,
  limit: number,
): Promise<PopularConfiguration[]> {
  const rows = await db(ctx)
    .selectFrom('catalog.saved_configurations as s')
    .innerJoin('catalog.configuration_saves as c', 'c.configuration_id', 's.id')
    .select(['s.code', 's.selection', 's.total', (eb) => eb.fn.countAll<string | number>().as('saves')])
    .where('s.version_id', '=', versionId)
    .groupBy(['s.id', 's.code', 's.selection', 's.total', 's.created_at'])
    .orderBy('saves', 'desc')
    .orderBy('s.created_at', 'asc')
    .orderBy('s.id', 'asc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    code: r.code,
    selection: json<Selection>(r.selection),
    total: Number(r.total),
    saves: Number(r.saves),
  }));
}

export async function listSavedBy(ctx: Ctx, saver: string, limit: number): Promise<SavedConfiguration[]> {
  const rows = await savedQuery(ctx)
    .innerJoin('catalog.configuration_saves as c', 'c.configuration_id', 's.id')
    .where('c.saver', '=', saver)
    .orderBy('c.saved_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toSaved);
}
