import type { Model, Selection } from '@openc2b/configurator';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { type CheckedSelection, checkSelection } from './check-selection.ts';
import { type LoadedVersion, loadVersion } from './compiled-cache.ts';
import { getLine, versionNotFound } from './manage-model-lines.ts';
import * as store from './store.ts';
import type { ModelLine, ModelLineSummary, Version } from './types.ts';

/** The storefront's list: lines with a live version, with prices and counts of that version. */
export async function listModelLines(ctx: Ctx): Promise<ModelLineSummary[]> {
  return (await store.listLiveModelLines(ctx)).map(({ line, version }) => summaryOf(line, version));
}

/** A line's live version with its model (labels, descriptions, prices) for the configurator. */
export async function getLiveModelLine(
  ctx: Ctx,
  code: string,
): Promise<{ line: ModelLineSummary; version: Version; model: Model }> {
  const line = await getLine(ctx, code);
  const loaded = line.liveVersionId ? await loadVersion(ctx, line.liveVersionId) : undefined;
  if (!loaded) throw new AppError('not_found', 'catalog.model_line_not_found', `No model line ${code}.`);
  return { line: summaryOf(line, loaded.version), version: loaded.version, model: loaded.model };
}

/** Any published version of the line (pinned orders and saves keep loading after a new publish). */
export async function getLineVersion(ctx: Ctx, code: string, versionId: string): Promise<LoadedVersion> {
  const line = await getLine(ctx, code);
  const loaded = await loadVersion(ctx, versionId);
  if (!loaded || loaded.version.modelLineId !== line.id) throw versionNotFound(versionId);
  return loaded;
}

/** The published versions of a line, newest first (figures only, no models). */
export async function listLineVersions(ctx: Ctx, code: string): Promise<Version[]> {
  const line = await getLine(ctx, code);
  return store.listVersions(ctx, line.id);
}

/** Consistency, completeness, exact count and prices of a selection on a version. */
export async function validateSelection(
  ctx: Ctx,
  code: string,
  versionId: string,
  selection: Selection,
): Promise<CheckedSelection> {
  const loaded = await getLineVersion(ctx, code, versionId);
  const checked = checkSelection(loaded.model, loaded.compiled, selection);
  if (!checked.ok) throw unknownOption(checked.family, checked.option);
  return checked;
}

export function unknownOption(family: string, option: string | null): AppError {
  const path = `selection.${family}`;
  return new AppError(
    'bad_request',
    'catalog.unknown_option',
    option === null ? `No family ${family} in this model.` : `No option ${option} in family ${family}.`,
    {
      fields: [{ path, message: option === null ? 'Unknown family' : `Unknown option ${option}` }],
      extra: { family, option },
    },
  );
}

export function summaryOf(line: ModelLine, version: Version): ModelLineSummary {
  return {
    code: line.code,
    name: line.name,
    tagline: line.tagline,
    bodyType: line.bodyType,
    modelYear: line.modelYear,
    currency: version.stats.currency,
    basePrice: version.stats.basePrice,
    minPrice: version.stats.minPrice,
    maxPrice: version.stats.maxPrice,
    variantCount: version.variantCount,
    swatch: version.stats.swatch,
    versionId: version.id,
  };
}
