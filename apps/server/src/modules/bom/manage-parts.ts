import { recordAudit } from '../../platform/audit.ts';
import { type Ctx, inTransaction } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { publish } from '../../platform/events/publish.ts';
import { newId } from '../../platform/ids.ts';
import { assertAuthorized, findOrganisation } from '../identity/index.ts';
import { partUpdated } from './events.ts';
import * as store from './store.ts';
import type { Bilingual, Money, Page, Part, PartUnit } from './types.ts';

export const PART_NUMBER_PATTERN = /^[A-Z0-9][A-Z0-9.-]{1,39}$/;
export const MAX_LEAD_TIME_DAYS = 365;

export type NewPart = {
  partNumber: string;
  name: Bilingual;
  supplierOrgId: string;
  leadTimeDays: number;
  unit: PartUnit;
  sequenced: boolean;
  active?: boolean | undefined;
  unitPrice?: Money | null | undefined;
};

/** What may change on a part. The part number never does: orders, call-offs and ERP refer to it. */
export type PartPatch = {
  name?: Bilingual | undefined;
  supplierOrgId?: string | undefined;
  leadTimeDays?: number | undefined;
  unit?: PartUnit | undefined;
  sequenced?: boolean | undefined;
  active?: boolean | undefined;
  unitPrice?: Money | null | undefined;
};

export type PartQuery = {
  supplierOrgId?: string | undefined;
  active?: boolean | undefined;
  q?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
};

/** Parts in part-number order, paged by the last part number seen. */
export async function listParts(ctx: Ctx, query: PartQuery = {}): Promise<Page<Part>> {
  assertAuthorized(ctx.actor, 'bom.read');
  const limit = Math.min(Math.max(query.limit ?? 100, 1), 500);
  const rows = await store.listParts(ctx, {
    supplierOrgId: query.supplierOrgId,
    active: query.active,
    q: query.q,
    after: query.cursor,
    limit,
  });
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.partNumber ?? null) : null };
}

export async function getPart(ctx: Ctx, id: string): Promise<Part> {
  assertAuthorized(ctx.actor, 'bom.read');
  const part = await store.findPart(ctx, id);
  if (!part) throw partNotFound(id);
  return part;
}

/** A part by its part number, or undefined. */
export async function findPartByNumber(ctx: Ctx, partNumber: string): Promise<Part | undefined> {
  assertAuthorized(ctx.actor, 'bom.read');
  return store.findPartByNumber(ctx, partNumber);
}

/** A new part. 400 for a bad part number or a supplier that is not a supplier; 409 for a taken number. */
export async function createPart(ctx: Ctx, input: NewPart): Promise<Part> {
  assertAuthorized(ctx.actor, 'bom.edit');
  return inTransaction(ctx, (tx) => insertNewPart(tx, input));
}

/**
 * Changes a part's master data. Future explosions use the new data; parts lists already stored
 * against vehicles keep what was planned. A part in the current BOM of a model line cannot be
 * deactivated (409 `bom.part_in_use` with those lines): publish a BOM without it first.
 */
export async function updatePart(ctx: Ctx, id: string, patch: PartPatch): Promise<Part> {
  assertAuthorized(ctx.actor, 'bom.edit');
  return inTransaction(ctx, async (tx) => {
    const before = await store.findPart(tx, id, { forUpdate: true });
    if (!before) throw partNotFound(id);
    return changePart(tx, before, patch);
  });
}

/** Part master data as a system of record (the ERP) sends it, by part number. */
export type PartMaster = {
  partNumber: string;
  name: Bilingual;
  supplierOrgId: string;
  leadTimeDays: number;
  unit: PartUnit;
  /** Omitted: false for a new part, unchanged for a known one (a planning flag the ERP may not keep). */
  sequenced?: boolean | undefined;
  /** Omitted: true for a new part, unchanged for a known one. */
  active?: boolean | undefined;
};

/**
 * Creates or updates a part by its part number, with the same rules as `createPart` /
 * `updatePart` (number pattern, lead time, supplier, part in use, audit, `bom.part_updated`
 * with the previous lead time). For flows: it does not check permissions (the partner route
 * authorises the ERP's key). `changes` is empty when nothing differed.
 */
export async function upsertPartMaster(
  ctx: Ctx,
  master: PartMaster,
): Promise<{ part: Part; created: boolean; changes: string[] }> {
  return inTransaction(ctx, async (tx) => {
    const before = await store.findPartByNumber(tx, master.partNumber, { forUpdate: true });
    if (!before) {
      const part = await insertNewPart(tx, { ...master, sequenced: master.sequenced ?? false });
      return { part, created: true, changes: [] };
    }
    const { partNumber: _, ...patch } = master;
    const part = await changePart(tx, before, patch);
    return { part, created: false, changes: changedFields(before, part) };
  });
}

/**
 * Sets (or clears, with null) a part's unit price, by part number. For flows, like
 * `upsertPartMaster`. 404 `bom.part_not_found` for an unknown part number (send its master first).
 */
export async function setPartPrice(ctx: Ctx, partNumber: string, unitPrice: Money | null): Promise<Part> {
  checkPrice(unitPrice);
  return inTransaction(ctx, async (tx) => {
    const before = await store.findPartByNumber(tx, partNumber, { forUpdate: true });
    if (!before) throw partNotFound(partNumber);
    return changePart(tx, before, { unitPrice });
  });
}

