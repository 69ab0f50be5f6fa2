import type { AppDeps } from '../app.ts';
import {
  createPart,
  demoBoms,
  demoParts,
  findPartByNumber,
  listBomVersions,
  publishBom,
  putBomDraft,
} from '../modules/bom/index.ts';
import { findModelLine } from '../modules/catalog/index.ts';
import { findOrganisationByCode } from '../modules/identity/index.ts';
import { systemCtx } from '../platform/context.ts';

/**
 * Creates the demo parts (suppliers by organisation code, seeded with the identity demo data)
 * and publishes a BOM for each demo model line that has none yet, through the same publish
 * check as a planner's (a demo BOM that failed it would stop the seed). Idempotent: parts are
 * created only when their part number is missing, and a line with a published BOM is left
 * alone, so it runs on every start. Needs the demo catalogue (seeded first). Returns the lines
 * main.ts prints.
 */
export async function seedDemoBoms(deps: AppDeps): Promise<string[]> {
  const ctx = systemCtx(deps, 'seed');
  const suppliers = new Map<string, string>();
  for (const code of new Set(demoParts.map((p) => p.supplier))) {
    const org = await findOrganisationByCode(ctx, code);
    if (org?.kind !== 'supplier') throw new Error(`demo BOM: no supplier organisation ${code}`);
    suppliers.set(code, org.id);
  }
  const partIds = new Map<string, string>();
  let createdParts = 0;
  for (const { supplier, ...p } of demoParts) {
    let part = await findPartByNumber(ctx, p.partNumber);
    if (!part) {
      part = await createPart(ctx, { ...p, supplierOrgId: suppliers.get(supplier) ?? '' });
      createdParts++;
    }
    partIds.set(p.partNumber, part.id);
  }
  let published = 0;
  for (const bom of demoBoms) {
    const line = await findModelLine(ctx, bom.modelLine);
    if (!line?.liveVersionId || (await listBomVersions(ctx, bom.modelLine)).length > 0) continue;
    await putBomDraft(
      ctx,
      bom.modelLine,
      bom.lines.map(({ partNumber, ...l }) => ({ ...l, partId: partIds.get(partNumber) ?? '' })),
    );
    await publishBom(ctx, bom.modelLine);
    published++;
  }
  return [
    createdParts + published > 0
      ? `Demo super-BOM: created ${createdParts} parts, published ${published} BOMs.`
      : 'Demo super-BOM: already present.',
  ];
}
