import { z } from '@hono/zod-openapi';
import {
  type BuildSheet,
  CALLOFF_KINDS,
  CALLOFF_STATUSES,
  type CalendarDay,
  type CallOff,
  type DayPlan,
  type DeliveryCalendar,
  EXCEPTION_KINDS,
  isIsoDate,
  type Line,
  type OptionRule,
  PRIORITIES,
  QC_RESULTS,
  REPROMISE_REASONS,
  type Reason,
  type ReservationResult,
  RUN_STATUSES,
  type RunRecord,
  STEP_STATES,
  STEPS,
  TIMELINE_STEPS,
  type TransportRoute,
  type VehicleProgress,
} from '../modules/production/index.ts';
import { orNull } from '../platform/http/or-null.ts';
import { ExprSchema } from './catalog-shapes.ts';
import { BilingualSchema } from './identity-shapes.ts';

/** Request and response shapes of the production routes (store, dealer, factory), and the mappings to them. */

export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'A date as YYYY-MM-DD')
  .refine(isIsoDate, 'Not a calendar date')
  .openapi({ example: '2026-12-17', format: 'date' });

export const VehicleIdSchema = z
  .string()
  .min(3)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, 'Letters, digits and hyphens')
  .openapi({ example: 'C2B-2026-000123' });

const id = (example: string) => z.string().min(1).max(64).openapi({ example });
export const LineIdSchema = id('lin_01JD0000000000000000000000');
export const OrgIdSchema = id('org_01JD0000000000000000000000');

// ------------------------------------------------------------------ delivery promise

const RuleRefSchema = z.object({ id: z.string(), code: z.string(), name: BilingualSchema });

export const ReasonSchema = z
  .discriminatedUnion('code', [
    z.object({ code: z.literal('past') }),
    z.object({
      code: z.literal('no_production_day'),
      shipDate: z.string(),
      exception: z.object({ kind: z.enum(EXCEPTION_KINDS), reason: BilingualSchema }).nullable(),
    }),
    z.object({ code: z.literal('frozen_horizon'), productionDay: z.string(), frozenUntil: z.string() }),
    z.object({ code: z.literal('day_frozen'), productionDay: z.string() }),
    z.object({
      code: z.literal('part_lead_time'),
      productionDay: z.string(),
      leadTimeDays: z.number().int(),
      partsReadyOn: z.string(),
    }),
    z.object({
      code: z.literal('line_full'),
      productionDay: z.string(),
      capacity: z.number().int(),
      reserved: z.number().int(),
    }),
    z.object({
      code: z.literal('option_limit'),
      productionDay: z.string(),
      rule: RuleRefSchema,
      limit: z.number().int(),
      reserved: z.number().int(),
    }),
    z.object({ code: z.literal('dealer_full'), handoverLeft: z.number().int() }),
  ])
  .openapi('DeliveryReason', {
    description:
      'Why a date cannot be promised; the web translates `code` (production.reason.<code>) and shows the figures.',
  });

const PromisedDateSchema = z
  .object({
    date: z.string(),
    available: z.boolean(),
    productionDay: z.string().nullable(),
    shipDate: z.string().nullable(),
    storageDays: z
      .number()
      .int()
      .openapi({ description: 'Working days the car waits at the plant (built early)' }),
    reasons: z.array(ReasonSchema),
  })
  .openapi('PromisedDate');

const FiguresSchema = z
  .object({
    today: z.string(),
    frozenUntil: z.string(),
    partsReadyOn: z.string(),
    transportDays: z.number().int(),
    buildDays: z.number().int(),
    leadTimeDays: z.number().int(),
    storageSlackDays: z.number().int(),
  })
  .openapi('PromiseFigures');

export const DeliveryCalendarSchema = z
  .object({
    modelLine: z.string(),
    versionId: z.string(),
    configurationCode: z.string(),
    dealerId: z.string(),
    earliest: z.string().nullable(),
    figures: FiguresSchema,
    days: z.array(PromisedDateSchema),
  })
  .openapi('DeliveryCalendar');

