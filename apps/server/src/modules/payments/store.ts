import { type Selectable, sql } from 'kysely';
import type { Ctx } from '../../platform/context.ts';
import type { IntentsTable, LedgerTable, PaymentsDb, RefundsTable, SimSessionsTable } from './tables.ts';
import type {
  Bilingual,
  IntentStatus,
  LedgerEntry,
  PaymentIntent,
  PaymentMethod,
  PaymentPurpose,
  Refund,
  RefundReason,
  RefundStatus,
} from './types.ts';

/** The only file of this module with SQL, and only on schema `payments`. */
const db = (ctx: Ctx): PaymentsDb => ctx.db;
const toDate = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));
const toDateOrNull = (v: Date | string | null): Date | null => (v === null ? null : toDate(v));
const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

// ---------------------------------------------------------------- intents

function toIntent(row: Selectable<IntentsTable>): PaymentIntent {
  return {
    id: row.id,
    orderId: row.order_id,
    purpose: row.purpose as PaymentPurpose,
    amount: Number(row.amount),
    currency: row.currency,
    method: row.method as PaymentMethod,
    provider: row.provider,
    providerRef: row.provider_ref,
    payUrl: row.pay_url,
    status: row.status as IntentStatus,
    failureReason: row.failure_reason,
    termsAccepted: row.terms_accepted,
    expiresAt: toDate(row.expires_at),
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
    completedAt: toDateOrNull(row.completed_at),
  };
}

export async function insertIntent(ctx: Ctx, i: PaymentIntent, createdBy: string | null): Promise<void> {
  await db(ctx)
    .insertInto('payments.intents')
    .values({
      id: i.id,
      order_id: i.orderId,
      purpose: i.purpose,
      amount: i.amount,
      currency: i.currency,
      method: i.method,
      provider: i.provider,
      provider_ref: i.providerRef,
      pay_url: i.payUrl,
      status: i.status,
      failure_reason: i.failureReason,
      terms_accepted: i.termsAccepted,
      created_by: createdBy,
      expires_at: i.expiresAt,
      created_at: i.createdAt,
      updated_at: i.updatedAt,
      completed_at: i.completedAt,
    })
    .execute();
}

export async function setIntentProvider(
  ctx: Ctx,
  id: string,
  providerRef: string,
  payUrl: string,
): Promise<void> {
  await db(ctx)
    .updateTable('payments.intents')
    .set({ provider_ref: providerRef, pay_url: payUrl, updated_at: ctx.now })
    .where('id', '=', id)
    .execute();
}

