import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { createIncremental } from './incremental.ts';
import { withPrevious } from './model.ts';
import { createRandom } from './random.ts';
import { randomInstance } from './testing.ts';

/** The same moves, by brute force on a plain array. */
const rotate = (seq: number[], a: number, x: number, z: number): number[] => [
  ...seq.slice(0, a),
  ...seq.slice(x, z + 1),
  ...seq.slice(a, x),
  ...seq.slice(z + 1),
];

describe('incremental evaluation', () => {
  it('equals the exact evaluator after thousands of random moves (property test)', () => {
    let checked = 0;
    let committed = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const instance = randomInstance(seed, { endWindows: seed % 5 !== 0 });
      if (seed % 2 === 0) {
        // A limit the start satisfies, tight enough that some moves break it.
        instance.paintBatchLimit = Math.max(
          2,
          evaluate(instance, withPrevious(instance, instance.givenOrder)).longestRun,
        );
      }
      const rnd = createRandom(seed * 7919);
      const inc = createIncremental(instance, withPrevious(instance, instance.givenOrder));
      const m = instance.prevCount;
      const n = instance.ids.length - m;
      for (let step = 0; step < 300; step++) {
        const i = m + rnd.int(n);
        const j = m + rnd.int(n);
        if (i === j) continue;
        const a = Math.min(i, j);
        const z = Math.max(i, j);
        const seq = Array.from(inc.seq);
        let moved: number[];
        const kind = rnd.int(4);
        if (kind === 0) {
          inc.prepareSwap(i, j);
          moved = [...seq];
          moved[i] = seq[j]!;
          moved[j] = seq[i]!;
        } else if (kind === 1) {
          inc.prepareInsert(i, j);
          moved = [...seq];
          const [car] = moved.splice(i, 1);
          moved.splice(j, 0, car!);
        } else if (kind === 2) {
          inc.prepareReverse(a, z);
          moved = [...seq.slice(0, a), ...seq.slice(a, z + 1).reverse(), ...seq.slice(z + 1)];
        } else {
          const x = a + 1 + rnd.int(z - a);
          inc.prepareRotate(a, x, z);
          moved = rotate(seq, a, x, z);
        }
        const before = evaluate(instance, seq);
        const after = evaluate(instance, moved);
        const delta = inc.evaluateMove();
        checked++;
        if (!after.feasible) {
          expect(delta).toBe(Number.POSITIVE_INFINITY);
          continue;
        }
        expect(delta).toBe(after.score - before.score);
        if (rnd.int(2) === 0) {
          inc.commit();
          committed++;
          expect(Array.from(inc.seq)).toEqual(moved);
          expect(inc.components()).toEqual({ hprc: after.hprc, pcc: after.pcc, lprc: after.lprc });
        }
      }
    }
    expect(checked).toBeGreaterThan(15000);
    expect(committed).toBeGreaterThan(3000);
  });
});
