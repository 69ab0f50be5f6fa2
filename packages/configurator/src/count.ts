/**
 * Exact counting over a compiled MDD. Counts include auxiliary levels, which are functionally
 * determined (one live child per path) and so never change the number.
 */
import type { CompiledModel } from './compiled.ts';

/**
 * Solutions below every node (index = node id), as BigInt: Renault big has 2.46e22 solutions,
 * past 2^53. Node ids need not be level-ordered, so levels are processed bottom-up.
 */
export const countPerNode = (c: CompiledModel): bigint[] => {
  const n = c.nodeLevel.length;
  const counts: bigint[] = new Array<bigint>(n).fill(0n);
  if (n > 1) counts[1] = 1n;
  const L = c.levels.length;
  const byLevel: number[][] = Array.from({ length: L }, () => []);
  for (let id = 2; id < n; id++) byLevel[c.nodeLevel[id] as number]?.push(id);
  for (let l = L - 1; l >= 0; l--) {
    const k = c.levels[l]?.options.length ?? 0;
    for (const id of byLevel[l] as number[]) {
      const off = c.childOffset[id] as number;
      let s = 0n;
      for (let i = 0; i < k; i++) {
        const ch = c.children[off + i] as number;
        if (ch !== 0) s += counts[ch] as bigint;
      }
      counts[id] = s;
    }
  }
  return counts;
};

/** Number of valid complete configurations, exactly. */
export const countSolutions = (c: CompiledModel): bigint => {
  if (c.root === 0) return 0n;
  if (c.root === 1) return 1n;
  return countPerNode(c)[c.root] ?? 0n;
};

/** Internal (non-terminal) nodes of the MDD. */
export const nodeCount = (c: CompiledModel): number => Math.max(0, c.nodeLevel.length - 2);

/** Child slots of the MDD (sum over nodes of their level's option count). */
export const edgeCount = (c: CompiledModel): number => c.children.length;
