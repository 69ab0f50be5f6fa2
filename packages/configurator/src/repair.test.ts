import { describe, expect, it } from 'vitest';
import type { CompiledModel } from './compiled.ts';
import { ConfiguratorError } from './errors.ts';
import type { Model } from './model.ts';
import { repairs } from './repair.ts';
import {
  agrees,
  type BruteSolution,
  bruteCompile,
  consistentSelection,
  enumerateSolutions,
  familyOptions,
  loadCompilers,
  randomLevelOrder,
  randomModel,
  randomSelection,
  testRng,
} from './testing/brute.ts';

const compilers = await loadCompilers();

const priceRange = (sols: BruteSolution[]) =>
  sols.length
    ? { min: Math.min(...sols.map((s) => s.price)), max: Math.max(...sols.map((s) => s.price)) }
    : null;

const checkRepair = (
  model: Model,
  c: CompiledModel,
  sols: BruteSolution[],
  sel: Record<string, string>,
  family: string,
  option: string,
  limit: number,
) => {
  const r = repairs(c, sel, { family, option }, { limit });
  const others = Object.fromEntries(Object.entries(sel).filter(([f]) => f !== family));
  const withPick = sols.filter((s) => s.choice[family] === option);
  if (withPick.length === 0) {
    expect(r).toEqual({ ok: false, reason: 'impossible' });
    return;
  }
  if (withPick.some((s) => agrees(s, others))) {
    expect(r).toEqual({ ok: true, selection: { ...others, [family]: option } });
    return;
  }
  if (r.ok || r.reason !== 'conflict') throw new Error('expected a conflict');
  // All minimum deviation sets, by brute force.
  const devs = withPick.map((s) => Object.keys(others).filter((f) => s.choice[f] !== others[f]));
  const k = Math.min(...devs.map((d) => d.length));
  const minimal = new Set(devs.filter((d) => d.length === k).map((d) => [...d].sort().join(',')));
  expect(r.fewestChanges.length).toBe(Math.min(limit, minimal.size));
  const seen = new Set<string>();
  for (const rep of r.fewestChanges) {
    const key = [...rep.changed].sort().join(',');
    expect(rep.changed.length).toBe(k);
    expect(minimal.has(key)).toBe(true);
    expect(seen.has(key)).toBe(false);
    seen.add(key);
    const expectedSel = { ...others, [family]: option };
    for (const f of rep.changed) delete expectedSel[f];
    expect(rep.selection).toEqual(expectedSel);
    expect(rep.price).toEqual(priceRange(sols.filter((s) => agrees(s, expectedSel))));
  }
  // Cheapest complete configuration with the pick; ties by fewest changes.
  const cheapestPrice = Math.min(...withPick.map((s) => s.price));
  const cheapest = withPick.filter((s) => s.price === cheapestPrice);
  const fewest = Math.min(
    ...cheapest.map((s) => Object.keys(others).filter((f) => s.choice[f] !== others[f]).length),
  );
  expect(r.cheapest.price).toEqual({ min: cheapestPrice, max: cheapestPrice });
  expect(r.cheapest.changed.length).toBe(fewest);
  const chosen = cheapest.find((s) => agrees(s, r.cheapest.selection));
  expect(chosen).toBeDefined();
  expect(Object.keys(r.cheapest.selection).sort()).toEqual(model.families.map((f) => f.code).sort());
  expect([...r.cheapest.changed].sort()).toEqual(
    Object.keys(others)
      .filter((f) => chosen?.choice[f] !== others[f])
      .sort(),
  );
};

describe('repairs against brute force', () => {
  for (const compiler of compilers) {
    it(`minimal drop sets and cheapest repair (${compiler.name})`, () => {
      const rng = testRng(11);
      let conflicts = 0;
      for (let m = 0; m < 100; m++) {
        const model = randomModel(rng);
        const sols = enumerateSolutions(model);
        const c = compiler.compile(model, randomLevelOrder(model, rng));
        const fams = familyOptions(model);
        for (let q = 0; q < 8; q++) {
          const sel =
            q % 2 ? randomSelection(model, rng, 0.6) : consistentSelection(model, sols, rng, 0.5 + q * 0.06);
          const fam = fams[Math.floor(rng() * fams.length)];
          if (!fam) continue;
          const option = fam.options[Math.floor(rng() * fam.options.length)] as string;
          const limit = q < 4 ? 10 : 2;
          const before = repairs(c, sel, { family: fam.code, option }, { limit });
          if (!before.ok && before.reason === 'conflict') conflicts++;
          checkRepair(model, c, sols, sel, fam.code, option, limit);
        }
      }
      expect(conflicts).toBeGreaterThan(100);
    }, 60_000);
  }

  it('names unknown picks', () => {
    const c = bruteCompile(randomModel(testRng(5)));
    expect(() => repairs(c, {}, { family: 'F0', option: 'zzz' })).toThrow(ConfiguratorError);
    expect(() => repairs(c, {}, { family: 'ZZ', option: 'F0a' })).toThrow(/ZZ/);
  });
});
