/**
 * Uniform sampling of complete configurations: a count-weighted descent through the MDD
 * restricted by the selection (each child is taken with probability proportional to its number
 * of completions). Counts are float64: exact below 2^53 and within 1e-15 relative error above,
 * far below anything a sampler can observe.
 */
import type { CompiledModel } from './compiled.ts';
import {
  backwardPass,
  indexCompiled,
  type Selection,
  selectionFromVector,
  selectionVector,
} from './query.ts';

/** A uniformly random completion of `selection`, or null when it has none. */
export const sampleConfiguration = (
  c: CompiledModel,
  rng: () => number,
  selection: Selection = {},
): Selection | null => {
  const ix = indexCompiled(c);
  const sel = selectionVector(ix, selection);
  const { b } = backwardPass(ix, sel);
  if (ix.root === 0 || b[ix.root] === 0) return null;
  const choice = new Int32Array(ix.levelCount);
  let n = ix.root;
  for (let l = 0; l < ix.levelCount; l++) {
    const s = sel[l]!;
    const w = ix.width[l]!;
    const base = ix.kidStart[l]! + (n - ix.levelStart[l]!) * w;
    let pickO = -1;
    if (s >= 0) pickO = s;
    else {
      let r = rng() * b[n]!;
      for (let o = 0; o < w; o++) {
        const bc = b[ix.kids[base + o]!]!;
        if (bc === 0) continue;
        pickO = o;
        // The last non-empty child absorbs rounding so the draw always lands somewhere.
        if (r < bc) break;
        r -= bc;
      }
    }
    choice[l] = pickO;
    n = ix.kids[base + pickO]!;
  }
  return selectionFromVector(ix, choice);
};

/** A tiny seeded PRNG (mulberry32): deterministic streams in [0, 1) for tests and demos. */
export const mulberry32 = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};
