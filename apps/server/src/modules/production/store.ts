import type { Expr, Selection } from '@openc2b/configurator';
import { sql } from 'kysely';
import type { Ctx } from '../../platform/context.ts';
import type { CalendarException, DayPattern, ExceptionKind, IsoDate } from './capacity-calendar.ts';
import type { Estimates } from './estimate-steps.ts';
import type { QcResult, Step, StepState } from './step-machine.ts';
import type { ProductionDb } from './tables.ts';
import type {
  CallOff,
  CallOffItem,
  CallOffKind,
  CallOffStatus,
  Defect,
  DeliveryChange,
  Line,
  OptionRule,
  PartArrival,
  Priority,
  ProductionDay,
  StepRecord,
  TransportRoute,
  Vehicle,
  VehicleStatus,
} from './types.ts';

/** The only file of this module with SQL, and only schema `production`. Maps rows to the module's types. */
const db = (ctx: Ctx): ProductionDb => ctx.db;

const toDate = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));
const toDateOrNull = (v: Date | string | null): Date | null => (v === null ? null : toDate(v));
/** jsonb comes back parsed from pg and PGlite; a string only if a driver leaves it as text. */
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** A unique index refused the write (PostgreSQL SQLSTATE 23505, from pg and PGlite alike). */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';
}

// ---------------------------------------------------------------- lines

type LineRow = {
  id: string;
  plant_org_id: string;
  code: string;
  name_zh: string;
  name_en: string;
  paint_family: string;
  paint_batch_limit: number;
  frozen_days: number;
  build_days: number;
  storage_slack_days: number;
  rework_days: number;
  time_zone: string;
  vin_wmi: string;
  vin_plant_code: string;
  vin_descriptors: unknown;
  weekly: unknown;
  active: boolean;
  created_at: Date | string;
  updated_at: Date | string;
};

