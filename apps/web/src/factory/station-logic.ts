// The station page's rules, pure: what a scan means, which buttons a car gets, the QC defect
// form, and the list of the last scans.
import type { ResponseOf } from '../api/types.ts';

export type BuildSheet = ResponseOf<'/factory/vehicles/{vehicleId}', 'get'>;
export type VehicleProgress = ResponseOf<'/factory/vehicles/{vehicleId}/steps', 'post'>;
export type Step = BuildSheet['nextSteps'][number];
export type StepState = BuildSheet['state'];

export const STEPS = [
  'stamping',
  'body',
  'paint',
  'assembly',
  'qc',
  'rework',
  'shipped',
  'at_dealer',
] as const satisfies readonly Step[];

/** The station a tablet stands at; `auto` offers whatever step comes next for the scanned car. */
export const STATIONS = ['auto', ...STEPS] as const;
export type Station = (typeof STATIONS)[number];

export function isStation(value: unknown): value is Station {
  return typeof value === 'string' && (STATIONS as readonly string[]).includes(value);
}

const VEHICLE_ID = /^[A-Z0-9][A-Z0-9-]{2,39}$/;

/**
 * What a scanner (or a person) typed, as a vehicle id: spaces dropped, upper case (scanners
 * and people mix case); undefined when it cannot be one.
 */
export function normalizeScan(text: string): string | undefined {
  const id = text.replace(/\s+/g, '').toUpperCase();
  return VEHICLE_ID.test(id) ? id : undefined;
}

export type StepAction =
  | { kind: 'step'; step: Exclude<Step, 'qc'>; expected: boolean }
  | { kind: 'qc_pass'; expected: boolean }
  | { kind: 'qc_fail'; expected: boolean };

function actionsFor(step: Step, expected: boolean): StepAction[] {
  if (step === 'qc')
    return [
      { kind: 'qc_pass', expected },
      { kind: 'qc_fail', expected },
    ];
  return [{ kind: 'step', step, expected }];
}

/**
 * The buttons for a car: at `auto`, its next steps (none once it is at the dealer or cancelled);
 * at a fixed station, that station's step even when the car is not there yet (`expected`
 * false): the plant then answers with the step the car is at, which the page shows.
 */
export function stepActions(car: Pick<BuildSheet, 'nextSteps' | 'status'>, station: Station): StepAction[] {
  if (car.status !== 'active') return [];
  if (station === 'auto') return car.nextSteps.flatMap((s) => actionsFor(s, true));
  return actionsFor(station, car.nextSteps.includes(station));
}

export type DefectRow = { code: string; description: string };

export const EMPTY_DEFECT: DefectRow = { code: '', description: '' };

/** The defects to send: trimmed, blank rows dropped; `ok` only with at least one complete row and none half-filled. */
export function defectsToSend(rows: readonly DefectRow[]): { ok: boolean; defects: DefectRow[] } {
  const trimmed = rows.map((r) => ({ code: r.code.trim().toUpperCase(), description: r.description.trim() }));
  const filled = trimmed.filter((r) => r.code !== '' || r.description !== '');
  const complete = filled.every((r) => r.code !== '' && r.description !== '');
  return { ok: filled.length > 0 && complete, defects: filled };
}

export type RecentScan = {
  vehicleId: string;
  at: string;
  /** What was recorded (a step, with the QC result), or only looked up. */
  recorded: { step: Step; result: 'pass' | 'fail' | null } | null;
  /** The problem code when the scan or the step failed. */
  error: string | null;
  vin: string | null;
};

export const RECENT_SCANS = 8;

/** The newest first, at most `max`; a repeated look-up of the same car replaces its last entry. */
export function pushRecentScan(
  list: readonly RecentScan[],
  entry: RecentScan,
  max = RECENT_SCANS,
): RecentScan[] {
  const [last, ...rest] = list;
  const replaces =
    last !== undefined &&
    last.vehicleId === entry.vehicleId &&
    last.recorded === null &&
    last.error === null &&
    entry.recorded !== null;
  return [entry, ...(replaces ? rest : list)].slice(0, max);
}

/** Reads the stored list back, dropping anything that is not a scan (storage is user-editable). */
export function parseRecentScans(raw: string | null): RecentScan[] {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return [];
    return value
      .filter(
        (v): v is RecentScan =>
          typeof v === 'object' &&
          v !== null &&
          typeof (v as RecentScan).vehicleId === 'string' &&
          typeof (v as RecentScan).at === 'string',
      )
      .slice(0, RECENT_SCANS);
  } catch {
    return [];
  }
}

/** Merges a step's answer into the build sheet (the step route answers progress only). */
export function withProgress(sheet: BuildSheet, progress: VehicleProgress): BuildSheet {
  return { ...sheet, ...progress };
}
