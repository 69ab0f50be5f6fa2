/**
 * The delivery promise (日历订车), pure: for one configuration and dealer, which delivery dates
 * the plant can really meet, and for every other date every reason why not.
 *
 * From a delivery date D back to the production day:
 *   ship date  s = D - transport days (calendar days: trucks run every day), which must be a
 *                  working day of the line (the plant ships on working days);
 *   production d = s - build days (working days), the day the car is sequenced on the line;
 *                  when d is full the car may be built up to `storageSlackDays` working days
 *                  earlier and wait at the plant (the latest such day is taken).
 * A production day qualifies when it is after the frozen horizon, not frozen by hand, on or
 * after the day the slowest part arrives (today + longest lead time), has line capacity left,
 * and has room under every option limit this configuration counts towards (N/P rules turned
 * into a per-day maximum, see optionDayLimit). The dealer's hand-over capacity on D is an
 * input (`handoverLeft`), since the dealers module owns it.
 */
import {
  addDays,
  addWorkingDays,
  type CapacityCalendar,
  capacityOn,
  type ExceptionKind,
  frozenUntil,
  type IsoDate,
  isWorkingDay,
} from './capacity-calendar.ts';
import { optionDayLimit } from './limit-options.ts';
import type { Bilingual } from './types.ts';

export type RuleLimit = { id: string; code: string; name: Bilingual; n: number; p: number };

/** What is already taken on a production day (a stored day row). */
export type DayLoad = {
  capacity: number;
  reserved: number;
  frozen: boolean;
  /** Reserved cars per rule id. */
  optionReserved: ReadonlyMap<string, number>;
};

export type PromiseContext = {
  /** Plant-local date of the request. */
  today: IsoDate;
  calendar: CapacityCalendar;
  frozenDays: number;
  buildDays: number;
  storageSlackDays: number;
  transportDays: number;
  /** Longest part lead time of this configuration, in calendar days. */
  leadTimeDays: number;
  /** The line's option rules this configuration counts towards. */
  rules: readonly RuleLimit[];
  /** A production day's stored load; undefined when nothing was reserved there yet. */
  loadOf: (day: IsoDate) => DayLoad | undefined;
  /**
   * Hand-over slots the dealer has left on a delivery date. `undefined` means "not limited by
   * the dealer" (no capacity known for that date); 0 or less makes the date unavailable.
   */
  handoverLeft: (date: IsoDate) => number | undefined;
};