export const EarliestDeliverySchema = z
  .object({
    modelLine: z.string(),
    configurationCode: z.string(),
    dealerId: z.string(),
    earliest: z.string().nullable(),
    productionDay: z.string().nullable(),
    figures: FiguresSchema,
  })
  .openapi('EarliestDelivery');

export function deliveryCalendarDto(c: DeliveryCalendar) {
  return {
    modelLine: c.modelLine,
    versionId: c.versionId,
    configurationCode: c.configurationCode,
    dealerId: c.dealerOrgId,
    earliest: c.earliest,
    figures: c.figures,
    days: c.days.map((d) => ({ ...d, reasons: d.reasons.map(reasonDto) })),
  };
}

export function earliestDto(c: DeliveryCalendar) {
  const first = c.days.find((d) => d.available);
  return {
    modelLine: c.modelLine,
    configurationCode: c.configurationCode,
    dealerId: c.dealerOrgId,
    earliest: c.earliest,
    productionDay: first?.productionDay ?? null,
    figures: c.figures,
  };
}

export function reasonDto(r: Reason): z.infer<typeof ReasonSchema> {
  return r;
}

export const ReservationSchema = z
  .object({
    vehicleId: z.string(),
    deliveryDate: z.string(),
    productionDay: z.string(),
    shipDate: z.string(),
    storageDays: z.number().int(),
    changed: z.boolean(),
  })
  .openapi('DeliveryReservation');

export function reservationDto(r: Extract<ReservationResult, { ok: true }>) {
  return {
    vehicleId: r.vehicleId,
    deliveryDate: r.deliveryDate,
    productionDay: r.productionDay,
    shipDate: r.shipDate,
    storageDays: r.storageDays,
    changed: r.changed,
  };
}

// ------------------------------------------------------------------ vehicles

const DefectSchema = z.object({ code: z.string(), description: z.string() }).openapi('Defect');

export const VehicleProgressSchema = z
  .object({
    vehicleId: z.string(),
    orderId: z.string(),
    modelLine: z.string(),
    configurationCode: z.string(),
    colour: z.string().openapi({ description: 'The chosen paint option code' }),
    vin: z.string().nullable(),
    status: z.enum(['active', 'cancelled']),
    confirmed: z.boolean().openapi({ description: 'Its order is locked: the car will be built' }),
    state: z.enum(STEP_STATES),
    nextSteps: z.array(z.enum(STEPS)),
    deliveryDate: z.string().nullable(),
    productionDay: z.string().nullable(),
    shipDate: z.string().nullable(),
    sequencePosition: z.number().int().nullable(),
    lineId: z.string(),
    plantId: z.string(),
    dealerId: z.string(),
    steps: z.array(
      z.object({
        step: z.enum(TIMELINE_STEPS),
        estimatedAt: z.string().nullable(),
        actualAt: z.string().nullable(),
        result: z.enum(QC_RESULTS).nullable(),
      }),
    ),
    history: z.array(
      z.object({
        step: z.enum(STEPS),
        result: z.enum(QC_RESULTS).nullable(),
        defects: z.array(DefectSchema),
        at: z.string(),
        estimatedAt: z.string().nullable(),
      }),
    ),
    deliveryChanges: z.array(
      z.object({
        at: z.string(),
        previousDate: z.string().nullable(),
        newDate: z.string().nullable(),
        reason: z.enum(['reserved', 'released', ...REPROMISE_REASONS]),
        detail: z.record(z.string(), z.unknown()),
      }),
    ),
  })
  .openapi('VehicleProgress');

export function vehicleProgressDto(p: VehicleProgress): z.infer<typeof VehicleProgressSchema> {
  return {
    vehicleId: p.vehicleId,
    orderId: p.orderId,
    modelLine: p.modelLine,
    configurationCode: p.configurationCode,
    colour: p.colour,
    vin: p.vin,
    status: p.status,
    confirmed: p.confirmed,
    state: p.state,
    nextSteps: [...p.nextSteps],
    deliveryDate: p.deliveryDate,
    productionDay: p.productionDay,
    shipDate: p.shipDate,
    sequencePosition: p.sequencePosition,
    lineId: p.lineId,
    plantId: p.plantOrgId,
    dealerId: p.dealerOrgId,
    steps: p.steps.map((s) => ({ ...s, actualAt: s.actualAt?.toISOString() ?? null })),
    history: p.history.map((h) => ({
      step: h.step,
      result: h.result,
      defects: h.defects,
      at: h.at.toISOString(),
      estimatedAt: h.estimatedAt?.toISOString() ?? null,
    })),
    deliveryChanges: p.deliveryChanges.map((d) => ({ ...d, at: d.at.toISOString() })),
  };
}

