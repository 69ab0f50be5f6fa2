import type { Expr, Selection } from '@openc2b/configurator';
import type { CalendarException, DayPattern, IsoDate } from './capacity-calendar.ts';
import type { Reason } from './promise-delivery.ts';
import type { QcResult, Step, StepState } from './step-machine.ts';

/** The shapes this module hands out. Never a row as stored. */
export type Bilingual = { 'zh-CN': string; en: string };

export type Line = {
  id: string;
  plantOrgId: string;
  code: string;
  name: Bilingual;
  /** Catalogue model line codes built on this line (each model line on exactly one line). */
  modelLines: string[];
  /** The option family whose chosen option is the car's colour. */
  paintFamily: string;
  /** Hard maximum run of one colour in the paint shop. */
  paintBatchLimit: number;
  /** Working days after today inside which the plan and sequence can no longer change. */
  frozenDays: number;
  /** Working days from the production day to the day the car ships. */
  buildDays: number;
  /** Working days a car may be built early and wait at the plant when its day is full. */
  storageSlackDays: number;
  /** Working days a car needs after a failed quality check before it is checked again. */
  reworkDays: number;
  timeZone: string;
  vin: { wmi: string; plantCode: string; descriptors: Record<string, string> };
  /** Monday first, 7 entries. */
  weekly: DayPattern[];
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
};

export const PRIORITIES = ['high', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** "At most n cars with this option in any p consecutive" on one line. */
export type OptionRule = {
  id: string;
  lineId: string;
  code: string;
  name: Bilingual;
  n: number;
  p: number;
  priority: Priority;
  condition: Expr;
  active: boolean;
};

export type TransportRoute = { plantOrgId: string; dealerOrgId: string; days: number };

export type { CalendarException, DayPattern, IsoDate };

/** One production day of a line: capacity, what is taken, and whether it is frozen. */
export type ProductionDay = {
  lineId: string;
  day: IsoDate;
  capacity: number;
  reserved: number;
  frozenAt: Date | null;
  /** Bumped at every change of the day's plan; a sequence run applies only to the plan it read. */
  planVersion: number;
  /** The plan version the current sequence belongs to; null when never sequenced. */
  sequencedVersion: number | null;
  optionLoads: { ruleId: string; maxCars: number; reserved: number }[];
};

export const VEHICLE_STATUSES = ['active', 'cancelled'] as const;
export type VehicleStatus = (typeof VEHICLE_STATUSES)[number];

/** Production's own record of a car to build, keyed by the vehicle id the order gave it. */
export type Vehicle = {
  vehicleId: string;
  orderId: string;
  customerUserId: string | null;
  modelLine: string;
  modelYear: number;
  versionId: string;
  configurationCode: string;
  selection: Selection;
  colour: string;
  dealerOrgId: string;
  plantOrgId: string;
  lineId: string;
  deliveryDate: IsoDate | null;
  productionDay: IsoDate | null;
  shipDate: IsoDate | null;
  /** Ids of the option rules counted for this car on its production day. */
  ruleIds: string[];
  sequencePosition: number | null;
  vin: string | null;
  state: StepState;
  /** Estimated time of each step (ISO instants), from the plan and moved by what happened. */
  estimates: Partial<Record<Step, string>>;
  status: VehicleStatus;
  registeredAt: Date;
  /**
   * When its order was locked: only confirmed cars are sequenced, frozen and built. A car is
   * registered (and may hold a date) from the moment its order is placed.
   */
  confirmedAt: Date | null;
  updatedAt: Date;
};

export type StepRecord = {
  id: string;
  vehicleId: string;
  step: Step;
  result: QcResult | null;
  defects: Defect[];
  at: Date;
  estimatedAt: Date | null;
  recordedBy: string | null;
};

export type Defect = { code: string; description: string };

export const REPROMISE_REASONS = ['qc_failed', 'part_late', 'replanned', 'not_locked'] as const;
export type RepromiseReason = (typeof REPROMISE_REASONS)[number];

export type DeliveryChange = {
  at: Date;
  previousDate: IsoDate | null;
  newDate: IsoDate | null;
  reason: 'reserved' | 'released' | RepromiseReason;
  detail: Record<string, unknown>;
};

export type { Reason };

export const CALLOFF_KINDS = ['sequenced', 'daily'] as const;
export type CallOffKind = (typeof CALLOFF_KINDS)[number];
export const CALLOFF_STATUSES = ['open', 'shipped', 'delayed', 'received'] as const;
export type CallOffStatus = (typeof CALLOFF_STATUSES)[number];

export type CallOffItem = {
  itemNo: number;
  /** Just-in-sequence items: the car and its place in the day's sequence; null for daily totals. */
  sequencePosition: number | null;
  vehicleId: string | null;
  partId: string;
  partNumber: string;
  name: Bilingual;
  quantity: number;
  unit: string;
  station: string | null;
  /** Cars that need the part (1 for a just-in-sequence item). */
  vehicles: number;
  /** How much of `quantity` has arrived at the plant (WMS arrivals). */
  received: number;
};

/** What a supplier must deliver for one frozen production day: in sequence, or as daily totals. */
export type CallOff = {
  id: string;
  lineId: string;
  plantOrgId: string;
  day: IsoDate;
  supplierOrgId: string;
  kind: CallOffKind;
  dueDate: IsoDate;
  status: CallOffStatus;
  shippedAt: Date | null;
  delayedUntil: IsoDate | null;
  delayReason: string | null;
  /** When the last missing item arrived (status `received`). */
  receivedAt: Date | null;
  createdAt: Date;
  items: CallOffItem[];
};

/** A delivery of one part at a plant, as the WMS reports it. */
export type PartArrival = {
  arrivalId: string;
  plantOrgId: string;
  partNumber: string;
  quantity: number;
  arrivedAt: Date;
  /** The call-off the delivery note names, if any. */
  callOffId: string | null;
};
