import { describe, expect, it } from 'vitest';
import { decodeConfiguration, encodeConfiguration } from './code.ts';
import { ConfiguratorError } from './errors.ts';
import {
  bruteCompile,
  enumerateSolutions,
  loadCompilers,
  randomLevelOrder,
  randomModel,
  testRng,
} from './testing/brute.ts';

const compilers = await loadCompilers();
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Re-signs a code body with a valid check (what a forger who knows the scheme would do). */
const sign = (body: string): string => {
  let c = 0;
  for (const ch of body) c = (c * 32 + ALPHABET.indexOf(ch)) % 1021;
  return body + ALPHABET[c >> 5] + ALPHABET[c & 31];
};

describe('configuration codes', () => {
  for (const compiler of compilers) {
    it(`round-trip every valid configuration, stable across level orders (${compiler.name})`, () => {
      const rng = testRng(31);
      for (let m = 0; m < 60; m++) {
        const model = randomModel(rng);
        const sols = enumerateSolutions(model);
        const c = compiler.compile(model, randomLevelOrder(model, rng));
        const other = bruteCompile(model, randomLevelOrder(model, rng));
        const seen = new Set<string>();
        for (const s of sols.slice(0, 200)) {
          const code = encodeConfiguration(c, s.choice);
          expect(code).toMatch(/^A[0-9A-HJKMNP-TV-Z]{4,}$/);
          expect(seen.has(code)).toBe(false);
          seen.add(code);
          const back = decodeConfiguration(c, code);
          expect(back).toEqual({ ok: true, selection: expect.any(Object) });
          if (back.ok) expect(back.selection).toEqual(s.choice);
          if (compiler.name === 'brute') expect(encodeConfiguration(other, s.choice)).toBe(code);
          expect(decodeConfiguration(c, code.toLowerCase().replace(/(.{3})/g, '$1-'))).toEqual(back);
        }
      }
    }, 60_000);
  }

  it('rejects typos, forgeries and codes of other models', () => {
    const rng = testRng(32);
    let checked = 0;
    for (let m = 0; m < 40; m++) {
      const model = randomModel(rng);
      const sols = enumerateSolutions(model);
      const c = bruteCompile(model);
      const s = sols[Math.floor(rng() * sols.length)];
      if (!s) continue;
      const code = encodeConfiguration(c, s.choice);
      // Every single-symbol substitution and adjacent swap is caught.
      for (let i = 0; i < code.length; i++) {
        for (const ch of ALPHABET) {
          if (ch === code[i]) continue;
          const typo = code.slice(0, i) + ch + code.slice(i + 1);
          expect(decodeConfiguration(c, typo).ok).toBe(false);
        }
        if (i + 1 < code.length && code[i] !== code[i + 1]) {
          const swap = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
          expect(decodeConfiguration(c, swap).ok).toBe(false);
        }
      }
      // Validly signed but out of range, or an invalid configuration.
      const head = code.slice(0, 3);
      expect(decodeConfiguration(c, sign(`${head}ZZZZZZZZZZZZ`))).toEqual({
        ok: false,
        reason: 'invalid_configuration',
      });
      const valid = new Set(sols.map((x) => encodeConfiguration(c, x.choice)));
      for (let k = 0; k < 100; k++) {
        const digits = k < 32 ? ALPHABET[k] : `${ALPHABET[k >> 5]}${ALPHABET[k & 31]}`;
        const forged = sign(head + digits);
        const r = decodeConfiguration(c, forged);
        if (valid.has(forged)) expect(r.ok).toBe(true);
        else expect(r).toEqual({ ok: false, reason: 'invalid_configuration' });
      }
      // Another tag: another model.
      const tag = ALPHABET.indexOf(code[1] as string) * 32 + ALPHABET.indexOf(code[2] as string);
      const otherTag = (tag + 1) % 1024;
      const wrong = sign(`A${ALPHABET[otherTag >> 5]}${ALPHABET[otherTag & 31]}${code.slice(3, -2)}`);
      expect(decodeConfiguration(c, wrong)).toEqual({ ok: false, reason: 'wrong_model' });
      const renamed = bruteCompile({ ...model, id: `${model.id}-other` });
      const r = decodeConfiguration(renamed, code);
      // 1 in 1024 tags collide by design; then the code still decodes to the same configuration.
      if (!r.ok) expect(r.reason).toBe('wrong_model');
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('rejects malformed codes', () => {
    const c = bruteCompile(randomModel(testRng(33)));
    for (const bad of ['', 'A', 'hello world', 'B0000000', 'A00U0000', 'A00*1234', 'A00000AB']) {
      const r = decodeConfiguration(c, bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(['malformed', 'checksum']).toContain(r.reason);
    }
    expect(decodeConfiguration(c, 'U')).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses to encode incomplete or invalid configurations', () => {
    const model = randomModel(testRng(34));
    const c = bruteCompile(model);
    try {
      encodeConfiguration(c, {});
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfiguratorError);
      expect((e as ConfiguratorError).code).toBe('incomplete_selection');
    }
    expect(() => encodeConfiguration(c, { NOPE: 'x' })).toThrow(/NOPE/);
  });
});