export const BuildSheetSchema = VehicleProgressSchema.extend({
  selection: z
    .record(z.string(), z.string())
    .openapi({ description: 'Option family code -> chosen option code (the configuration)' }),
  lineRules: z
    .array(z.object({ id: z.string(), code: z.string(), name: BilingualSchema }))
    .openapi({ description: "The line's N/P rules the car counts towards: the options the stations watch" }),
}).openapi('BuildSheet');

export function buildSheetDto(s: BuildSheet): z.infer<typeof BuildSheetSchema> {
  return {
    ...vehicleProgressDto(s),
    selection: { ...s.selection },
    lineRules: s.lineRules.map((r) => ({ id: r.id, code: r.code, name: r.name })),
  };
}

export const StepBodySchema = z
  .strictObject({
    step: z.enum(STEPS),
    result: z.enum(QC_RESULTS).optional().openapi({ description: 'qc only: pass or fail' }),
    defects: z
      .array(z.strictObject({ code: z.string().min(1).max(40), description: z.string().min(1).max(500) }))
      .max(50)
      .optional()
      .openapi({ description: 'qc fail only: at least one' }),
  })
  .openapi('StepRequest');

// ------------------------------------------------------------------ plant model

const DayPatternSchema = z
  .object({ shifts: z.number().int().min(0).max(4), carsPerShift: z.number().int().min(0).max(1000) })
  .openapi('DayPattern');

const VinSettingsSchema = z.object({
  wmi: z.string().length(3),
  plantCode: z.string().length(1),
  descriptors: z
    .record(z.string(), z.string().length(5))
    .openapi({ description: 'Model line code -> VIN positions 4-8' }),
});

export const LineSchema = z
  .object({
    id: z.string(),
    plantId: z.string(),
    code: z.string(),
    name: BilingualSchema,
    modelLines: z.array(z.string()),
    paintFamily: z.string(),
    paintBatchLimit: z.number().int(),
    frozenDays: z.number().int(),
    buildDays: z.number().int(),
    storageSlackDays: z.number().int(),
    reworkDays: z.number().int(),
    timeZone: z.string(),
    vin: VinSettingsSchema,
    weekly: z.array(DayPatternSchema).openapi({ description: 'Monday first' }),
    active: z.boolean(),
  })
  .openapi('ProductionLine');

export function lineDto(l: Line): z.infer<typeof LineSchema> {
  return {
    id: l.id,
    plantId: l.plantOrgId,
    code: l.code,
    name: l.name,
    modelLines: l.modelLines,
    paintFamily: l.paintFamily,
    paintBatchLimit: l.paintBatchLimit,
    frozenDays: l.frozenDays,
    buildDays: l.buildDays,
    storageSlackDays: l.storageSlackDays,
    reworkDays: l.reworkDays,
    timeZone: l.timeZone,
    vin: l.vin,
    weekly: l.weekly,
    active: l.active,
  };
}

const StrictBilingual = z.strictObject({
  'zh-CN': z.string().min(1).max(200),
  en: z.string().min(1).max(200),
});
const StrictDayPattern = z.strictObject({
  shifts: z.number().int().min(0).max(4),
  carsPerShift: z.number().int().min(0).max(1000),
});
const StrictVin = z.strictObject({
  wmi: z.string().length(3),
  plantCode: z.string().length(1),
  descriptors: z.record(z.string().min(1).max(64), z.string().length(5)),
});

