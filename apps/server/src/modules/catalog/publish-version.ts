import {
  type AnalysisFinding,
  analyzeModel,
  type CompiledModel,
  ConfiguratorError,
  compile,
  type Model,
  type ModelIssue,
  nodeCount,
  query,
  serializeCompiled,
  validateModel,
} from '@openc2b/configurator';
import { recordAudit } from '../../platform/audit.ts';
import { type Ctx, inTransaction } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { publish } from '../../platform/events/publish.ts';
import { newId } from '../../platform/ids.ts';
import { assertAuthorized } from '../identity/index.ts';
import { rememberVersion } from './compiled-cache.ts';
import { versionPublished } from './events.ts';
import * as store from './store.ts';
import type { PublishReport, Version, VersionStats } from './types.ts';

/** Everything a version stores, built from a model that passed every check. */
export type VersionBuild = {
  model: Model;
  compiled: CompiledModel;
  bytes: Uint8Array;
  modelHash: string;
  variantCount: string;
  stats: VersionStats;
};

/**
 * Findings that refuse a publish (see the rule in index.ts): no valid configuration at all, an
 * option that can never be chosen, or defaults that cannot be completed. Forced and unpriced
 * options are shown but allowed.
 */
const REFUSING: ReadonlySet<AnalysisFinding['kind']> = new Set([
  'no_solution',
  'dead_option',
  'invalid_defaults',
]);

export function isRefusing(finding: AnalysisFinding): boolean {
  return REFUSING.has(finding.kind) || finding.severity === 'error';
}

/**
 * validate -> compile -> analyze -> report. Pure (CPU only: a compile takes ~0.1-0.2 s for the
 * demo models). `build` is set only when the report is ok.
 */
export function prepareVersion(input: unknown): { report: PublishReport; build: VersionBuild | null } {
  const empty = { findings: [], variantCount: '0', compiledBytes: 0, nodes: 0 };
  const valid = validateModel(input);
  if (!valid.ok) return { report: { ok: false, issues: valid.errors, ...empty }, build: null };
  const model = valid.model;
  let compiled: CompiledModel;
  try {
    compiled = compile(model);
  } catch (err) {
    if (!(err instanceof ConfiguratorError)) throw err;
    const issue: ModelIssue = {
      path: '',
      code: err.code.replace(/^configurator\./, ''),
      message: err.message,
    };
    if (err.details['family']) issue.family = err.details['family'];
    if (err.details['option']) issue.option = err.details['option'];
    if (err.details['rule']) issue.rule = err.details['rule'];
    return { report: { ok: false, issues: [issue], ...empty }, build: null };
  }
  const analysis = analyzeModel(model, compiled);
  const bytes = serializeCompiled(compiled);
  const report: PublishReport = {
    ok: !analysis.findings.some(isRefusing),
    issues: [],
    findings: analysis.findings,
    variantCount: analysis.count.toString(),
    compiledBytes: bytes.byteLength,
    nodes: nodeCount(compiled),
  };
  if (!report.ok) return { report, build: null };
  const range = query(compiled, {}, { explain: false }).price;
  return {
    report,
    build: {
      model,
      compiled,
      bytes,
      modelHash: compiled.modelHash,
      variantCount: report.variantCount,
      stats: {
        currency: model.currency,
        basePrice: model.basePrice,
        nodes: report.nodes,
        compiledBytes: report.compiledBytes,
        minPrice: range?.min ?? null,
        maxPrice: range?.max ?? null,
        swatch: swatchOf(model),
        findings: analysis.findings,
      },
    },
  };
}

/** The colour a card shows: the default option of the first family with swatches, else its first swatch. */
export function swatchOf(model: Model): string | null {
  for (const family of model.families) {
    const withSwatch = family.options.filter((o) => o.swatch);
    if (withSwatch.length === 0) continue;
    const chosen = withSwatch.find((o) => o.code === model.defaults?.[family.code]) ?? withSwatch[0];
    return chosen?.swatch ?? null;
  }
  return null;
}

/** The publish report of a line's draft, without publishing. */
export async function checkDraft(ctx: Ctx, lineCode: string): Promise<PublishReport> {
  assertAuthorized(ctx.actor, 'catalog.edit');
  const line = await store.findModelLineByCode(ctx, lineCode);
  if (!line) throw lineNotFound(lineCode);
  const draft = await store.findDraft(ctx, line.id);
  if (!draft) throw noDraft(lineCode);
  return prepareVersion(draft.model).report;
}

/**
 * Publishes the draft of a line as its next version and makes it live, or refuses with the
 * report (422 `catalog.publish_refused`) and changes nothing. The line row is locked, so two
 * publishes of one line queue up instead of racing for a version number.
 */
export async function publishVersion(ctx: Ctx, lineCode: string): Promise<Version> {
  assertAuthorized(ctx.actor, 'catalog.edit');
  const { version, build } = await inTransaction(ctx, async (tx) => {
    const line = await store.findModelLineByCode(tx, lineCode, { forUpdate: true });
    if (!line) throw lineNotFound(lineCode);
    const draft = await store.findDraft(tx, line.id);
    if (!draft) throw noDraft(lineCode);
    const { report, build } = prepareVersion(draft.model);
    if (!build) {
      throw new AppError(
        'unprocessable',
        'catalog.publish_refused',
        report.issues.length > 0
          ? `The draft has ${report.issues.length} structural issue(s).`
          : `The draft has ${report.findings.filter(isRefusing).length} finding(s) that refuse publishing.`,
        { extra: { report } },
      );
    }
    const version: Version = {
      id: newId('ver'),
      modelLineId: line.id,
      number: await store.nextVersionNumber(tx, line.id),
      modelHash: build.modelHash,
      variantCount: build.variantCount,
      stats: build.stats,
      publishedAt: tx.now,
      publishedBy: tx.actor.kind === 'staff' ? tx.actor.userId : null,
    };
    await store.insertVersion(tx, { ...version, model: build.model, compiled: build.bytes });
    await store.setLiveVersion(tx, line.id, version.id);
    await store.upsertDraft(tx, { ...draft, model: build.model, basedOnVersionId: version.id });
    await recordAudit(tx, {
      action: 'catalog.version_published',
      targetType: 'catalog.model_line',
      targetId: line.id,
      orgId: null,
      data: {
        modelLine: line.code,
        versionId: version.id,
        number: version.number,
        modelHash: version.modelHash,
      },
    });
    await publish(tx, versionPublished, line.id, {
      modelLineId: line.id,
      modelLine: line.code,
      versionId: version.id,
      number: version.number,
      modelHash: version.modelHash,
      variantCount: version.variantCount,
    });
    return { version, build };
  });
  rememberVersion({ version, model: build.model, compiled: build.compiled, bytes: build.bytes });
  return version;
}

export function lineNotFound(code: string): AppError {
  return new AppError('not_found', 'catalog.model_line_not_found', `No model line ${code}.`);
}

function noDraft(code: string): AppError {
  return new AppError('not_found', 'catalog.draft_not_found', `Model line ${code} has no draft.`);
}
