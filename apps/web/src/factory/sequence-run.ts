// A sequencing run as the planner watches it: a progress bar while the solver works, then
// the objective before and after and the violations by constraint.
import type { ResponseOf } from '../api/types.ts';

// The generated schema marks the shape nullable (it is also used as `latestRun: ... | null`).
export type SequenceRun = NonNullable<ResponseOf<'/factory/sequence-runs/{runId}', 'get'>>;
export type RunResult = NonNullable<SequenceRun['result']>;

/** How often the console asks for the run while it is queued or running. */
export const POLL_MS = 700;

export function isFinished(run: Pick<SequenceRun, 'status'>): boolean {
  return run.status === 'done' || run.status === 'failed';
}

export type RunProgressView = {
  status: SequenceRun['status'];
  /** 0..100; null while queued (the bar is indeterminate). */
  percent: number | null;
  iterations: number;
  seconds: number;
  bestScore: number | null;
  components: { hprc: number; pcc: number; lprc: number } | null;
};

/**
 * Progress of a run: the solver stops at its time limit (or iteration budget, whichever comes
 * first), so the share done is the larger of the two fractions; a finished run is 100.
 */
export function runProgress(run: SequenceRun): RunProgressView {
  const p = run.progress;
  const base = {
    status: run.status,
    iterations: p?.iterations ?? 0,
    seconds: p?.seconds ?? 0,
    bestScore: p?.bestScore ?? null,
    components: p?.components ?? null,
  };
  if (isFinished(run)) return { ...base, percent: 100 };
  if (run.status === 'queued' || !p) return { ...base, percent: run.status === 'queued' ? null : 0 };
  const byTime = run.seconds > 0 ? p.seconds / run.seconds : 0;
  const byMoves = run.maxIterations ? p.iterations / run.maxIterations : 0;
  // Never 100 before the run says it is done: the result is still being stored.
  return { ...base, percent: Math.min(99, Math.max(0, Math.floor(Math.max(byTime, byMoves) * 100))) };
}

/** The weights of the objective (lexicographic: high-priority rules, colour changes, low-priority rules). */
export const OBJECTIVE_WEIGHTS = { hprc: 1_000_000, pcc: 1_000, lprc: 1 } as const;

export function formatScore(locale: string, score: number): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(score);
}

/** How much better the new order is, in percent of the old objective (0 when it was already 0). */
export function improvementPercent(before: number, after: number): number {
  if (before <= 0) return 0;
  return Math.round(((before - after) / before) * 1000) / 10;
}

export type ViolationRow =
  | {
      kind: 'rule';
      key: string;
      code: string;
      name: { 'zh-CN': string; en: string } | null;
      n: number;
      p: number;
      priority: 'high' | 'low';
      before: number;
      after: number;
    }
  | { kind: 'colour_changes'; key: string; before: number; after: number }
  | {
      kind: 'batch_limit';
      key: string;
      limit: number;
      before: number;
      after: number;
      keptBefore: boolean;
      keptAfter: boolean;
    };

/** One row per constraint: each N/P rule (high priority first), colour changes, the paint batch limit. */
export function violationRows(result: RunResult): ViolationRow[] {
  const rules = [...result.violations.rules].sort(
    (a, b) =>
      (a.priority === b.priority ? 0 : a.priority === 'high' ? -1 : 1) || a.code.localeCompare(b.code),
  );
  const { colourChanges, batchLimit } = result.violations;
  return [
    ...rules.map((r) => ({
      kind: 'rule' as const,
      key: `rule:${r.ruleId}`,
      code: r.code,
      name: r.name,
      n: r.n,
      p: r.p,
      priority: r.priority,
      before: r.before,
      after: r.after,
    })),
    {
      kind: 'colour_changes',
      key: 'colour_changes',
      before: colourChanges.before,
      after: colourChanges.after,
    },
    {
      kind: 'batch_limit',
      key: 'batch_limit',
      limit: batchLimit.limit,
      before: batchLimit.longestRunBefore,
      after: batchLimit.longestRunAfter,
      keptBefore: batchLimit.keptBefore,
      keptAfter: batchLimit.keptAfter,
    },
  ];
}

/** Whether a row got better, worse or stayed (the batch limit: by whether it is kept). */
export function trendOf(row: ViolationRow): 'better' | 'worse' | 'same' {
  if (row.kind === 'batch_limit') {
    if (row.keptAfter !== row.keptBefore) return row.keptAfter ? 'better' : 'worse';
    return 'same';
  }
  if (row.after < row.before) return 'better';
  if (row.after > row.before) return 'worse';
  return 'same';
}

/** Each car's place before and after: `from` is its 1-based position in the old order, null if new. */
export function orderMoves(
  before: readonly string[],
  after: readonly string[],
): { vehicleId: string; from: number | null; to: number }[] {
  const old = new Map(before.map((id, i) => [id, i + 1]));
  return after.map((vehicleId, i) => ({ vehicleId, from: old.get(vehicleId) ?? null, to: i + 1 }));
}
