import type { Progress } from '@openc2b/sequencer';
import { type Ctx, inTransaction } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { publish } from '../../platform/events/publish.ts';
import { newId } from '../../platform/ids.ts';
import { enqueue } from '../../platform/jobs/enqueue.ts';
import { assertAuthorized } from '../identity/index.ts';
import { addDays, addWorkingDays, capacityOn, frozenUntil, type IsoDate } from './capacity-calendar.ts';
import { buildDayInput, type SequenceEvaluation } from './describe-sequence.ts';
import { dayFrozen, daySequenced } from './events.ts';
import { issueCallOffs } from './issue-calloffs.ts';
import { optionDayLimit } from './limit-options.ts';
import { ensureDayRows, getLineFor, loadCalendar, todayOf } from './read-plant.ts';
import { dayFrozen as dayFrozenError, repromiseToNextAvailable } from './reserve-date.ts';
import { runInWorker } from './run-in-worker.ts';
import type { RunRecord } from './store.ts';
import * as store from './store.ts';
import type { Line, OptionRule, Vehicle } from './types.ts';

export type DayPlan = {
  line: Line;
  day: IsoDate;
  working: boolean;
  capacity: number;
  reserved: number;
  frozenAt: Date | null;
  insideHorizon: boolean;
  /** The plan changed since the last sequencing applied to it (or it was never sequenced). */
  needsSequencing: boolean;
  optionLoads: { rule: OptionRule; maxCars: number; reserved: number }[];
  /** Cars in line order (sequenced ones by position, then cars added since). */
  vehicles: Vehicle[];
  latestRun: RunRecord | null;
};

/** A production day's plan for the planner console. */
export async function getDayPlan(ctx: Ctx, lineId: string, day: IsoDate): Promise<DayPlan> {
  const line = await getLineFor(ctx, lineId, 'production_plan.read');
  const calendar = await loadCalendar(ctx, line, { from: day, to: day });
  const row = await store.findDay(ctx, line.id, day);
  const rules = await store.listRules(ctx, line.id);
  const capacity = row?.capacity ?? capacityOn(calendar, day);
  const vehicles = await store.listDayVehicles(ctx, line.id, day);
  const [latestRun] = await store.listRuns(ctx, line.id, day, 1);
  const horizon = frozenUntil(calendar, todayOf(ctx, line), line.frozenDays);
  return {
    line,
    day,
    working: capacity > 0,
    capacity,
    reserved: row?.reserved ?? 0,
    frozenAt: row?.frozenAt ?? null,
    insideHorizon: day <= horizon,
    needsSequencing: vehicles.length > 0 && (row?.sequencedVersion ?? null) !== (row?.planVersion ?? 0),
    optionLoads: rules
      .filter((r) => r.active)
      .map((rule) => {
        const load = row?.optionLoads.find((l) => l.ruleId === rule.id);
        return {
          rule,
          maxCars: load?.maxCars ?? optionDayLimit(capacity, rule.n, rule.p),
          reserved: load?.reserved ?? 0,
        };
      }),
    vehicles,
    latestRun: latestRun ?? null,
  };
}

export type SequenceRequest = { seconds?: number; seed?: number; maxIterations?: number };

export const SEQUENCE_DEFAULTS = { seconds: 10, seed: 1 } as const;

/**
 * Queues a sequencing run of a day (a background job; the planner polls the run). Refused for a
 * frozen day (409) and a day without cars (409).
 */
export async function startSequenceRun(
  ctx: Ctx,
  lineId: string,
  day: IsoDate,
  request: SequenceRequest,
  job: Parameters<typeof enqueue>[1],
): Promise<RunRecord> {
  const line = await getLineFor(ctx, lineId, 'production_plan.edit');
  const row = await store.findDay(ctx, line.id, day);
  if (row?.frozenAt) throw dayFrozenError(day);
  const confirmed = (await store.listDayVehicles(ctx, line.id, day)).filter(
    (v) => v.status === 'active' && v.confirmedAt !== null,
  );
  if (!row || row.reserved === 0 || confirmed.length === 0) {
    // Only cars whose order is locked are sequenced (the others may still leave the day).
    throw new AppError('conflict', 'production.day_empty', `No confirmed cars are planned on ${day}.`, {
      extra: { day },
    });
  }
  const run: RunRecord = {
    id: newId('seq'),
    lineId: line.id,
    day,
    status: 'queued',
    seconds: request.seconds ?? SEQUENCE_DEFAULTS.seconds,
    seed: request.seed ?? SEQUENCE_DEFAULTS.seed,
    maxIterations: request.maxIterations ?? null,
    planVersion: row.planVersion,
    progress: null,
    result: null,
    error: null,
    requestedBy: ctx.actor.kind === 'staff' ? ctx.actor.userId : null,
    createdAt: ctx.now,
    startedAt: null,
    finishedAt: null,
  };
  await inTransaction(ctx, async (tx) => {
    await store.insertRun(tx, run);
    await enqueue(tx, job, { runId: run.id }, { key: run.id });
  });
  return run;
}

