import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { findOrganisation, type Organisation } from '../../modules/identity/index.ts';
import {
  createLine,
  createOptionRule,
  deleteCalendarException,
  deleteOptionRule,
  deleteTransportDays,
  freezeDay,
  getBuildSheet,
  getDayPlan,
  getLine,
  getLineCalendar,
  getSequenceRun,
  getVehicleProgress,
  listDayCallOffs,
  listLines,
  listOptionRules,
  listSequenceRuns,
  listTransportRoutes,
  moveVehicle,
  putCalendarException,
  recordStep,
  sequenceDayJob,
  setTransportDays,
  setWeeklyPattern,
  startSequenceRun,
  updateLineSettings,
  updateOptionRule,
} from '../../modules/production/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { problemResponses } from '../../platform/http/problem.ts';
import { guardedRoute } from '../access.ts';
import {
  BuildSheetSchema,
  buildSheetDto,
  CalendarDaySchema,
  calendarDayDto,
  DayPlanSchema,
  dayPlanDto,
  ExceptionBodySchema,
  IsoDateSchema,
  LineIdSchema,
  LineSchema,
  LineSettingsPatchSchema,
  lineDto,
  NewLineSchema,
  NewRuleSchema,
  OptionRuleSchema,
  OrgIdSchema,
  optionRuleDto,
  PlantCallOffSchema,
  plantCallOffDto,
  RuleUpdateSchema,
  RunBodySchema,
  RunSchema,
  routeDto,
  runDto,
  StepBodySchema,
  TransportRouteSchema,
  VehicleIdSchema,
  VehicleProgressSchema,
  vehicleProgressDto,
  WeeklyBodySchema,
} from '../production-shapes.ts';

/**
 * `/factory` production: the planner console (lines, capacity calendar, option rules, transport
 * days, day plans, sequencing runs, freeze, moving cars) and the station page (record a car's
 * next step). Planners and station operators reach their own plant only: another plant's line
 * or car answers 404.
 */
const tags = ['factory', 'production'];
const json = <S extends z.ZodType>(schema: S) => ({ 'application/json': { schema } });
const body = <S extends z.ZodType>(schema: S) => ({ body: { required: true, content: json(schema) } });
const lineParam = z.strictObject({ lineId: LineIdSchema });
const dayParam = z.strictObject({ lineId: LineIdSchema, day: IsoDateSchema });
const vehicleParam = z.strictObject({ vehicleId: VehicleIdSchema });
const MAX_CALENDAR_DAYS = 120;

const listLinesRoute = guardedRoute('production_plan.read', {
  method: 'get',
  path: '/lines',
  tags,
  summary: "The lines of the planner's plant (HQ: every line)",
  responses: {
    200: { description: 'OK', content: json(z.object({ items: z.array(LineSchema) })) },
    ...problemResponses(401, 403),
  },
});

const createLineRoute = guardedRoute('production_plan.edit', {
  method: 'post',
  path: '/lines',
  tags,
  summary: "A new line at the planner's plant (each model line is built on one line)",
  request: body(NewLineSchema),
  responses: {
    201: { description: 'Created', content: json(LineSchema) },
    ...problemResponses(400, 401, 403, 409, 422),
  },
});

const getLineRoute = guardedRoute('production_plan.read', {
  method: 'get',
  path: '/lines/{lineId}',
  tags,
  summary: 'A line with its settings and weekly pattern',
  request: { params: lineParam },
  responses: {
    200: { description: 'OK', content: json(LineSchema) },
    ...problemResponses(400, 401, 403, 404),
  },
});

const patchLineRoute = guardedRoute('production_plan.edit', {
  method: 'patch',
  path: '/lines/{lineId}',
  tags,
  summary:
    'Change line settings (paint batch limit, frozen horizon, build days, storage slack, rework days, VIN)',
  request: { params: lineParam, ...body(LineSettingsPatchSchema) },
  responses: {
    200: { description: 'OK', content: json(LineSchema) },
    ...problemResponses(400, 401, 403, 404, 422),
  },
});