export const REASON_CODES = [
  'past',
  'no_production_day',
  'frozen_horizon',
  'day_frozen',
  'part_lead_time',
  'line_full',
  'option_limit',
  'dealer_full',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** Why a date cannot be promised, with the figures the web shows (it translates the code). */
export type Reason =
  | { code: 'past' }
  | {
      code: 'no_production_day';
      shipDate: IsoDate;
      /** The calendar exception that closes the plant that day; null for a plain weekend. */
      exception: { kind: ExceptionKind; reason: Bilingual } | null;
    }
  | { code: 'frozen_horizon'; productionDay: IsoDate; frozenUntil: IsoDate }
  | { code: 'day_frozen'; productionDay: IsoDate }
  | { code: 'part_lead_time'; productionDay: IsoDate; leadTimeDays: number; partsReadyOn: IsoDate }
  | { code: 'line_full'; productionDay: IsoDate; capacity: number; reserved: number }
  | {
      code: 'option_limit';
      productionDay: IsoDate;
      rule: { id: string; code: string; name: Bilingual };
      limit: number;
      reserved: number;
    }
  | { code: 'dealer_full'; handoverLeft: number };

export type PromisedDate = {
  date: IsoDate;
  available: boolean;
  /** The production day the car would be built on (available dates only). */
  productionDay: IsoDate | null;
  shipDate: IsoDate | null;
  /** Working days the car waits at the plant because it was built early (0 = built on time). */
  storageDays: number;
  reasons: Reason[];
};

export type PromiseFigures = {
  today: IsoDate;
  frozenUntil: IsoDate;
  partsReadyOn: IsoDate;
  transportDays: number;
  buildDays: number;
  leadTimeDays: number;
  storageSlackDays: number;
};

export type PromiseCalendar = {
  figures: PromiseFigures;
  days: PromisedDate[];
  earliest: IsoDate | null;
};

export function promiseFigures(ctx: PromiseContext): PromiseFigures {
  return {
    today: ctx.today,
    frozenUntil: frozenUntil(ctx.calendar, ctx.today, ctx.frozenDays),
    partsReadyOn: addDays(ctx.today, ctx.leadTimeDays),
    transportDays: ctx.transportDays,
    buildDays: ctx.buildDays,
    leadTimeDays: ctx.leadTimeDays,
    storageSlackDays: ctx.storageSlackDays,
  };
}

export type DeliveryPlan = {
  date: IsoDate;
  shipDate: IsoDate | null;
  /** Reasons that hold for the date whatever the production day. */
  dateReasons: Reason[];
  /** Production days in order of preference (on time first), each with what blocks it by time. */
  candidates: { day: IsoDate; reasons: Reason[] }[];
};

/**
 * The production days that could deliver on `date`, preferred first, with the reasons that
 * rule each out by time alone (horizon, hand freeze, lead time). Capacity is checked by
 * `promiseDate` here, and again under row locks when reserving.
 */
export function planDeliveryDate(
  ctx: PromiseContext,
  date: IsoDate,
  figures = promiseFigures(ctx),
): DeliveryPlan {
  const dateReasons: Reason[] = [];
  if (date <= ctx.today) return { date, shipDate: null, dateReasons: [{ code: 'past' }], candidates: [] };
  const left = ctx.handoverLeft(date);
  if (left !== undefined && left <= 0) dateReasons.push({ code: 'dealer_full', handoverLeft: left });

  const shipDate = addDays(date, -ctx.transportDays);
  if (!isWorkingDay(ctx.calendar, shipDate)) {
    const exception = ctx.calendar.exceptions.get(shipDate);
    dateReasons.unshift({
      code: 'no_production_day',
      shipDate,
      exception: exception ? { kind: exception.kind, reason: exception.reason } : null,
    });
    return { date, shipDate, dateReasons, candidates: [] };
  }

  const candidates: DeliveryPlan['candidates'] = [];
  const onTime = addWorkingDays(ctx.calendar, shipDate, -ctx.buildDays);
  for (let k = 0; onTime !== undefined && k <= ctx.storageSlackDays; k++) {
    const day = addWorkingDays(ctx.calendar, onTime, -k);
    if (day === undefined) break;
    const reasons: Reason[] = [];
    if (day <= figures.frozenUntil) {
      reasons.push({ code: 'frozen_horizon', productionDay: day, frozenUntil: figures.frozenUntil });
    } else if (ctx.loadOf(day)?.frozen) {
      reasons.push({ code: 'day_frozen', productionDay: day });
    }
    if (day < figures.partsReadyOn) {
      reasons.push({
        code: 'part_lead_time',
        productionDay: day,
        leadTimeDays: ctx.leadTimeDays,
        partsReadyOn: figures.partsReadyOn,
      });
    }
    candidates.push({ day, reasons });
    // Earlier days are inside the horizon too, or even earlier than the parts: no use looking.
    if (reasons.some((r) => r.code === 'frozen_horizon' || r.code === 'part_lead_time')) break;
  }
  return { date, shipDate, dateReasons, candidates };
}

/** Capacity reasons of one production day for this configuration (empty: it has room). */
export function capacityReasons(ctx: PromiseContext, day: IsoDate): Reason[] {
  const load = ctx.loadOf(day);
  const capacity = load?.capacity ?? capacityOn(ctx.calendar, day);
  const reserved = load?.reserved ?? 0;
  const reasons: Reason[] = [];
  if (reserved >= capacity) reasons.push({ code: 'line_full', productionDay: day, capacity, reserved });
  for (const rule of ctx.rules) {
    const limit = optionDayLimit(capacity, rule.n, rule.p);
    const taken = load?.optionReserved.get(rule.id) ?? 0;
    if (taken >= limit) {
      reasons.push({
        code: 'option_limit',
        productionDay: day,
        rule: { id: rule.id, code: rule.code, name: rule.name },
        limit,
        reserved: taken,
      });
    }
  }
  return reasons;
}

/** One delivery date: available with its production day, or every reason it is not. */
export function promiseDate(ctx: PromiseContext, date: IsoDate, figures = promiseFigures(ctx)): PromisedDate {
  const plan = planDeliveryDate(ctx, date, figures);
  const dayReasons: Reason[] = [];
  let chosen: { day: IsoDate; storageDays: number } | undefined;
  for (const [storageDays, candidate] of plan.candidates.entries()) {
    const blocking = candidate.reasons.length > 0 ? candidate.reasons : capacityReasons(ctx, candidate.day);
    if (blocking.length === 0) {
      chosen = { day: candidate.day, storageDays };
      break;
    }
    dayReasons.push(...blocking);
  }
  // A production day with room makes the production reasons moot: only the date's own remain.
  const reasons = chosen ? plan.dateReasons : [...plan.dateReasons, ...dayReasons];
  if (chosen && reasons.length === 0) {
    return {
      date,
      available: true,
      productionDay: chosen.day,
      shipDate: plan.shipDate,
      storageDays: chosen.storageDays,
      reasons: [],
    };
  }
  return {
    date,
    available: false,
    productionDay: null,
    shipDate: plan.shipDate,
    storageDays: 0,
    reasons: firstOfEachKind(reasons),
  };
}

/**
 * Delivery dates from tomorrow to today + `days`. With `stopAtFirst` only up to the earliest
 * available date (the configurator's cheap "earliest delivery" query).
 */
export function promiseDelivery(
  ctx: PromiseContext,
  options: { days: number; stopAtFirst?: boolean },
): PromiseCalendar {
  const figures = promiseFigures(ctx);
  const days: PromisedDate[] = [];
  let earliest: IsoDate | null = null;
  for (let i = 1; i <= options.days; i++) {
    const promised = promiseDate(ctx, addDays(ctx.today, i), figures);
    days.push(promised);
    if (promised.available && earliest === null) {
      earliest = promised.date;
      if (options.stopAtFirst) break;
    }
  }
  return { figures, days, earliest };
}

/**
 * One reason per kind (per rule for option limits), from the production day tried first: the
 * web shows "line full on the 12th" once, not once per storage-slack day.
 */
function firstOfEachKind(reasons: Reason[]): Reason[] {
  const seen = new Set<string>();
  return reasons.filter((r) => {
    const key = r.code === 'option_limit' ? `${r.code}:${r.rule.id}` : r.code;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
