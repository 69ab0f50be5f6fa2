import type { Selection } from '@openc2b/configurator';
import { type Ctx, inTransaction } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { publish } from '../../platform/events/publish.ts';
import { newId } from '../../platform/ids.ts';
import { composeVin, modelYearCode } from './assign-vin.ts';
import { type IsoDate, localDate } from './capacity-calendar.ts';
import { planRework, shiftAfterStep } from './estimate-steps.ts';
import { deliveryRepromised, vehicleStepRecorded } from './events.ts';
import { rulesUsedBy } from './limit-options.ts';
import { carContext, getVehicleFor, vehicleNotFound } from './reserve-date.ts';
import {
  nextSteps,
  type QcResult,
  recordStepTransition,
  type Step,
  type StepState,
  TIMELINE_STEPS,
  type TimelineStep,
} from './step-machine.ts';
import * as store from './store.ts';
import type { Bilingual, Defect, DeliveryChange, StepRecord, Vehicle } from './types.ts';

export type StepRequest = { step: Step; result?: QcResult; defects?: Defect[] };

export type VehicleProgress = {
  vehicleId: string;
  orderId: string;
  modelLine: string;
  configurationCode: string;
  colour: string;
  vin: string | null;
  status: Vehicle['status'];
  /** Its order is locked: the car will be built. */
  confirmed: boolean;
  state: StepState;
  nextSteps: readonly Step[];
  deliveryDate: IsoDate | null;
  productionDay: IsoDate | null;
  shipDate: IsoDate | null;
  sequencePosition: number | null;
  lineId: string;
  plantOrgId: string;
  dealerOrgId: string;
  /** The timeline: each step with its estimated time and, once it happened, the actual one. */
  steps: { step: TimelineStep; estimatedAt: string | null; actualAt: Date | null; result: QcResult | null }[];
  /** Every record of the stations, including failed checks and rework. */
  history: StepRecord[];
  /** Every change of the promised date, with its reason. */
  deliveryChanges: DeliveryChange[];
};

/**
 * A car's progress at the plant (the customer timeline): steps with estimated and actual times,
 * VIN, promised date. Readable by the car's customer, its dealer, its plant, and HQ support.
 */
export async function getVehicleProgress(ctx: Ctx, vehicleId: string): Promise<VehicleProgress> {
  const vehicle = await getVehicleFor(ctx, vehicleId, 'vehicle_progress.read');
  return progressOf(ctx, vehicle);
}

/** The progress of a car by vehicle id, unchecked (flows that decided access on the order); undefined without a car. */
export async function readVehicleProgress(ctx: Ctx, vehicleId: string): Promise<VehicleProgress | undefined> {
  const vehicle = await store.findVehicle(ctx, vehicleId);
  return vehicle ? progressOf(ctx, vehicle) : undefined;
}

/**
 * When cars reach their dealer, for many cars at once (flows that decided access on the orders):
 * the actual time of the `at_dealer` step, else its estimate, and the promised date. Cars
 * without a record at the plant are absent from the map. Two queries, whatever the count.
 */
export async function readArrivals(
  ctx: Ctx,
  vehicleIds: readonly string[],
): Promise<
  Map<string, { arrivedAt: Date | null; estimatedAt: string | null; deliveryDate: IsoDate | null }>
> {
  const [vehicles, arrived] = await Promise.all([
    store.findVehicles(ctx, vehicleIds),
    store.lastStepTimes(ctx, vehicleIds, 'at_dealer'),
  ]);
  return new Map(
    vehicles.map((v) => [
      v.vehicleId,
      {
        arrivedAt: arrived.get(v.vehicleId) ?? null,
        estimatedAt: v.estimates.at_dealer ?? null,
        deliveryDate: v.deliveryDate,
      },
    ]),
  );
}

/** A car as a station sees it: its progress, what was chosen, and the line rules it counts towards. */
export type BuildSheet = VehicleProgress & {
  selection: Selection;
  /** The line's active N/P rules whose condition the car meets: the options the stations watch. */
  lineRules: { id: string; code: string; name: Bilingual }[];
};

/**
 * The build sheet of a car for the station page (and the planner): its progress plus the chosen
 * options and the line rules (sunroof, PHEV battery, ...) it counts towards, from its own
 * selection and the line's rules as they are now. Readable by whoever may read its progress.
 */