const settingsFields = {
  name: StrictBilingual,
  paintFamily: z.string().min(1).max(100),
  paintBatchLimit: z.number().int().min(1).max(1000),
  frozenDays: z.number().int().min(0).max(30),
  buildDays: z.number().int().min(1).max(30),
  storageSlackDays: z.number().int().min(0).max(10),
  reworkDays: z.number().int().min(0).max(10),
  vin: StrictVin,
};

export const NewLineSchema = z
  .strictObject({
    code: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, 'Upper-case letters, digits and hyphens'),
    modelLines: z.array(z.string().min(1).max(64)).min(1).max(20),
    weekly: z.array(StrictDayPattern).length(7),
    timeZone: z.string().min(1).max(64).optional(),
    plantId: OrgIdSchema.optional().openapi({
      description: 'HQ only; a planner creates lines at their own plant',
    }),
    ...settingsFields,
  })
  .openapi('NewProductionLine');

export const LineSettingsPatchSchema = z
  .strictObject(
    Object.fromEntries(Object.entries(settingsFields).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof settingsFields]: z.ZodOptional<(typeof settingsFields)[K]>;
    },
  )
  .openapi('ProductionLineSettings');

export const WeeklyBodySchema = z.strictObject({ weekly: z.array(StrictDayPattern).length(7) });

export const ExceptionBodySchema = z
  .strictObject({
    kind: z.enum(EXCEPTION_KINDS),
    shifts: z.number().int().min(0).max(4).optional(),
    carsPerShift: z.number().int().min(0).max(1000).optional(),
    reason: StrictBilingual,
  })
  .openapi('CalendarExceptionRequest');

const ExceptionSchema = z.object({
  date: z.string(),
  kind: z.enum(EXCEPTION_KINDS),
  shifts: z.number().int(),
  carsPerShift: z.number().int(),
  reason: BilingualSchema,
});

const RuleSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  name: BilingualSchema,
  n: z.number().int(),
  p: z.number().int(),
});

export const CalendarDaySchema = z
  .object({
    date: z.string(),
    weekday: z.number().int(),
    working: z.boolean(),
    capacity: z.number().int(),
    reserved: z.number().int(),
    exception: orNull(ExceptionSchema),
    frozen: z.boolean(),
    insideHorizon: z.boolean(),
    optionLoads: z.array(
      z.object({ rule: RuleSummarySchema, maxCars: z.number().int(), reserved: z.number().int() }),
    ),
  })
  .openapi('CapacityCalendarDay');

export function calendarDayDto(d: CalendarDay): z.infer<typeof CalendarDaySchema> {
  return {
    date: d.date,
    weekday: d.weekday,
    working: d.working,
    capacity: d.capacity,
    reserved: d.reserved,
    exception: d.exception,
    frozen: d.frozen,
    insideHorizon: d.insideHorizon,
    optionLoads: d.optionLoads.map((l) => ({
      rule: { id: l.rule.id, code: l.rule.code, name: l.rule.name, n: l.rule.n, p: l.rule.p },
      maxCars: l.maxCars,
      reserved: l.reserved,
    })),
  };
}

export const OptionRuleSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: BilingualSchema,
    n: z.number().int(),
    p: z.number().int(),
    priority: z.enum(PRIORITIES),
    condition: ExprSchema,
    active: z.boolean(),
  })
  .openapi('OptionRule', { description: 'At most n cars with this option in any p consecutive cars' });

export function optionRuleDto(r: OptionRule): z.infer<typeof OptionRuleSchema> {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    n: r.n,
    p: r.p,
    priority: r.priority,
    condition: r.condition,
    active: r.active,
  };
}

const ruleFields = {
  name: StrictBilingual,
  n: z.number().int().min(1).max(99),
  p: z.number().int().min(2).max(100),
  priority: z.enum(PRIORITIES),
  condition: ExprSchema,
};

export const NewRuleSchema = z
  .strictObject({
    code: z.string().regex(/^[a-z0-9][a-z0-9-]{1,47}$/, 'Lower-case letters, digits and hyphens'),
    active: z.boolean().optional(),
    ...ruleFields,
  })
  .openapi('NewOptionRule');

export const RuleUpdateSchema = z
  .strictObject({ active: z.boolean(), ...ruleFields })
  .openapi('OptionRuleUpdate');

