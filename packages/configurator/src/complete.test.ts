import { describe, expect, it } from 'vitest';
import { type CompletionObjective, completeSelection } from './complete.ts';
import { ConfiguratorError } from './errors.ts';
import {
  agrees,
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

describe('completeSelection against brute force', () => {
  for (const compiler of compilers) {
    it(`cheapest, most expensive within budget and preferences (${compiler.name})`, () => {
      const rng = testRng(21);
      for (let m = 0; m < 100; m++) {
        const model = randomModel(rng);
        const sols = enumerateSolutions(model);
        const c = compiler.compile(model, randomLevelOrder(model, rng));
        const allOptions = familyOptions(model).flatMap((f) => f.options);
        for (let q = 0; q < 6; q++) {
          const sel =
            q === 0 ? {} : q % 2 ? randomSelection(model, rng) : consistentSelection(model, sols, rng);
          const matching = sols.filter((s) => agrees(s, sel));
          const prices = matching.map((s) => s.price);
          const lo = Math.min(...prices);
          const hi = Math.max(...prices);
          // A budget somewhere in (or just below) the price range.
          const budget = matching.length ? Math.round(lo - 100 + rng() * (hi - lo + 200)) : 0;
          const weights: Record<string, number> = {};
          for (const o of allOptions) if (rng() < 0.4) weights[o] = Math.round(rng() * 10) - 3;
          const objectives: CompletionObjective[] = [
            { kind: 'cheapest' },
            { kind: 'most_expensive_within', budget },
            { kind: 'preferences', weights },
            { kind: 'preferences', weights, budget },
          ];
          for (const objective of objectives) {
            const r = completeSelection(c, sel, objective);
            const within =
              objective.kind === 'cheapest' || objective.budget === undefined
                ? matching
                : matching.filter((s) => s.price <= (objective.budget ?? 0));
            if (matching.length === 0) {
              expect(r).toEqual({ ok: false, reason: 'no_completion' });
              continue;
            }
            if (within.length === 0) {
              expect(r).toEqual({ ok: false, reason: 'over_budget' });
              continue;
            }
            if (!r.ok) throw new Error(`expected a completion for ${objective.kind}`);
            const sol = within.find((s) => agrees(s, r.selection));
            expect(sol).toBeDefined();
            expect(Object.keys(r.selection).length).toBe(model.families.length);
            expect(r.price).toBe(sol?.price);
            const score = (s: (typeof sols)[number]) =>
              Object.values(s.choice).reduce((acc, o) => acc + (weights[o] ?? 0), 0);
            if (objective.kind === 'cheapest') expect(r.price).toBe(lo);
            else if (objective.kind === 'most_expensive_within') {
              expect(r.price).toBe(Math.max(...within.map((s) => s.price)));
            } else {
              const bestScore = Math.max(...within.map(score));
              expect(sol && score(sol)).toBe(bestScore);
              const tied = within.filter((s) => score(s) === bestScore).map((s) => s.price);
              expect(r.price).toBe(Math.min(...tied));
            }
            // Deterministic.
            expect(completeSelection(c, sel, objective)).toEqual(r);
          }
        }
      }
    }, 60_000);
  }

  it('rejects unknown preference options', () => {
    const c = bruteCompile(randomModel(testRng(2)));
    expect(() => completeSelection(c, {}, { kind: 'preferences', weights: { nope: 1 } })).toThrow(
      ConfiguratorError,
    );
  });
});