function toLine(row: LineRow, modelLines: string[]): Line {
  return {
    id: row.id,
    plantOrgId: row.plant_org_id,
    code: row.code,
    name: { 'zh-CN': row.name_zh, en: row.name_en },
    modelLines: [...modelLines].sort(),
    paintFamily: row.paint_family,
    paintBatchLimit: row.paint_batch_limit,
    frozenDays: row.frozen_days,
    buildDays: row.build_days,
    storageSlackDays: row.storage_slack_days,
    reworkDays: row.rework_days,
    timeZone: row.time_zone,
    vin: {
      wmi: row.vin_wmi,
      plantCode: row.vin_plant_code,
      descriptors: json<Record<string, string>>(row.vin_descriptors),
    },
    weekly: json<DayPattern[]>(row.weekly),
    active: row.active,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

export type LineValues = Omit<Line, 'id' | 'plantOrgId' | 'modelLines' | 'createdAt' | 'updatedAt'>;

function lineColumns(v: LineValues) {
  return {
    code: v.code,
    name_zh: v.name['zh-CN'],
    name_en: v.name.en,
    paint_family: v.paintFamily,
    paint_batch_limit: v.paintBatchLimit,
    frozen_days: v.frozenDays,
    build_days: v.buildDays,
    storage_slack_days: v.storageSlackDays,
    rework_days: v.reworkDays,
    time_zone: v.timeZone,
    vin_wmi: v.vin.wmi,
    vin_plant_code: v.vin.plantCode,
    vin_descriptors: JSON.stringify(v.vin.descriptors),
    weekly: JSON.stringify(v.weekly),
    active: v.active,
  };
}

export async function insertLine(ctx: Ctx, line: Line): Promise<void> {
  await db(ctx)
    .insertInto('production.lines')
    .values({
      id: line.id,
      plant_org_id: line.plantOrgId,
      ...lineColumns(line),
      created_at: line.createdAt,
      updated_at: line.updatedAt,
    })
    .execute();
}

export async function updateLine(ctx: Ctx, id: string, values: LineValues, at: Date): Promise<void> {
  await db(ctx)
    .updateTable('production.lines')
    .set({ ...lineColumns(values), updated_at: at })
    .where('id', '=', id)
    .execute();
}

/** Replaces the model lines of a line; a model line built elsewhere is a unique violation. */
export async function setLineModelLines(ctx: Ctx, lineId: string, modelLines: string[]): Promise<void> {
  await db(ctx).deleteFrom('production.line_model_lines').where('line_id', '=', lineId).execute();
  if (modelLines.length === 0) return;
  await db(ctx)
    .insertInto('production.line_model_lines')
    .values(modelLines.map((m) => ({ model_line: m, line_id: lineId })))
    .execute();
}

export async function findLineIdForModelLine(ctx: Ctx, modelLine: string): Promise<string | undefined> {
  const row = await db(ctx)
    .selectFrom('production.line_model_lines')
    .select('line_id')
    .where('model_line', '=', modelLine)
    .executeTakeFirst();
  return row?.line_id;
}

async function modelLinesOf(ctx: Ctx, lineIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (lineIds.length === 0) return map;
  const rows = await db(ctx)
    .selectFrom('production.line_model_lines')
    .select(['line_id', 'model_line'])
    .where('line_id', 'in', lineIds)
    .execute();
  for (const r of rows) map.set(r.line_id, [...(map.get(r.line_id) ?? []), r.model_line]);
  return map;
}

export async function findLine(ctx: Ctx, id: string): Promise<Line | undefined> {
  const row = await db(ctx)
    .selectFrom('production.lines')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return toLine(row, (await modelLinesOf(ctx, [id])).get(id) ?? []);
}

export async function findLineByCode(ctx: Ctx, plantOrgId: string, code: string): Promise<Line | undefined> {
  const row = await db(ctx)
    .selectFrom('production.lines')
    .select('id')
    .where('plant_org_id', '=', plantOrgId)
    .where('code', '=', code)
    .executeTakeFirst();
  return row ? findLine(ctx, row.id) : undefined;
}

export async function listLines(ctx: Ctx, filter: { plantOrgId?: string } = {}): Promise<Line[]> {
  let q = db(ctx).selectFrom('production.lines').selectAll().orderBy('plant_org_id').orderBy('code');
  if (filter.plantOrgId !== undefined) q = q.where('plant_org_id', '=', filter.plantOrgId);
  const rows = await q.execute();
  const models = await modelLinesOf(
    ctx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toLine(r, models.get(r.id) ?? []));
}

// ---------------------------------------------------------------- calendar exceptions

type ExceptionRow = {
  date: string;
  kind: string;
  shifts: number;
  cars_per_shift: number;
  reason_zh: string;
  reason_en: string;
};

const toException = (r: ExceptionRow): CalendarException => ({
  date: r.date,
  kind: r.kind as ExceptionKind,
  shifts: r.shifts,
  carsPerShift: r.cars_per_shift,
  reason: { 'zh-CN': r.reason_zh, en: r.reason_en },
});

export async function listExceptions(
  ctx: Ctx,
  lineId: string,
  range: { from: IsoDate; to: IsoDate },
): Promise<CalendarException[]> {
  const rows = await db(ctx)
    .selectFrom('production.calendar_exceptions')
    .select(['date', 'kind', 'shifts', 'cars_per_shift', 'reason_zh', 'reason_en'])
    .where('line_id', '=', lineId)
    .where('date', '>=', range.from)
    .where('date', '<=', range.to)
    .orderBy('date')
    .execute();
  return rows.map(toException);
}

export async function upsertException(ctx: Ctx, lineId: string, e: CalendarException): Promise<void> {
  const values = {
    kind: e.kind,
    shifts: e.kind === 'holiday' ? 0 : e.shifts,
    cars_per_shift: e.kind === 'holiday' ? 0 : e.carsPerShift,
    reason_zh: e.reason['zh-CN'],
    reason_en: e.reason.en,
  };
  await db(ctx)
    .insertInto('production.calendar_exceptions')
    .values({ line_id: lineId, date: e.date, ...values })
    .onConflict((oc) => oc.columns(['line_id', 'date']).doUpdateSet(values))
    .execute();
}

/** Inserts the exceptions that are missing; existing dates are left as the planner set them. */
export async function insertMissingExceptions(
  ctx: Ctx,
  lineId: string,
  exceptions: CalendarException[],
): Promise<number> {
  if (exceptions.length === 0) return 0;
  const rows = await db(ctx)
    .insertInto('production.calendar_exceptions')
    .values(
      exceptions.map((e) => ({
        line_id: lineId,
        date: e.date,
        kind: e.kind,
        shifts: e.kind === 'holiday' ? 0 : e.shifts,
        cars_per_shift: e.kind === 'holiday' ? 0 : e.carsPerShift,
        reason_zh: e.reason['zh-CN'],
        reason_en: e.reason.en,
      })),
    )
    .onConflict((oc) => oc.columns(['line_id', 'date']).doNothing())
    .returning('date')
    .execute();
  return rows.length;
}

export async function deleteException(ctx: Ctx, lineId: string, date: IsoDate): Promise<boolean> {
  const rows = await db(ctx)
    .deleteFrom('production.calendar_exceptions')
    .where('line_id', '=', lineId)
    .where('date', '=', date)
    .returning('date')
    .execute();
  return rows.length > 0;
}

// ---------------------------------------------------------------- option rules

type RuleRow = {
  id: string;
  line_id: string;
  code: string;
  name_zh: string;
  name_en: string;
  n: number;
  p: number;
  priority: string;
  condition: unknown;
  active: boolean;
};

const toRule = (r: RuleRow): OptionRule => ({
  id: r.id,
  lineId: r.line_id,
  code: r.code,
  name: { 'zh-CN': r.name_zh, en: r.name_en },
  n: r.n,
  p: r.p,
  priority: r.priority as Priority,
  // Not json(): a condition may be a bare option code, i.e. a jsonb string, which both drivers
  // hand back already parsed (a JSON.parse of it would fail).
  condition: r.condition as Expr,
  active: r.active,
});

const RULE_COLUMNS = [
  'id',
  'line_id',
  'code',
  'name_zh',
  'name_en',
  'n',
  'p',
  'priority',
  'condition',
  'active',
] as const;

export async function listRules(ctx: Ctx, lineId: string): Promise<OptionRule[]> {
  const rows = await db(ctx)
    .selectFrom('production.option_rules')
    .select(RULE_COLUMNS)
    .where('line_id', '=', lineId)
    .orderBy('code')
    .execute();
  return rows.map(toRule);
}

export async function findRule(ctx: Ctx, id: string): Promise<OptionRule | undefined> {
  const row = await db(ctx)
    .selectFrom('production.option_rules')
    .select(RULE_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toRule(row) : undefined;
}

function ruleColumns(r: Omit<OptionRule, 'id' | 'lineId'>) {
  return {
    code: r.code,
    name_zh: r.name['zh-CN'],
    name_en: r.name.en,
    n: r.n,
    p: r.p,
    priority: r.priority,
    condition: JSON.stringify(r.condition),
    active: r.active,
  };
}

export async function insertRule(ctx: Ctx, rule: OptionRule, at: Date): Promise<void> {
  await db(ctx)
    .insertInto('production.option_rules')
    .values({ id: rule.id, line_id: rule.lineId, ...ruleColumns(rule), created_at: at, updated_at: at })
    .execute();
}

export async function updateRule(ctx: Ctx, rule: OptionRule, at: Date): Promise<void> {
  await db(ctx)
    .updateTable('production.option_rules')
    .set({ ...ruleColumns(rule), updated_at: at })
    .where('id', '=', rule.id)
    .execute();
}

export async function deleteRule(ctx: Ctx, id: string): Promise<void> {
  await db(ctx).deleteFrom('production.option_rules').where('id', '=', id).execute();
}

// ---------------------------------------------------------------- transport routes

export async function listRoutes(ctx: Ctx, plantOrgId: string): Promise<TransportRoute[]> {
  const rows = await db(ctx)
    .selectFrom('production.transport_routes')
    .selectAll()
    .where('plant_org_id', '=', plantOrgId)
    .orderBy('days')
    .orderBy('dealer_org_id')
    .execute();
  return rows.map((r) => ({ plantOrgId: r.plant_org_id, dealerOrgId: r.dealer_org_id, days: r.days }));
}

export async function findRoute(
  ctx: Ctx,
  plantOrgId: string,
  dealerOrgId: string,
): Promise<TransportRoute | undefined> {
  const r = await db(ctx)
    .selectFrom('production.transport_routes')
    .selectAll()
    .where('plant_org_id', '=', plantOrgId)
    .where('dealer_org_id', '=', dealerOrgId)
    .executeTakeFirst();
  return r ? { plantOrgId: r.plant_org_id, dealerOrgId: r.dealer_org_id, days: r.days } : undefined;
}

export async function upsertRoute(ctx: Ctx, route: TransportRoute, onlyIfMissing = false): Promise<void> {
  await db(ctx)
    .insertInto('production.transport_routes')
    .values({ plant_org_id: route.plantOrgId, dealer_org_id: route.dealerOrgId, days: route.days })
    .onConflict((oc) => {
      const target = oc.columns(['plant_org_id', 'dealer_org_id']);
      return onlyIfMissing ? target.doNothing() : target.doUpdateSet({ days: route.days });
    })
    .execute();
}

export async function deleteRoute(ctx: Ctx, plantOrgId: string, dealerOrgId: string): Promise<boolean> {
  const rows = await db(ctx)
    .deleteFrom('production.transport_routes')
    .where('plant_org_id', '=', plantOrgId)
    .where('dealer_org_id', '=', dealerOrgId)
    .returning('days')
    .execute();
  return rows.length > 0;
}

// ---------------------------------------------------------------- production days

type DayRow = {
  line_id: string;
  day: string;
  capacity: number;
  reserved: number;
  frozen_at: Date | string | null;
  plan_version: number;
  sequenced_version: number | null;
};

export async function listDays(
  ctx: Ctx,
  lineId: string,
  range: { from: IsoDate; to: IsoDate },
): Promise<ProductionDay[]> {
  const rows = await db(ctx)
    .selectFrom('production.days')
    .select(['line_id', 'day', 'capacity', 'reserved', 'frozen_at', 'plan_version', 'sequenced_version'])
    .where('line_id', '=', lineId)
    .where('day', '>=', range.from)
    .where('day', '<=', range.to)
    .orderBy('day')
    .execute();
  const loads = await db(ctx)
    .selectFrom('production.day_option_loads')
    .select(['day', 'rule_id', 'max_cars', 'reserved'])
    .where('line_id', '=', lineId)
    .where('day', '>=', range.from)
    .where('day', '<=', range.to)
    .orderBy('rule_id')
    .execute();
  const byDay = new Map<string, ProductionDay['optionLoads']>();
  for (const l of loads) {
    byDay.set(l.day, [
      ...(byDay.get(l.day) ?? []),
      { ruleId: l.rule_id, maxCars: l.max_cars, reserved: l.reserved },
    ]);
  }
  return rows.map((r: DayRow) => ({
    lineId: r.line_id,
    day: r.day,
    capacity: r.capacity,
    reserved: r.reserved,
    frozenAt: toDateOrNull(r.frozen_at),
    planVersion: r.plan_version,
    sequencedVersion: r.sequenced_version,
    optionLoads: byDay.get(r.day) ?? [],
  }));
}

export async function findDay(ctx: Ctx, lineId: string, day: IsoDate): Promise<ProductionDay | undefined> {
  return (await listDays(ctx, lineId, { from: day, to: day }))[0];
}

/** Creates the day rows that do not exist yet (concurrent creators: one wins, the others wait and skip). */
export async function ensureDays(
  ctx: Ctx,
  rows: { lineId: string; day: IsoDate; capacity: number }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db(ctx)
    .insertInto('production.days')
    .values(rows.map((r) => ({ line_id: r.lineId, day: r.day, capacity: r.capacity })))
    .onConflict((oc) => oc.columns(['line_id', 'day']).doNothing())
    .execute();
}

export async function ensureOptionLoads(
  ctx: Ctx,
  rows: { lineId: string; day: IsoDate; ruleId: string; maxCars: number }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db(ctx)
    .insertInto('production.day_option_loads')
    .values(rows.map((r) => ({ line_id: r.lineId, day: r.day, rule_id: r.ruleId, max_cars: r.maxCars })))
    .onConflict((oc) => oc.columns(['line_id', 'day', 'rule_id']).doNothing())
    .execute();
}

/**
 * Locks production day rows for the rest of the transaction. The lock protocol of this module:
 * every transaction that changes a day's reserved counts, capacity, option loads, plan or
 * freeze first locks that day's row, and always in this order (line, then latest day first),
 * so two transactions never wait for each other in a cycle. Option load rows are only touched
 * under their day's lock.
 */
export async function lockDays(ctx: Ctx, keys: { lineId: string; day: IsoDate }[]): Promise<void> {
  const unique = [...new Map(keys.map((k) => [`${k.lineId}|${k.day}`, k])).values()].sort((a, b) =>
    a.lineId === b.lineId ? (a.day < b.day ? 1 : a.day > b.day ? -1 : 0) : a.lineId < b.lineId ? -1 : 1,
  );
  for (const k of unique) {
    await db(ctx)
      .selectFrom('production.days')
      .select('day')
      .where('line_id', '=', k.lineId)
      .where('day', '=', k.day)
      .forUpdate()
      .execute();
  }
}

/** Takes one unit of a day's capacity if any is left and the day is not frozen. */
export async function takeDayCapacity(ctx: Ctx, lineId: string, day: IsoDate): Promise<boolean> {
  const row = await db(ctx)
    .updateTable('production.days')
    .set((eb) => ({ reserved: eb('reserved', '+', 1), plan_version: eb('plan_version', '+', 1) }))
    .where('line_id', '=', lineId)
    .where('day', '=', day)
    .where('frozen_at', 'is', null)
    .whereRef('reserved', '<', 'capacity')
    .returning('reserved')
    .executeTakeFirst();
  return row !== undefined;
}

export async function takeOptionCapacity(
  ctx: Ctx,
  lineId: string,
  day: IsoDate,
  ruleId: string,
): Promise<boolean> {
  const row = await db(ctx)
    .updateTable('production.day_option_loads')
    .set((eb) => ({ reserved: eb('reserved', '+', 1) }))
    .where('line_id', '=', lineId)
    .where('day', '=', day)
    .where('rule_id', '=', ruleId)
    .whereRef('reserved', '<', 'max_cars')
    .returning('reserved')
    .executeTakeFirst();
  return row !== undefined;
}

export async function releaseDayCapacity(
  ctx: Ctx,
  lineId: string,
  day: IsoDate,
  ruleIds: string[],
): Promise<void> {
  await db(ctx)
    .updateTable('production.days')
    .set((eb) => ({ reserved: eb('reserved', '-', 1), plan_version: eb('plan_version', '+', 1) }))
    .where('line_id', '=', lineId)
    .where('day', '=', day)
    .where('reserved', '>', 0)
    .execute();
  if (ruleIds.length === 0) return;
  await db(ctx)
    .updateTable('production.day_option_loads')
    .set((eb) => ({ reserved: eb('reserved', '-', 1) }))
    .where('line_id', '=', lineId)
    .where('day', '=', day)
    .where('rule_id', 'in', ruleIds)
    .where('reserved', '>', 0)
    .execute();
}

export async function setDayCapacity(
  ctx: Ctx,
  lineId: string,
  day: IsoDate,
  capacity: number,
): Promise<void> {
  await db(ctx)
    .updateTable('production.days')
    .set({ capacity })
    .where('line_id', '=', lineId)
    .where('day', '=', day)
    .execute();
}

export async function setOptionLoad(
  ctx: Ctx,
  key: { lineId: string; day: IsoDate; ruleId: string },
  values: { maxCars: number; reserved?: number },
): Promise<void> {
  await db(ctx)
    .insertInto('production.day_option_loads')
    .values({
      line_id: key.lineId,
      day: key.day,
      rule_id: key.ruleId,
      max_cars: values.maxCars,
      reserved: values.reserved ?? 0,
    })
    .onConflict((oc) =>
      oc
        .columns(['line_id', 'day', 'rule_id'])
        .doUpdateSet(
          values.reserved === undefined
            ? { max_cars: values.maxCars }
            : { max_cars: values.maxCars, reserved: values.reserved },
        ),
    )
    .execute();
}

export async function bumpPlanVersion(ctx: Ctx, lineId: string, day: IsoDate): Promise<void> {
  await db(ctx)
    .updateTable('production.days')
    .set((eb) => ({ plan_version: eb('plan_version', '+', 1) }))
    .where('line_id', '=', lineId)
    .where('day', '=', day)
    .execute();
}

export async function markSequenced(
  ctx: Ctx,
  lineId: string,
  day: IsoDate,
  planVersion: number,
): Promise<void> {
  await db(ctx)
    .updateTable('production.days')
    .set({ sequenced_version: planVersion })
    .where('line_id', '=', lineId)
    .where('day', '=', day)
    .execute();
}

export async function freezeDay(
  ctx: Ctx,
  lineId: string,
  day: IsoDate,
  at: Date,
  by: string | null,
): Promise<boolean> {
  const rows = await db(ctx)
    .updateTable('production.days')
    .set({ frozen_at: at, frozen_by: by })
    .where('line_id', '=', lineId)
    .where('day', '=', day)
    .where('frozen_at', 'is', null)
    .returning('day')
    .execute();
  return rows.length > 0;
}

/** Open (not frozen) days of a line from `from` on that hold at least one car. */
export async function listOpenDaysWithCars(ctx: Ctx, lineId: string, from: IsoDate): Promise<IsoDate[]> {
  const rows = await db(ctx)
    .selectFrom('production.days')
    .select('day')
    .where('line_id', '=', lineId)
    .where('day', '>=', from)
    .where('frozen_at', 'is', null)
    .where('reserved', '>', 0)
    .orderBy('day')
    .execute();
  return rows.map((r) => r.day);
}

// ---------------------------------------------------------------- vehicles

type VehicleRow = {
  vehicle_id: string;
  order_id: string;
  customer_user_id: string | null;
  model_line: string;
  model_year: number;
  version_id: string;
  configuration_code: string;
  selection: unknown;
  colour: string;
  dealer_org_id: string;
  plant_org_id: string;
  line_id: string;
  delivery_date: string | null;
  production_day: string | null;
  ship_date: string | null;
  rule_ids: unknown;
  sequence_position: number | null;
  vin: string | null;
  state: string;
  estimates: unknown;
  status: string;
  registered_at: Date | string;
  confirmed_at: Date | string | null;
  updated_at: Date | string;
};

const toVehicle = (r: VehicleRow): Vehicle => ({
  vehicleId: r.vehicle_id,
  orderId: r.order_id,
  customerUserId: r.customer_user_id,
  modelLine: r.model_line,
  modelYear: r.model_year,
  versionId: r.version_id,
  configurationCode: r.configuration_code,
  selection: json<Selection>(r.selection),
  colour: r.colour,
  dealerOrgId: r.dealer_org_id,
  plantOrgId: r.plant_org_id,
  lineId: r.line_id,
  deliveryDate: r.delivery_date,
  productionDay: r.production_day,
  shipDate: r.ship_date,
  ruleIds: json<string[]>(r.rule_ids),
  sequencePosition: r.sequence_position,
  vin: r.vin,
  state: r.state as StepState,
  estimates: json<Estimates>(r.estimates),
  status: r.status as VehicleStatus,
  registeredAt: toDate(r.registered_at),
  confirmedAt: r.confirmed_at === null ? null : toDate(r.confirmed_at),
  updatedAt: toDate(r.updated_at),
});

const VEHICLE_COLUMNS = [
  'vehicle_id',
  'order_id',
  'customer_user_id',
  'model_line',
  'model_year',
  'version_id',
  'configuration_code',
  'selection',
  'colour',
  'dealer_org_id',
  'plant_org_id',
  'line_id',
  'delivery_date',
  'production_day',
  'ship_date',
  'rule_ids',
  'sequence_position',
  'vin',
  'state',
  'estimates',
  'status',
  'registered_at',
  'confirmed_at',
  'updated_at',
] as const;

/** Inserts a new vehicle; false when the vehicle id (or order id) is already registered. */
export async function insertVehicle(ctx: Ctx, v: Vehicle): Promise<boolean> {
  const rows = await db(ctx)
    .insertInto('production.vehicles')
    .values({
      vehicle_id: v.vehicleId,
      order_id: v.orderId,
      customer_user_id: v.customerUserId,
      model_line: v.modelLine,
      model_year: v.modelYear,
      version_id: v.versionId,
      configuration_code: v.configurationCode,
      selection: JSON.stringify(v.selection),
      colour: v.colour,
      dealer_org_id: v.dealerOrgId,
      plant_org_id: v.plantOrgId,
      line_id: v.lineId,
      rule_ids: '[]',
      estimates: '{}',
      registered_at: v.registeredAt,
      updated_at: v.updatedAt,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('vehicle_id')
    .execute();
  return rows.length > 0;
}

export async function findVehicle(
  ctx: Ctx,
  vehicleId: string,
  options: { forUpdate?: boolean } = {},
): Promise<Vehicle | undefined> {
  let q = db(ctx)
    .selectFrom('production.vehicles')
    .select(VEHICLE_COLUMNS)
    .where('vehicle_id', '=', vehicleId);
  if (options.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? toVehicle(row) : undefined;
}

/** The cars of these vehicle ids (those that have one), in no particular order. */
export async function findVehicles(ctx: Ctx, vehicleIds: readonly string[]): Promise<Vehicle[]> {
  if (vehicleIds.length === 0) return [];
  const rows = await db(ctx)
    .selectFrom('production.vehicles')
    .select(VEHICLE_COLUMNS)
    .where('vehicle_id', 'in', [...vehicleIds])
    .execute();
  return rows.map(toVehicle);
}

export async function findVehicleByOrder(ctx: Ctx, orderId: string): Promise<Vehicle | undefined> {
  const row = await db(ctx)
    .selectFrom('production.vehicles')
    .select(VEHICLE_COLUMNS)
    .where('order_id', '=', orderId)
    .executeTakeFirst();
  return row ? toVehicle(row) : undefined;
}

export type VehiclePatch = Partial<{
  deliveryDate: IsoDate | null;
  productionDay: IsoDate | null;
  shipDate: IsoDate | null;
  ruleIds: string[];
  sequencePosition: number | null;
  vin: string;
  state: StepState;
  estimates: Estimates;
  status: VehicleStatus;
  cancelledAt: Date;
  reservedAt: Date;
  confirmedAt: Date;
  versionId: string;
  configurationCode: string;
  selection: Selection;
  colour: string;
}>;

export async function updateVehicle(
  ctx: Ctx,
  vehicleId: string,
  patch: VehiclePatch,
  at: Date,
): Promise<void> {
  await db(ctx)
    .updateTable('production.vehicles')
    .set({
      ...(patch.deliveryDate !== undefined ? { delivery_date: patch.deliveryDate } : {}),
      ...(patch.productionDay !== undefined ? { production_day: patch.productionDay } : {}),
      ...(patch.shipDate !== undefined ? { ship_date: patch.shipDate } : {}),
      ...(patch.ruleIds !== undefined ? { rule_ids: JSON.stringify(patch.ruleIds) } : {}),
      ...(patch.sequencePosition !== undefined ? { sequence_position: patch.sequencePosition } : {}),
      ...(patch.vin !== undefined ? { vin: patch.vin } : {}),
      ...(patch.state !== undefined ? { state: patch.state } : {}),
      ...(patch.estimates !== undefined ? { estimates: JSON.stringify(patch.estimates) } : {}),
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.cancelledAt !== undefined ? { cancelled_at: patch.cancelledAt } : {}),
      ...(patch.reservedAt !== undefined ? { reserved_at: patch.reservedAt } : {}),
      ...(patch.confirmedAt !== undefined ? { confirmed_at: patch.confirmedAt } : {}),
      ...(patch.versionId !== undefined ? { version_id: patch.versionId } : {}),
      ...(patch.configurationCode !== undefined ? { configuration_code: patch.configurationCode } : {}),
      ...(patch.selection !== undefined ? { selection: JSON.stringify(patch.selection) } : {}),
      ...(patch.colour !== undefined ? { colour: patch.colour } : {}),
      updated_at: at,
    })
    .where('vehicle_id', '=', vehicleId)
    .execute();
}

/**
 * The cars planned on a day, in line order: sequenced cars by position, then cars added since
 * the last sequencing in the order they were reserved. Cancelled cars keep a frozen day's slot.
 */
export async function listDayVehicles(ctx: Ctx, lineId: string, day: IsoDate): Promise<Vehicle[]> {
  const rows = await db(ctx)
    .selectFrom('production.vehicles')
    .select(VEHICLE_COLUMNS)
    .where('line_id', '=', lineId)
    .where('production_day', '=', day)
    .orderBy(sql`sequence_position nulls last`)
    .orderBy('reserved_at')
    .orderBy('vehicle_id')
    .execute();
  return rows.map(toVehicle);
}

/** Active cars of a line on open days from `from` on (rule changes recount these). */
export async function listPlannedVehicles(ctx: Ctx, lineId: string, from: IsoDate): Promise<Vehicle[]> {
  const rows = await db(ctx)
    .selectFrom('production.vehicles')
    .select(VEHICLE_COLUMNS)
    .where('line_id', '=', lineId)
    .where('production_day', '>=', from)
    .where('status', '=', 'active')
    .orderBy('production_day')
    .orderBy('vehicle_id')
    .execute();
  return rows.map(toVehicle);
}

export async function setSequencePositions(ctx: Ctx, order: string[], at: Date): Promise<void> {
  for (const [i, vehicleId] of order.entries()) {
    await db(ctx)
      .updateTable('production.vehicles')
      .set({ sequence_position: i + 1, updated_at: at })
      .where('vehicle_id', '=', vehicleId)
      .execute();
  }
}

// ---------------------------------------------------------------- steps and delivery changes

export async function insertStepRecord(ctx: Ctx, r: StepRecord): Promise<void> {
  await db(ctx)
    .insertInto('production.step_records')
    .values({
      id: r.id,
      vehicle_id: r.vehicleId,
      step: r.step,
      result: r.result,
      defects: JSON.stringify(r.defects),
      at: r.at,
      estimated_at: r.estimatedAt,
      recorded_by: r.recordedBy,
    })
    .execute();
}

export async function listStepRecords(ctx: Ctx, vehicleId: string): Promise<StepRecord[]> {
  const rows = await db(ctx)
    .selectFrom('production.step_records')
    .selectAll()
    .where('vehicle_id', '=', vehicleId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    vehicleId: r.vehicle_id,
    step: r.step as Step,
    result: r.result as QcResult | null,
    defects: json<Defect[]>(r.defects),
    at: toDate(r.at),
    estimatedAt: toDateOrNull(r.estimated_at),
    recordedBy: r.recorded_by,
  }));
}

/** The last record of one step per vehicle, for many vehicles at once (vehicle id -> time). */
export async function lastStepTimes(
  ctx: Ctx,
  vehicleIds: readonly string[],
  step: Step,
): Promise<Map<string, Date>> {
  if (vehicleIds.length === 0) return new Map();
  const rows = await db(ctx)
    .selectFrom('production.step_records')
    .select(['vehicle_id', 'at'])
    .where('vehicle_id', 'in', [...vehicleIds])
    .where('step', '=', step)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return new Map(rows.map((r) => [r.vehicle_id, toDate(r.at)]));
}

export async function insertDeliveryChange(
  ctx: Ctx,
  vehicleId: string,
  id: string,
  change: DeliveryChange,
): Promise<void> {
  await db(ctx)
    .insertInto('production.delivery_changes')
    .values({
      id,
      vehicle_id: vehicleId,
      at: change.at,
      previous_date: change.previousDate,
      new_date: change.newDate,
      reason: change.reason,
      detail: JSON.stringify(change.detail),
    })
    .execute();
}

export async function listDeliveryChanges(ctx: Ctx, vehicleId: string): Promise<DeliveryChange[]> {
  const rows = await db(ctx)
    .selectFrom('production.delivery_changes')
    .selectAll()
    .where('vehicle_id', '=', vehicleId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    at: toDate(r.at),
    previousDate: r.previous_date,
    newDate: r.new_date,
    reason: r.reason as DeliveryChange['reason'],
    detail: json<Record<string, unknown>>(r.detail),
  }));
}

/** The next VIN serial for (manufacturer, model year, plant), atomically. */
export async function nextVinSerial(
  ctx: Ctx,
  key: { wmi: string; yearCode: string; plantCode: string },
): Promise<number> {
  const row = await db(ctx)
    .insertInto('production.vin_serials')
    .values({ wmi: key.wmi, model_year_code: key.yearCode, plant_code: key.plantCode, last_serial: 1 })
    .onConflict((oc) =>
      oc
        .columns(['wmi', 'model_year_code', 'plant_code'])
        .doUpdateSet((eb) => ({ last_serial: eb('production.vin_serials.last_serial', '+', 1) })),
    )
    .returning('last_serial')
    .executeTakeFirstOrThrow();
  return row.last_serial;
}

// ---------------------------------------------------------------- sequence runs

export const RUN_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export type RunRecord = {
  id: string;
  lineId: string;
  day: IsoDate;
  status: RunStatus;
  seconds: number;
  seed: number;
  maxIterations: number | null;
  planVersion: number;
  progress: unknown;
  result: unknown;
  error: string | null;
  requestedBy: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};

export async function insertRun(ctx: Ctx, run: RunRecord): Promise<void> {
  await db(ctx)
    .insertInto('production.sequence_runs')
    .values({
      id: run.id,
      line_id: run.lineId,
      day: run.day,
      status: run.status,
      seconds: run.seconds,
      seed: run.seed,
      max_iterations: run.maxIterations,
      plan_version: run.planVersion,
      requested_by: run.requestedBy,
      created_at: run.createdAt,
    })
    .execute();
}

type RunRow = {
  id: string;
  line_id: string;
  day: string;
  status: string;
  seconds: number;
  seed: number;
  max_iterations: number | null;
  plan_version: number;
  progress: unknown;
  result: unknown;
  error: string | null;
  requested_by: string | null;
  created_at: Date | string;
  started_at: Date | string | null;
  finished_at: Date | string | null;
};

const toRun = (r: RunRow): RunRecord => ({
  id: r.id,
  lineId: r.line_id,
  day: r.day,
  status: r.status as RunStatus,
  seconds: r.seconds,
  seed: r.seed,
  maxIterations: r.max_iterations,
  planVersion: r.plan_version,
  progress: r.progress === null ? null : json(r.progress),
  result: r.result === null ? null : json(r.result),
  error: r.error,
  requestedBy: r.requested_by,
  createdAt: toDate(r.created_at),
  startedAt: toDateOrNull(r.started_at),
  finishedAt: toDateOrNull(r.finished_at),
});

export async function findRun(ctx: Ctx, id: string): Promise<RunRecord | undefined> {
  const row = await db(ctx)
    .selectFrom('production.sequence_runs')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toRun(row) : undefined;
}

export async function listRuns(ctx: Ctx, lineId: string, day: IsoDate, limit = 20): Promise<RunRecord[]> {
  const rows = await db(ctx)
    .selectFrom('production.sequence_runs')
    .selectAll()
    .where('line_id', '=', lineId)
    .where('day', '=', day)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toRun);
}

