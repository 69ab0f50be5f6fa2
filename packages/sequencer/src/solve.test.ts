import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsplib } from './csplib.ts';
import { evaluate } from './evaluate.ts';
import { withPrevious } from './model.ts';
import { sequenceDay } from './sequence-day.ts';
import { greedyOrder, solve } from './solve.ts';
import { randomInstance } from './testing.ts';

const csplibDir = join(import.meta.dirname, '../../../../shared/benchmarks/sequencing/csplib001/split');

describe('solve', () => {
  it('never breaks the paint batch limit and never ends worse than its start', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const instance = randomInstance(seed, { cars: 40, colours: 3, limit: 3 });
      const result = solve(instance, { seed, maxIterations: 20_000 });
      const e = evaluate(instance, withPrevious(instance, result.order));
      expect(e.score).toBe(result.score);
      expect(result.score).toBeLessThanOrEqual(result.initialScore);
      const greedy = evaluate(instance, withPrevious(instance, greedyOrder(instance)));
      const given = evaluate(instance, withPrevious(instance, instance.givenOrder));
      if (greedy.feasible || given.feasible) {
        expect(e.feasible).toBe(true);
        expect(e.longestRun).toBeLessThanOrEqual(3);
      }
      // The result is a permutation of the day's cars.
      expect([...result.order].sort((a, b) => a - b)).toEqual([...instance.givenOrder]);
    }
  });

  it('is deterministic for a seed with an iteration budget', () => {
    const instance = randomInstance(7, { cars: 60, colours: 4, limit: 4 });
    const a = solve(instance, { seed: 42, maxIterations: 30_000 });
    const b = solve(instance, { seed: 42, maxIterations: 30_000 });
    expect(Array.from(a.order)).toEqual(Array.from(b.order));
    expect(a.iterations).toBe(30_000);
  });

  it('stops at the deadline of the clock it is given and reports progress', () => {
    const instance = randomInstance(3, { cars: 60 });
    let t = 0;
    const seen: number[] = [];
    // A fake clock that advances 1 ms per reading: the run must stop on its own.
    const result = solve(instance, {
      seed: 1,
      now: () => t++,
      deadline: 50,
      onProgress: (p) => seen.push(p.iterations),
      progressEveryMs: 10,
    });
    expect(result.iterations).toBeLessThan(50 * 256 + 256);
    expect(seen.length).toBeGreaterThan(0);
  });

  it('restarts a stalled round deterministically and keeps the best over rounds', () => {
    const instance = randomInstance(11, { cars: 30, colours: 3, limit: 4 });
    const run = (restartStall?: number) => solve(instance, { seed: 5, maxIterations: 200_000, restartStall });
    const a = run();
    const b = run();
    // A tiny day settles long before the budget ends: the search starts new rounds.
    expect(a.rounds).toBeGreaterThan(1);
    expect(Array.from(a.order)).toEqual(Array.from(b.order));
    expect(a.rounds).toBe(b.rounds);
    const e = evaluate(instance, withPrevious(instance, a.order));
    expect(e.score).toBe(a.score);
    expect(a.score).toBeLessThanOrEqual(a.initialScore);
    expect(run(0).rounds).toBe(1);
  });

  it.skipIf(!existsSync(csplibDir))('solves CSPLib classic instances (4/72, 41/66, 26/82, 60-01)', () => {
    for (const name of ['4_72', '41_66', '26_82', '60-01']) {
      const instance = parseCsplib(name, readFileSync(join(csplibDir, `${name}.txt`), 'utf8'));
      const result = solve(instance, { seed: 1, maxIterations: 3_000_000, target: 0 });
      expect(result.components.hprc, name).toBe(0);
    }
  });
});

describe('sequenceDay', () => {
  it('sequences plain records and keeps the hard paint limit', () => {
    const cars = Array.from({ length: 12 }, (_, i) => ({
      id: `veh_${i}`,
      colour: i < 6 ? 'red' : 'blue',
      options: i % 3 === 0 ? ['sunroof'] : [],
    }));
    const result = sequenceDay(
      {
        cars,
        previous: [{ id: 'veh_prev', colour: 'red', options: ['sunroof'] }],
        ratios: [{ option: 'sunroof', n: 1, p: 3, priority: 'high' }],
        paintBatchLimit: 3,
        objectives: ['hprc', 'pcc'],
      },
      { seed: 1, maxIterations: 20_000 },
    );
    expect([...result.order].sort()).toEqual(cars.map((c) => c.id).sort());
    expect(result.feasible).toBe(true);
    expect(result.components.hprc).toBe(0);
    // 6 red + 6 blue with batches of at most 3 need at least 4 batches; the D-1 car is red.
    expect(result.components.pcc).toBeGreaterThanOrEqual(3);
    expect(result.score).toBeLessThanOrEqual(result.initialScore);
  });
});