export async function getSequenceRun(ctx: Ctx, runId: string): Promise<RunRecord> {
  assertAuthorized(ctx.actor, 'production_plan.read');
  const run = await store.findRun(ctx, runId);
  if (!run) throw runNotFound();
  const line = await store.findLine(ctx, run.lineId);
  if (!line) throw runNotFound();
  assertAuthorized(ctx.actor, 'production_plan.read', {
    orgId: line.plantOrgId,
    notFoundCode: RUN_NOT_FOUND,
  });
  return run;
}

export async function listSequenceRuns(ctx: Ctx, lineId: string, day: IsoDate): Promise<RunRecord[]> {
  const line = await getLineFor(ctx, lineId, 'production_plan.read');
  return store.listRuns(ctx, line.id, day);
}

const RUN_NOT_FOUND = 'production.sequence_run_not_found';
const runNotFound = () => new AppError('not_found', RUN_NOT_FOUND, 'No such sequencing run.');

export type RunProgress = {
  iterations: number;
  seconds: number;
  bestScore: number;
  components: Progress['components'];
};

export type RuleViolations = {
  ruleId: string;
  code: string;
  name: OptionRule['name'];
  n: number;
  p: number;
  priority: OptionRule['priority'];
  before: number;
  after: number;
};

export type RunResult = {
  applied: boolean;
  /** Why the new order was not applied: the plan changed while the run ran, or the day was frozen. */
  notApplied: 'plan_changed' | 'day_frozen' | null;
  order: string[];
  objective: { before: number; after: number };
  components: { before: SequenceEvaluation['components']; after: SequenceEvaluation['components'] };
  violations: {
    rules: RuleViolations[];
    colourChanges: { before: number; after: number };
    batchLimit: {
      limit: number;
      longestRunBefore: number;
      longestRunAfter: number;
      keptBefore: boolean;
      keptAfter: boolean;
    };
  };
};

/**
 * The sequencing job: reads the day, runs the solver in a worker thread, stores its progress
 * about once a second and the result, and applies the new order when the day's plan is still
 * the one it read and the day is not frozen. A failure is stored on the run (no retry: the
 * planner starts another run).
 */
