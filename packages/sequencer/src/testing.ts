/** Seeded random instances for property tests (kept out of the public index). */
import type { Instance, ObjectiveName } from './model.ts';
import { createRandom } from './random.ts';

export const randomInstance = (
  seed: number,
  opts: {
    prev?: number;
    cars?: number;
    colours?: number;
    ratios?: number;
    limit?: number;
    endWindows?: boolean;
  } = {},
): Instance => {
  const rnd = createRandom(seed);
  const prev = opts.prev ?? rnd.int(6);
  const cars = opts.cars ?? 8 + rnd.int(30);
  const total = prev + cars;
  const colourCount = opts.colours ?? 1 + rnd.int(4);
  const ratioCount = opts.ratios ?? 1 + rnd.int(4);
  const ratios = Array.from({ length: ratioCount }, (_, k) => {
    const p = 1 + rnd.int(7);
    return {
      id: `R${k}`,
      n: 1 + rnd.int(p),
      p,
      priority: rnd.int(2) === 0 ? ('high' as const) : ('low' as const),
    };
  });
  const colours = Int32Array.from({ length: total }, () => rnd.int(colourCount));
  const options = ratios.map(() => Uint8Array.from({ length: total }, () => (rnd.int(3) === 0 ? 1 : 0)));
  const objectives: ObjectiveName[] = rnd.int(2) === 0 ? ['hprc', 'pcc', 'lprc'] : ['pcc', 'hprc', 'lprc'];
  return {
    name: `random-${seed}`,
    ids: Array.from({ length: total }, (_, i) => `v${i}`),
    colours,
    colourNames: Array.from({ length: colourCount }, (_, c) => `c${c}`),
    options,
    ratios,
    prevCount: prev,
    paintBatchLimit: opts.limit ?? Number.POSITIVE_INFINITY,
    objectives,
    endWindows: opts.endWindows ?? true,
    givenOrder: Int32Array.from({ length: cars }, (_, i) => prev + i),
  };
};