/** Moves an intent out of `from` into `to`; false when it was not in `from` any more. */
export async function setIntentStatus(
  ctx: Ctx,
  id: string,
  from: readonly IntentStatus[],
  to: IntentStatus,
  failureReason: string | null = null,
): Promise<boolean> {
  const result = await db(ctx)
    .updateTable('payments.intents')
    .set({ status: to, failure_reason: failureReason, updated_at: ctx.now, completed_at: ctx.now })
    .where('id', '=', id)
    .where('status', 'in', [...from])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function findIntent(ctx: Ctx, id: string, options: { forUpdate?: boolean } = {}) {
  let q = db(ctx).selectFrom('payments.intents').selectAll().where('id', '=', id);
  if (options.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? toIntent(row) : undefined;
}

export async function listIntents(
  ctx: Ctx,
  orderId: string,
  filter: { purpose?: PaymentPurpose; status?: IntentStatus } = {},
): Promise<PaymentIntent[]> {
  let q = db(ctx).selectFrom('payments.intents').selectAll().where('order_id', '=', orderId);
  if (filter.purpose) q = q.where('purpose', '=', filter.purpose);
  if (filter.status) q = q.where('status', '=', filter.status);
  return (await q.orderBy('created_at').orderBy('id').execute()).map(toIntent);
}

// ---------------------------------------------------------------- refunds

function toRefund(row: Selectable<RefundsTable>): Refund {
  return {
    id: row.id,
    orderId: row.order_id,
    paymentId: row.intent_id,
    amount: Number(row.amount),
    currency: row.currency,
    reason: row.reason as RefundReason,
    status: row.status as RefundStatus,
    provider: row.provider,
    providerRef: row.provider_ref,
    failureReason: row.failure_reason,
    createdAt: toDate(row.created_at),
    completedAt: toDateOrNull(row.completed_at),
  };
}

export async function insertRefund(ctx: Ctx, r: Refund): Promise<void> {
  await db(ctx)
    .insertInto('payments.refunds')
    .values({
      id: r.id,
      order_id: r.orderId,
      intent_id: r.paymentId,
      amount: r.amount,
      currency: r.currency,
      reason: r.reason,
      status: r.status,
      provider: r.provider,
      provider_ref: r.providerRef,
      failure_reason: r.failureReason,
      created_at: r.createdAt,
      completed_at: r.completedAt,
    })
    .execute();
}

export async function findRefund(ctx: Ctx, id: string, options: { forUpdate?: boolean } = {}) {
  let q = db(ctx).selectFrom('payments.refunds').selectAll().where('id', '=', id);
  if (options.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? toRefund(row) : undefined;
}

export async function finishRefund(
  ctx: Ctx,
  id: string,
  result: { status: RefundStatus; providerRef: string | null; failureReason: string | null },
): Promise<void> {
  await db(ctx)
    .updateTable('payments.refunds')
    .set({
      status: result.status,
      provider_ref: result.providerRef,
      failure_reason: result.failureReason,
      completed_at: result.status === 'pending' ? null : ctx.now,
    })
    .where('id', '=', id)
    .execute();
}

export async function listRefunds(ctx: Ctx, orderIds: readonly string[]): Promise<Refund[]> {
  if (orderIds.length === 0) return [];
  const rows = await db(ctx)
    .selectFrom('payments.refunds')
    .selectAll()
    .where('order_id', 'in', [...orderIds])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toRefund);
}

// ---------------------------------------------------------------- ledger

function toEntry(row: Selectable<LedgerTable>): LedgerEntry {
  return {
    id: row.id,
    orderId: row.order_id,
    kind: row.kind as LedgerEntry['kind'],
    purpose: row.purpose as PaymentPurpose,
    paymentId: row.intent_id,
    refundId: row.refund_id,
    amount: Number(row.amount),
    currency: row.currency,
    at: toDate(row.at),
  };
}

/** Appends to the ledger; a second capture of one intent is refused by the unique index: false. */
export async function appendLedger(ctx: Ctx, e: LedgerEntry): Promise<boolean> {
  const result = await db(ctx)
    .insertInto('payments.ledger')
    .values({
      id: e.id,
      order_id: e.orderId,
      kind: e.kind,
      purpose: e.purpose,
      intent_id: e.paymentId,
      refund_id: e.refundId,
      amount: e.amount,
      currency: e.currency,
      at: e.at,
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function listLedger(ctx: Ctx, orderIds: readonly string[]): Promise<LedgerEntry[]> {
  if (orderIds.length === 0) return [];
  const rows = await db(ctx)
    .selectFrom('payments.ledger')
    .selectAll()
    .where('order_id', 'in', [...orderIds])
    .orderBy('seq')
    .execute();
  return rows.map(toEntry);
}

// ---------------------------------------------------------------- provider callbacks

/** Records a callback by the provider's event id; false when it was handled before. */
export async function insertCallback(
  ctx: Ctx,
  c: { provider: string; eventId: string; intentId: string | null; outcome: string; payload: unknown },
): Promise<boolean> {
  const result = await db(ctx)
    .insertInto('payments.provider_callbacks')
    .values({
      provider: c.provider,
      event_id: c.eventId,
      intent_id: c.intentId,
      outcome: c.outcome,
      payload: JSON.stringify(c.payload),
      received_at: ctx.now,
    })
    .onConflict((oc) => oc.columns(['provider', 'event_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

// ---------------------------------------------------------------- the simulated provider's own records

export type SimSession = {
  id: string;
  token: string;
  merchantReference: string;
  amount: number;
  currency: string;
  method: PaymentMethod;
  description: Bilingual;
  returnUrl: string | null;
  status: 'open' | 'succeeded' | 'failed' | 'timed_out' | 'cancelled';
  failureReason: string | null;
  refunded: number;
  expiresAt: Date;
  createdAt: Date;
  completedAt: Date | null;
};

function toSim(row: Selectable<SimSessionsTable>): SimSession {
  return {
    id: row.id,
    token: row.token,
    merchantReference: row.merchant_reference,
    amount: Number(row.amount),
    currency: row.currency,
    method: row.method as PaymentMethod,
    description: json<Bilingual>(row.description),
    returnUrl: row.return_url,
    status: row.status as SimSession['status'],
    failureReason: row.failure_reason,
    refunded: Number(row.refunded),
    expiresAt: toDate(row.expires_at),
    createdAt: toDate(row.created_at),
    completedAt: toDateOrNull(row.completed_at),
  };
}

export async function insertSimSession(ctx: Ctx, s: SimSession): Promise<void> {
  await db(ctx)
    .insertInto('payments.sim_sessions')
    .values({
      id: s.id,
      token: s.token,
      merchant_reference: s.merchantReference,
      amount: s.amount,
      currency: s.currency,
      method: s.method,
      description: JSON.stringify(s.description),
      return_url: s.returnUrl,
      status: s.status,
      failure_reason: s.failureReason,
      refunded: s.refunded,
      expires_at: s.expiresAt,
      created_at: s.createdAt,
      completed_at: s.completedAt,
    })
    .execute();
}

export async function findSimSession(
  ctx: Ctx,
  by: { token: string } | { id: string },
  options: { forUpdate?: boolean } = {},
): Promise<SimSession | undefined> {
  let q = db(ctx).selectFrom('payments.sim_sessions').selectAll();
  q = 'token' in by ? q.where('token', '=', by.token) : q.where('id', '=', by.id);
  if (options.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? toSim(row) : undefined;
}

export async function setSimStatus(
  ctx: Ctx,
  id: string,
  from: readonly SimSession['status'][],
  to: SimSession['status'],
  failureReason: string | null = null,
): Promise<boolean> {
  const result = await db(ctx)
    .updateTable('payments.sim_sessions')
    .set({ status: to, failure_reason: failureReason, completed_at: ctx.now })
    .where('id', '=', id)
    .where('status', 'in', [...from])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The simulator refunds a succeeded payment, never beyond its amount (a check constraint, too). */
export async function addSimRefund(ctx: Ctx, id: string, amount: number): Promise<boolean> {
  const result = await db(ctx)
    .updateTable('payments.sim_sessions')
    .set({ refunded: sql<number>`refunded + ${amount}` })
    .where('id', '=', id)
    .where('status', '=', 'succeeded')
    .where(sql<boolean>`refunded + ${amount} <= amount`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
