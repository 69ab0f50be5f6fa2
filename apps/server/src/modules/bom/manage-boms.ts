import { recordAudit } from '../../platform/audit.ts';
import { type Ctx, inTransaction } from '../../platform/context.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { findModelLine, listModelLines } from '../catalog/index.ts';
import { assertAuthorized } from '../identity/index.ts';
import * as store from './store.ts';
import {
  type BomDraft,
  type BomLineInput,
  type BomSummary,
  type BomVersion,
  type BomVersionWithLines,
  STATIONS,
} from './types.ts';

export const MAX_LINES = 1000;
export const MAX_QUANTITY = 100_000;
export const GROUP_PATTERN = /^[a-z0-9][a-z0-9-]{0,47}$/;
/** Bounds on one condition: conditions are short ("PAINT_RED and not ROOF_PANO"), never programs. */
export const MAX_CONDITION_CODES = 200;
export const MAX_CONDITION_DEPTH = 12;
const CODE_PATTERN = /^[A-Za-z0-9_.:-]{1,100}$/;

/** Every model line on sale, and any other with BOM data, with its BOM state. */
export async function listBoms(ctx: Ctx): Promise<BomSummary[]> {
  assertAuthorized(ctx.actor, 'bom.read');
  const [lines, current, drafts] = await Promise.all([
    listModelLines(ctx),
    store.listCurrentVersions(ctx),
    store.listDraftSummaries(ctx),
  ]);
  const summaries: BomSummary[] = lines.map((l) => summaryOf(l.code, l.name, l.versionId, current, drafts));
  const listed = new Set(lines.map((l) => l.code));
  for (const code of new Set([...current.keys(), ...drafts.keys()])) {
    if (listed.has(code)) continue;
    const line = await findModelLine(ctx, code);
    if (line) summaries.push(summaryOf(code, line.name, line.liveVersionId, current, drafts));
  }
  return summaries;
}

function summaryOf(
  code: string,
  name: BomSummary['name'],
  liveVersionId: string | null,
  current: Map<string, BomVersion>,
  drafts: Map<string, { lineCount: number; updatedAt: Date }>,
): BomSummary {
  const v = current.get(code);
  const d = drafts.get(code);
  return {
    modelLine: code,
    name,
    catalogLiveVersionId: liveVersionId,
    current: v
      ? {
          id: v.id,
          number: v.number,
          catalogVersionId: v.catalogVersionId,
          lineCount: v.lineCount,
          publishedAt: v.publishedAt,
        }
      : null,
    upToDate: v !== undefined && v.catalogVersionId === liveVersionId,
    draftLineCount: d?.lineCount ?? 0,
    draftUpdatedAt: d?.updatedAt ?? null,
  };
}

/** The draft of a line's BOM (empty, with `updatedAt` null, until something is saved). */
export async function getBomDraft(ctx: Ctx, modelLine: string): Promise<BomDraft> {
  assertAuthorized(ctx.actor, 'bom.read');
  await assertModelLine(ctx, modelLine);
  const header = await store.findDraft(ctx, modelLine);
  if (!header) return { modelLine, lines: [], basedOnVersionId: null, updatedAt: null, updatedBy: null };
  return { ...header, lines: await store.listDraftLines(ctx, modelLine) };
}

/**
 * Replaces the draft's lines. Malformed lines answer 400 `bom.invalid_lines` naming each field
 * (`lines.3.partId`, ...): duplicate line numbers, unknown parts, bad quantities, stations, group
 * codes or conditions. Whether the conditions make sense for the configuration model is the
 * publish check's business (unknown option codes included), so work in progress can be saved.
 */
export async function putBomDraft(
  ctx: Ctx,
  modelLine: string,
  lines: readonly BomLineInput[],
): Promise<BomDraft> {
  assertAuthorized(ctx.actor, 'bom.edit');
  await assertModelLine(ctx, modelLine);
  const fields = lineProblems(lines);
  const parts = await store.findPartsByIds(
    ctx,
    lines.map((l) => l.partId),
  );
  lines.forEach((l, i) => {
    if (typeof l.partId === 'string' && !parts.has(l.partId)) {
      fields.push({ path: `lines.${i}.partId`, message: `Unknown part ${l.partId}` });
    }
  });
  if (fields.length > 0) {
    throw new AppError('bad_request', 'bom.invalid_lines', `${fields.length} problem(s) in the lines.`, {
      fields,
    });
  }
  const sorted = [...lines].sort((a, b) => a.lineNo - b.lineNo);
  await inTransaction(ctx, async (tx) => {
    const previous = await store.lockDraft(tx, modelLine, tx.now);
    const current = await store.findCurrentVersion(tx, modelLine);
    await store.saveDraft(
      tx,
      {
        modelLine,
        basedOnVersionId: previous.basedOnVersionId ?? current?.id ?? null,
        updatedAt: tx.now,
        updatedBy: tx.actor.kind === 'staff' ? tx.actor.userId : null,
      },
      sorted,
    );
    await recordAudit(tx, {
      action: 'bom.draft_updated',
      targetType: 'bom.model_line',
      targetId: modelLine,
      orgId: null,
      data: { modelLine, lines: sorted.length },
    });
  });
  return getBomDraft(ctx, modelLine);
}

