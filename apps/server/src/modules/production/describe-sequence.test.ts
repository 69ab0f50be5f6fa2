import { describe, expect, it } from 'vitest';
import { buildDayInput, evaluateOrder } from './describe-sequence.ts';

const rules = [
  { id: 'npr_roof', n: 1, p: 2, priority: 'high' as const },
  { id: 'npr_tow', n: 1, p: 3, priority: 'low' as const },
];
const car = (vehicleId: string, colour: string, ruleIds: string[] = []) => ({ vehicleId, colour, ruleIds });

describe('a day as a sequencing problem', () => {
  it('uses rule ids as options, drops unknown ones and keeps only the previous tail that matters', () => {
    const input = buildDayInput({
      cars: [car('V1', 'white', ['npr_roof', 'npr_gone'])],
      previous: [car('P1', 'red'), car('P2', 'red'), car('P3', 'black', ['npr_tow'])],
      rules,
      paintBatchLimit: 5,
    });
    expect(input.cars).toEqual([{ id: 'V1', colour: 'white', options: ['npr_roof'] }]);
    // The longest window is 3 cars: 2 cars of the previous day can share one with today's.
    expect(input.previous.map((c) => c.id)).toEqual(['P2', 'P3']);
    expect(input.ratios).toEqual([
      { option: 'npr_roof', n: 1, p: 2, priority: 'high' },
      { option: 'npr_tow', n: 1, p: 3, priority: 'low' },
    ]);
  });

  it('scores an order by rule, colour changes and the batch limit (hand-counted)', () => {
    const input = buildDayInput({
      cars: [
        car('A', 'white', ['npr_roof']),
        car('B', 'white', ['npr_roof']),
        car('C', 'black'),
        car('D', 'white'),
      ],
      previous: [car('P', 'black', ['npr_roof'])],
      rules,
      paintBatchLimit: 2,
    });
    // P | A B C D: roof windows (P,A) (A,B) -> 2 violations; colours P->A change, B->C, C->D: 3; runs A,B = 2 ok.
    expect(evaluateOrder(input, ['A', 'B', 'C', 'D'])).toEqual({
      objective: 2 * 1_000_000 + 3 * 1_000,
      components: { hprc: 2, pcc: 3, lprc: 0 },
      perRule: [
        { ruleId: 'npr_roof', violations: 2 },
        { ruleId: 'npr_tow', violations: 0 },
      ],
      colourChanges: 3,
      longestRun: 2,
      batchLimitKept: true,
    });
    // P | C A D B: roof (P,C) 1, (C,A) 1, (A,D) 1, (D,B) 1, (B) 1 -> 0 violations; colours: P->C none, C->A, D same, B same: 1.
    const better = evaluateOrder(input, ['C', 'A', 'D', 'B']);
    expect(better.components).toEqual({ hprc: 0, pcc: 1, lprc: 0 });
    expect(better.longestRun).toBe(3);
    expect(better.batchLimitKept).toBe(false);
  });

  it('refuses an order that is not the day', () => {
    const input = buildDayInput({
      cars: [car('A', 'w'), car('B', 'w')],
      previous: [car('P', 'w')],
      rules,
      paintBatchLimit: 9,
    });
    expect(() => evaluateOrder(input, ['A'])).toThrow();
    expect(() => evaluateOrder(input, ['A', 'A'])).toThrow();
    expect(() => evaluateOrder(input, ['A', 'P'])).toThrow();
  });
});
