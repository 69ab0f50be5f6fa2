import { describe, expect, it } from 'vitest';
import { compile } from './compile.ts';
import { countSolutions } from './count.ts';
import { ConfiguratorError } from './errors.ts';
import {
  base64ToBytes,
  bytesToBase64,
  compiledFromBase64,
  compiledToBase64,
  deserializeCompiled,
  serializeCompiled,
} from './serialize.ts';
import { bruteCompile, randomModel, testRng } from './testing/brute.ts';

describe('serialize', () => {
  it('round-trips compiled models (the compiler and the brute-force oracle numbering)', () => {
    const rng = testRng(3);
    for (let t = 0; t < 40; t++) {
      const m = randomModel(rng);
      for (const c of [compile(m), bruteCompile(m)]) {
        const back = deserializeCompiled(serializeCompiled(c));
        expect(countSolutions(back)).toBe(countSolutions(c));
        expect(back.levels).toEqual(c.levels);
        expect(back.rules).toEqual(c.rules);
        expect(back.modelHash).toBe(c.modelHash);
        // A second trip is byte-identical: the encoding is canonical.
        expect(serializeCompiled(back)).toEqual(serializeCompiled(c));
        if (c.modelHash !== 'brute') {
          // Compiler output is already level-ordered: arrays survive unchanged.
          expect(Array.from(back.children)).toEqual(Array.from(c.children));
        }
        expect(compiledFromBase64(compiledToBase64(c)).root).toBe(back.root);
      }
    }
  });

  it('rejects corrupted bytes with configurator.bad_artifact', () => {
    const m = randomModel(testRng(9), { minFamilies: 5 });
    const bytes = serializeCompiled(compile(m));
    const cases: Uint8Array[] = [
      new Uint8Array(0),
      bytes.slice(0, bytes.length - 1),
      Uint8Array.from(bytes, (b, i) => (i === 0 ? b ^ 1 : b)),
      Uint8Array.from(bytes, (b, i) => (i === bytes.length - 10 ? b ^ 0x40 : b)),
      new TextEncoder().encode('OC2B garbage garbage'),
    ];
    for (const c of cases) {
      expect(() => deserializeCompiled(c)).toThrow(ConfiguratorError);
      expect(() => deserializeCompiled(c)).toThrow(
        expect.objectContaining({ code: 'configurator.bad_artifact' }),
      );
    }
  });

  it('base64 agrees with btoa/atob', () => {
    const rng = testRng(5);
    for (let n = 0; n < 40; n++) {
      const b = Uint8Array.from({ length: n }, () => Math.floor(rng() * 256));
      const expected = btoa(String.fromCharCode(...b));
      expect(bytesToBase64(b)).toBe(expected);
      expect(Array.from(base64ToBytes(expected))).toEqual(Array.from(b));
    }
    expect(() => base64ToBytes('a$b=')).toThrow(ConfiguratorError);
  });
});
