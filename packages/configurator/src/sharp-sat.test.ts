import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfiguratorError } from './errors.ts';
import type { Cnf } from './import-dimacs.ts';
import { parseDimacs } from './import-dimacs.ts';
import { compileDdnnf, countCnf, ddnnfCount, literalCounts } from './sharp-sat.ts';
import { testRng } from './testing/brute.ts';

const DIR = '/work/shared/benchmarks/configuration/feature-models';
const BUSYBOX = `${DIR}/busybox-1.18.0_Knueppel2017.dimacs`;
const AUTOMOTIVE01 = `${DIR}/automotive01_Kowal2016.dimacs`;
const AUTOMOTIVE02 = `${DIR}/automotive02_v1_Knueppel2017-2_1.dimacs`;

const cnfOf = (numVars: number, clauses: number[][]): Cnf => ({
  numVars,
  clauses: clauses.map((c) => Int32Array.from(c)),
  names: [],
});

type Brute = { count: bigint; pos: bigint[]; neg: bigint[] };

/** Enumerates all 2^n assignments (bit v-1 = variable v) with the assumptions true. */
const brute = (cnf: Cnf, assumptions: number[] = []): Brute => {
  const n = cnf.numVars;
  const masks = [...cnf.clauses, ...assumptions.map((a) => Int32Array.of(a))].map((c) => {
    let p = 0;
    let q = 0;
    for (const l of c) {
      if (l > 0) p |= 1 << (l - 1);
      else q |= 1 << (-l - 1);
    }
    return [p, q] as const;
  });
  const pos = new Array<bigint>(n + 1).fill(0n);
  const neg = new Array<bigint>(n + 1).fill(0n);
  const ones = new Array<number>(n + 1).fill(0);
  let count = 0;
  for (let m = 0; m < 2 ** n; m++) {
    let ok = true;
    for (const [p, q] of masks) {
      if ((m & p) === 0 && (~m & q) === 0) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    count++;
    for (let v = 1; v <= n; v++) if ((m >> (v - 1)) & 1) ones[v] = (ones[v] as number) + 1;
  }
  for (let v = 1; v <= n; v++) {
    pos[v] = BigInt(ones[v] as number);
    neg[v] = BigInt(count - (ones[v] as number));
  }
  return { count: BigInt(count), pos, neg };
};

/**
 * Random CNFs of three shapes: uniform random clauses (often unsatisfiable when dense),
 * feature-model-like (a tree of implications, exclusions, a few long "or" clauses) and
 * disjoint blocks (many components plus free variables).
 */
const randomCnf = (rng: () => number): Cnf => {
  const int = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
  const n = int(1, 16);
  const lit = (lo = 1, hi = n) => (rng() < 0.5 ? 1 : -1) * int(lo, hi);
  const clauses: number[][] = [];
  const shape = rng();
  if (shape < 0.4) {
    const m = int(0, 4 * n);
    for (let i = 0; i < m; i++) {
      const k = rng() < 0.1 ? 1 : int(2, 4);
      clauses.push(Array.from({ length: k }, () => lit()));
    }
  } else if (shape < 0.7) {
    if (rng() < 0.7) clauses.push([1]);
    for (let v = 2; v <= n; v++) {
      const parent = int(1, v - 1);
      clauses.push([-v, parent]);
      if (rng() < 0.2) clauses.push([-parent, v]);
    }
    for (let i = int(0, 4); i > 0; i--) clauses.push([-int(1, n), -int(1, n)]);
    for (let i = int(0, 3); i > 0; i--) clauses.push([-int(1, n), int(1, n), int(1, n), lit()]);
  } else {
    let v = 1;
    while (v <= n) {
      const size = int(1, 4);
      const hi = Math.min(n, v + size - 1);
      if (rng() < 0.8) {
        for (let i = int(1, 2 * size); i > 0; i--) clauses.push([lit(v, hi), lit(v, hi), lit(v, hi)]);
      }
      v = hi + 1 + (rng() < 0.3 ? 1 : 0);
    }
  }
  return cnfOf(n, clauses);
};

describe('countCnf', () => {
  it('handles trivial formulas', () => {
    expect(countCnf(cnfOf(0, [])).count).toBe(1n);
    expect(countCnf(cnfOf(70, [])).count).toBe(2n ** 70n);
    expect(countCnf(cnfOf(3, [[]])).count).toBe(0n);
    expect(countCnf(cnfOf(2, [[1], [-1]])).count).toBe(0n);
    // Tautologies and repeated literals are harmless.
    expect(
      countCnf(
        cnfOf(3, [
          [1, -1, 2],
          [2, 2, 3, 3],
        ]),
      ).count,
    ).toBe(6n);
  });

  it('equals brute force on 500 seeded random CNFs, with and without assumptions', () => {
    const rng = testRng(20240611);
    let unsat = 0;
    let multi = 0;
    for (let i = 0; i < 500; i++) {
      const cnf = randomCnf(rng);
      const b = brute(cnf);
      const r = countCnf(cnf);
      expect(r.count, JSON.stringify(cnf.clauses.map((c) => Array.from(c)))).toBe(b.count);
      expect(countCnf(cnf, { heuristic: 'occurrences' }).count).toBe(b.count);
      if (b.count === 0n) unsat++;
      if (r.nodes > 1) multi++;
      const v = 1 + Math.floor(rng() * cnf.numVars);
      const a = [rng() < 0.5 ? v : -v];
      if (cnf.numVars > 1 && rng() < 0.5) a.push(v === 1 ? -2 : 1);
      expect(countCnf(cnf, { assumptions: a }).count).toBe(brute(cnf, a).count);
    }
    // The generator must exercise both outcomes and non-trivial searches.
    expect(unsat).toBeGreaterThan(30);
    expect(multi).toBeGreaterThan(100);
  });

  it('counts up to 18 variables exactly against brute force', () => {
    const rng = testRng(7);
    for (let i = 0; i < 12; i++) {
      const n = 17 + (i % 2);
      const clauses: number[][] = [];
      for (let k = 0; k < n * 2; k++) {
        clauses.push([1, 2, 3].map(() => (rng() < 0.5 ? 1 : -1) * (1 + Math.floor(rng() * n))));
      }
      const cnf = cnfOf(n, clauses);
      expect(countCnf(cnf).count).toBe(brute(cnf).count);
    }
  });

  it('is 0 with contradictory assumptions and rejects bad literals', () => {
    const cnf = cnfOf(3, [[1, 2, 3]]);
    expect(countCnf(cnf, { assumptions: [2, -2] }).count).toBe(0n);
    expect(countCnf(cnf, { assumptions: [-1, -2] }).count).toBe(1n);
    expect(() => countCnf(cnf, { assumptions: [4] })).toThrow(ConfiguratorError);
    expect(() => countCnf(cnfOf(2, [[1, 3]]))).toThrow(/out of range/);
  });

  it('throws ConfiguratorError timeout over the time limit', () => {
    try {
      countCnf(cnfOf(3, [[1, 2, 3]]), { timeoutMs: 0 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfiguratorError);
      expect((e as ConfiguratorError).code).toBe('timeout');
    }
  });

  it('keeps exact counts when the cache is squeezed (eviction only costs time)', () => {
    const rng = testRng(99);
    for (let i = 0; i < 100; i++) {
      const cnf = randomCnf(rng);
      expect(countCnf(cnf, { cacheBytes: 0 }).count).toBe(brute(cnf).count);
    }
  });

  it('searches thousands of levels deep without recursion (a path of 2000 variables)', () => {
    // (x_i ∨ x_i+1): strings without two adjacent zeros, Fibonacci F(n+2).
    const n = 2000;
    const clauses: number[][] = [];
    for (let v = 1; v < n; v++) clauses.push([v, v + 1]);
    let a = 0n;
    let b = 1n;
    for (let i = 0; i < n + 2; i++) [a, b] = [b, a + b];
    expect(countCnf(cnfOf(n, clauses)).count).toBe(a);
  });
});

describe('decision-DNNF', () => {
  it('counts and gives per-literal counts equal to brute force, under assumptions', () => {
    const rng = testRng(314159);
    for (let i = 0; i < 300; i++) {
      const cnf = randomCnf(rng);
      const d = compileDdnnf(cnf);
      const b = brute(cnf);
      expect(ddnnfCount(d)).toBe(b.count);
      const lc = literalCounts(d);
      expect(lc.total).toBe(b.count);
      expect(lc.pos).toEqual(b.pos);
      expect(lc.neg).toEqual(b.neg);
      const a: number[] = [];
      for (let k = Math.floor(rng() * 3); k > 0; k--) {
        const v = 1 + Math.floor(rng() * cnf.numVars);
        a.push(rng() < 0.5 ? v : -v);
      }
      const ba = brute(cnf, a);
      expect(ddnnfCount(d, Int32Array.from(a))).toBe(ba.count);
      const la = literalCounts(d, Int32Array.from(a));
      expect(la.total).toBe(ba.count);
      if (ba.count > 0n) {
        expect(la.pos).toEqual(ba.pos);
        expect(la.neg).toEqual(ba.neg);
      }
    }
  });

  it('is smooth: pos + neg = total for every variable, also for variables in no clause', () => {
    const d = compileDdnnf(
      cnfOf(6, [
        [1, 2],
        [-2, 3, 4],
      ]),
    );
    const lc = literalCounts(d);
    for (let v = 1; v <= 6; v++) expect((lc.pos[v] as bigint) + (lc.neg[v] as bigint)).toBe(lc.total);
    expect(lc.pos[6]).toBe(lc.total / 2n);
  });
});

describe.runIf(existsSync(BUSYBOX))('feature models', () => {
  it('counts BusyBox 1.18.0 consistently: count(x) + count(¬x) = count, and d-DNNF agrees', () => {
    const cnf = parseDimacs(readFileSync(BUSYBOX, 'utf8'));
    const all = countCnf(cnf).count;
    expect(all.toString()).toBe(
      '2061138519356781760670618805653750167349287991336595876373542198990734653489713239449032049664199494301454199336000050382457451123894821886472278234849758979132037884598159833615564800000000000000000000',
    );
    // A second search with another decision order (a different tree, other cache entries).
    expect(countCnf(cnf, { heuristic: 'occurrences' }).count).toBe(all);
    const d = compileDdnnf(cnf);
    const lc = literalCounts(d);
    expect(lc.total).toBe(all);
    for (const v of [2, 11, 100, 427, 853]) {
      const p = countCnf(cnf, { assumptions: [v] }).count;
      const q = countCnf(cnf, { assumptions: [-v] }).count;
      expect(p + q).toBe(all);
      expect(lc.pos[v]).toBe(p);
      expect(lc.neg[v]).toBe(q);
      expect(ddnnfCount(d, Int32Array.of(v))).toBe(p);
    }
  });

  it.runIf(existsSync(AUTOMOTIVE01))('counts Automotive01 exactly', () => {
    const cnf = parseDimacs(readFileSync(AUTOMOTIVE01, 'utf8'));
    const all = countCnf(cnf).count;
    // Also found by `heuristic: 'occurrences'` (15-25 s, so not run here).
    expect(all.toString()).toBe(
      '5278539219821314670274577698978249614226329764180035258768650428139431316943478950493164460261562310215535134411549961261182654628944393235199702191846914047929088235490694238744799357173760000000000000000000000',
    );
    const v = 2017;
    expect(countCnf(cnf, { assumptions: [v] }).count + countCnf(cnf, { assumptions: [-v] }).count).toBe(all);
  });

  it.runIf(existsSync(AUTOMOTIVE02))(
    'counts Automotive02 (14k variables) exactly',
    () => {
      const cnf = parseDimacs(readFileSync(AUTOMOTIVE02, 'utf8'));
      const s = countCnf(cnf).count.toString();
      // Pinned; the same number came out after renumbering the variables and shuffling the clauses.
      expect(s.length).toBe(1261);
      expect(s.slice(0, 40)).toBe('4708174165077472932361825454061708418733');
      expect(s.slice(-90)).toBe(`6${'0'.repeat(89)}`);
    },
    30_000,
  );
});
