import { describe, expect, it } from 'vitest';
import type { Csp } from './compile.ts';
import { compile, compileCsp, compileCspWithStats } from './compile.ts';
import type { CompiledModel } from './compiled.ts';
import { countSolutions, nodeCount } from './count.ts';
import { ConfiguratorError } from './errors.ts';
import type { Model } from './model.ts';
import { enumerateSolutions, randomModel, testRng } from './testing/brute.ts';

/** Every path of the MDD as "family=option;..." (aux levels as "id=on/off") plus its price. */
const mddSolutions = (c: CompiledModel): Map<string, number> => {
  const out = new Map<string, number>();
  const path: string[] = [];
  const walk = (n: number, price: number) => {
    if (n === 0) return;
    if (n === 1) {
      out.set([...path].sort().join(';'), price);
      return;
    }
    const level = c.levels[c.nodeLevel[n] as number];
    if (!level) throw new Error('bad level');
    level.options.forEach((o, i) => {
      path.push(`${level.code}=${o}`);
      walk(c.children[(c.childOffset[n] as number) + i] as number, price + (level.prices[i] ?? 0));
      path.pop();
    });
  };
  walk(c.root, c.basePrice);
  return out;
};

const bruteSolutions = (m: Model): Map<string, number> => {
  const out = new Map<string, number>();
  for (const s of enumerateSolutions(m)) {
    const parts = Object.entries(s.choice).map(([f, o]) => `${f}=${o}`);
    for (const [a, on] of Object.entries(s.adjustments)) parts.push(`${a}=${on ? 'on' : 'off'}`);
    out.set(parts.sort().join(';'), s.price);
  }
  return out;
};

/** The compiled.ts invariants: quasi-reduced, canonical, every node reaches TRUE. */
const checkInvariants = (c: CompiledModel) => {
  const L = c.levels.length;
  expect(c.nodeLevel[0]).toBe(L);
  expect(c.nodeLevel[1]).toBe(L);
  const seen = c.levels.map(() => new Set<string>());
  for (let n = 2; n < c.nodeLevel.length; n++) {
    const l = c.nodeLevel[n] as number;
    const k = c.levels[l]?.options.length ?? 0;
    const kids = Array.from(c.children.subarray(c.childOffset[n], (c.childOffset[n] as number) + k));
    expect(kids.some((x) => x !== 0)).toBe(true);
    for (const x of kids) {
      if (l === L - 1) expect(x === 0 || x === 1).toBe(true);
      else expect(x === 0 || c.nodeLevel[x] === l + 1).toBe(true);
    }
    const key = kids.join(',');
    expect(seen[l]?.has(key)).toBe(false);
    seen[l]?.add(key);
  }
};