export async function executeSequenceRun(ctx: Ctx, runId: string): Promise<void> {
  const run = await store.findRun(ctx, runId);
  if (!run || run.status === 'done' || run.status === 'failed') return;
  try {
    const line = await store.findLine(ctx, run.lineId);
    if (!line) throw new Error('the line of the run is gone');
    const rules = (await store.listRules(ctx, line.id)).filter((r) => r.active);
    const calendar = await loadCalendar(ctx, line, { from: run.day, to: run.day });
    const row = await store.findDay(ctx, line.id, run.day);
    const planVersion = row?.planVersion ?? 0;
    // Only cars whose order is locked are built; the others leave the day when it freezes.
    const cars = (await store.listDayVehicles(ctx, line.id, run.day)).filter(
      (v) => v.status === 'active' && v.confirmedAt !== null,
    );
    const previousDay = addWorkingDays(calendar, run.day, -1);
    const previous = previousDay
      ? (await store.listDayVehicles(ctx, line.id, previousDay)).filter((v) => v.status === 'active')
      : [];
    const toCar = (v: Vehicle) => ({ vehicleId: v.vehicleId, colour: v.colour, ruleIds: v.ruleIds });
    const input = buildDayInput({
      cars: cars.map(toCar),
      previous: previous.map(toCar),
      rules,
      paintBatchLimit: line.paintBatchLimit,
    });
    await store.updateRun(ctx, run.id, { status: 'running', startedAt: ctx.now });
    const startedWall = Date.now();
    // The job's ctx.now is its start; the end is that plus the time the solver took.
    const finishedAt = () => new Date(ctx.now.getTime() + (Date.now() - startedWall));

    let last: RunProgress | undefined;
    let writes = Promise.resolve();
    const outcome = await runInWorker(
      {
        input,
        seconds: run.seconds,
        seed: run.seed,
        ...(run.maxIterations !== null ? { maxIterations: run.maxIterations } : {}),
      },
      (p) => {
        last = { iterations: p.iterations, seconds: p.seconds, bestScore: p.score, components: p.components };
        const progress = last;
        // The worker reports about once a second; each report is one small update, in order.
        writes = writes
          .then(() => store.updateRun(ctx, run.id, { progress }))
          .catch((err) => ctx.log.warn('could not store sequencing progress', { err, runId: run.id }));
      },
    );
    await writes;

    const byId = new Map(rules.map((r) => [r.id, r]));
    const result: RunResult = {
      applied: false,
      notApplied: null,
      order: outcome.order,
      objective: { before: outcome.before.objective, after: outcome.after.objective },
      components: { before: outcome.before.components, after: outcome.after.components },
      violations: {
        rules: outcome.before.perRule.map((b, k) => {
          const rule = byId.get(b.ruleId);
          return {
            ruleId: b.ruleId,
            code: rule?.code ?? b.ruleId,
            name: rule?.name ?? { 'zh-CN': b.ruleId, en: b.ruleId },
            n: rule?.n ?? 0,
            p: rule?.p ?? 0,
            priority: rule?.priority ?? 'low',
            before: b.violations,
            after: outcome.after.perRule[k]?.violations ?? 0,
          };
        }),
        colourChanges: { before: outcome.before.colourChanges, after: outcome.after.colourChanges },
        batchLimit: {
          limit: line.paintBatchLimit,
          longestRunBefore: outcome.before.longestRun,
          longestRunAfter: outcome.after.longestRun,
          keptBefore: outcome.before.batchLimitKept,
          keptAfter: outcome.after.batchLimitKept,
        },
      },
    };

    await inTransaction(ctx, async (tx) => {
      await store.lockDays(tx, [{ lineId: line.id, day: run.day }]);
      const now = await store.findDay(tx, line.id, run.day);
      if (now?.frozenAt) result.notApplied = 'day_frozen';
      else if ((now?.planVersion ?? 0) !== planVersion) result.notApplied = 'plan_changed';
      else {
        await store.setSequencePositions(tx, outcome.order, tx.now);
        await store.markSequenced(tx, line.id, run.day, planVersion);
        result.applied = true;
        await publish(tx, daySequenced, `${line.id}:${run.day}`, {
          lineId: line.id,
          day: run.day,
          runId: run.id,
          objectiveBefore: result.objective.before,
          objectiveAfter: result.objective.after,
          vehicleIds: outcome.order,
        });
      }
      await store.updateRun(tx, run.id, {
        status: 'done',
        result,
        finishedAt: finishedAt(),
        ...(last ? { progress: last } : {}),
      });
    });
  } catch (err) {
    ctx.log.error('sequencing run failed', { err, runId });
    await store.updateRun(ctx, runId, {
      status: 'failed',
      error: err instanceof Error ? err.message : String(err),
      finishedAt: ctx.now,
    });
  }
}

/**
 * Freezes a day: its plan and sequence become final (later changes answer 409). Only cars whose
 * order is locked (confirmed) are built: any other car on the day is moved to its next
 * available date first (re-promise `not_locked`, the customer is told). Cars not sequenced yet
 * keep their current order behind the sequenced ones. The suppliers' call-offs are issued in
 * the same transaction. Idempotent.
 */
