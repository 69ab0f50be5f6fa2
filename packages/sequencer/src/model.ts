/**
 * The one instance shape every parser produces and every evaluator/solver consumes.
 *
 * Positions 0..prevCount-1 hold the fixed cars of day D-1 (in production order); positions
 * prevCount..carCount-1 hold the cars of day D. Car indices are stable; a sequence is an
 * Int32Array of car indices of length carCount whose prefix is always 0..prevCount-1.
 */

export const objectiveNames = ['hprc', 'pcc', 'lprc'] as const;
export type ObjectiveName = (typeof objectiveNames)[number];

export const priorities = ['high', 'low'] as const;
export type Priority = (typeof priorities)[number];

export type RatioConstraint = {
  id: string;
  /** At most `n` cars with the option in any `p` consecutive cars. */
  n: number;
  p: number;
  priority: Priority;
};

export type Instance = {
  name: string;
  /** Car identifiers (ROADEF `Ident`), index = car index. */
  ids: string[];
  /** Colour index per car (dense 0..colourCount-1). */
  colours: Int32Array;
  colourNames: string[];
  /** options[k][car] = 1 when the car needs the option of ratio constraint k. */
  options: Uint8Array[];
  ratios: RatioConstraint[];
  /** Number of fixed day D-1 cars at the start. */
  prevCount: number;
  /** Hard limit on a run of one colour inside day D; Infinity when there is none. */
  paintBatchLimit: number;
  /** Objectives by rank (first = most important); the ones missing weigh 0. */
  objectives: ObjectiveName[];
  /**
   * Rule R4: windows that start in the last P-1 positions are truncated and still count.
   * True for ROADEF; false for CSPLib, whose classic violation count uses full windows only.
   */
  endWindows: boolean;
  /** Day-D car indices in the given order (ROADEF SeqRank); the "initial" solution. */
  givenOrder: Int32Array;
};

export type Components = { hprc: number; pcc: number; lprc: number };

export type Weights = { hprc: number; pcc: number; lprc: number };

/** Challenge weights: rank 1 = 1 000 000, rank 2 = 1 000, rank 3 = 1, unranked = 0. */
export const objectiveWeights = (objectives: readonly ObjectiveName[]): Weights => {
  const scale = [1_000_000, 1_000, 1];
  const weights: Weights = { hprc: 0, pcc: 0, lprc: 0 };
  objectives.forEach((name, rank) => {
    weights[name] = scale[rank] ?? 0;
  });
  return weights;
};

export const weightedScore = (c: Components, w: Weights): number =>
  c.hprc * w.hprc + c.pcc * w.pcc + c.lprc * w.lprc;

/** Full sequence (D-1 prefix followed by the day-D order) from a day-D order. */
export const withPrevious = (instance: Instance, dayOrder: ArrayLike<number>): Int32Array => {
  const seq = new Int32Array(instance.ids.length);
  for (let i = 0; i < instance.prevCount; i++) seq[i] = i;
  for (let i = 0; i < dayOrder.length; i++) seq[instance.prevCount + i] = dayOrder[i]!;
  return seq;
};

export class SequencerError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}
