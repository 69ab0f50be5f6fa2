import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsplib } from './csplib.ts';
import {
  carOrder,
  classesOf,
  createWindowState,
  dsuGreedy,
  isPureRatioInstance,
  solveCsplib,
} from './csplib-solve.ts';
import { evaluate } from './evaluate.ts';
import type { Instance } from './model.ts';
import { createRandom } from './random.ts';
import { randomInstance } from './testing.ts';

const dataDir = join(import.meta.dirname, '../../../../shared/benchmarks/sequencing/csplib001');

/** A random CSPLib-shaped instance: no D-1 cars, full windows only, every constraint high. */
const randomPureRatio = (seed: number, cars: number): Instance => {
  const base = randomInstance(seed, { prev: 0, cars, colours: 1, ratios: 2 + (seed % 4), endWindows: false });
  return {
    ...base,
    ratios: base.ratios.map((r) => ({ ...r, priority: 'high' as const })),
    objectives: ['hprc'],
  };
};

const load = (sub: string, name: string): Instance =>
  parseCsplib(name, readFileSync(join(dataDir, sub, `${name}.txt`), 'utf8'));

describe('createWindowState', () => {
  it('predicts every swap and insertion exactly, under raised weights too', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const instance = randomPureRatio(seed, 10 + (seed % 6) * 8);
      const n = instance.ids.length;
      const classes = classesOf(instance);
      const rnd = createRandom(seed);
      const state = createWindowState(instance, classes, dsuGreedy(instance, classes, rnd), rnd);
      // The weighted violation recounted from the weights the state reports.
      const weightedRecount = (): number => {
        const order = carOrder(classes, state.seq);
        let sum = 0;
        instance.ratios.forEach((r, k) => {
          for (let s = 0; s + r.p <= n; s++) {
            let count = 0;
            for (let t = s; t < s + r.p; t++) count += instance.options[k]![order[t]!]!;
            if (count > r.n) sum += state.weight(k, s) * (count - r.n);
          }
        });
        return sum;
      };
      for (let move = 0; move < 400; move++) {
        if (move % 50 === 25) state.raiseWeights();
        const i = rnd.int(n);
        const j = rnd.int(n);
        if (i === j) continue;
        const before = state.weighted();
        const insertion = rnd.int(2) === 0;
        const predicted = insertion ? state.deltaInsert(i, j) : state.deltaSwap(i, j);
        if (insertion) state.insert(i, j);
        else state.swap(i, j);
        const where = `seed ${seed} move ${move} ${insertion ? 'insert' : 'swap'} ${i} ${j}`;
        expect(state.weighted() - before, where).toBe(predicted);
        expect(state.weighted(), where).toBe(weightedRecount());
        expect(state.violation(), where).toBe(evaluate(instance, carOrder(classes, state.seq)).hprc);
      }
    }
  });

  it('draws conflict positions holding the option of a violated window', () => {
    const instance = randomPureRatio(5, 60);
    const classes = classesOf(instance);
    const rnd = createRandom(5);
    const state = createWindowState(instance, classes, dsuGreedy(instance, classes, rnd), rnd);
    // Make violations: all cars in class order.
    const sorted = Int32Array.from(state.seq).sort();
    state.load(sorted);
    expect(state.violation()).toBeGreaterThan(0);
    for (let draw = 0; draw < 200; draw++) {
      const i = state.conflictPosition();
      const k = state.conflictOption();
      const { n, p } = instance.ratios[k]!;
      const order = carOrder(classes, state.seq);
      expect(instance.options[k]![order[i]!]).toBe(1);
      // Some full window holding i has more than n cars of option k.
      let inViolated = false;
      for (let s = Math.max(0, i - p + 1); s <= i && s + p <= order.length; s++) {
        let count = 0;
        for (let t = s; t < s + p; t++) count += instance.options[k]![order[t]!]!;
        if (count > n) inViolated = true;
      }
      expect(inViolated).toBe(true);
    }
  });
});

