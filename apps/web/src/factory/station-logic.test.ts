import { describe, expect, it } from 'vitest';
import {
  type BuildSheet,
  defectsToSend,
  isStation,
  normalizeScan,
  parseRecentScans,
  pushRecentScan,
  type RecentScan,
  stepActions,
} from './station-logic.ts';

const car = (nextSteps: BuildSheet['nextSteps'], status: BuildSheet['status'] = 'active') => ({
  nextSteps,
  status,
});

const scan = (vehicleId: string, over: Partial<RecentScan> = {}): RecentScan => ({
  vehicleId,
  at: '2026-12-09T01:00:00.000Z',
  recorded: null,
  error: null,
  vin: null,
  ...over,
});

describe('scanning', () => {
  it('reads what a scanner or a person typed as a vehicle id', () => {
    expect(normalizeScan(' c2b-2026-000123\n')).toBe('C2B-2026-000123');
    expect(normalizeScan('C2B 2026 000123')).toBe('C2B2026000123');
    expect(normalizeScan('')).toBeUndefined();
    expect(normalizeScan('C2')).toBeUndefined();
    expect(normalizeScan('C2B/2026')).toBeUndefined();
  });

  it('knows the stations a tablet can stand at', () => {
    expect(isStation('paint')).toBe(true);
    expect(isStation('auto')).toBe(true);
    expect(isStation('painting')).toBe(false);
  });
});

describe('step buttons', () => {
  it("offer the car's next step at the automatic station", () => {
    expect(stepActions(car(['stamping']), 'auto')).toEqual([
      { kind: 'step', step: 'stamping', expected: true },
    ]);
    expect(stepActions(car(['body']), 'auto')).toEqual([{ kind: 'step', step: 'body', expected: true }]);
  });

  it('offer pass and fail at the quality check', () => {
    expect(stepActions(car(['qc']), 'auto')).toEqual([
      { kind: 'qc_pass', expected: true },
      { kind: 'qc_fail', expected: true },
    ]);
    expect(stepActions(car(['rework']), 'auto')).toEqual([{ kind: 'step', step: 'rework', expected: true }]);
  });

  it("offer a fixed station's own step, marked when the car is not there yet", () => {
    expect(stepActions(car(['paint']), 'paint')).toEqual([{ kind: 'step', step: 'paint', expected: true }]);
    expect(stepActions(car(['paint']), 'assembly')).toEqual([
      { kind: 'step', step: 'assembly', expected: false },
    ]);
    expect(stepActions(car(['assembly']), 'qc')).toEqual([
      { kind: 'qc_pass', expected: false },
      { kind: 'qc_fail', expected: false },
    ]);
  });

  it('offer nothing for a car at the dealer or cancelled', () => {
    expect(stepActions(car([]), 'auto')).toEqual([]);
    expect(stepActions(car(['paint'], 'cancelled'), 'paint')).toEqual([]);
  });
});

describe('QC defects', () => {
  it('sends the complete rows, trimmed, codes in upper case', () => {
    expect(
      defectsToSend([
        { code: ' pnt-017 ', description: ' Orange peel on the bonnet ' },
        { code: '', description: '' },
      ]),
    ).toEqual({ ok: true, defects: [{ code: 'PNT-017', description: 'Orange peel on the bonnet' }] });
  });

  it('refuses no defect at all, and a half-filled row', () => {
    expect(defectsToSend([{ code: '', description: ' ' }]).ok).toBe(false);
    expect(defectsToSend([{ code: 'PNT-017', description: '' }]).ok).toBe(false);
    expect(
      defectsToSend([
        { code: 'A', description: 'a' },
        { code: '', description: 'no code' },
      ]).ok,
    ).toBe(false);
  });
});

describe('last scans', () => {
  it('keeps the newest first, up to the limit', () => {
    let list: RecentScan[] = [];
    for (let i = 1; i <= 10; i++) list = pushRecentScan(list, scan(`C2B-2026-00000${i}`), 8);
    expect(list).toHaveLength(8);
    expect(list[0]?.vehicleId).toBe('C2B-2026-0000010');
  });

  it('replaces a look-up with the step recorded right after it', () => {
    const looked = pushRecentScan([], scan('C2B-2026-000001'));
    const recorded = pushRecentScan(
      looked,
      scan('C2B-2026-000001', { recorded: { step: 'body', result: null } }),
    );
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.recorded?.step).toBe('body');
    // A second step of the same car is a new entry.
    const again = pushRecentScan(
      recorded,
      scan('C2B-2026-000001', { recorded: { step: 'paint', result: null } }),
    );
    expect(again).toHaveLength(2);
  });

  it('reads back only what looks like scans', () => {
    expect(parseRecentScans(null)).toEqual([]);
    expect(parseRecentScans('not json')).toEqual([]);
    expect(parseRecentScans('{"a":1}')).toEqual([]);
    expect(parseRecentScans(JSON.stringify([scan('C2B-2026-000001'), { x: 1 }]))).toHaveLength(1);
  });
});
