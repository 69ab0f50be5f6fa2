import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile, compileCsp } from './compile.ts';
import { countSolutions } from './count.ts';
import { ConfiguratorError } from './errors.ts';
import { importXcsp, importXcspModel, parseXcsp } from './import-xcsp.ts';
import { validateModel } from './validate.ts';

const SMALL = `<?xml version="1.0" encoding="UTF-8"?>
<instance>
 <presentation format="XCSP 2.1" type="CSP" name="tiny"/>
 <domains nbDomains="2">
  <domain name="D0" nbValues="3">0..2</domain>
  <domain name="D1" nbValues="3"> 0 1 -1 </domain>
 </domains>
 <variables nbVariables="3">
  <variable name="a" domain="D0"/>
  <variable name="b" domain="D1"/>
  <variable name="c_0_Option" domain="D1"/>
 </variables>
 <relations nbRelations="2">
  <relation name="R0" arity="2" nbTuples="4" semantics="supports"> 0 0|1 1|2 -1|2 1 |7 0</relation>
  <relation name="R1" arity="2" nbTuples="1" semantics="conflicts">-1 -1</relation>
 </relations>
 <constraints nbConstraints="2">
  <constraint name="C0" arity="2" scope="a b" reference="R0"/>
  <constraint name="C1" arity="2" scope="b c_0_Option" reference="R1"/>
 </constraints>
</instance>`;

// Brute force: a in 0..2, b and c in {0,1,-1}; (a,b) in {(0,0),(1,1),(2,-1),(2,1)}; not (b=-1 and c=-1).
const tinyCount = (() => {
  let n = 0;
  const R0 = ['0,0', '1,1', '2,-1', '2,1'];
  for (const a of [0, 1, 2])
    for (const b of [0, 1, -1])
      for (const c of [0, 1, -1]) if (R0.includes(`${a},${b}`) && !(b === -1 && c === -1)) n++;
  return n;
})();

describe('import-xcsp', () => {
  it('parses domains (ranges and lists), supports and conflicts, -1 as a value', () => {
    const inst = parseXcsp(SMALL);
    expect(inst.name).toBe('tiny');
    expect(inst.variables.map((v) => [v.name, v.values])).toEqual([
      ['a', [0, 1, 2]],
      ['b', [0, 1, -1]],
      ['c_0_Option', [0, 1, -1]],
    ]);
    expect(inst.tables[0]?.semantics).toBe('supports');
    expect(Array.from(inst.tables[0]?.tuples ?? [])).toEqual([0, 0, 1, 1, 2, -1, 2, 1, 7, 0]);
    expect(inst.tables[1]?.semantics).toBe('conflicts');
  });

  it('counts the same as brute force, via the CSP and via the Model', () => {
    expect(countSolutions(compileCsp(importXcsp(SMALL)))).toBe(BigInt(tinyCount));
    const model = importXcspModel(SMALL);
    expect(validateModel(model).ok).toBe(true);
    expect(model.families[1]?.options.map((o) => o.code)).toEqual(['b.0', 'b.1', 'b.-1']);
    expect(countSolutions(compile(model))).toBe(BigInt(tinyCount));
  });

  it('rejects intensional constraints and broken files with ConfiguratorError', () => {
    expect(() => importXcsp('<instance><predicates><predicate name="P"/></predicates></instance>')).toThrow(
      ConfiguratorError,
    );
    expect(() => importXcsp(SMALL.replace('reference="R1"', 'reference="R9"'))).toThrow(
      /unknown or intensional/,
    );
    expect(() => importXcsp(SMALL.replace('scope="a b"', 'scope="a zz"'))).toThrow(/unknown variable zz/);
  });

  const dir = '/work/shared/benchmarks/configuration/renault-br4cp';
  it.skipIf(!existsSync(dir))('counts Renault small (172056) and medium (278744) exactly', () => {
    for (const [name, count] of [
      ['small', 172056n],
      ['medium', 278744n],
    ] as const) {
      const c = compileCsp(importXcsp(readFileSync(`${dir}/renault_${name}.xml`, 'utf8')));
      expect(countSolutions(c)).toBe(count);
    }
    // The model route agrees (tables become table rules).
    const m = importXcspModel(readFileSync(`${dir}/renault_small.xml`, 'utf8'));
    expect(countSolutions(compile(m))).toBe(172056n);
  });
});

describe('parseXcsp on text that is not an instance', () => {
  it.each(['', 'not xml', '<instance><domains nbDomains="0"></domains></instance>'])('refuses %j', (text) => {
    expect(() => parseXcsp(text)).toThrow(/not an XCSP 2.1 instance/);
  });
});