async function insertNewPart(tx: Ctx, input: NewPart): Promise<Part> {
  if (!PART_NUMBER_PATTERN.test(input.partNumber)) {
    throw badField(
      'bom.invalid_part_number',
      'partNumber',
      'Upper-case letters, digits, "-" and "." (2-40).',
    );
  }
  checkLeadTime(input.leadTimeDays);
  checkPrice(input.unitPrice ?? null);
  await assertSupplier(tx, input.supplierOrgId);
  const part: Part = {
    id: newId('prt'),
    partNumber: input.partNumber,
    name: input.name,
    supplierOrgId: input.supplierOrgId,
    leadTimeDays: input.leadTimeDays,
    unit: input.unit,
    sequenced: input.sequenced,
    active: input.active ?? true,
    unitPrice: input.unitPrice ?? null,
    createdAt: tx.now,
    updatedAt: tx.now,
  };
  if (await store.findPartByNumber(tx, part.partNumber)) throw numberTaken(part.partNumber);
  try {
    await store.insertPart(tx, part);
  } catch (err) {
    if (store.isUniqueViolation(err)) throw numberTaken(part.partNumber);
    throw err;
  }
  await recordAudit(tx, {
    action: 'bom.part_created',
    targetType: 'bom.part',
    targetId: part.id,
    orgId: null,
    data: { partNumber: part.partNumber, supplierOrgId: part.supplierOrgId },
  });
  return part;
}

const PART_FIELDS = [
  'name',
  'supplierOrgId',
  'leadTimeDays',
  'unit',
  'sequenced',
  'active',
  'unitPrice',
] as const;

function changedFields(before: Part, after: Part): string[] {
  return PART_FIELDS.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

/** Applies a patch to a part locked in this transaction: checks, writes, audits, publishes. */
async function changePart(tx: Ctx, before: Part, patch: PartPatch): Promise<Part> {
  if (patch.leadTimeDays !== undefined) checkLeadTime(patch.leadTimeDays);
  if (patch.unitPrice !== undefined) checkPrice(patch.unitPrice);
  if (patch.supplierOrgId !== undefined && patch.supplierOrgId !== before.supplierOrgId) {
    await assertSupplier(tx, patch.supplierOrgId);
  }
  const after: Part = {
    ...before,
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.supplierOrgId !== undefined ? { supplierOrgId: patch.supplierOrgId } : {}),
    ...(patch.leadTimeDays !== undefined ? { leadTimeDays: patch.leadTimeDays } : {}),
    ...(patch.unit !== undefined ? { unit: patch.unit } : {}),
    ...(patch.sequenced !== undefined ? { sequenced: patch.sequenced } : {}),
    ...(patch.active !== undefined ? { active: patch.active } : {}),
    ...(patch.unitPrice !== undefined ? { unitPrice: patch.unitPrice } : {}),
    updatedAt: tx.now,
  };
  const changes = changedFields(before, after);
  if (changes.length === 0) return before;
  if (before.active && !after.active) {
    const lines = await store.linesCurrentlyUsingPart(tx, before.id);
    if (lines.length > 0) {
      throw new AppError(
        'conflict',
        'bom.part_in_use',
        `Part ${before.partNumber} is in the current BOM of ${lines.join(', ')}; publish a BOM without it first.`,
        { extra: { modelLines: lines } },
      );
    }
  }
  await store.updatePart(tx, after);
  await recordAudit(tx, {
    action: 'bom.part_updated',
    targetType: 'bom.part',
    targetId: before.id,
    orgId: null,
    data: { partNumber: before.partNumber, changes },
  });
  await publish(tx, partUpdated, before.id, {
    partId: before.id,
    partNumber: after.partNumber,
    changes: [...changes],
    supplierOrgId: after.supplierOrgId,
    leadTimeDays: after.leadTimeDays,
    previousLeadTimeDays: before.leadTimeDays,
    active: after.active,
  });
  return after;
}

async function assertSupplier(ctx: Ctx, orgId: string): Promise<void> {
  const org = await findOrganisation(ctx, orgId);
  if (org?.kind !== 'supplier') {
    throw badField('bom.unknown_supplier', 'supplierOrgId', `No supplier organisation ${orgId}.`);
  }
}

function checkPrice(price: Money | null): void {
  if (price === null) return;
  if (!Number.isSafeInteger(price.amount) || price.amount < 0) {
    throw badField('bom.invalid_price', 'unitPrice.amount', 'Whole minor units (fen), 0 or more.');
  }
  if (!/^[A-Z]{3}$/.test(price.currency)) {
    throw badField('bom.invalid_price', 'unitPrice.currency', 'An ISO 4217 code such as CNY.');
  }
}

function checkLeadTime(days: number): void {
  if (!Number.isInteger(days) || days < 0 || days > MAX_LEAD_TIME_DAYS) {
    throw badField('bom.invalid_lead_time', 'leadTimeDays', `Whole days from 0 to ${MAX_LEAD_TIME_DAYS}.`);
  }
}

function badField(code: string, path: string, message: string): AppError {
  return new AppError('bad_request', code, message, { fields: [{ path, message }] });
}

export function partNotFound(id: string): AppError {
  return new AppError('not_found', 'bom.part_not_found', `No part ${id}.`);
}

function numberTaken(partNumber: string): AppError {
  return new AppError('conflict', 'bom.part_number_taken', `Part number ${partNumber} is in use.`, {
    fields: [{ path: 'partNumber', message: 'Already in use' }],
  });
}