export async function updateRun(
  ctx: Ctx,
  id: string,
  patch: Partial<{
    status: RunStatus;
    progress: unknown;
    result: unknown;
    error: string | null;
    startedAt: Date;
    finishedAt: Date;
  }>,
): Promise<void> {
  await db(ctx)
    .updateTable('production.sequence_runs')
    .set({
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.progress !== undefined ? { progress: JSON.stringify(patch.progress) } : {}),
      ...(patch.result !== undefined ? { result: JSON.stringify(patch.result) } : {}),
      ...(patch.error !== undefined ? { error: patch.error } : {}),
      ...(patch.startedAt !== undefined ? { started_at: patch.startedAt } : {}),
      ...(patch.finishedAt !== undefined ? { finished_at: patch.finishedAt } : {}),
    })
    .where('id', '=', id)
    .execute();
}

// ---------------------------------------------------------------- call-offs

export async function insertCallOff(ctx: Ctx, c: CallOff): Promise<void> {
  await db(ctx)
    .insertInto('production.calloffs')
    .values({
      id: c.id,
      line_id: c.lineId,
      plant_org_id: c.plantOrgId,
      day: c.day,
      supplier_org_id: c.supplierOrgId,
      kind: c.kind,
      due_date: c.dueDate,
      status: c.status,
      created_at: c.createdAt,
      updated_at: c.createdAt,
    })
    .execute();
  if (c.items.length === 0) return;
  await db(ctx)
    .insertInto('production.calloff_items')
    .values(
      c.items.map((i) => ({
        calloff_id: c.id,
        item_no: i.itemNo,
        sequence_position: i.sequencePosition,
        vehicle_id: i.vehicleId,
        part_id: i.partId,
        part_number: i.partNumber,
        name_zh: i.name['zh-CN'],
        name_en: i.name.en,
        quantity: i.quantity,
        unit: i.unit,
        station: i.station,
        vehicles: i.vehicles,
      })),
    )
    .execute();
}

