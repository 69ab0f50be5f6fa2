import { describe, expect, it } from 'vitest';
import {
  nextSteps,
  QC_RESULTS,
  recordStepTransition,
  STEP_STATES,
  STEPS,
  type StepState,
} from './step-machine.ts';

/** The expected machine, written out as a table: state -> what may be recorded -> new state. */
const ALLOWED: Record<StepState, Record<string, StepState>> = {
  planned: { stamping: 'stamping' },
  stamping: { body: 'body' },
  body: { paint: 'paint' },
  paint: { assembly: 'assembly' },
  assembly: { 'qc:pass': 'qc_passed', 'qc:fail': 'qc_failed' },
  qc_failed: { rework: 'rework' },
  rework: { 'qc:pass': 'qc_passed', 'qc:fail': 'qc_failed' },
  qc_passed: { shipped: 'shipped' },
  shipped: { at_dealer: 'at_dealer' },
  at_dealer: {},
};

describe('step machine', () => {
  it('answers every (state, step, result) pair as the table says', () => {
    for (const state of STEP_STATES) {
      for (const step of STEPS) {
        const inputs = step === 'qc' ? QC_RESULTS.map((result) => ({ step, result })) : [{ step }];
        for (const input of inputs) {
          const key = 'result' in input ? `${step}:${input.result}` : step;
          const expected = ALLOWED[state][key];
          const got = recordStepTransition(state, input);
          if (expected) {
            expect(got, `${state} + ${key}`).toEqual({ ok: true, state: expected });
          } else {
            expect(got, `${state} + ${key}`).toMatchObject({ ok: false, reason: 'out_of_order', state });
          }
        }
      }
    }
  });

  it('names the allowed next steps with the refusal', () => {
    expect(recordStepTransition('body', { step: 'assembly' })).toEqual({
      ok: false,
      reason: 'out_of_order',
      state: 'body',
      allowed: ['paint'],
    });
    expect(nextSteps('assembly')).toEqual(['qc']);
    expect(nextSteps('at_dealer')).toEqual([]);
  });

  it('needs a result for qc and refuses one elsewhere', () => {
    expect(recordStepTransition('assembly', { step: 'qc' })).toMatchObject({
      ok: false,
      reason: 'qc_result_required',
    });
    expect(recordStepTransition('planned', { step: 'stamping', result: 'pass' })).toMatchObject({
      ok: false,
      reason: 'result_not_allowed',
    });
  });

  it('lets a car fail and pass QC again after rework as often as needed', () => {
    let state: StepState = 'assembly';
    for (const input of [
      { step: 'qc', result: 'fail' },
      { step: 'rework' },
      { step: 'qc', result: 'fail' },
      { step: 'rework' },
      { step: 'qc', result: 'pass' },
      { step: 'shipped' },
      { step: 'at_dealer' },
    ] as const) {
      const t = recordStepTransition(state, input);
      if (!t.ok) throw new Error(`${state} refused ${input.step}`);
      state = t.state;
    }
    expect(state).toBe('at_dealer');
  });
});
