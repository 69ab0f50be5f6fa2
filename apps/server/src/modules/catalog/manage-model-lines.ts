import {
  ConfiguratorError,
  importXcspModel,
  MODEL_FORMAT,
  MODEL_FORMAT_VERSION,
  type Model,
  validateModel,
} from '@openc2b/configurator';
import { recordAudit } from '../../platform/audit.ts';
import { type Ctx, inTransaction } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { assertAuthorized } from '../identity/index.ts';
import { lineNotFound } from './publish-version.ts';
import * as store from './store.ts';
import type { AdminModelLine, Bilingual, Draft, ModelLine, Version } from './types.ts';

export type NewModelLine = {
  code: string;
  name: Bilingual;
  tagline?: Bilingual | undefined;
  bodyType: Bilingual;
  modelYear: number;
};

/** A new line with a starting draft: no families yet, CNY, base price 0. Nothing is live until a publish. */
export async function createModelLine(ctx: Ctx, input: NewModelLine): Promise<AdminModelLine> {
  assertAuthorized(ctx.actor, 'catalog.edit');
  const line: ModelLine = {
    id: newId('mln'),
    code: input.code,
    name: input.name,
    tagline: input.tagline ?? null,
    bodyType: input.bodyType,
    modelYear: input.modelYear,
    liveVersionId: null,
    createdAt: ctx.now,
  };
  const model: Model = {
    format: MODEL_FORMAT,
    version: MODEL_FORMAT_VERSION,
    id: `${input.code}-${input.modelYear}`,
    name: input.name,
    currency: 'CNY',
    basePrice: 0,
    families: [],
    rules: [],
  };
  await inTransaction(ctx, async (tx) => {
    if (await store.findModelLineByCode(tx, input.code)) throw codeTaken(input.code);
    try {
      await store.insertModelLine(tx, line);
    } catch (err) {
      if (store.isUniqueViolation(err)) throw codeTaken(input.code);
      throw err;
    }
    await store.upsertDraft(tx, draftOf(tx, line.id, model, null));
    await recordAudit(tx, {
      action: 'catalog.model_line_created',
      targetType: 'catalog.model_line',
      targetId: line.id,
      orgId: null,
      data: { code: line.code },
    });
  });
  return {
    code: line.code,
    name: line.name,
    tagline: line.tagline,
    bodyType: line.bodyType,
    modelYear: line.modelYear,
    liveVersion: null,
    draftUpdatedAt: ctx.now,
    draftDiffersFromLive: true,
  };
}

export async function findModelLine(ctx: Ctx, code: string): Promise<ModelLine | undefined> {
  return store.findModelLineByCode(ctx, code);
}

export async function listModelLinesForAdmin(ctx: Ctx): Promise<AdminModelLine[]> {
  assertAuthorized(ctx.actor, 'catalog.edit');
  return store.listAdminModelLines(ctx);
}

export async function getDraft(ctx: Ctx, lineCode: string): Promise<Draft> {
  assertAuthorized(ctx.actor, 'catalog.edit');
  const line = await getLine(ctx, lineCode);
  const draft = await store.findDraft(ctx, line.id);
  if (!draft)
    throw new AppError('not_found', 'catalog.draft_not_found', `Model line ${lineCode} has no draft.`);
  return draft;
}

/**
 * Replaces a line's draft (an editor's save or a whole-model JSON import). Structural problems
 * answer 400 `catalog.invalid_model` with every issue; whether the model has valid
 * configurations is the publish check's business, so a work in progress can be saved.
 */
export async function putDraft(ctx: Ctx, lineCode: string, input: unknown, source = 'edit'): Promise<Draft> {
  assertAuthorized(ctx.actor, 'catalog.edit');
  const valid = validateModel(input);
  if (!valid.ok) {
    throw new AppError(
      'bad_request',
      'catalog.invalid_model',
      `The model has ${valid.errors.length} issue(s).`,
      {
        fields: valid.errors.map((i) => ({ path: i.path ? `model.${i.path}` : 'model', message: i.message })),
        extra: { issues: valid.errors },
      },
    );
  }
  return inTransaction(ctx, async (tx) => {
    const line = await store.findModelLineByCode(tx, lineCode, { forUpdate: true });
    if (!line) throw lineNotFound(lineCode);
    const previous = await store.findDraft(tx, line.id);
    const draft = draftOf(tx, line.id, valid.model, previous?.basedOnVersionId ?? line.liveVersionId);
    await store.upsertDraft(tx, draft);
    await recordAudit(tx, {
      action: 'catalog.draft_updated',
      targetType: 'catalog.model_line',
      targetId: line.id,
      orgId: null,
      data: {
        modelLine: line.code,
        source,
        families: valid.model.families.length,
        rules: valid.model.rules.length,
      },
    });
    return draft;
  });
}

/** Replaces the draft with a model imported from an XCSP 2.1 instance (400 naming the problem). */
export async function importXcspDraft(ctx: Ctx, lineCode: string, xml: string): Promise<Draft> {
  assertAuthorized(ctx.actor, 'catalog.edit');
  let model: Model;
  try {
    model = importXcspModel(xml);
  } catch (err) {
    if (!(err instanceof ConfiguratorError)) throw err;
    throw new AppError('bad_request', 'catalog.invalid_xcsp', err.message, {
      fields: [{ path: 'xml', message: err.message }],
      extra: { reason: err.code, details: err.details },
    });
  }
  // The engine's parser is lenient: text without any <variable> imports as an empty model.
  if (model.families.length === 0) {
    const detail = 'The XCSP instance declares no variables (is it XCSP 2.1 XML?).';
    throw new AppError('bad_request', 'catalog.invalid_xcsp', detail, {
      fields: [{ path: 'xml', message: detail }],
      extra: { reason: 'no_variables' },
    });
  }
  return putDraft(ctx, lineCode, model, 'xcsp');
}

export async function listVersionHistory(ctx: Ctx, lineCode: string): Promise<Version[]> {
  assertAuthorized(ctx.actor, 'catalog.edit');
  const line = await getLine(ctx, lineCode);
  return store.listVersions(ctx, line.id);
}

/** A published version's model (export). */
export async function getVersionModel(ctx: Ctx, lineCode: string, versionId: string): Promise<Model> {
  assertAuthorized(ctx.actor, 'catalog.edit');
  const line = await getLine(ctx, lineCode);
  const version = await store.findVersion(ctx, versionId);
  const model = version?.modelLineId === line.id ? await store.findVersionModel(ctx, versionId) : undefined;
  if (!model) throw versionNotFound(versionId);
  return model;
}

export async function getLine(ctx: Ctx, code: string): Promise<ModelLine> {
  const line = await store.findModelLineByCode(ctx, code);
  if (!line) throw lineNotFound(code);
  return line;
}

export function versionNotFound(id: string): AppError {
  return new AppError('not_found', 'catalog.version_not_found', `No version ${id} of this model line.`);
}

function draftOf(ctx: Ctx, modelLineId: string, model: Model, basedOnVersionId: string | null): Draft {
  return {
    modelLineId,
    model,
    basedOnVersionId,
    updatedAt: ctx.now,
    updatedBy: ctx.actor.kind === 'staff' ? ctx.actor.userId : null,
  };
}

function codeTaken(code: string): AppError {
  return new AppError('conflict', 'catalog.model_line_exists', `A model line ${code} exists already.`, {
    fields: [{ path: 'code', message: 'Taken' }],
  });
}
