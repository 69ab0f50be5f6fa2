import { describe, expect, it } from 'vitest';
import { parseCsplib } from './csplib.ts';
import { evaluate } from './evaluate.ts';
import { withPrevious } from './model.ts';

// 6 cars, 2 options (1/2 and 1/3), 3 classes.
const text = `6 2 3
1 1
2 3
0 2 1 0
1 2 0 1
2 2 0 0
`;

describe('parseCsplib', () => {
  it('reads capacities and classes into one car per vehicle', () => {
    const inst = parseCsplib('tiny', text);
    expect(inst.ids).toEqual(['0.0', '0.1', '1.0', '1.1', '2.0', '2.1']);
    expect(inst.ratios.map((r) => [r.n, r.p])).toEqual([
      [1, 2],
      [1, 3],
    ]);
    expect(Array.from(inst.options[0]!)).toEqual([1, 1, 0, 0, 0, 0]);
    expect(inst.prevCount).toBe(0);
    expect(inst.endWindows).toBe(false);
  });

  it('counts violations over full windows only', () => {
    const inst = parseCsplib('tiny', text);
    // Given order 0.0 0.1 1.0 1.1 2.0 2.1: option 1 windows of 2: [1 1] = +1, the rest fine.
    // Option 2 windows of 3: [0 0 1], [0 1 1] = +1, [1 1 0] = +1, [1 0 0]: total 3.
    expect(evaluate(inst, withPrevious(inst, inst.givenOrder)).hprc).toBe(3);
    // 0.0 1.0 2.0 0.1 1.1 2.1 satisfies both.
    expect(evaluate(inst, withPrevious(inst, [0, 2, 4, 1, 3, 5])).hprc).toBe(0);
  });

  it('rejects a file whose class counts do not add up', () => {
    expect(() => parseCsplib('bad', '5 2 3\n1 1\n2 3\n0 2 1 0\n1 2 0 1\n2 2 0 0\n')).toThrow(/add up/);
  });
});
