import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfiguratorError } from './errors.ts';
import { cnfToModel, parseDimacs } from './import-dimacs.ts';
import { countCnf } from './sharp-sat.ts';
import { enumerateSolutions, testRng } from './testing/brute.ts';

const BUSYBOX = '/work/shared/benchmarks/configuration/feature-models/busybox-1.18.0_Knueppel2017.dimacs';

const errorOf = (text: string): ConfiguratorError => {
  try {
    parseDimacs(text);
  } catch (e) {
    if (e instanceof ConfiguratorError) return e;
    throw e;
  }
  throw new Error('expected a parse error');
};

describe('parseDimacs', () => {
  it('reads names, header, clauses spanning lines and the % terminator', () => {
    const cnf = parseDimacs(
      [
        'c 1 root',
        'c 2 Engine Petrol',
        'c a free-form comment',
        '',
        'p cnf 3 3',
        '1 0',
        '-2 3',
        '  -1 0 2 3 0',
        '%',
        '0',
        'garbage after the terminator',
      ].join('\n'),
    );
    expect(cnf.numVars).toBe(3);
    expect(cnf.names[1]).toBe('root');
    expect(cnf.names[2]).toBe('Engine Petrol');
    expect(cnf.names[3]).toBeUndefined();
    expect(cnf.names.length).toBe(4);
    expect(cnf.clauses.map((c) => Array.from(c))).toEqual([[1], [-2, 3, -1], [2, 3]]);
  });

  it('accepts CRLF, tabs, an empty formula and a last clause without its 0', () => {
    expect(parseDimacs('p cnf 0 0\r\n').clauses).toEqual([]);
    const cnf = parseDimacs('p  cnf\t2 2\r\n1\t-2 0\r\n2');
    expect(cnf.clauses.map((c) => Array.from(c))).toEqual([[1, -2], [2]]);
  });

  it('keeps an empty clause (a lone 0): the formula is unsatisfiable', () => {
    expect(parseDimacs('p cnf 1 1\n0\n').clauses.map((c) => c.length)).toEqual([0]);
  });

  it.each([
    ['1 2 0\n', 1, 'before the p cnf header'],
    ['c x\np cnf 2\n', 2, 'bad header'],
    ['p cnf 2 1\np cnf 2 1\n', 2, 'second p line'],
    ['p cnf 2 1\n1 x 0\n', 2, "unexpected token 'x'"],
    ['p cnf 2 1\n1 -0\n', 2, '-0'],
    ['p cnf 2 2\n1 2 0\n\n-1 3 0\n', 4, 'out of range'],
    ['p cnf 2 1\n1 2a 0\n', 2, 'unexpected character'],
    ['c only comments\n', 2, 'missing p cnf header'],
  ])('rejects %j at line %i', (text, line, message) => {
    const e = errorOf(text);
    expect(e.code).toBe('configurator.dimacs_invalid');
    expect(e.details).toMatchObject({ line: String(line) });
    expect(e.message).toContain(`line ${line}`);
    expect(e.message).toContain(message);
  });

  it.runIf(existsSync(BUSYBOX))('parses the BusyBox feature model', () => {
    const cnf = parseDimacs(readFileSync(BUSYBOX, 'utf8'));
    expect(cnf.numVars).toBe(854);
    expect(cnf.clauses.length).toBe(1163);
    expect(cnf.names[1]).toBe('root');
    expect(cnf.names.filter((x) => x !== undefined).length).toBe(854);
  });
});

describe('cnfToModel', () => {
  it('makes code-safe, unique family and option codes', () => {
    const cnf = parseDimacs('c 1 a b\nc 2 a_b\nc 3 ?\nc 4 Ünï.x\np cnf 5 1\n1 -2 5 0\n');
    const model = cnfToModel(cnf, 'fm');
    const codes = model.families.map((f) => f.code);
    expect(codes).toEqual(['a_b', 'x2', 'x3', '_n_.x', 'x5']);
    for (const f of model.families) {
      expect(f.optional).toBeUndefined();
      expect(f.options.map((o) => o.code)).toEqual([`${f.code}.0`, `${f.code}.1`]);
      for (const o of f.options) expect(o.code).toMatch(/^[A-Za-z0-9_.-]+$/);
    }
    expect(model.rules).toEqual([{ id: 'c1', kind: 'constraint', expr: { any: ['a_b.1', 'x2.0', 'x5.1'] } }]);
  });

  it('has the same solutions as the CNF (brute force on small formulas)', () => {
    const cnf = parseDimacs('p cnf 4 4\n1 2 0\n-1 -2 0\n3 -4 0\n-1 3 4 0\n');
    // x1 xor x2; (x3 ∨ ¬x4); (¬x1 ∨ x3 ∨ x4): by hand 2·3 − 1 = 5.
    expect(enumerateSolutions(cnfToModel(cnf)).length).toBe(5);
  });

  it('agrees with countCnf on seeded random CNFs (the model oracle enumerates the families)', () => {
    const rng = testRng(5);
    for (let i = 0; i < 40; i++) {
      const n = 1 + Math.floor(rng() * 7);
      const lines = [`p cnf ${n} 0`];
      for (let k = Math.floor(rng() * 3 * n); k > 0; k--) {
        const width = 1 + Math.floor(rng() * 3);
        const lits = Array.from(
          { length: width },
          () => (rng() < 0.5 ? -1 : 1) * (1 + Math.floor(rng() * n)),
        );
        lines.push(`${lits.join(' ')} 0`);
      }
      const cnf = parseDimacs(lines.join('\n'));
      expect(BigInt(enumerateSolutions(cnfToModel(cnf)).length)).toBe(countCnf(cnf).count);
    }
  });
});