export type CallOffFilter = {
  supplierOrgId?: string;
  lineId?: string;
  day?: IsoDate;
  status?: CallOffStatus;
  dueFrom?: IsoDate;
  dueTo?: IsoDate;
  /** Call-offs of this plant not received yet that have an item of this part (locked). */
  openWithPart?: { plantOrgId: string; partNumber: string };
};

export async function listCallOffs(ctx: Ctx, filter: CallOffFilter, limit = 200): Promise<CallOff[]> {
  let q = db(ctx).selectFrom('production.calloffs').selectAll();
  if (filter.supplierOrgId !== undefined) q = q.where('supplier_org_id', '=', filter.supplierOrgId);
  if (filter.lineId !== undefined) q = q.where('line_id', '=', filter.lineId);
  if (filter.day !== undefined) q = q.where('day', '=', filter.day);
  if (filter.status !== undefined) q = q.where('status', '=', filter.status);
  if (filter.dueFrom !== undefined) q = q.where('due_date', '>=', filter.dueFrom);
  if (filter.dueTo !== undefined) q = q.where('due_date', '<=', filter.dueTo);
  if (filter.openWithPart !== undefined) {
    const { plantOrgId, partNumber } = filter.openWithPart;
    q = q
      .where('plant_org_id', '=', plantOrgId)
      .where('status', '!=', 'received')
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('production.calloff_items as i')
            .select('i.item_no')
            .whereRef('i.calloff_id', '=', 'production.calloffs.id')
            .where('i.part_number', '=', partNumber),
        ),
      )
      .forUpdate();
  }
  const rows = await q.orderBy('due_date').orderBy('kind', 'desc').orderBy('id').limit(limit).execute();
  const ids = rows.map((r) => r.id);
  const items = ids.length
    ? await db(ctx)
        .selectFrom('production.calloff_items')
        .selectAll()
        .where('calloff_id', 'in', ids)
        .orderBy('calloff_id')
        .orderBy('item_no')
        .execute()
    : [];
  const receipts = ids.length
    ? await db(ctx)
        .selectFrom('production.calloff_receipts')
        .select(['calloff_id', 'item_no', (eb) => eb.fn.sum<string | number>('quantity').as('received')])
        .where('calloff_id', 'in', ids)
        .groupBy(['calloff_id', 'item_no'])
        .execute()
    : [];
  const receivedOf = new Map(receipts.map((r) => [`${r.calloff_id}/${r.item_no}`, Number(r.received)]));
  const byCallOff = new Map<string, CallOffItem[]>();
  for (const i of items) {
    byCallOff.set(i.calloff_id, [
      ...(byCallOff.get(i.calloff_id) ?? []),
      {
        itemNo: i.item_no,
        sequencePosition: i.sequence_position,
        vehicleId: i.vehicle_id,
        partId: i.part_id,
        partNumber: i.part_number,
        name: { 'zh-CN': i.name_zh, en: i.name_en },
        quantity: i.quantity,
        unit: i.unit,
        station: i.station,
        vehicles: i.vehicles,
        received: receivedOf.get(`${i.calloff_id}/${i.item_no}`) ?? 0,
      },
    ]);
  }
  return rows.map((r) => ({
    id: r.id,
    lineId: r.line_id,
    plantOrgId: r.plant_org_id,
    day: r.day,
    supplierOrgId: r.supplier_org_id,
    kind: r.kind as CallOffKind,
    dueDate: r.due_date,
    status: r.status as CallOffStatus,
    shippedAt: toDateOrNull(r.shipped_at),
    delayedUntil: r.delayed_until,
    delayReason: r.delay_reason,
    receivedAt: toDateOrNull(r.received_at),
    createdAt: toDate(r.created_at),
    items: byCallOff.get(r.id) ?? [],
  }));
}

