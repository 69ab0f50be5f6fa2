import { type Expr, exprHolds, type Selection, solveExpr } from '@openc2b/configurator';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import {
  deriveConfiguration,
  findModelLine,
  getLineVersion,
  type LoadedVersion,
  validateSelection,
} from '../catalog/index.ts';
import { modelLineNotFound, versionNotFound } from './manage-boms.ts';
import * as store from './store.ts';
import { type BomLine, type BomVersion, type ExplodedPart, type PartsList, STATIONS } from './types.ts';

export type ExplodeInput = {
  /** Catalogue model line code, e.g. `qc-d90-pro`. */
  modelLine: string;
  /** A published BOM version of that line (`bomv_...`); default: the newest one. */
  versionId?: string | undefined;
  /** Family code -> option code, optional families as `<family>:none`. */
  selection: Selection;
};

const ALWAYS: Expr = { all: [] };

/**
 * The parts of the lines whose condition holds for one complete configuration, in station then
 * line order; and every alternative group that did not get exactly one line (empty after a
 * passed publish check for a configuration of the version it was checked against). Pure.
 */
export function explodeLines(
  lines: readonly BomLine[],
  selection: Selection,
): { parts: ExplodedPart[]; groupProblems: { group: string; lines: number[] }[] } {
  const applying = lines.filter((l) => l.condition === null || exprHolds(l.condition, selection));
  const perGroup = new Map<string, number[]>();
  for (const l of lines) if (l.group !== null && !perGroup.has(l.group)) perGroup.set(l.group, []);
  for (const l of applying) if (l.group !== null) perGroup.get(l.group)?.push(l.lineNo);
  const groupProblems = [...perGroup]
    .filter(([, hits]) => hits.length !== 1)
    .map(([group, hits]) => ({ group, lines: hits }));
  return { parts: sortParts(applying.map(partOf)), groupProblems };
}

export function sortParts(parts: ExplodedPart[]): ExplodedPart[] {
  return parts.sort(
    (a, b) => STATIONS.indexOf(a.station) - STATIONS.indexOf(b.station) || a.lineNo - b.lineNo,
  );
}

function partOf(l: BomLine): ExplodedPart {
  return {
    lineNo: l.lineNo,
    partId: l.part.id,
    partNumber: l.part.partNumber,
    name: l.part.name,
    supplierOrgId: l.part.supplierOrgId,
    quantity: l.quantity,
    unit: l.part.unit,
    leadTimeDays: l.part.leadTimeDays,
    sequenced: l.part.sequenced,
    station: l.station,
    group: l.group,
  };
}

export function longestOf(parts: readonly ExplodedPart[]): PartsList['longestLeadTime'] {
  let best: ExplodedPart | undefined;
  for (const p of parts) if (!best || p.leadTimeDays > best.leadTimeDays) best = p;
  return best
    ? { days: best.leadTimeDays, partId: best.partId, partNumber: best.partNumber, name: best.name }
    : null;
}

/**
 * The exact parts list of one car from a published BOM. The selection must be a complete,
 * valid configuration of the catalogue version that BOM was checked against (that is what makes
 * "exactly one line per group" hold): unknown codes answer 400 `catalog.unknown_option`, an
 * incomplete or invalid configuration 422 `bom.invalid_configuration`; no published BOM 404
 * `bom.bom_not_published`. Part data (supplier, lead time) is the parts' current master data.
 */
export async function explodeConfiguration(ctx: Ctx, input: ExplodeInput): Promise<PartsList> {
  const { version, catalog } = await resolveVersion(ctx, input);
  const selection = await completeSelection(ctx, version, catalog, input.selection);
  const lines = await store.listVersionLines(ctx, version.id);
  const { parts, groupProblems } = explodeLines(lines, selection);
  if (groupProblems.length > 0) {
    // The publish check proved this cannot happen for a valid configuration of that version.
    throw new Error(
      `BOM ${version.id}: groups without exactly one line for a valid configuration: ${JSON.stringify(groupProblems)}`,
    );
  }
  return {
    modelLine: version.modelLine,
    bomVersionId: version.id,
    bomVersionNumber: version.number,
    catalogVersionId: version.catalogVersionId,
    selection,
    parts,
    longestLeadTime: longestOf(parts),
  };
}

/**
 * `explodeConfiguration` for a configuration code (what the planner types or a customer shares),
 * decoded on the catalogue version the BOM was checked against: a code of another model or
 * option list, or with a typo, answers 400 `bom.invalid_configuration_code`.
 */
