import type { Selectable } from 'kysely';
import type { Ctx } from '../../platform/context.ts';
import type { FinanceDb, InsuranceProductsTable, OffersTable } from './tables.ts';
import type { FinanceOffer, InsuranceKind, InsuranceProduct, PremiumKind } from './types.ts';

/** The only file of this module with SQL, and only on schema `finance`. */
const db = (ctx: Ctx): FinanceDb => ctx.db;
const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
const moneyOrNull = (v: string | number | null): number | null => (v === null ? null : Number(v));

function toOffer(row: Selectable<OffersTable>): FinanceOffer {
  return {
    id: row.id,
    code: row.code,
    partner: { 'zh-CN': row.partner_zh, en: row.partner_en },
    product: { 'zh-CN': row.product_zh, en: row.product_en },
    description: { 'zh-CN': row.description_zh, en: row.description_en },
    aprBp: row.apr_bp,
    termsMonths: json<number[]>(row.terms_months),
    minDownBp: row.min_down_bp,
    modelLines: json<string[]>(row.model_lines),
    currency: row.currency,
    active: row.active,
    sort: row.sort,
  };
}

export async function listOffers(ctx: Ctx, filter: { activeOnly: boolean }): Promise<FinanceOffer[]> {
  let q = db(ctx).selectFrom('finance.offers').selectAll();
  if (filter.activeOnly) q = q.where('active', '=', true);
  return (await q.orderBy('sort').orderBy('code').execute()).map(toOffer);
}

export async function findOffer(ctx: Ctx, id: string): Promise<FinanceOffer | undefined> {
  const row = await db(ctx).selectFrom('finance.offers').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toOffer(row) : undefined;
}

export async function findOfferByCode(ctx: Ctx, code: string): Promise<FinanceOffer | undefined> {
  const row = await db(ctx)
    .selectFrom('finance.offers')
    .selectAll()
    .where('code', '=', code)
    .executeTakeFirst();
  return row ? toOffer(row) : undefined;
}

export async function insertOffer(ctx: Ctx, offer: FinanceOffer, at: Date): Promise<boolean> {
  const result = await db(ctx)
    .insertInto('finance.offers')
    .values({
      id: offer.id,
      code: offer.code,
      partner_zh: offer.partner['zh-CN'],
      partner_en: offer.partner.en,
      product_zh: offer.product['zh-CN'],
      product_en: offer.product.en,
      description_zh: offer.description['zh-CN'],
      description_en: offer.description.en,
      apr_bp: offer.aprBp,
      terms_months: JSON.stringify(offer.termsMonths),
      min_down_bp: offer.minDownBp,
      model_lines: JSON.stringify(offer.modelLines),
      currency: offer.currency,
      active: offer.active,
      sort: offer.sort,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) => oc.column('code').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function setOfferActive(ctx: Ctx, id: string, active: boolean, at: Date): Promise<boolean> {
  const result = await db(ctx)
    .updateTable('finance.offers')
    .set({ active, updated_at: at })
    .where('id', '=', id)
    .where('active', '=', !active)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

function toProduct(row: Selectable<InsuranceProductsTable>): InsuranceProduct {
  return {
    code: row.code,
    kind: row.kind as InsuranceKind,
    insurer: { 'zh-CN': row.insurer_zh, en: row.insurer_en },
    name: { 'zh-CN': row.name_zh, en: row.name_en },
    description: { 'zh-CN': row.description_zh, en: row.description_en },
    premiumKind: row.premium_kind as PremiumKind,
    fixedPremium: moneyOrNull(row.fixed_premium),
    rateBp: row.rate_bp,
    minimumPremium: moneyOrNull(row.minimum_premium),
    requires: json<string[]>(row.requires),
    currency: row.currency,
    active: row.active,
    sort: row.sort,
  };
}

export async function listInsuranceProducts(
  ctx: Ctx,
  filter: { activeOnly: boolean },
): Promise<InsuranceProduct[]> {
  let q = db(ctx).selectFrom('finance.insurance_products').selectAll();
  if (filter.activeOnly) q = q.where('active', '=', true);
  return (await q.orderBy('sort').orderBy('code').execute()).map(toProduct);
}

export async function insertInsuranceProduct(ctx: Ctx, p: InsuranceProduct, at: Date): Promise<boolean> {
  const result = await db(ctx)
    .insertInto('finance.insurance_products')
    .values({
      code: p.code,
      kind: p.kind,
      insurer_zh: p.insurer['zh-CN'],
      insurer_en: p.insurer.en,
      name_zh: p.name['zh-CN'],
      name_en: p.name.en,
      description_zh: p.description['zh-CN'],
      description_en: p.description.en,
      premium_kind: p.premiumKind,
      fixed_premium: p.fixedPremium,
      rate_bp: p.rateBp,
      minimum_premium: p.minimumPremium,
      requires: JSON.stringify(p.requires),
      currency: p.currency,
      active: p.active,
      sort: p.sort,
      created_at: at,
    })
    .onConflict((oc) => oc.column('code').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}