describe('compile', () => {
  it('matches brute-force enumeration on random models (solutions, prices, adjustments)', () => {
    const rng = testRng(42);
    for (let t = 0; t < 150; t++) {
      const m = randomModel(rng, { maxRules: 6, maxAdjustments: 2 });
      const expected = bruteSolutions(m);
      for (const order of ['auto', 'given'] as const) {
        const c = compile(m, { order });
        checkInvariants(c);
        expect(countSolutions(c)).toBe(BigInt(expected.size));
        expect(mddSolutions(c)).toEqual(expected);
      }
    }
  });

  it('compiles a hand model with requires, excludes, table, exactly and a discount', () => {
    const m: Model = {
      format: 'openc2b.model',
      version: 1,
      id: 'hand',
      currency: 'CNY',
      basePrice: 100_000,
      families: [
        {
          code: 'paint',
          options: [{ code: 'red', price: 500 }, { code: 'blue' }, { code: 'black', price: 800 }],
        },
        { code: 'wheels', options: [{ code: 'w17' }, { code: 'w19', price: 3000 }] },
        { code: 'roof', optional: true, options: [{ code: 'sunroof', price: 6000 }] },
        {
          code: 'pack',
          optional: true,
          options: [
            { code: 'sport', price: 9000 },
            { code: 'lux', price: 12000 },
          ],
        },
      ],
      rules: [
        { id: 'r1', kind: 'requires', if: 'sport', then: 'w19' },
        { id: 'r2', kind: 'excludes', a: 'black', b: 'sunroof' },
        { id: 'r3', kind: 'table', families: ['paint', 'pack'], mode: 'forbidden', rows: [['blue', 'lux']] },
        { id: 'r4', kind: 'exactly', n: 1, of: ['w19', { any: ['red', 'blue'] }] },
      ],
      adjustments: [{ id: 'sportDeal', when: { all: ['sport', 'sunroof'] }, amount: -2000 }],
    };
    const c = compile(m);
    checkInvariants(c);
    expect(countSolutions(c)).toBe(BigInt(enumerateSolutions(m).length));
    expect(mddSolutions(c)).toEqual(bruteSolutions(m));
    expect(c.levels.find((l) => l.code === 'sportDeal')).toMatchObject({
      aux: true,
      options: ['off', 'on'],
      prices: [0, -2000],
    });
    expect(c.rules.find((r) => r.id === 'r3')?.options).toEqual(['blue', 'lux']);
  });

  it('compiles an unsatisfiable model to the FALSE root', () => {
    const m: Model = {
      format: 'openc2b.model',
      version: 1,
      id: 'x',
      currency: 'CNY',
      basePrice: 0,
      families: [{ code: 'a', options: [{ code: 'a1' }, { code: 'a2' }] }],
      rules: [{ id: 'both', kind: 'constraint', expr: { all: ['a1', 'a2'] } }],
    };
    const c = compile(m);
    expect(c.root).toBe(0);
    expect(countSolutions(c)).toBe(0n);
    expect(nodeCount(c)).toBe(0);
  });

  it('throws ConfiguratorError naming the culprit on bad input, never a TypeError', () => {
    const bad = {
      format: 'openc2b.model',
      version: 1,
      id: 'x',
      currency: 'CNY',
      basePrice: 0,
      families: [{ code: 'a', options: [{ code: 'a1' }] }],
      rules: [{ id: 'r7', kind: 'requires', if: 'a1', then: 'nope' }],
    } as unknown as Model;
    try {
      compile(bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfiguratorError);
      expect((e as ConfiguratorError).code).toBe('configurator.unknown_option');
      expect((e as ConfiguratorError).details).toMatchObject({
        rule: 'r7',
        option: 'nope',
        path: 'rules[0].then',
      });
    }
    for (const junk of [
      null,
      42,
      'model',
      {},
      { families: 'x' },
      { format: 'openc2b.model', version: 1, families: [null] },
    ]) {
      expect(() => compile(junk as unknown as Model)).toThrow(ConfiguratorError);
    }
  });

  it('throws configurator.too_large past the node budget', () => {
    const csp: Csp = {
      id: 'chain',
      vars: Array.from({ length: 30 }, (_, i) => ({ name: `x${i}`, values: ['0', '1', '2'] })),
      constraints: Array.from({ length: 29 }, (_, i) => ({
        kind: 'table' as const,
        id: `c${i}`,
        scope: [i, i + 1],
        mode: 'conflicts' as const,
        tuples: Int32Array.from([0, 0, 1, 1, 2, 2]),
      })),
    };
    expect(countSolutions(compileCsp(csp))).toBe(3n * 2n ** 29n);
    expect(() => compileCsp(csp, { maxNodes: 20 })).toThrow(
      expect.objectContaining({ code: 'configurator.too_large' }),
    );
  });

  it('reports statistics and an order that keeps every variable once', () => {
    const rng = testRng(7);
    const m = randomModel(rng, { minFamilies: 6, maxFamilies: 6 });
    const csp = {
      id: m.id,
      vars: m.families.map((f) => ({ name: f.code, values: f.options.map((o) => o.code) })),
      constraints: [],
    };
    const { stats } = compileCspWithStats(csp);
    expect([...stats.order].sort()).toEqual(m.families.map((f) => f.code).sort());
  });
});