/** Shape problems of draft lines, with paths into the request (`lines.<index>.<field>`). */
export function lineProblems(lines: readonly BomLineInput[]): FieldError[] {
  const fields: FieldError[] = [];
  if (lines.length > MAX_LINES) fields.push({ path: 'lines', message: `At most ${MAX_LINES} lines` });
  const seen = new Map<number, number>();
  lines.forEach((l, i) => {
    const at = (f: string) => `lines.${i}.${f}`;
    if (!Number.isInteger(l.lineNo) || l.lineNo < 1 || l.lineNo > 99_999) {
      fields.push({ path: at('lineNo'), message: 'A whole number from 1 to 99999' });
    } else if (seen.has(l.lineNo)) {
      fields.push({
        path: at('lineNo'),
        message: `Line number ${l.lineNo} is used by line ${seen.get(l.lineNo)}`,
      });
    } else {
      seen.set(l.lineNo, i);
    }
    if (!Number.isInteger(l.quantity) || l.quantity < 1 || l.quantity > MAX_QUANTITY) {
      fields.push({ path: at('quantity'), message: `A whole number from 1 to ${MAX_QUANTITY}` });
    }
    if (!(STATIONS as readonly string[]).includes(l.station)) {
      fields.push({ path: at('station'), message: `One of ${STATIONS.join(', ')}` });
    }
    if (l.group !== null && !(typeof l.group === 'string' && GROUP_PATTERN.test(l.group))) {
      fields.push({ path: at('group'), message: 'Lower-case letters, digits and hyphens (1-48)' });
    }
    if (typeof l.partId !== 'string' || l.partId.length === 0) {
      fields.push({ path: at('partId'), message: 'Required' });
    }
    if (l.condition !== null) {
      const problem = conditionProblem(l.condition);
      if (problem) fields.push({ path: at('condition'), message: problem });
    }
  });
  return fields;
}

/** Why a value is not an acceptable condition, or undefined when it is one. */
export function conditionProblem(condition: unknown): string | undefined {
  let codes = 0;
  const visit = (e: unknown, depth: number): string | undefined => {
    if (depth > MAX_CONDITION_DEPTH) return `Nested deeper than ${MAX_CONDITION_DEPTH}`;
    if (typeof e === 'string') {
      codes++;
      if (codes > MAX_CONDITION_CODES) return `More than ${MAX_CONDITION_CODES} option codes`;
      return CODE_PATTERN.test(e) ? undefined : `Not an option code: ${JSON.stringify(e).slice(0, 40)}`;
    }
    if (typeof e !== 'object' || e === null || Array.isArray(e)) return 'An option code, or all / any / not';
    const keys = Object.keys(e);
    const key = keys[0];
    if (keys.length !== 1 || (key !== 'all' && key !== 'any' && key !== 'not')) {
      return 'An object with exactly one of all, any, not';
    }
    const value = (e as Record<string, unknown>)[key];
    if (key === 'not') return visit(value, depth + 1);
    if (!Array.isArray(value)) return `${key} takes a list`;
    for (const x of value) {
      const p = visit(x, depth + 1);
      if (p) return p;
    }
    return undefined;
  };
  return visit(condition, 0);
}

/** Published versions of a line, newest first. */
export async function listBomVersions(ctx: Ctx, modelLine: string): Promise<BomVersion[]> {
  assertAuthorized(ctx.actor, 'bom.read');
  await assertModelLine(ctx, modelLine);
  return store.listVersions(ctx, modelLine);
}

/** One published version with its lines. */
export async function getBomVersion(
  ctx: Ctx,
  modelLine: string,
  versionId: string,
): Promise<BomVersionWithLines> {
  assertAuthorized(ctx.actor, 'bom.read');
  await assertModelLine(ctx, modelLine);
  const version = await store.findVersion(ctx, versionId);
  if (version?.modelLine !== modelLine) throw versionNotFound(versionId);
  return { ...version, lines: await store.listVersionLines(ctx, versionId) };
}

export async function assertModelLine(ctx: Ctx, modelLine: string): Promise<void> {
  if (!(await findModelLine(ctx, modelLine))) throw modelLineNotFound(modelLine);
}

export function modelLineNotFound(code: string): AppError {
  return new AppError('not_found', 'bom.model_line_not_found', `No model line ${code}.`);
}

export function versionNotFound(id: string): AppError {
  return new AppError('not_found', 'bom.version_not_found', `No BOM version ${id} of this model line.`);
}
