/**
 * Exact evaluator: the reference every faster path is tested against. Deliberately simple
 * (recounts every window), following BEST_KNOWN.md rules R1-R4:
 * - R1 PCC: the change from the last D-1 car to the first D car counts, plus every change in D.
 * - R2 paint batch limit (hard): run lengths are counted inside day D only.
 * - R3 ratio N/P: every window of P consecutive cars, over the D-1 tail followed by day D, that
 *   contains at least one day-D car; violation = max(0, count - N).
 * - R4 windows starting in the last P-1 positions are truncated and still count with the same N
 *   (when `instance.endWindows`; CSPLib counts full windows only).
 */
import { type Components, type Instance, objectiveWeights, weightedScore } from './model.ts';

export type Evaluation = Components & {
  score: number;
  /** Longest run of one colour inside day D. */
  longestRun: number;
  /** Whether the hard paint batch limit (R2) holds. */
  feasible: boolean;
  /** Violation per ratio constraint, in `instance.ratios` order. */
  perRatio: number[];
};

export const ratioViolation = (instance: Instance, seq: ArrayLike<number>, k: number): number => {
  const { n, p } = instance.ratios[k]!;
  const opt = instance.options[k]!;
  const total = seq.length;
  const first = Math.max(0, instance.prevCount - p + 1);
  const last = instance.endWindows ? total - 1 : total - p;
  let violation = 0;
  for (let s = first; s <= last; s++) {
    let count = 0;
    const end = Math.min(s + p, total);
    for (let t = s; t < end; t++) count += opt[seq[t]!]!;
    if (count > n) violation += count - n;
  }
  return violation;
};

export const evaluate = (instance: Instance, seq: ArrayLike<number>): Evaluation => {
  const { colours, prevCount } = instance;
  let pcc = 0;
  for (let t = Math.max(1, prevCount); t < seq.length; t++) {
    if (colours[seq[t]!] !== colours[seq[t - 1]!]) pcc++;
  }
  let longestRun = 0;
  let run = 0;
  for (let t = prevCount; t < seq.length; t++) {
    run = t > prevCount && colours[seq[t]!] === colours[seq[t - 1]!] ? run + 1 : 1;
    if (run > longestRun) longestRun = run;
  }
  const perRatio = instance.ratios.map((_, k) => ratioViolation(instance, seq, k));
  let hprc = 0;
  let lprc = 0;
  perRatio.forEach((v, k) => {
    if (instance.ratios[k]!.priority === 'high') hprc += v;
    else lprc += v;
  });
  const components = { hprc, pcc, lprc };
  return {
    ...components,
    score: weightedScore(components, objectiveWeights(instance.objectives)),
    longestRun,
    feasible: longestRun <= instance.paintBatchLimit,
    perRatio,
  };
};