describe('solveCsplib', () => {
  it('reports the exact violation of the order it returns, never above its start', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const instance = randomPureRatio(seed, 20 + (seed % 5) * 15);
      for (const maxIterations of [0, 1, 50, 5_000, 50_000]) {
        let tracked = -1;
        const result = solveCsplib(instance, {
          seed,
          maxIterations,
          onProgress: (p) => {
            tracked = p.score;
          },
        });
        const e = evaluate(instance, result.order);
        // The count the search kept incrementally is the exact evaluator's count.
        expect(tracked, `seed ${seed} after ${maxIterations}`).toBe(e.hprc);
        expect(result.components.hprc).toBe(e.hprc);
        expect(result.score).toBe(e.score);
        expect(result.components.hprc).toBeLessThanOrEqual(result.initialScore);
        // A permutation of the cars.
        expect([...result.order].sort((a, b) => a - b)).toEqual([...instance.givenOrder]);
      }
    }
  });

  it('finds a zero-violation order when one is known to exist', () => {
    // Planted: a random order whose windows are then all within capacity by construction.
    for (let seed = 1; seed <= 20; seed++) {
      const instance = randomPureRatio(seed, 60);
      // Capacities set to the maximum any window of the given order holds: that order satisfies them.
      const ratios = instance.ratios.map((r, k) => {
        let most = 0;
        for (let s = 0; s + r.p <= 60; s++) {
          let count = 0;
          for (let t = s; t < s + r.p; t++) count += instance.options[k]![instance.givenOrder[t]!]!;
          most = Math.max(most, count);
        }
        return { ...r, n: Math.max(1, most) };
      });
      // Shuffle the cars so the search does not start from the planted order.
      const planted: Instance = {
        ...instance,
        ratios,
        givenOrder: Int32Array.from(instance.givenOrder).reverse(),
      };
      expect(evaluate(planted, instance.givenOrder).hprc).toBe(0);
      const result = solveCsplib(planted, { seed, maxIterations: 200_000 });
      expect(result.components.hprc, `seed ${seed}`).toBe(0);
      expect(evaluate(planted, result.order).hprc).toBe(0);
    }
  });

  it('is deterministic for a seed with an iteration budget', () => {
    const instance = randomPureRatio(9, 120);
    const a = solveCsplib(instance, { seed: 3, maxIterations: 40_000 });
    const b = solveCsplib(instance, { seed: 3, maxIterations: 40_000 });
    expect(Array.from(a.order)).toEqual(Array.from(b.order));
    expect(a.iterations).toBe(b.iterations);
  });

  it('stops at the deadline of the clock it is given and reports progress', () => {
    // 19/71 is not known to be satisfiable (its best known count is 2): the run cannot stop early.
    if (!existsSync(join(dataDir, 'split'))) return;
    const instance = load('split', '19_71');
    let t = 0;
    const seen: number[] = [];
    const result = solveCsplib(instance, {
      seed: 1,
      now: () => t++,
      deadline: 50,
      onProgress: (p) => seen.push(p.score),
      progressEveryMs: 10,
    });
    expect(result.iterations).toBeLessThanOrEqual(50 * 256 + 256);
    expect(result.components.hprc).toBeGreaterThan(0);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toBe(result.components.hprc);
  });

  it('refuses instances that are not pure ratio problems', () => {
    const roadefLike = randomInstance(4, { prev: 3, cars: 20, colours: 2, limit: 3 });
    expect(isPureRatioInstance(roadefLike)).toBe(false);
    expect(() => solveCsplib(roadefLike)).toThrow(/pure ratio/);
  });

  it.skipIf(!existsSync(join(dataDir, 'split')))(
    'solves the classic satisfiable instances 4/72, 41/66, 26/82, 16/81 and 60-01 with an iteration budget',
    () => {
      for (const name of ['4_72', '41_66', '26_82', '16_81', '60-01']) {
        const instance = load('split', name);
        const result = solveCsplib(instance, { seed: 1, maxIterations: 20_000_000 });
        expect(result.components.hprc, name).toBe(0);
        expect(evaluate(instance, result.order).hprc, name).toBe(0);
      }
    },
  );

  it.skipIf(!existsSync(join(dataDir, 'pb_200_400')))(
    'solves the hard satisfiable pb_200_01 with an iteration budget',
    () => {
      const instance = load('pb_200_400', 'pb_200_01');
      const result = solveCsplib(instance, { seed: 1, maxIterations: 20_000_000 });
      expect(result.components.hprc).toBe(0);
      expect(evaluate(instance, result.order).hprc).toBe(0);
    },
  );
});
