import { type Expr, noneCode } from '@openc2b/configurator';
import { recordAudit } from '../../platform/audit.ts';
import { type Ctx, inTransaction } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { findModelLine, getLiveModelLine } from '../catalog/index.ts';
import { assertAuthorized, findOrganisation } from '../identity/index.ts';
import { vinPartProblem } from './assign-vin.ts';
import { addDays, type CapacityCalendar, capacityOn, type IsoDate } from './capacity-calendar.ts';
import { codesOf, optionDayLimit, rulesUsedBy } from './limit-options.ts';
import { ensureDayRows, getLineFor, loadCalendar, todayOf } from './read-plant.ts';
import * as store from './store.ts';
import type {
  Bilingual,
  CalendarException,
  DayPattern,
  Line,
  OptionRule,
  Priority,
  TransportRoute,
} from './types.ts';

export type LineSettings = {
  name: Bilingual;
  paintFamily: string;
  paintBatchLimit: number;
  frozenDays: number;
  buildDays: number;
  storageSlackDays: number;
  reworkDays: number;
  vin: { wmi: string; plantCode: string; descriptors: Record<string, string> };
};

export type NewLine = LineSettings & {
  code: string;
  modelLines: string[];
  weekly: DayPattern[];
  timeZone?: string;
};

const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** A new line at the planner's plant (the system may name any plant). */
export async function createLine(ctx: Ctx, input: NewLine & { plantOrgId?: string }): Promise<Line> {
  const reach = assertAuthorized(ctx.actor, 'production_plan.edit');
  const plantOrgId =
    reach === 'all' ? input.plantOrgId : ctx.actor.kind === 'staff' ? ctx.actor.orgId : undefined;
  if (!plantOrgId) {
    throw new AppError('bad_request', 'production.plant_required', 'Name the plant of the line.', {
      fields: [{ path: 'plantOrgId', message: 'Required' }],
    });
  }
  const plant = await findOrganisation(ctx, plantOrgId);
  if (plant?.kind !== 'plant') {
    throw new AppError('unprocessable', 'production.plant_not_found', 'No such plant.', {
      fields: [{ path: 'plantOrgId', message: 'Not a plant' }],
    });
  }
  assertAuthorized(ctx.actor, 'production_plan.edit', {
    orgId: plantOrgId,
    notFoundCode: 'production.plant_not_found',
  });
  if (await store.findLineByCode(ctx, plantOrgId, input.code)) {
    throw new AppError('conflict', 'production.line_code_taken', `Line ${input.code} exists at this plant.`, {
      fields: [{ path: 'code', message: 'Already in use' }],
    });
  }
  await checkLineSettings(ctx, input, input.modelLines);
  checkWeekly(input.weekly);
  const line: Line = {
    id: newId('lin'),
    plantOrgId,
    code: input.code,
    name: input.name,
    modelLines: [...input.modelLines].sort(),
    paintFamily: input.paintFamily,
    paintBatchLimit: input.paintBatchLimit,
    frozenDays: input.frozenDays,
    buildDays: input.buildDays,
    storageSlackDays: input.storageSlackDays,
    reworkDays: input.reworkDays,
    timeZone: input.timeZone ?? DEFAULT_TIME_ZONE,
    vin: input.vin,
    weekly: input.weekly,
    active: true,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  await inTransaction(ctx, async (tx) => {
    await store.insertLine(tx, line);
    await assignModelLines(tx, line.id, line.modelLines);
    await recordAudit(tx, {
      action: 'production.line_created',
      targetType: 'production_line',
      targetId: line.id,
      orgId: plantOrgId,
      data: { code: line.code, modelLines: line.modelLines },
    });
  });
  return line;
}

/** Changes a line's settings (not its weekly pattern: see setWeeklyPattern). */
export async function updateLineSettings(ctx: Ctx, lineId: string, settings: LineSettings): Promise<Line> {
  const line = await getLineFor(ctx, lineId, 'production_plan.edit');
  await checkLineSettings(ctx, settings, line.modelLines);
  const next: Line = { ...line, ...settings, updatedAt: ctx.now };
  await inTransaction(ctx, async (tx) => {
    await store.updateLine(tx, line.id, next, tx.now);
    await recordAudit(tx, {
      action: 'production.line_updated',
      targetType: 'production_line',
      targetId: line.id,
      orgId: line.plantOrgId,
      data: { ...settings },
    });
  });
  return next;
}

/**
 * A new weekly pattern. Days already holding cars take the new capacity; a change that would
 * leave a day with more cars than capacity, or change a frozen day, is refused (409) so the
 * planner moves cars first.
 */
export async function setWeeklyPattern(ctx: Ctx, lineId: string, weekly: DayPattern[]): Promise<Line> {
  const line = await getLineFor(ctx, lineId, 'production_plan.edit');
  checkWeekly(weekly);
  const next: Line = { ...line, weekly, updatedAt: ctx.now };
  await inTransaction(ctx, async (tx) => {
    await store.updateLine(tx, line.id, next, tx.now);
    const today = todayOf(tx, line);
    const days = await store.listDays(tx, line.id, { from: today, to: addDays(today, 3660) });
    const calendar = await loadCalendar(tx, next, { from: today, to: days.at(-1)?.day ?? today });
    await applyCapacity(
      tx,
      next,
      calendar,
      days.map((d) => d.day),
    );
    await recordAudit(tx, {
      action: 'production.weekly_pattern_changed',
      targetType: 'production_line',
      targetId: line.id,
      orgId: line.plantOrgId,
      data: { weekly },
    });
  });
  return next;
}

/** Adds or replaces the calendar exception of a date (holiday, make-up working day, overtime, reduced day). */
export async function putCalendarException(
  ctx: Ctx,
  lineId: string,
  exception: CalendarException,
): Promise<void> {
  const line = await getLineFor(ctx, lineId, 'production_plan.edit');
  if (exception.kind !== 'holiday' && exception.shifts * exception.carsPerShift <= 0) {
    throw new AppError(
      'bad_request',
      'production.capacity_required',
      'A working day needs shifts and cars per shift.',
      {
        fields: [{ path: 'shifts', message: 'Must be at least 1 (with cars per shift at least 1)' }],
      },
    );
  }
  await inTransaction(ctx, async (tx) => {
    await store.upsertException(tx, line.id, exception);
    const calendar = await loadCalendar(tx, line, { from: exception.date, to: exception.date });
    await applyCapacity(tx, line, calendar, [exception.date]);
    await recordAudit(tx, {
      action: 'production.calendar_exception_set',
      targetType: 'production_line',
      targetId: line.id,
      orgId: line.plantOrgId,
      data: { ...exception },
    });
  });
}

/**
 * Adds the exceptions whose dates have none yet (an official holiday schedule, say) and leaves
 * every date the planner already set alone. A date that already holds more cars than the
 * exception allows, or is frozen, is skipped and reported: the planner moves cars first.
 */
export async function addMissingCalendarExceptions(
  ctx: Ctx,
  lineId: string,
  exceptions: CalendarException[],
): Promise<{ added: IsoDate[]; skipped: IsoDate[] }> {
  const line = await getLineFor(ctx, lineId, 'production_plan.edit');
  if (exceptions.length === 0) return { added: [], skipped: [] };
  const sorted = [...exceptions].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const range = { from: sorted[0]?.date ?? '', to: sorted.at(-1)?.date ?? '' };
  return inTransaction(ctx, async (tx) => {
    const existing = new Set((await store.listExceptions(tx, line.id, range)).map((e) => e.date));
    const candidates = sorted.filter((e) => !existing.has(e.date));
    const days = new Map((await store.listDays(tx, line.id, range)).map((d) => [d.day, d]));
    const skipped: IsoDate[] = [];
    const added = candidates.filter((e) => {
      const row = days.get(e.date);
      const capacity = e.kind === 'holiday' ? 0 : e.shifts * e.carsPerShift;
      const fits = !row || (!row.frozenAt && row.reserved <= capacity);
      if (!fits) skipped.push(e.date);
      return fits;
    });
    if (added.length === 0) return { added: [], skipped };
    await store.insertMissingExceptions(tx, line.id, added);
    const calendar = await loadCalendar(tx, line, range);
    await applyCapacity(
      tx,
      line,
      calendar,
      added.map((e) => e.date).filter((d) => days.has(d)),
    );
    await recordAudit(tx, {
      action: 'production.calendar_exceptions_added',
      targetType: 'production_line',
      targetId: line.id,
      orgId: line.plantOrgId,
      data: { dates: added.map((e) => e.date), skipped },
    });
    return { added: added.map((e) => e.date), skipped };
  });
}

export async function deleteCalendarException(ctx: Ctx, lineId: string, date: IsoDate): Promise<void> {
  const line = await getLineFor(ctx, lineId, 'production_plan.edit');
  await inTransaction(ctx, async (tx) => {
    if (!(await store.deleteException(tx, line.id, date))) {
      throw new AppError('not_found', 'production.calendar_exception_not_found', `No exception on ${date}.`);
    }
    const calendar = await loadCalendar(tx, line, { from: date, to: date });
    await applyCapacity(tx, line, calendar, [date]);
    await recordAudit(tx, {
      action: 'production.calendar_exception_removed',
      targetType: 'production_line',
      targetId: line.id,
      orgId: line.plantOrgId,
      data: { date },
    });
  });
}

/** New capacity of stored days after a calendar change, under their row locks. */
async function applyCapacity(
  ctx: Ctx,
  line: Line,
  calendar: CapacityCalendar,
  days: IsoDate[],
): Promise<void> {
  const keys = days.map((day) => ({ lineId: line.id, day }));
  await store.lockDays(ctx, keys);
  const rules = (await store.listRules(ctx, line.id)).filter((r) => r.active);
  for (const day of days) {
    const row = await store.findDay(ctx, line.id, day);
    if (!row) continue;
    const capacity = capacityOn(calendar, day);
    if (capacity === row.capacity) continue;
    if (row.frozenAt) {
      throw new AppError(
        'conflict',
        'production.day_frozen',
        `${day} is frozen; its capacity can no longer change.`,
        {
          extra: { day },
        },
      );
    }
    if (row.reserved > capacity) {
      throw new AppError(
        'conflict',
        'production.capacity_below_reserved',
        `${day} holds ${row.reserved} cars; move cars to other days before lowering its capacity to ${capacity}.`,
        { extra: { day, reserved: row.reserved, capacity } },
      );
    }
    await store.setDayCapacity(ctx, line.id, day, capacity);
    for (const rule of rules) {
      await store.setOptionLoad(
        ctx,
        { lineId: line.id, day, ruleId: rule.id },
        { maxCars: optionDayLimit(capacity, rule.n, rule.p) },
      );
    }
  }
}

export type NewOptionRule = {
  code: string;
  name: Bilingual;
  n: number;
  p: number;
  priority: Priority;
  condition: Expr;
  active?: boolean;
};

export async function createOptionRule(ctx: Ctx, lineId: string, input: NewOptionRule): Promise<OptionRule> {
  const line = await getLineFor(ctx, lineId, 'production_plan.edit');
  checkRatio(input.n, input.p);
  await checkCondition(ctx, line, input.condition);
  if ((await store.listRules(ctx, line.id)).some((r) => r.code === input.code)) {
    throw new AppError('conflict', 'production.rule_code_taken', `Rule ${input.code} exists on this line.`, {
      fields: [{ path: 'code', message: 'Already in use' }],
    });
  }
  const rule: OptionRule = { ...input, id: newId('npr'), lineId: line.id, active: input.active ?? true };
  await inTransaction(ctx, async (tx) => {
    await store.insertRule(tx, rule, tx.now);
    await recountRules(tx, line);
    await auditRule(tx, line, rule, 'production.option_rule_created');
  });
  return rule;
}

export async function updateOptionRule(
  ctx: Ctx,
  lineId: string,
  ruleId: string,
  input: Omit<NewOptionRule, 'code'> & { active: boolean },
): Promise<OptionRule> {
  const line = await getLineFor(ctx, lineId, 'production_plan.edit');
  const existing = await store.findRule(ctx, ruleId);
  if (!existing || existing.lineId !== line.id) throw ruleNotFound();
  checkRatio(input.n, input.p);
  await checkCondition(ctx, line, input.condition);
  const rule: OptionRule = { ...existing, ...input };
  await inTransaction(ctx, async (tx) => {
    await store.updateRule(tx, rule, tx.now);
    await recountRules(tx, line);
    await auditRule(tx, line, rule, 'production.option_rule_updated');
  });
  return rule;
}

export async function deleteOptionRule(ctx: Ctx, lineId: string, ruleId: string): Promise<void> {
  const line = await getLineFor(ctx, lineId, 'production_plan.edit');
  const existing = await store.findRule(ctx, ruleId);
  if (!existing || existing.lineId !== line.id) throw ruleNotFound();
  await inTransaction(ctx, async (tx) => {
    await store.deleteRule(tx, ruleId);
    await recountRules(tx, line);
    await auditRule(tx, line, existing, 'production.option_rule_deleted');
  });
}

const ruleNotFound = () =>
  new AppError('not_found', 'production.rule_not_found', 'No such option rule on this line.');

async function auditRule(ctx: Ctx, line: Line, rule: OptionRule, action: string): Promise<void> {
  await recordAudit(ctx, {
    action,
    targetType: 'production_option_rule',
    targetId: rule.id,
    orgId: line.plantOrgId,
    data: {
      lineId: line.id,
      code: rule.code,
      n: rule.n,
      p: rule.p,
      priority: rule.priority,
      active: rule.active,
    },
  });
}

/**
 * After a rule changed: every open day from tomorrow on counts its cars against the line's
 * rules again (which cars a rule counts, and each day's maximum). Frozen days keep what they
 * were frozen with. A tightened rule may leave a day above its new maximum: new reservations
 * are then refused there, and sequencing reports the violations.
 */
async function recountRules(ctx: Ctx, line: Line): Promise<void> {
  const tomorrow = addDays(todayOf(ctx, line), 1);
  const days = await store.listOpenDaysWithCars(ctx, line.id, tomorrow);
  if (days.length === 0) return;
  await store.lockDays(
    ctx,
    days.map((day) => ({ lineId: line.id, day })),
  );
  const rules = (await store.listRules(ctx, line.id)).filter((r) => r.active);
  const calendar = await loadCalendar(ctx, line, { from: days[0] ?? tomorrow, to: days.at(-1) ?? tomorrow });
  await ensureDayRows(ctx, line, calendar, days, rules);
  for (const day of days) {
    const row = await store.findDay(ctx, line.id, day);
    if (!row || row.frozenAt) continue;
    const vehicles = (await store.listDayVehicles(ctx, line.id, day)).filter((v) => v.status === 'active');
    const counts = new Map<string, number>();
    for (const v of vehicles) {
      const used = rulesUsedBy(rules, v.selection).map((r) => r.id);
      for (const id of used) counts.set(id, (counts.get(id) ?? 0) + 1);
      await store.updateVehicle(ctx, v.vehicleId, { ruleIds: used }, ctx.now);
    }
    for (const rule of rules) {
      await store.setOptionLoad(
        ctx,
        { lineId: line.id, day, ruleId: rule.id },
        { maxCars: optionDayLimit(row.capacity, rule.n, rule.p), reserved: counts.get(rule.id) ?? 0 },
      );
    }
    await store.bumpPlanVersion(ctx, line.id, day);
  }
}

/** Transport days from the planner's plant to a dealer organisation. */
export async function setTransportDays(
  ctx: Ctx,
  dealerOrgId: string,
  days: number,
  plantOrgId?: string,
): Promise<TransportRoute> {
  const plant = plantOf(ctx, plantOrgId);
  const dealer = await findOrganisation(ctx, dealerOrgId);
  if (dealer?.kind !== 'dealer') {
    throw new AppError('not_found', 'production.dealer_not_found', 'No such dealer.', {
      fields: [{ path: 'dealerOrgId', message: 'Not a dealer' }],
    });
  }
  const route: TransportRoute = { plantOrgId: plant, dealerOrgId, days };
  await inTransaction(ctx, async (tx) => {
    await store.upsertRoute(tx, route);
    await recordAudit(tx, {
      action: 'production.transport_days_set',
      targetType: 'production_transport_route',
      targetId: `${plant}:${dealerOrgId}`,
      orgId: plant,
      data: { dealerOrgId, days },
    });
  });
  return route;
}

export async function deleteTransportDays(ctx: Ctx, dealerOrgId: string, plantOrgId?: string): Promise<void> {
  const plant = plantOf(ctx, plantOrgId);
  await inTransaction(ctx, async (tx) => {
    if (!(await store.deleteRoute(tx, plant, dealerOrgId))) {
      throw new AppError(
        'not_found',
        'production.route_not_found',
        'This plant has no route to that dealer.',
      );
    }
    await recordAudit(tx, {
      action: 'production.transport_days_removed',
      targetType: 'production_transport_route',
      targetId: `${plant}:${dealerOrgId}`,
      orgId: plant,
      data: { dealerOrgId },
    });
  });
}

function plantOf(ctx: Ctx, plantOrgId: string | undefined): string {
  const reach = assertAuthorized(ctx.actor, 'production_plan.edit');
  const own = ctx.actor.kind === 'staff' ? ctx.actor.orgId : undefined;
  const plant = reach === 'all' ? (plantOrgId ?? own) : own;
  if (!plant) {
    throw new AppError('bad_request', 'production.plant_required', 'Name the plant.', {
      fields: [{ path: 'plantOrgId', message: 'Required' }],
    });
  }
  return plant;
}

// ---------------------------------------------------------------- checks

async function assignModelLines(ctx: Ctx, lineId: string, modelLines: string[]): Promise<void> {
  for (const code of modelLines) {
    const other = await store.findLineIdForModelLine(ctx, code);
    if (other && other !== lineId) {
      throw new AppError(
        'conflict',
        'production.model_line_taken',
        `${code} is already built on another line.`,
        {
          fields: [{ path: 'modelLines', message: `${code} is built on another line` }],
          extra: { modelLine: code },
        },
      );
    }
  }
  await store.setLineModelLines(ctx, lineId, modelLines);
}

/** Model lines exist and have the paint family; every model line has a VIN descriptor. */
async function checkLineSettings(ctx: Ctx, settings: LineSettings, modelLines: string[]): Promise<void> {
  const vinProblem = vinPartProblem({
    wmi: settings.vin.wmi,
    vds: 'AAAAA',
    plantCode: settings.vin.plantCode,
  });
  if (vinProblem) {
    throw new AppError('bad_request', 'production.invalid_vin_settings', vinProblem, {
      fields: [{ path: 'vin', message: vinProblem }],
    });
  }
  for (const code of modelLines) {
    if (!(await findModelLine(ctx, code))) {
      throw new AppError('unprocessable', 'production.unknown_model_line', `No model line ${code}.`, {
        fields: [{ path: 'modelLines', message: `Unknown model line ${code}` }],
      });
    }
    const { model } = await getLiveModelLine(ctx, code);
    if (!model.families.some((f) => f.code === settings.paintFamily)) {
      throw new AppError(
        'unprocessable',
        'production.unknown_paint_family',
        `${code} has no option family ${settings.paintFamily}.`,
        { fields: [{ path: 'paintFamily', message: `Not a family of ${code}` }] },
      );
    }
    const vds = settings.vin.descriptors[code];
    const problem =
      vds === undefined
        ? 'missing'
        : vinPartProblem({ wmi: settings.vin.wmi, vds, plantCode: settings.vin.plantCode });
    if (problem) {
      throw new AppError(
        'bad_request',
        'production.invalid_vin_settings',
        `VIN descriptor of ${code}: ${problem}`,
        {
          fields: [{ path: `vin.descriptors.${code}`, message: problem }],
        },
      );
    }
  }
}

function checkWeekly(weekly: DayPattern[]): void {
  if (weekly.length !== 7) {
    throw new AppError('bad_request', 'production.invalid_weekly_pattern', 'Give seven days, Monday first.', {
      fields: [{ path: 'weekly', message: 'Exactly 7 entries, Monday first' }],
    });
  }
}

function checkRatio(n: number, p: number): void {
  if (!(Number.isInteger(n) && Number.isInteger(p) && n >= 1 && p > n)) {
    throw new AppError('bad_request', 'production.invalid_ratio', 'A rule needs whole numbers 1 <= n < p.', {
      fields: [{ path: 'p', message: 'Must be greater than n' }],
    });
  }
}

/** Every option code of a condition must exist in one of the models the line builds (live versions). */
async function checkCondition(ctx: Ctx, line: Line, condition: Expr): Promise<void> {
  const known = new Set<string>();
  for (const code of line.modelLines) {
    const { model } = await getLiveModelLine(ctx, code);
    for (const f of model.families) {
      for (const o of f.options) known.add(o.code);
      if (f.optional) known.add(noneCode(f.code));
    }
  }
  const unknown = [...new Set(codesOf(condition))].filter((c) => !known.has(c));
  if (unknown.length > 0) {
    throw new AppError(
      'unprocessable',
      'production.unknown_option_code',
      `No model built on this line has option ${unknown.join(', ')}.`,
      {
        fields: [{ path: 'condition', message: `Unknown option ${unknown.join(', ')}` }],
        extra: { unknown },
      },
    );
  }
}
