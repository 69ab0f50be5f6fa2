/**
 * The steps a car goes through at the plant, as an explicit state machine, pure.
 *
 *   planned -> stamping -> body (VIN assigned) -> paint -> assembly -> qc
 *   qc pass -> shipped -> at_dealer
 *   qc fail -> rework -> qc (again, as often as needed)
 *
 * The state is the last recorded step with its result; a station may only record the one step
 * (or two outcomes of QC) that follows it. Hand-over at the dealer is not a plant step.
 */
export const STEPS = [
  'stamping',
  'body',
  'paint',
  'assembly',
  'qc',
  'rework',
  'shipped',
  'at_dealer',
] as const;
export type Step = (typeof STEPS)[number];

/** The steps every car passes, in order (rework only after a failed QC): the timeline. */
export const TIMELINE_STEPS = [
  'stamping',
  'body',
  'paint',
  'assembly',
  'qc',
  'shipped',
  'at_dealer',
] as const;
export type TimelineStep = (typeof TIMELINE_STEPS)[number];

export const STEP_STATES = [
  'planned',
  'stamping',
  'body',
  'paint',
  'assembly',
  'qc_passed',
  'qc_failed',
  'rework',
  'shipped',
  'at_dealer',
] as const;
export type StepState = (typeof STEP_STATES)[number];

export const QC_RESULTS = ['pass', 'fail'] as const;
export type QcResult = (typeof QC_RESULTS)[number];

export type StepInput = { step: Step; result?: QcResult };

const NEXT: Record<StepState, readonly Step[]> = {
  planned: ['stamping'],
  stamping: ['body'],
  body: ['paint'],
  paint: ['assembly'],
  assembly: ['qc'],
  qc_failed: ['rework'],
  rework: ['qc'],
  qc_passed: ['shipped'],
  shipped: ['at_dealer'],
  at_dealer: [],
};

/** The steps a station may record next. */
export function nextSteps(state: StepState): readonly Step[] {
  return NEXT[state];
}

export type StepTransition =
  | { ok: true; state: StepState }
  | { ok: false; reason: 'out_of_order'; state: StepState; allowed: readonly Step[] }
  | {
      ok: false;
      reason: 'qc_result_required' | 'result_not_allowed';
      state: StepState;
      allowed: readonly Step[];
    };

/** Records `input` on a car in `state`: the new state, or why the station may not. */
export function recordStepTransition(state: StepState, input: StepInput): StepTransition {
  const allowed = NEXT[state];
  if (input.step === 'qc' && input.result === undefined) {
    return { ok: false, reason: 'qc_result_required', state, allowed };
  }
  if (input.step !== 'qc' && input.result !== undefined) {
    return { ok: false, reason: 'result_not_allowed', state, allowed };
  }
  if (!allowed.includes(input.step)) return { ok: false, reason: 'out_of_order', state, allowed };
  if (input.step === 'qc') return { ok: true, state: input.result === 'pass' ? 'qc_passed' : 'qc_failed' };
  return { ok: true, state: input.step };
}

/** Whether the car has entered production (it can no longer simply be cancelled). */
export function hasStarted(state: StepState): boolean {
  return state !== 'planned';
}