const weeklyRoute = guardedRoute('production_plan.edit', {
  method: 'put',
  path: '/lines/{lineId}/weekly-pattern',
  tags,
  summary: 'The weekly shift pattern (shifts x cars per shift, Monday first)',
  description:
    'Refused (409) when a day already holding cars would get less capacity than it has cars, or is frozen.',
  request: { params: lineParam, ...body(WeeklyBodySchema) },
  responses: {
    200: { description: 'OK', content: json(LineSchema) },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const calendarRoute = guardedRoute('production_plan.read', {
  method: 'get',
  path: '/lines/{lineId}/calendar',
  tags,
  summary:
    'The capacity calendar: every date with capacity, reserved cars, exception, freeze and option loads',
  request: {
    params: lineParam,
    query: z.strictObject({ from: IsoDateSchema, to: IsoDateSchema }),
  },
  responses: {
    200: {
      description: 'OK',
      content: json(
        z.object({
          lineId: z.string(),
          today: z.string(),
          frozenUntil: z.string(),
          days: z.array(CalendarDaySchema),
        }),
      ),
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

const putExceptionRoute = guardedRoute('production_plan.edit', {
  method: 'put',
  path: '/lines/{lineId}/calendar/{day}',
  tags,
  summary:
    'Set the exception of a date: holiday, make-up working day, overtime or reduced day (bilingual reason)',
  request: { params: dayParam, ...body(ExceptionBodySchema) },
  responses: {
    204: { description: 'Set' },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const deleteExceptionRoute = guardedRoute('production_plan.edit', {
  method: 'delete',
  path: '/lines/{lineId}/calendar/{day}',
  tags,
  summary: 'Remove the exception of a date (back to the weekly pattern)',
  request: { params: dayParam },
  responses: { 204: { description: 'Removed' }, ...problemResponses(400, 401, 403, 404, 409) },
});

const listRulesRoute = guardedRoute('production_plan.read', {
  method: 'get',
  path: '/lines/{lineId}/option-rules',
  tags,
  summary: 'The N/P option rules of a line',
  request: { params: lineParam },
  responses: {
    200: { description: 'OK', content: json(z.object({ items: z.array(OptionRuleSchema) })) },
    ...problemResponses(400, 401, 403, 404),
  },
});

const createRuleRoute = guardedRoute('production_plan.edit', {
  method: 'post',
  path: '/lines/{lineId}/option-rules',
  tags,
  summary: 'A new N/P rule ("at most n cars with this option in any p"), condition over option codes',
  request: { params: lineParam, ...body(NewRuleSchema) },
  responses: {
    201: { description: 'Created', content: json(OptionRuleSchema) },
    ...problemResponses(400, 401, 403, 404, 409, 422),
  },
});

const ruleParam = z.strictObject({ lineId: LineIdSchema, ruleId: z.string().min(1).max(64) });

const updateRuleRoute = guardedRoute('production_plan.edit', {
  method: 'put',
  path: '/lines/{lineId}/option-rules/{ruleId}',
  tags,
  summary: 'Change an N/P rule (open days are counted again)',
  request: { params: ruleParam, ...body(RuleUpdateSchema) },
  responses: {
    200: { description: 'OK', content: json(OptionRuleSchema) },
    ...problemResponses(400, 401, 403, 404, 422),
  },
});

const deleteRuleRoute = guardedRoute('production_plan.edit', {
  method: 'delete',
  path: '/lines/{lineId}/option-rules/{ruleId}',
  tags,
  summary: 'Delete an N/P rule',
  request: { params: ruleParam },
  responses: { 204: { description: 'Deleted' }, ...problemResponses(400, 401, 403, 404) },
});

const listRoutesRoute = guardedRoute('production_plan.read', {
  method: 'get',
  path: '/transport-days',
  tags,
  summary: "Transport days from the planner's plant to each dealer it delivers to",
  responses: {
    200: { description: 'OK', content: json(z.object({ items: z.array(TransportRouteSchema) })) },
    ...problemResponses(401, 403),
  },
});

const dealerParam = z.strictObject({ dealerId: OrgIdSchema });

const putRouteRoute = guardedRoute('production_plan.edit', {
  method: 'put',
  path: '/transport-days/{dealerId}',
  tags,
  summary: 'Set the transport days (calendar days) from the plant to a dealer',
  request: {
    params: dealerParam,
    ...body(z.strictObject({ days: z.number().int().min(0).max(60) })),
  },
  responses: {
    200: { description: 'OK', content: json(TransportRouteSchema) },
    ...problemResponses(400, 401, 403, 404),
  },
});

const deleteRouteRoute = guardedRoute('production_plan.edit', {
  method: 'delete',
  path: '/transport-days/{dealerId}',
  tags,
  summary: 'Stop delivering to a dealer (its dates are then not offered)',
  request: { params: dealerParam },
  responses: { 204: { description: 'Removed' }, ...problemResponses(400, 401, 403, 404) },
});

const dayPlanRoute = guardedRoute('production_plan.read', {
  method: 'get',
  path: '/lines/{lineId}/days/{day}',
  tags,
  summary: 'A production day: capacity, option loads, the cars in line order, the latest sequencing run',
  request: { params: dayParam },
  responses: {
    200: { description: 'OK', content: json(DayPlanSchema) },
    ...problemResponses(400, 401, 403, 404),
  },
});

const startRunRoute = guardedRoute('production_plan.edit', {
  method: 'post',
  path: '/lines/{lineId}/days/{day}/sequence-runs',
  tags,
  summary: 'Sequence a day in the background (poll the run for progress and results)',
  description: 'Refused (409) for a frozen day and for a day without cars.',
  request: { params: dayParam, ...body(RunBodySchema) },
  responses: {
    202: { description: 'Queued', content: json(RunSchema) },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const listRunsRoute = guardedRoute('production_plan.read', {
  method: 'get',
  path: '/lines/{lineId}/days/{day}/sequence-runs',
  tags,
  summary: 'Sequencing runs of a day, newest first',
  request: { params: dayParam },
  responses: {
    200: { description: 'OK', content: json(z.object({ items: z.array(RunSchema) })) },
    ...problemResponses(400, 401, 403, 404),
  },
});

const getRunRoute = guardedRoute('production_plan.read', {
  method: 'get',
  path: '/sequence-runs/{runId}',
  tags,
  summary:
    'A sequencing run: status, progress (iterations, best score, components) and result (violations by constraint)',
  request: { params: z.strictObject({ runId: z.string().min(1).max(64) }) },
  responses: {
    200: { description: 'OK', content: json(RunSchema) },
    ...problemResponses(400, 401, 403, 404),
  },
});

const freezeRoute = guardedRoute('production_plan.edit', {
  method: 'post',
  path: '/lines/{lineId}/days/{day}/freeze',
  tags,
  summary: 'Freeze a day: its plan and sequence become final (idempotent)',
  request: { params: dayParam },
  responses: {
    200: { description: 'Frozen', content: json(DayPlanSchema) },
    ...problemResponses(400, 401, 403, 404),
  },
});

const dayCallOffsRoute = guardedRoute('production_plan.read', {
  method: 'get',
  path: '/lines/{lineId}/days/{day}/call-offs',
  tags,
  summary:
    'The supplier call-offs of a frozen day (just-in-sequence per car, daily totals), with supplier names',
  request: { params: dayParam },
  responses: {
    200: { description: 'OK', content: json(z.object({ items: z.array(PlantCallOffSchema) })) },
    ...problemResponses(400, 401, 403, 404),
  },
});

const vehicleRoute = guardedRoute('vehicle_progress.read', {
  method: 'get',
  path: '/vehicles/{vehicleId}',
  tags,
  summary:
    'A car of the plant (scan or type its vehicle id): current step, next steps, VIN, times, chosen options and the line rules it counts towards',
  request: { params: vehicleParam },
  responses: {
    200: { description: 'OK', content: json(BuildSheetSchema) },
    ...problemResponses(400, 401, 403, 404),
  },
});

const moveRoute = guardedRoute('production_plan.edit', {
  method: 'post',
  path: '/vehicles/{vehicleId}/move',
  tags,
  summary: 'Move a car to another production day with capacity (after the frozen horizon)',
  description:
    'A day that cannot take the car answers 409 `production.day_unavailable` with `reasons`. A later day than ' +
    'the promise allows re-promises the delivery date (reason replanned).',
  request: { params: vehicleParam, ...body(z.strictObject({ productionDay: IsoDateSchema })) },
  responses: {
    200: {
      description: 'Moved',
      content: json(z.object({ vehicle: VehicleProgressSchema, repromised: z.boolean() })),
    },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const stepRoute = guardedRoute('station.record', {
  method: 'post',
  path: '/vehicles/{vehicleId}/steps',
  tags,
  summary:
    "Record a car's next step at a station (stamping, body, paint, assembly, qc, rework, shipped, at_dealer)",
  description:
    'A step out of order answers 409 `production.step_out_of_order` with `currentStep` and `allowed`. The body ' +
    'shop assigns the VIN; a failed qc (with defects) sends the car to rework and may re-promise the date.',
  request: { params: vehicleParam, ...body(StepBodySchema) },
  responses: {
    200: { description: 'Recorded', content: json(VehicleProgressSchema) },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

export function mountFactoryProductionRoutes(router: OpenAPIHono<AppEnv>): void {
  router.openapi(listLinesRoute, async (c) => {
    return c.json({ items: (await listLines(c.var.ctx)).map(lineDto) }, 200);
  });

  router.openapi(createLineRoute, async (c) => {
    const { plantId, ...input } = c.req.valid('json');
    const line = await createLine(c.var.ctx, { ...input, ...(plantId ? { plantOrgId: plantId } : {}) });
    return c.json(lineDto(line), 201);
  });

  router.openapi(getLineRoute, async (c) => {
    return c.json(lineDto(await getLine(c.var.ctx, c.req.valid('param').lineId)), 200);
  });

  router.openapi(patchLineRoute, async (c) => {
    const { lineId } = c.req.valid('param');
    const current = await getLine(c.var.ctx, lineId);
    const patch = c.req.valid('json');
    const line = await updateLineSettings(c.var.ctx, lineId, {
      name: patch.name ?? current.name,
      paintFamily: patch.paintFamily ?? current.paintFamily,
      paintBatchLimit: patch.paintBatchLimit ?? current.paintBatchLimit,
      frozenDays: patch.frozenDays ?? current.frozenDays,
      buildDays: patch.buildDays ?? current.buildDays,
      storageSlackDays: patch.storageSlackDays ?? current.storageSlackDays,
      reworkDays: patch.reworkDays ?? current.reworkDays,
      vin: patch.vin ?? current.vin,
    });
    return c.json(lineDto(line), 200);
  });

  router.openapi(weeklyRoute, async (c) => {
    const line = await setWeeklyPattern(c.var.ctx, c.req.valid('param').lineId, c.req.valid('json').weekly);
    return c.json(lineDto(line), 200);
  });

  router.openapi(calendarRoute, async (c) => {
    const { from, to } = c.req.valid('query');
    if (to < from) throw rangeError('to', 'Must not be before from');
    if (Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) >= MAX_CALENDAR_DAYS) {
      throw rangeError('to', `At most ${MAX_CALENDAR_DAYS} days`);
    }
    const cal = await getLineCalendar(c.var.ctx, c.req.valid('param').lineId, { from, to });
    return c.json(
      {
        lineId: cal.line.id,
        today: cal.today,
        frozenUntil: cal.frozenUntil,
        days: cal.days.map(calendarDayDto),
      },
      200,
    );
  });

  router.openapi(putExceptionRoute, async (c) => {
    const { lineId, day } = c.req.valid('param');
    const b = c.req.valid('json');
    await putCalendarException(c.var.ctx, lineId, {
      date: day,
      kind: b.kind,
      shifts: b.kind === 'holiday' ? 0 : (b.shifts ?? 0),
      carsPerShift: b.kind === 'holiday' ? 0 : (b.carsPerShift ?? 0),
      reason: b.reason,
    });
    return c.body(null, 204);
  });

  router.openapi(deleteExceptionRoute, async (c) => {
    const { lineId, day } = c.req.valid('param');
    await deleteCalendarException(c.var.ctx, lineId, day);
    return c.body(null, 204);
  });

  router.openapi(listRulesRoute, async (c) => {
    return c.json(
      { items: (await listOptionRules(c.var.ctx, c.req.valid('param').lineId)).map(optionRuleDto) },
      200,
    );
  });

  router.openapi(createRuleRoute, async (c) => {
    const rule = await createOptionRule(c.var.ctx, c.req.valid('param').lineId, c.req.valid('json'));
    return c.json(optionRuleDto(rule), 201);
  });

  router.openapi(updateRuleRoute, async (c) => {
    const { lineId, ruleId } = c.req.valid('param');
    return c.json(optionRuleDto(await updateOptionRule(c.var.ctx, lineId, ruleId, c.req.valid('json'))), 200);
  });

  router.openapi(deleteRuleRoute, async (c) => {
    const { lineId, ruleId } = c.req.valid('param');
    await deleteOptionRule(c.var.ctx, lineId, ruleId);
    return c.body(null, 204);
  });

  router.openapi(listRoutesRoute, async (c) => {
    return c.json({ items: (await listTransportRoutes(c.var.ctx)).map(routeDto) }, 200);
  });

  router.openapi(putRouteRoute, async (c) => {
    const route = await setTransportDays(c.var.ctx, c.req.valid('param').dealerId, c.req.valid('json').days);
    return c.json(routeDto(route), 200);
  });

  router.openapi(deleteRouteRoute, async (c) => {
    await deleteTransportDays(c.var.ctx, c.req.valid('param').dealerId);
    return c.body(null, 204);
  });

  router.openapi(dayPlanRoute, async (c) => {
    const { lineId, day } = c.req.valid('param');
    return c.json(dayPlanDto(await getDayPlan(c.var.ctx, lineId, day)), 200);
  });

  router.openapi(startRunRoute, async (c) => {
    const { lineId, day } = c.req.valid('param');
    const run = await startSequenceRun(c.var.ctx, lineId, day, c.req.valid('json'), sequenceDayJob);
    return c.json(runDto(run), 202);
  });

  router.openapi(listRunsRoute, async (c) => {
    const { lineId, day } = c.req.valid('param');
    return c.json({ items: (await listSequenceRuns(c.var.ctx, lineId, day)).map(runDto) }, 200);
  });

  router.openapi(getRunRoute, async (c) => {
    return c.json(runDto(await getSequenceRun(c.var.ctx, c.req.valid('param').runId)), 200);
  });

  router.openapi(freezeRoute, async (c) => {
    const { lineId, day } = c.req.valid('param');
    return c.json(dayPlanDto(await freezeDay(c.var.ctx, lineId, day)), 200);
  });

  router.openapi(dayCallOffsRoute, async (c) => {
    const { lineId, day } = c.req.valid('param');
    const callOffs = await listDayCallOffs(c.var.ctx, lineId, day);
    const names = new Map<string, Organisation['name'] | null>();
    for (const id of new Set(callOffs.map((o) => o.supplierOrgId))) {
      names.set(id, (await findOrganisation(c.var.ctx, id))?.name ?? null);
    }
    return c.json(
      { items: callOffs.map((o) => plantCallOffDto(o, names.get(o.supplierOrgId) ?? null)) },
      200,
    );
  });

  router.openapi(vehicleRoute, async (c) => {
    const { vehicleId } = c.req.valid('param');
    return c.json(buildSheetDto(await getBuildSheet(c.var.ctx, vehicleId.toUpperCase())), 200);
  });

  router.openapi(moveRoute, async (c) => {
    const vehicleId = c.req.valid('param').vehicleId.toUpperCase();
    const result = await moveVehicle(c.var.ctx, vehicleId, c.req.valid('json').productionDay);
    if (!result.ok) {
      throw new AppError(
        'conflict',
        'production.day_unavailable',
        'That production day cannot take this car.',
        {
          extra: { reasons: result.reasons },
        },
      );
    }
    return c.json(
      {
        vehicle: vehicleProgressDto(await getVehicleProgress(c.var.ctx, vehicleId)),
        repromised: result.repromised,
      },
      200,
    );
  });

  router.openapi(stepRoute, async (c) => {
    const vehicleId = c.req.valid('param').vehicleId.toUpperCase();
    const b = c.req.valid('json');
    const progress = await recordStep(c.var.ctx, vehicleId, {
      step: b.step,
      ...(b.result !== undefined ? { result: b.result } : {}),
      ...(b.defects !== undefined ? { defects: b.defects } : {}),
    });
    return c.json(vehicleProgressDto(progress), 200);
  });
}

function rangeError(path: string, message: string): AppError {
  return new AppError('bad_request', 'validation.invalid_request', `Invalid request: ${path}: ${message}`, {
    fields: [{ path, message }],
  });
}