export async function findCallOff(
  ctx: Ctx,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<CallOff | undefined> {
  let q = db(ctx).selectFrom('production.calloffs').select(['line_id', 'day']).where('id', '=', id);
  if (options.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) return undefined;
  return (await listCallOffs(ctx, { lineId: row.line_id, day: row.day })).find((c) => c.id === id);
}

export async function updateCallOff(
  ctx: Ctx,
  id: string,
  patch: {
    status: CallOffStatus;
    shippedAt?: Date;
    delayedUntil?: IsoDate | null;
    delayReason?: string | null;
    receivedAt?: Date;
  },
  at: Date,
): Promise<void> {
  await db(ctx)
    .updateTable('production.calloffs')
    .set({
      status: patch.status,
      ...(patch.receivedAt !== undefined ? { received_at: patch.receivedAt } : {}),
      ...(patch.shippedAt !== undefined ? { shipped_at: patch.shippedAt } : {}),
      ...(patch.delayedUntil !== undefined ? { delayed_until: patch.delayedUntil } : {}),
      ...(patch.delayReason !== undefined ? { delay_reason: patch.delayReason } : {}),
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
}

// ---------------------------------------------------------------- part arrivals (WMS)

export async function findArrival(ctx: Ctx, arrivalId: string): Promise<PartArrival | undefined> {
  const row = await db(ctx)
    .selectFrom('production.part_arrivals')
    .selectAll()
    .where('arrival_id', '=', arrivalId)
    .executeTakeFirst();
  return row
    ? {
        arrivalId: row.arrival_id,
        plantOrgId: row.plant_org_id,
        partNumber: row.part_number,
        quantity: row.quantity,
        arrivedAt: toDate(row.arrived_at),
        callOffId: row.calloff_id,
      }
    : undefined;
}

export async function insertArrival(ctx: Ctx, a: PartArrival, at: Date): Promise<void> {
  await db(ctx)
    .insertInto('production.part_arrivals')
    .values({
      arrival_id: a.arrivalId,
      plant_org_id: a.plantOrgId,
      part_number: a.partNumber,
      quantity: a.quantity,
      arrived_at: a.arrivedAt,
      calloff_id: a.callOffId,
      recorded_at: at,
    })
    .execute();
}

export async function insertReceipts(
  ctx: Ctx,
  arrivalId: string,
  receipts: { callOffId: string; itemNo: number; quantity: number }[],
): Promise<void> {
  if (receipts.length === 0) return;
  await db(ctx)
    .insertInto('production.calloff_receipts')
    .values(
      receipts.map((r) => ({
        calloff_id: r.callOffId,
        item_no: r.itemNo,
        arrival_id: arrivalId,
        quantity: r.quantity,
      })),
    )
    .execute();
}

export async function listReceiptsOf(
  ctx: Ctx,
  arrivalId: string,
): Promise<{ callOffId: string; itemNo: number; quantity: number }[]> {
  const rows = await db(ctx)
    .selectFrom('production.calloff_receipts')
    .selectAll()
    .where('arrival_id', '=', arrivalId)
    .orderBy('calloff_id')
    .orderBy('item_no')
    .execute();
  return rows.map((r) => ({ callOffId: r.calloff_id, itemNo: r.item_no, quantity: r.quantity }));
}