export async function getBuildSheet(ctx: Ctx, vehicleId: string): Promise<BuildSheet> {
  const vehicle = await getVehicleFor(ctx, vehicleId, 'vehicle_progress.read');
  const rules = rulesUsedBy(await store.listRules(ctx, vehicle.lineId), vehicle.selection);
  return {
    ...(await progressOf(ctx, vehicle)),
    selection: vehicle.selection,
    lineRules: rules.map((r) => ({ id: r.id, code: r.code, name: r.name })),
  };
}

async function progressOf(ctx: Ctx, v: Vehicle): Promise<VehicleProgress> {
  const history = await store.listStepRecords(ctx, v.vehicleId);
  const steps = TIMELINE_STEPS.map((step) => {
    // QC counts once it passed; the failed checks and rework are in the history.
    const records = history.filter((r) => r.step === step && (step !== 'qc' || r.result === 'pass'));
    const actual = records.at(-1);
    return {
      step,
      estimatedAt: v.estimates[step] ?? null,
      actualAt: actual?.at ?? null,
      result: actual?.result ?? null,
    };
  });
  return {
    vehicleId: v.vehicleId,
    orderId: v.orderId,
    modelLine: v.modelLine,
    configurationCode: v.configurationCode,
    colour: v.colour,
    vin: v.vin,
    status: v.status,
    confirmed: v.confirmedAt !== null,
    state: v.state,
    nextSteps: v.status === 'active' ? nextSteps(v.state) : [],
    deliveryDate: v.deliveryDate,
    productionDay: v.productionDay,
    shipDate: v.shipDate,
    sequencePosition: v.sequencePosition,
    lineId: v.lineId,
    plantOrgId: v.plantOrgId,
    dealerOrgId: v.dealerOrgId,
    steps,
    history,
    deliveryChanges: await store.listDeliveryChanges(ctx, v.vehicleId),
  };
}

/**
 * A station records the car's next step (station operators of the car's plant). Out of order:
 * 409 `production.step_out_of_order` with the current step and the allowed ones. The body shop
 * assigns the VIN. A failed quality check sends the car to rework and re-promises its delivery
 * date when the rework pushes it past the promise (the customer is told why).
 */
