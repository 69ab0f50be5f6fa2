/**
 * A production day as a sequencing problem, and how good an order of it is, pure. Runs in the
 * sequencing worker thread and in tests.
 *
 * Colour = the chosen option of the line's paint family; options = the line's N/P rules the car
 * counts towards (each rule is one ratio constraint, named by its rule id); previous = the tail
 * of the previous working day's sequence (its cars are fixed; windows across midnight count).
 */
import { type DayInput, dayInstance, evaluate, withPrevious } from '@openc2b/sequencer';

export type SequenceCar = { vehicleId: string; colour: string; ruleIds: string[] };
export type SequenceRule = { id: string; n: number; p: number; priority: 'high' | 'low' };

export function buildDayInput(input: {
  cars: readonly SequenceCar[];
  previous: readonly SequenceCar[];
  rules: readonly SequenceRule[];
  paintBatchLimit: number;
}): DayInput {
  const known = new Set(input.rules.map((r) => r.id));
  const car = (c: SequenceCar) => ({
    id: c.vehicleId,
    colour: c.colour,
    options: c.ruleIds.filter((id) => known.has(id)),
  });
  // Only the last P-1 cars of the previous day can share a window with today's cars.
  const tail = Math.max(0, ...input.rules.map((r) => r.p - 1));
  return {
    cars: input.cars.map(car),
    previous: tail === 0 ? [] : input.previous.slice(-tail).map(car),
    ratios: input.rules.map((r) => ({ option: r.id, n: r.n, p: r.p, priority: r.priority })),
    paintBatchLimit: input.paintBatchLimit,
  };
}

export type SequenceEvaluation = {
  /** Weighted score (high-priority violations x 1,000,000 + colour changes x 1,000 + low x 1). */
  objective: number;
  components: { hprc: number; pcc: number; lprc: number };
  /** Violations per rule id: sum over every window of max(0, count - n). */
  perRule: { ruleId: string; violations: number }[];
  colourChanges: number;
  longestRun: number;
  /** Whether the hard paint batch limit holds. */
  batchLimitKept: boolean;
};

/** Scores a day order (vehicle ids, every car of the day once) with the sequencer's exact evaluator. */
export function evaluateOrder(input: DayInput, order: readonly string[]): SequenceEvaluation {
  const instance = dayInstance(input);
  const index = new Map(instance.ids.map((id, i) => [id, i]));
  if (order.length !== input.cars.length) throw new Error('the order must hold every car of the day once');
  const dayOrder = order.map((id) => {
    const i = index.get(id);
    if (i === undefined || i < instance.prevCount) throw new Error(`not a car of this day: ${id}`);
    return i;
  });
  if (new Set(dayOrder).size !== dayOrder.length) throw new Error('a car appears twice in the order');
  const e = evaluate(instance, withPrevious(instance, dayOrder));
  return {
    objective: e.score,
    components: { hprc: e.hprc, pcc: e.pcc, lprc: e.lprc },
    perRule: instance.ratios.map((r, k) => ({ ruleId: r.id, violations: e.perRatio[k] ?? 0 })),
    colourChanges: e.pcc,
    longestRun: e.longestRun,
    batchLimitKept: e.feasible,
  };
}