export const TransportRouteSchema = z
  .object({ plantId: z.string(), dealerId: z.string(), days: z.number().int() })
  .openapi('TransportRoute');

export function routeDto(r: TransportRoute): z.infer<typeof TransportRouteSchema> {
  return { plantId: r.plantOrgId, dealerId: r.dealerOrgId, days: r.days };
}

// ------------------------------------------------------------------ planning

export const RunSchema = z
  .object({
    id: z.string(),
    lineId: z.string(),
    day: z.string(),
    status: z.enum(RUN_STATUSES),
    seconds: z.number().int(),
    seed: z.number().int(),
    maxIterations: z.number().int().nullable(),
    progress: z
      .object({
        iterations: z.number().int(),
        seconds: z.number(),
        bestScore: z.number(),
        components: z.object({ hprc: z.number().int(), pcc: z.number().int(), lprc: z.number().int() }),
      })
      .nullable(),
    result: z
      .object({
        applied: z.boolean(),
        notApplied: z.enum(['plan_changed', 'day_frozen']).nullable(),
        order: z.array(z.string()),
        objective: z.object({ before: z.number(), after: z.number() }),
        components: z.object({
          before: z.object({ hprc: z.number().int(), pcc: z.number().int(), lprc: z.number().int() }),
          after: z.object({ hprc: z.number().int(), pcc: z.number().int(), lprc: z.number().int() }),
        }),
        violations: z.object({
          rules: z.array(
            z.object({
              ruleId: z.string(),
              code: z.string(),
              name: BilingualSchema,
              n: z.number().int(),
              p: z.number().int(),
              priority: z.enum(PRIORITIES),
              before: z.number().int(),
              after: z.number().int(),
            }),
          ),
          colourChanges: z.object({ before: z.number().int(), after: z.number().int() }),
          batchLimit: z.object({
            limit: z.number().int(),
            longestRunBefore: z.number().int(),
            longestRunAfter: z.number().int(),
            keptBefore: z.boolean(),
            keptAfter: z.boolean(),
          }),
        }),
      })
      .nullable(),
    error: z.string().nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .openapi('SequenceRun');

export function runDto(r: RunRecord): z.infer<typeof RunSchema> {
  return {
    id: r.id,
    lineId: r.lineId,
    day: r.day,
    status: r.status,
    seconds: r.seconds,
    seed: r.seed,
    maxIterations: r.maxIterations,
    progress: (r.progress ?? null) as z.infer<typeof RunSchema>['progress'],
    result: (r.result ?? null) as z.infer<typeof RunSchema>['result'],
    error: r.error,
    createdAt: r.createdAt.toISOString(),
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

export const RunBodySchema = z
  .strictObject({
    seconds: z.number().int().min(1).max(300).optional(),
    seed: z.number().int().min(0).max(2_147_483_647).optional(),
    maxIterations: z.number().int().min(1).max(100_000_000).optional().openapi({
      description: 'Stop after this many moves: the same seed and budget give the same sequence',
    }),
  })
  .openapi('SequenceRunRequest');

const PlannedVehicleSchema = z.object({
  vehicleId: z.string(),
  orderId: z.string(),
  modelLine: z.string(),
  configurationCode: z.string(),
  colour: z.string(),
  ruleCodes: z.array(z.string()),
  sequencePosition: z.number().int().nullable(),
  deliveryDate: z.string().nullable(),
  shipDate: z.string().nullable(),
  dealerId: z.string(),
  state: z.enum(STEP_STATES),
  status: z.enum(['active', 'cancelled']),
  vin: z.string().nullable(),
  confirmed: z.boolean().openapi({
    description:
      'Its order is locked: only confirmed cars are sequenced and built; the others leave the day when it freezes',
  }),
});

export const DayPlanSchema = z
  .object({
    lineId: z.string(),
    day: z.string(),
    working: z.boolean(),
    capacity: z.number().int(),
    reserved: z.number().int(),
    frozenAt: z.string().nullable(),
    insideHorizon: z.boolean(),
    needsSequencing: z.boolean(),
    optionLoads: z.array(
      z.object({
        rule: RuleSummarySchema.extend({ priority: z.enum(PRIORITIES) }),
        maxCars: z.number().int(),
        reserved: z.number().int(),
      }),
    ),
    vehicles: z.array(PlannedVehicleSchema),
    latestRun: orNull(RunSchema),
  })
  .openapi('DayPlan');

export function dayPlanDto(p: DayPlan): z.infer<typeof DayPlanSchema> {
  const codes = new Map(p.optionLoads.map((l) => [l.rule.id, l.rule.code]));
  return {
    lineId: p.line.id,
    day: p.day,
    working: p.working,
    capacity: p.capacity,
    reserved: p.reserved,
    frozenAt: p.frozenAt?.toISOString() ?? null,
    insideHorizon: p.insideHorizon,
    needsSequencing: p.needsSequencing,
    optionLoads: p.optionLoads.map((l) => ({
      rule: {
        id: l.rule.id,
        code: l.rule.code,
        name: l.rule.name,
        n: l.rule.n,
        p: l.rule.p,
        priority: l.rule.priority,
      },
      maxCars: l.maxCars,
      reserved: l.reserved,
    })),
    vehicles: p.vehicles.map((v) => ({
      vehicleId: v.vehicleId,
      orderId: v.orderId,
      modelLine: v.modelLine,
      configurationCode: v.configurationCode,
      colour: v.colour,
      ruleCodes: v.ruleIds.map((id) => codes.get(id) ?? id),
      sequencePosition: v.sequencePosition,
      deliveryDate: v.deliveryDate,
      shipDate: v.shipDate,
      dealerId: v.dealerOrgId,
      state: v.state,
      status: v.status,
      vin: v.vin,
      confirmed: v.confirmedAt !== null,
    })),
    latestRun: p.latestRun ? runDto(p.latestRun) : null,
  };
}

// ------------------------------------------------------------------ call-offs

export const CallOffSchema = z
  .object({
    id: z.string(),
    lineId: z.string(),
    plantId: z.string(),
    day: z.string().openapi({ description: 'The production day' }),
    supplierId: z.string(),
    kind: z.enum(CALLOFF_KINDS).openapi({ description: 'sequenced: per car in line order; daily: totals' }),
    dueDate: z.string(),
    status: z.enum(CALLOFF_STATUSES),
    shippedAt: z.string().nullable(),
    delayedUntil: z.string().nullable(),
    delayReason: z.string().nullable(),
    receivedAt: z.string().nullable().openapi({ description: 'When the last missing item arrived (WMS)' }),
    createdAt: z.string(),
    items: z.array(
      z.object({
        itemNo: z.number().int(),
        sequencePosition: z.number().int().nullable(),
        vehicleId: z.string().nullable(),
        partId: z.string(),
        partNumber: z.string(),
        name: BilingualSchema,
        quantity: z.number().int(),
        unit: z.string(),
        station: z.string().nullable(),
        vehicles: z.number().int(),
        received: z.number().int().openapi({ description: 'How much of quantity has arrived at the plant' }),
      }),
    ),
  })
  .openapi('CallOff');

export function callOffDto(c: CallOff): z.infer<typeof CallOffSchema> {
  return {
    id: c.id,
    lineId: c.lineId,
    plantId: c.plantOrgId,
    day: c.day,
    supplierId: c.supplierOrgId,
    kind: c.kind,
    dueDate: c.dueDate,
    status: c.status,
    shippedAt: c.shippedAt?.toISOString() ?? null,
    delayedUntil: c.delayedUntil,
    delayReason: c.delayReason,
    receivedAt: c.receivedAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    items: c.items,
  };
}

/** A call-off as the plant's planner sees it: with the supplier's name. */
export const PlantCallOffSchema = CallOffSchema.extend({
  supplierName: orNull(BilingualSchema).openapi({ description: 'Null when the organisation is gone' }),
}).openapi('PlantCallOff');

export function plantCallOffDto(
  c: CallOff,
  supplierName: z.infer<typeof BilingualSchema> | null,
): z.infer<typeof PlantCallOffSchema> {
  return { ...callOffDto(c), supplierName };
}
