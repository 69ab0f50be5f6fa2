import { recordAudit } from '../../platform/audit.ts';
import { type Ctx, inTransaction } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { publish } from '../../platform/events/publish.ts';
import { newId } from '../../platform/ids.ts';
import { findModelLine, loadVersion } from '../catalog/index.ts';
import { assertAuthorized } from '../identity/index.ts';
import { type CheckTarget, checkBom } from './check-bom.ts';
import { bomVersionPublished } from './events.ts';
import { modelLineNotFound } from './manage-boms.ts';
import * as store from './store.ts';
import type { BomReport, BomVersion } from './types.ts';

/** The report of a line's draft against the live catalogue version, without publishing. */
export async function checkBomDraft(ctx: Ctx, modelLine: string): Promise<BomReport> {
  assertAuthorized(ctx.actor, 'bom.read');
  const target = await liveTarget(ctx, modelLine);
  return checkBom(target, await store.listDraftLines(ctx, modelLine));
}

/**
 * Publishes the draft as the line's next BOM version, checked against the live catalogue
 * version, or refuses with the report (422 `bom.publish_refused`, `report`) and changes
 * nothing. The draft row is locked, so a save or a second publish of the line waits.
 */
export async function publishBom(ctx: Ctx, modelLine: string): Promise<BomVersion> {
  assertAuthorized(ctx.actor, 'bom.edit');
  const target = await liveTarget(ctx, modelLine);
  return inTransaction(ctx, async (tx) => {
    const draft = await store.lockDraft(tx, modelLine, tx.now);
    const lines = await store.listDraftLines(tx, modelLine);
    const report = checkBom(target, lines);
    if (!report.ok) {
      throw new AppError(
        'unprocessable',
        'bom.publish_refused',
        `The draft has ${report.findings.length} finding(s) that refuse publishing.`,
        { extra: { report } },
      );
    }
    const version: BomVersion = {
      id: newId('bomv'),
      modelLine,
      number: await store.nextVersionNumber(tx, modelLine),
      catalogVersionId: target.catalogVersion.id,
      lineCount: lines.length,
      report,
      publishedAt: tx.now,
      publishedBy: tx.actor.kind === 'staff' ? tx.actor.userId : null,
    };
    await store.insertVersion(
      tx,
      version,
      lines.map((l) => ({ ...l, partId: l.part.id })),
    );
    await store.saveDraft(
      tx,
      { ...draft, basedOnVersionId: version.id },
      lines.map((l) => ({ ...l, partId: l.part.id })),
    );
    await recordAudit(tx, {
      action: 'bom.version_published',
      targetType: 'bom.model_line',
      targetId: modelLine,
      orgId: null,
      data: {
        modelLine,
        versionId: version.id,
        number: version.number,
        catalogVersionId: version.catalogVersionId,
      },
    });
    await publish(tx, bomVersionPublished, modelLine, {
      modelLine,
      versionId: version.id,
      number: version.number,
      catalogVersionId: version.catalogVersionId,
      lineCount: version.lineCount,
    });
    return version;
  });
}

/** The line's live catalogue version, compiled: what a draft is checked against. */
async function liveTarget(ctx: Ctx, modelLine: string): Promise<CheckTarget> {
  const line = await findModelLine(ctx, modelLine);
  if (!line) throw modelLineNotFound(modelLine);
  const loaded = line.liveVersionId ? await loadVersion(ctx, line.liveVersionId) : undefined;
  if (!loaded) {
    throw new AppError(
      'unprocessable',
      'bom.model_line_not_on_sale',
      `Model line ${modelLine} has no live catalogue version to check the BOM against.`,
    );
  }
  return {
    modelLine,
    catalogVersion: {
      id: loaded.version.id,
      number: loaded.version.number,
      variantCount: loaded.version.variantCount,
    },
    compiled: loaded.compiled,
  };
}