export async function explodeConfigurationCode(
  ctx: Ctx,
  input: { modelLine: string; versionId?: string | undefined; configurationCode: string },
): Promise<PartsList> {
  const { version, catalog } = await resolveVersion(ctx, input);
  const derived = deriveConfiguration(catalog.model, catalog.compiled, { code: input.configurationCode });
  if (!derived.ok) {
    const detail =
      derived.reason === 'invalid_code'
        ? derived.detail
        : `The code is not a valid configuration of catalogue version ${catalog.version.number}.`;
    throw new AppError('bad_request', 'bom.invalid_configuration_code', detail, {
      fields: [{ path: 'configurationCode', message: detail }],
      extra: { catalogVersionId: catalog.version.id, bomVersionId: version.id },
    });
  }
  return explodeConfiguration(ctx, {
    modelLine: input.modelLine,
    versionId: version.id,
    selection: derived.selection,
  });
}

/**
 * The longest part lead time, in days, of a configuration (what the delivery promise waits for).
 * For a complete configuration that is the maximum over its exploded parts. A partial one (the
 * customer is still choosing) gets the maximum over every line that can still apply to some
 * valid completion, so a date promised now holds whatever is chosen next; exact, no
 * enumeration. 0 when no line applies. Errors as `explodeConfiguration`, except that a partial
 * selection is accepted as long as it is consistent.
 */
export async function longestLeadTimeDays(ctx: Ctx, input: ExplodeInput): Promise<number> {
  const { version, catalog } = await resolveVersion(ctx, input);
  const checked = await validateSelection(ctx, version.modelLine, catalog.version.id, input.selection);
  if (!checked.consistent) throw invalidConfiguration(version, true, checked.missing);
  const lines = await store.listVersionLines(ctx, version.id);
  if (checked.complete) return longestOf(explodeLines(lines, input.selection).parts)?.days ?? 0;
  const chosen = Object.values(input.selection);
  // Longest first: the first line that can still apply is the answer.
  const byLeadTime = [...lines].sort((a, b) => b.part.leadTimeDays - a.part.leadTimeDays);
  for (const line of byLeadTime) {
    const expr: Expr = { all: [line.condition ?? ALWAYS, ...chosen] };
    if (solveExpr(catalog.compiled, expr).count > 0n) return line.part.leadTimeDays;
  }
  return 0;
}

/** The BOM version asked for (or the newest) and the catalogue version it was checked against. */
export async function resolveVersion(
  ctx: Ctx,
  input: { modelLine: string; versionId?: string | undefined },
): Promise<{ version: BomVersion; catalog: LoadedVersion }> {
  if (!(await findModelLine(ctx, input.modelLine))) throw modelLineNotFound(input.modelLine);
  const version =
    input.versionId === undefined
      ? await store.findCurrentVersion(ctx, input.modelLine)
      : await store.findVersion(ctx, input.versionId);
  if (input.versionId !== undefined && version?.modelLine !== input.modelLine) {
    throw versionNotFound(input.versionId);
  }
  if (!version) {
    throw new AppError(
      'not_found',
      'bom.bom_not_published',
      `Model line ${input.modelLine} has no published BOM.`,
    );
  }
  return { version, catalog: await getLineVersion(ctx, input.modelLine, version.catalogVersionId) };
}

/** The selection checked on the BOM's catalogue version, families in model order. */
async function completeSelection(
  ctx: Ctx,
  version: BomVersion,
  catalog: LoadedVersion,
  selection: Selection,
): Promise<Selection> {
  const checked = await validateSelection(ctx, version.modelLine, catalog.version.id, selection);
  if (!checked.consistent || !checked.complete) {
    throw invalidConfiguration(version, checked.consistent, checked.missing);
  }
  const ordered: Selection = {};
  for (const f of catalog.model.families) {
    const option = selection[f.code];
    if (option !== undefined) ordered[f.code] = option;
  }
  return ordered;
}

function invalidConfiguration(version: BomVersion, consistent: boolean, missing: string[]): AppError {
  const detail = consistent
    ? `The configuration is incomplete: choose ${missing.join(', ')}.`
    : `The configuration is not valid on catalogue version ${version.catalogVersionId}, which BOM version ${version.number} of ${version.modelLine} was checked against.`;
  return new AppError('unprocessable', 'bom.invalid_configuration', detail, {
    extra: { consistent, missing, bomVersionId: version.id, catalogVersionId: version.catalogVersionId },
  });
}
