/**
 * Generic entry for the production module: sequence one day of locked orders with the
 * ROADEF 2005 rules, from plain records instead of challenge files.
 */
import { lowerBound } from './bounds.ts';
import {
  type Components,
  type Instance,
  type ObjectiveName,
  type Priority,
  SequencerError,
} from './model.ts';
import { type Progress, solve } from './solve.ts';

export type DayCar = { id: string; colour: string; options: string[] };

export type DayRatio = { option: string; n: number; p: number; priority: Priority };

export type DayInput = {
  /** Cars to sequence, in their current (given) order. */
  cars: DayCar[];
  /** Fixed cars of the previous day, in production order (only the tail matters). */
  previous: DayCar[];
  ratios: DayRatio[];
  /** Hard limit on consecutive cars of one colour; omit for none. */
  paintBatchLimit?: number;
  /** Objectives by rank; default hprc > pcc > lprc. */
  objectives?: ObjectiveName[];
};

export type DayOptions = {
  seconds?: number;
  seed?: number;
  /** Milliseconds clock; defaults to Date.now. */
  now?: () => number;
  /** Reproducible runs: stop after this many move evaluations. */
  maxIterations?: number;
  onProgress?: (progress: Progress) => void;
};

export type DayResult = {
  /** Car ids in line order. */
  order: string[];
  components: Components;
  score: number;
  /** Score of the order the cars were given in. */
  initialScore: number;
  feasible: boolean;
};

export const dayInstance = (input: DayInput): Instance => {
  const all = [...input.previous, ...input.cars];
  const ids = all.map((c) => c.id);
  if (new Set(ids).size !== ids.length)
    throw new SequencerError('sequencer.duplicate_vehicle', 'Car ids must be unique');
  const colourNames: string[] = [];
  const colourIndex = new Map<string, number>();
  const colours = Int32Array.from(all, (car) => {
    let c = colourIndex.get(car.colour);
    if (c === undefined) {
      c = colourNames.length;
      colourIndex.set(car.colour, c);
      colourNames.push(car.colour);
    }
    return c;
  });
  for (const r of input.ratios) {
    if (!(Number.isInteger(r.n) && Number.isInteger(r.p) && r.n >= 0 && r.p >= 1)) {
      throw new SequencerError('sequencer.bad_ratio', `Ratio ${r.option} needs integers n >= 0 and p >= 1`);
    }
  }
  const prevCount = input.previous.length;
  return {
    name: 'day',
    ids,
    colours,
    colourNames,
    options: input.ratios.map((r) => Uint8Array.from(all, (car) => (car.options.includes(r.option) ? 1 : 0))),
    ratios: input.ratios.map((r) => ({ id: r.option, n: r.n, p: r.p, priority: r.priority })),
    prevCount,
    paintBatchLimit: input.paintBatchLimit ?? Number.POSITIVE_INFINITY,
    objectives: input.objectives ?? ['hprc', 'pcc', 'lprc'],
    endWindows: true,
    givenOrder: Int32Array.from(input.cars, (_, i) => prevCount + i),
  };
};

export const sequenceDay = (input: DayInput, options: DayOptions = {}): DayResult => {
  const instance = dayInstance(input);
  const now = options.now ?? Date.now;
  const result = solve(instance, {
    seed: options.seed ?? 1,
    now,
    deadline: options.seconds === undefined ? undefined : now() + options.seconds * 1000,
    maxIterations: options.maxIterations ?? (options.seconds === undefined ? 200_000 : undefined),
    onProgress: options.onProgress,
    // A proven lower bound: reaching it means the order is optimal, so stop there.
    target: lowerBound(instance).score,
  });
  return {
    order: Array.from(result.order, (car) => instance.ids[car]!),
    components: result.components,
    score: result.score,
    initialScore: result.givenScore,
    feasible: result.feasible,
  };
};