export async function freezeDay(
  ctx: Ctx,
  lineId: string,
  day: IsoDate,
  options: { automatic?: boolean } = {},
): Promise<DayPlan> {
  const line = await getLineFor(ctx, lineId, 'production_plan.edit');
  const calendar = await loadCalendar(ctx, line, { from: day, to: day });
  await ensureDayRows(ctx, line, calendar, [day], await store.listRules(ctx, line.id));
  // Cars whose order is not locked leave first, each in its own transaction that locks the later
  // days before this one (the order every reservation locks days in), so nothing deadlocks.
  if (!(await store.findDay(ctx, line.id, day))?.frozenAt) {
    for (const car of await store.listDayVehicles(ctx, line.id, day)) {
      if (car.status === 'active' && car.confirmedAt === null) await moveOffFreezingDay(ctx, car, day);
    }
  }
  await inTransaction(ctx, async (tx) => {
    await store.lockDays(tx, [{ lineId: line.id, day }]);
    const row = await store.findDay(tx, line.id, day);
    if (row?.frozenAt) return;
    const planned = await store.listDayVehicles(tx, line.id, day);
    const unconfirmed = planned.filter((c) => c.status === 'active' && c.confirmedAt === null);
    // One that arrived in between (rare) leaves inside this transaction.
    for (const car of unconfirmed) await moveOffFreezingDay(tx, car, day);
    // Cancelled cars on an open day gave their slot back already; a frozen day keeps them.
    const cars = planned
      .filter((c) => c.status === 'active' && c.confirmedAt !== null)
      .map((c, i) => ({ ...c, sequencePosition: i + 1 }));
    await store.setSequencePositions(
      tx,
      cars.map((c) => c.vehicleId),
      tx.now,
    );
    await store.freezeDay(tx, line.id, day, tx.now, ctx.actor.kind === 'staff' ? ctx.actor.userId : null);
    await publish(tx, dayFrozen, `${line.id}:${day}`, {
      lineId: line.id,
      plantOrgId: line.plantOrgId,
      day,
      automatic: options.automatic ?? false,
      vehicleIds: cars.map((c) => c.vehicleId),
    });
    await issueCallOffs(tx, line, calendar, day, cars);
  });
  return getDayPlan(ctx, line.id, day);
}

export type FreezeReport = {
  frozen: { lineId: string; day: IsoDate }[];
  failed: { lineId: string; day: IsoDate; code: string }[];
};

/**
 * Freezes every day with cars that has entered the frozen horizon of its line (the job runs it
 * every hour). A day that cannot be frozen (a car without a parts list) is logged and skipped,
 * so one problem does not hold up the other lines and days; it is tried again next hour.
 */
export async function freezeDueDays(ctx: Ctx): Promise<FreezeReport> {
  const frozen: FreezeReport['frozen'] = [];
  const failed: FreezeReport['failed'] = [];
  for (const line of await store.listLines(ctx)) {
    if (!line.active) continue;
    const today = todayOf(ctx, line);
    const calendar = await loadCalendar(ctx, line, {
      from: today,
      to: addDays(today, line.frozenDays * 2 + 14),
    });
    const until = frozenUntil(calendar, today, line.frozenDays);
    const days = await store.listOpenDaysWithCars(ctx, line.id, addDays(today, -366));
    for (const day of days.filter((d) => d <= until)) {
      try {
        await freezeDay(ctx, line.id, day, { automatic: true });
        frozen.push({ lineId: line.id, day });
      } catch (err) {
        const code = err instanceof AppError ? err.code : 'internal';
        ctx.log.error('could not freeze a day at the horizon', { err, lineId: line.id, day });
        failed.push({ lineId: line.id, day, code });
      }
    }
  }
  return { frozen, failed };
}

/** A car whose order is not locked leaves the day that freezes for its next available date. */
async function moveOffFreezingDay(ctx: Ctx, car: Vehicle, day: IsoDate): Promise<void> {
  if (!car.deliveryDate) return;
  const previousDate = car.deliveryDate;
  await inTransaction(ctx, async (tx) => {
    const moved = await repromiseToNextAvailable(tx, car, {
      reason: 'not_locked',
      previousDate,
      after: day,
      detail: { frozenDay: day },
    });
    if (moved) return;
    // No later date has room: the car gives its place back and waits without a date.
    await store.lockDays(tx, [{ lineId: car.lineId, day }]);
    await store.releaseDayCapacity(tx, car.lineId, day, car.ruleIds);
    await store.updateVehicle(
      tx,
      car.vehicleId,
      { deliveryDate: null, productionDay: null, shipDate: null, ruleIds: [], sequencePosition: null },
      tx.now,
    );
  });
}
