/**
 * Estimated times of a car's steps, pure: from its production day, ship date and delivery date
 * in the plant's calendar, and moved when something happens on the line.
 *
 * The five shop steps (stamping, body, paint, assembly, qc) are spread over the build days,
 * from 08:00 on the production day, two hours apart within a day; the car ships at 09:00 on
 * its ship date and is expected at the dealer at 10:00 (plant time) on the delivery date.
 */
import {
  addDays,
  addWorkingDays,
  type CapacityCalendar,
  type IsoDate,
  maxDate,
  nextWorkingDay,
  zonedDateTime,
} from './capacity-calendar.ts';
import type { Step } from './step-machine.ts';

export type Estimates = Partial<Record<Step, string>>;

const SHOP_STEPS = ['stamping', 'body', 'paint', 'assembly', 'qc'] as const;

export type EstimateInput = {
  calendar: CapacityCalendar;
  timeZone: string;
  buildDays: number;
  productionDay: IsoDate;
  shipDate: IsoDate;
  deliveryDate: IsoDate;
};

export function estimateSteps(input: EstimateInput): Estimates {
  const estimates: Estimates = {};
  let lastDay = -1;
  let rank = 0;
  SHOP_STEPS.forEach((step, i) => {
    const offset = Math.floor((i * Math.max(1, input.buildDays)) / SHOP_STEPS.length);
    rank = offset === lastDay ? rank + 1 : 0;
    lastDay = offset;
    const day = addWorkingDays(input.calendar, input.productionDay, offset) ?? input.productionDay;
    estimates[step] = zonedDateTime(day, 8 + 2 * rank, 0, input.timeZone).toISOString();
  });
  estimates.shipped = shippedAt(input.shipDate, input.timeZone);
  estimates.at_dealer = arrivesAt(input.deliveryDate, input.timeZone);
  return estimates;
}

const shippedAt = (date: IsoDate, timeZone: string) => zonedDateTime(date, 9, 0, timeZone).toISOString();
const arrivesAt = (date: IsoDate, timeZone: string) => zonedDateTime(date, 10, 0, timeZone).toISOString();

/**
 * After a shop step happened at `actual`: the shop steps after it move by the delay when it was
 * late (never earlier: the line runs to its plan). Shipping and arrival stay as promised; only a
 * re-promise moves them.
 */
export function shiftAfterStep(estimates: Estimates, step: Step, actual: Date): Estimates {
  const planned = estimates[step];
  const index = (SHOP_STEPS as readonly string[]).indexOf(step);
  if (!planned || index < 0) return estimates;
  const delay = actual.getTime() - new Date(planned).getTime();
  if (delay <= 0) return estimates;
  const next: Estimates = { ...estimates };
  for (const later of SHOP_STEPS.slice(index + 1)) {
    const at = next[later];
    if (at) next[later] = new Date(new Date(at).getTime() + delay).toISOString();
  }
  return next;
}

export type ReworkPlan = { shipDate: IsoDate; estimates: Estimates };

/**
 * A failed quality check: the car goes to rework now, is checked again after `reworkDays`
 * working days (16:00), and ships the working day after that at the earliest, or on its
 * planned ship date if that is later (a car built early absorbs the delay).
 */
export function planRework(input: {
  calendar: CapacityCalendar;
  timeZone: string;
  today: IsoDate;
  failedAt: Date;
  reworkDays: number;
  shipDate: IsoDate;
  transportDays: number;
  estimates: Estimates;
}): ReworkPlan & { deliveryDate: IsoDate } {
  const recheck = addWorkingDays(input.calendar, input.today, input.reworkDays) ?? input.today;
  const earliestShip = addWorkingDays(input.calendar, recheck, 1) ?? recheck;
  const shipDate = maxDate(input.shipDate, earliestShip);
  const deliveryDate = addDays(shipDate, input.transportDays);
  return {
    shipDate,
    deliveryDate,
    estimates: {
      ...input.estimates,
      rework: input.failedAt.toISOString(),
      qc: zonedDateTime(recheck, 16, 0, input.timeZone).toISOString(),
      shipped: shippedAt(shipDate, input.timeZone),
      at_dealer: arrivesAt(deliveryDate, input.timeZone),
    },
  };
}

/**
 * A part that arrives late (on `partsArriveOn`): the car is built short and completed on the
 * first working day the part is there, and ships the working day after, unless its planned
 * ship date is later anyway.
 */
export function planLatePart(input: {
  calendar: CapacityCalendar;
  timeZone: string;
  partsArriveOn: IsoDate;
  shipDate: IsoDate;
  transportDays: number;
  estimates: Estimates;
}): ReworkPlan & { deliveryDate: IsoDate } {
  const completed = nextWorkingDay(input.calendar, input.partsArriveOn) ?? input.partsArriveOn;
  const earliestShip = addWorkingDays(input.calendar, completed, 1) ?? completed;
  const shipDate = maxDate(input.shipDate, earliestShip);
  const deliveryDate = addDays(shipDate, input.transportDays);
  return {
    shipDate,
    deliveryDate,
    estimates: {
      ...input.estimates,
      shipped: shippedAt(shipDate, input.timeZone),
      at_dealer: arrivesAt(deliveryDate, input.timeZone),
    },
  };
}
