import { describe, expect, it } from 'vitest';
import {
  formatScore,
  improvementPercent,
  isFinished,
  orderMoves,
  type RunResult,
  runProgress,
  type SequenceRun,
  trendOf,
  violationRows,
} from './sequence-run.ts';

const run = (over: Partial<SequenceRun> = {}): SequenceRun => ({
  id: 'seq_1',
  lineId: 'lin_1',
  day: '2026-12-09',
  status: 'running',
  seconds: 10,
  seed: 1,
  maxIterations: null,
  progress: null,
  result: null,
  error: null,
  createdAt: '2026-12-03T10:00:00.000Z',
  startedAt: null,
  finishedAt: null,
  ...over,
});

const components = { hprc: 1, pcc: 9, lprc: 4 };

const result: RunResult = {
  applied: true,
  notApplied: null,
  order: ['C', 'A', 'B'],
  objective: { before: 3_012_007, after: 6_001 },
  components: { before: { hprc: 3, pcc: 12, lprc: 7 }, after: { hprc: 0, pcc: 6, lprc: 1 } },
  violations: {
    rules: [
      {
        ruleId: 'r3',
        code: 'rear-screens',
        name: { 'zh-CN': '后排娱乐屏', en: 'Rear screens' },
        n: 1,
        p: 3,
        priority: 'low',
        before: 7,
        after: 1,
      },
      {
        ruleId: 'r1',
        code: 'pano-roof',
        name: { 'zh-CN': '全景天窗装配', en: 'Roof' },
        n: 1,
        p: 3,
        priority: 'high',
        before: 3,
        after: 0,
      },
      {
        ruleId: 'r2',
        code: 'camper-roof',
        name: { 'zh-CN': '房车顶', en: 'Camper roof' },
        n: 1,
        p: 4,
        priority: 'high',
        before: 0,
        after: 0,
      },
    ],
    colourChanges: { before: 12, after: 6 },
    batchLimit: { limit: 10, longestRunBefore: 2, longestRunAfter: 4, keptBefore: true, keptAfter: true },
  },
};

describe('sequencing progress', () => {
  it('is indeterminate while queued and complete once done or failed', () => {
    expect(runProgress(run({ status: 'queued' })).percent).toBeNull();
    expect(runProgress(run({ status: 'done' })).percent).toBe(100);
    expect(runProgress(run({ status: 'failed', error: 'boom' })).percent).toBe(100);
    expect(isFinished(run({ status: 'failed' }))).toBe(true);
    expect(isFinished(run({ status: 'running' }))).toBe(false);
  });

  it('follows the time limit, or the move budget when that ends the run first', () => {
    const p = { iterations: 40_000, seconds: 2.5, bestScore: 1_009_004, components };
    expect(runProgress(run({ progress: p }))).toMatchObject({
      percent: 25,
      iterations: 40_000,
      bestScore: 1_009_004,
      components,
    });
    expect(runProgress(run({ progress: p, maxIterations: 50_000 })).percent).toBe(80);
    // Never full before the run says it is done.
    expect(runProgress(run({ progress: { ...p, seconds: 10.4 } })).percent).toBe(99);
    expect(runProgress(run({ status: 'running', progress: null })).percent).toBe(0);
  });

  it('formats scores and the improvement', () => {
    expect(formatScore('en', 3_012_007)).toBe('3,012,007');
    expect(formatScore('zh-CN', 6001)).toBe('6,001');
    expect(improvementPercent(3_012_007, 6_001)).toBe(99.8);
    expect(improvementPercent(0, 0)).toBe(0);
  });
});

describe('violations by constraint', () => {
  it('has one row per N/P rule (high priority first), colour changes and the batch limit', () => {
    const rows = violationRows(result);
    expect(rows.map((r) => r.key)).toEqual([
      'rule:r2',
      'rule:r1',
      'rule:r3',
      'colour_changes',
      'batch_limit',
    ]);
    expect(rows[1]).toMatchObject({ kind: 'rule', code: 'pano-roof', n: 1, p: 3, before: 3, after: 0 });
    expect(rows[3]).toMatchObject({ before: 12, after: 6 });
    expect(rows[4]).toMatchObject({ limit: 10, before: 2, after: 4, keptAfter: true });
  });

  it('says whether each constraint got better or worse', () => {
    const rows = violationRows(result);
    expect(rows.map(trendOf)).toEqual(['same', 'better', 'better', 'better', 'same']);
    const broken = violationRows({
      ...result,
      violations: {
        ...result.violations,
        batchLimit: { ...result.violations.batchLimit, keptBefore: true, keptAfter: false },
        colourChanges: { before: 3, after: 5 },
      },
    });
    expect(trendOf(broken[3]!)).toBe('worse');
    expect(trendOf(broken[4]!)).toBe('worse');
  });

  it("shows each car's old and new place", () => {
    expect(orderMoves(['A', 'B', 'C'], result.order)).toEqual([
      { vehicleId: 'C', from: 3, to: 1 },
      { vehicleId: 'A', from: 1, to: 2 },
      { vehicleId: 'B', from: 2, to: 3 },
    ]);
    expect(orderMoves(['A'], ['A', 'N'])[1]).toEqual({ vehicleId: 'N', from: null, to: 2 });
  });
});