export async function recordStep(
  ctx: Ctx,
  vehicleId: string,
  request: StepRequest,
): Promise<VehicleProgress> {
  await getVehicleFor(ctx, vehicleId, 'station.record');
  const defects = request.defects ?? [];
  if (request.step === 'qc' && request.result === 'fail' && defects.length === 0) {
    throw new AppError(
      'bad_request',
      'production.defects_required',
      'A failed check names at least one defect.',
      {
        fields: [{ path: 'defects', message: 'At least one defect' }],
      },
    );
  }
  if (defects.length > 0 && !(request.step === 'qc' && request.result === 'fail')) {
    throw new AppError('bad_request', 'production.defects_not_allowed', 'Only a failed check has defects.', {
      fields: [{ path: 'defects', message: 'Only with step qc and result fail' }],
    });
  }
  return inTransaction(ctx, async (tx) => {
    const car = await store.findVehicle(tx, vehicleId, { forUpdate: true });
    if (!car) throw vehicleNotFound();
    if (car.status === 'cancelled') {
      throw new AppError('conflict', 'production.vehicle_cancelled', 'This car is cancelled.', {
        extra: { vehicleId, currentStep: car.state },
      });
    }
    if (!car.productionDay) {
      throw new AppError('conflict', 'production.vehicle_not_planned', 'The car has no production day yet.', {
        extra: { vehicleId, currentStep: car.state },
      });
    }
    if (request.step === 'stamping' && car.confirmedAt === null) {
      throw new AppError(
        'conflict',
        'production.vehicle_not_confirmed',
        'The order of this car is not locked; it is not built yet.',
        { extra: { vehicleId, currentStep: car.state } },
      );
    }
    if (request.step === 'stamping' && !(await store.findDay(tx, car.lineId, car.productionDay))?.frozenAt) {
      throw new AppError(
        'conflict',
        'production.day_not_frozen',
        `The sequence of ${car.productionDay} is not frozen yet; cars enter the line from a frozen sequence only.`,
        { extra: { vehicleId, currentStep: car.state, productionDay: car.productionDay } },
      );
    }
    const transition = recordStepTransition(car.state, {
      step: request.step,
      ...(request.result !== undefined ? { result: request.result } : {}),
    });
    if (!transition.ok) {
      if (transition.reason === 'out_of_order') {
        throw new AppError(
          'conflict',
          'production.step_out_of_order',
          `The car is at "${car.state}"; the next step is ${transition.allowed.join(' or ') || 'none (it is at the dealer)'}.`,
          { extra: { vehicleId, currentStep: car.state, allowed: transition.allowed } },
        );
      }
      throw new AppError(
        'bad_request',
        transition.reason === 'qc_result_required'
          ? 'production.result_required'
          : 'production.result_not_allowed',
        transition.reason === 'qc_result_required'
          ? 'A quality check passes or fails.'
          : 'Only a quality check has a result.',
        {
          fields: [
            {
              path: 'result',
              message: transition.reason === 'qc_result_required' ? 'Required for qc' : 'Only for qc',
            },
          ],
        },
      );
    }

    const { line, calendar, transportDays } = await carContext(tx, car);
    let vin = car.vin;
    if (request.step === 'body' && vin === null) {
      const descriptor = line.vin.descriptors[car.modelLine];
      if (!descriptor) throw new Error(`line ${line.code} has no VIN descriptor for ${car.modelLine}`);
      const serial = await store.nextVinSerial(tx, {
        wmi: line.vin.wmi,
        yearCode: modelYearCode(car.modelYear),
        plantCode: line.vin.plantCode,
      });
      vin = composeVin({
        wmi: line.vin.wmi,
        vds: descriptor,
        modelYear: car.modelYear,
        plantCode: line.vin.plantCode,
        serial,
      });
    }

    const at = tx.now;
    const estimatedAt = car.estimates[request.step] ?? null;
    await store.insertStepRecord(tx, {
      id: newId('stp'),
      vehicleId,
      step: request.step,
      result: request.result ?? null,
      defects,
      at,
      estimatedAt: estimatedAt ? new Date(estimatedAt) : null,
      recordedBy: tx.actor.kind === 'staff' ? tx.actor.userId : null,
    });
    let estimates = shiftAfterStep(car.estimates, request.step, at);
    let repromise: { previousDate: IsoDate; newDate: IsoDate; detail: Record<string, unknown> } | undefined;
    let deliveryDate = car.deliveryDate;
    let shipDate = car.shipDate;

    if (request.step === 'qc' && request.result === 'fail' && car.shipDate && car.deliveryDate) {
      const rework = planRework({
        calendar,
        timeZone: line.timeZone,
        today: localDate(at, line.timeZone),
        failedAt: at,
        reworkDays: line.reworkDays,
        shipDate: car.shipDate,
        transportDays,
        estimates,
      });
      estimates = rework.estimates;
      shipDate = rework.shipDate;
      if (rework.deliveryDate > car.deliveryDate) {
        deliveryDate = rework.deliveryDate;
        const detail = { defects: defects.map((d) => d.code), reworkDays: line.reworkDays, shipDate };
        await store.insertDeliveryChange(tx, vehicleId, newId('dch'), {
          at,
          previousDate: car.deliveryDate,
          newDate: deliveryDate,
          reason: 'qc_failed',
          detail,
        });
        // Announced after the step itself (below), so readers see the failed check, then why the date moved.
        repromise = { previousDate: car.deliveryDate, newDate: deliveryDate, detail };
      }
    }

    await store.updateVehicle(
      tx,
      vehicleId,
      {
        state: transition.state,
        estimates,
        ...(vin && vin !== car.vin ? { vin } : {}),
        ...(deliveryDate !== car.deliveryDate ? { deliveryDate } : {}),
        ...(shipDate !== car.shipDate ? { shipDate } : {}),
      },
      at,
    );
    await publish(tx, vehicleStepRecorded, vehicleId, {
      vehicleId,
      orderId: car.orderId,
      step: request.step,
      result: request.result ?? null,
      defects,
      at: at.toISOString(),
      estimatedAt,
      vin,
      lineId: car.lineId,
      plantOrgId: car.plantOrgId,
      dealerOrgId: car.dealerOrgId,
    });
    if (repromise) {
      await publish(tx, deliveryRepromised, vehicleId, {
        vehicleId,
        orderId: car.orderId,
        reason: 'qc_failed',
        ...repromise,
      });
    }
    const updated = await store.findVehicle(tx, vehicleId);
    if (!updated) throw vehicleNotFound();
    return progressOf(tx, updated);
  });
}
