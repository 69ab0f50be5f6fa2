import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { assertAuthorized, type Permission } from '../identity/index.ts';
import {
  addDays,
  type CapacityCalendar,
  capacityOn,
  frozenUntil,
  type IsoDate,
  isWorkingDay,
  localDate,
} from './capacity-calendar.ts';
import { optionDayLimit } from './limit-options.ts';
import * as store from './store.ts';
import type { CalendarException, Line, OptionRule, ProductionDay, TransportRoute } from './types.ts';

export const LINE_NOT_FOUND = 'production.line_not_found';

export function lineNotFound(): AppError {
  return new AppError('not_found', LINE_NOT_FOUND, 'No such production line.');
}

/**
 * A line the actor may see or change: planners reach their own plant's lines only; another
 * plant's line answers exactly like a line that does not exist.
 */
export async function getLineFor(ctx: Ctx, lineId: string, permission: Permission): Promise<Line> {
  assertAuthorized(ctx.actor, permission);
  const line = await store.findLine(ctx, lineId);
  if (!line) throw lineNotFound();
  assertAuthorized(ctx.actor, permission, { orgId: line.plantOrgId, notFoundCode: LINE_NOT_FOUND });
  return line;
}

/** The lines of the actor's plant (HQ roles with an `all` reach: every line). */
export async function listLines(ctx: Ctx): Promise<Line[]> {
  const reach = assertAuthorized(ctx.actor, 'production_plan.read');
  if (reach === 'all') return store.listLines(ctx);
  const orgId = ctx.actor.kind === 'staff' ? ctx.actor.orgId : '';
  return store.listLines(ctx, { plantOrgId: orgId });
}

export async function getLine(ctx: Ctx, lineId: string): Promise<Line> {
  return getLineFor(ctx, lineId, 'production_plan.read');
}

/** Plant-local today of a line. */
export function todayOf(ctx: Ctx, line: Line): IsoDate {
  return localDate(ctx.now, line.timeZone);
}

/**
 * The line's capacity calendar with its exceptions around a range. Working-day arithmetic walks
 * a little outside the dates asked for (build days, storage slack, long holidays), hence the margin.
 */
export async function loadCalendar(
  ctx: Ctx,
  line: Line,
  range: { from: IsoDate; to: IsoDate },
  marginDays = 60,
): Promise<CapacityCalendar> {
  const exceptions = await store.listExceptions(ctx, line.id, {
    from: addDays(range.from, -marginDays),
    to: addDays(range.to, marginDays),
  });
  return { weekly: line.weekly, exceptions: new Map(exceptions.map((e) => [e.date, e])) };
}

export type CalendarDay = {
  date: IsoDate;
  weekday: number;
  working: boolean;
  capacity: number;
  reserved: number;
  exception: CalendarException | null;
  frozen: boolean;
  /** Inside the frozen horizon (today and the next `frozenDays` working days). */
  insideHorizon: boolean;
  optionLoads: {
    rule: Pick<OptionRule, 'id' | 'code' | 'name' | 'n' | 'p'>;
    maxCars: number;
    reserved: number;
  }[];
};

/** The planner's calendar: every date of a range with its capacity, what is taken, exceptions and freezes. */
export async function getLineCalendar(
  ctx: Ctx,
  lineId: string,
  range: { from: IsoDate; to: IsoDate },
): Promise<{ line: Line; today: IsoDate; frozenUntil: IsoDate; days: CalendarDay[] }> {
  const line = await getLineFor(ctx, lineId, 'production_plan.read');
  const calendar = await loadCalendar(ctx, line, range);
  const today = todayOf(ctx, line);
  const horizon = frozenUntil(calendar, today, line.frozenDays);
  const stored = new Map((await store.listDays(ctx, line.id, range)).map((d) => [d.day, d]));
  const rules = (await store.listRules(ctx, line.id)).filter((r) => r.active);
  const days: CalendarDay[] = [];
  for (let date = range.from; date <= range.to; date = addDays(date, 1)) {
    const row = stored.get(date);
    const capacity = row?.capacity ?? capacityOn(calendar, date);
    days.push({
      date,
      weekday: new Date(`${date}T00:00:00Z`).getUTCDay() || 7,
      working: isWorkingDay(calendar, date),
      capacity,
      reserved: row?.reserved ?? 0,
      exception: calendar.exceptions.get(date) ?? null,
      frozen: row?.frozenAt != null,
      insideHorizon: date <= horizon,
      optionLoads: rules.map((rule) => {
        const load = row?.optionLoads.find((l) => l.ruleId === rule.id);
        return {
          rule: { id: rule.id, code: rule.code, name: rule.name, n: rule.n, p: rule.p },
          maxCars: load?.maxCars ?? optionDayLimit(capacity, rule.n, rule.p),
          reserved: load?.reserved ?? 0,
        };
      }),
    });
  }
  return { line, today, frozenUntil: horizon, days };
}

export async function listOptionRules(ctx: Ctx, lineId: string): Promise<OptionRule[]> {
  const line = await getLineFor(ctx, lineId, 'production_plan.read');
  return store.listRules(ctx, line.id);
}

/** Transport days from the actor's plant (planner) to each dealer it serves. */
export async function listTransportRoutes(ctx: Ctx, plantOrgId?: string): Promise<TransportRoute[]> {
  const reach = assertAuthorized(ctx.actor, 'production_plan.read');
  const own = ctx.actor.kind === 'staff' ? ctx.actor.orgId : undefined;
  const plant = reach === 'all' ? (plantOrgId ?? own) : own;
  if (!plant) return [];
  return store.listRoutes(ctx, plant);
}

/**
 * Makes sure the day rows (and their option load rows) exist before they are locked, with the
 * capacity the calendar gives and each active rule's per-day maximum.
 */
export async function ensureDayRows(
  ctx: Ctx,
  line: Line,
  calendar: CapacityCalendar,
  days: IsoDate[],
  rules: readonly OptionRule[],
): Promise<void> {
  // Latest first, the order lockDays takes: fewer chances for two creators to cross.
  const unique = [...new Set(days)].sort().reverse();
  await store.ensureDays(
    ctx,
    unique.map((day) => ({ lineId: line.id, day, capacity: capacityOn(calendar, day) })),
  );
  const stored = new Map<IsoDate, ProductionDay>();
  for (const day of unique) {
    const row = await store.findDay(ctx, line.id, day);
    if (row) stored.set(day, row);
  }
  await store.ensureOptionLoads(
    ctx,
    unique.flatMap((day) =>
      rules
        .filter((r) => r.active)
        .map((r) => ({
          lineId: line.id,
          day,
          ruleId: r.id,
          maxCars: optionDayLimit(stored.get(day)?.capacity ?? capacityOn(calendar, day), r.n, r.p),
        })),
    ),
  );
}
