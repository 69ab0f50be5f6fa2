/**
 * Incremental evaluation of moves on a full sequence (D-1 prefix + day D).
 *
 * Every move rewrites one range [lo, hi] of day-D positions as a concatenation of at most three
 * old ranges ("pieces"), each possibly reversed: swap, insertion/shift, block reversal, block
 * (colour-run) moves are all of that form. A window lying inside one piece has the same count
 * before and after the move (a reversed piece maps windows to mirrored windows), so only the
 * windows that cross a cut between pieces change: at most (#cuts x P) windows per ratio
 * constraint, whatever the distance the move spans. The same holds for colour changes (only the
 * pairs at cuts) and paint runs (only runs through a cut can grow).
 *
 * Old window counts come from per-option prefix sums; new counts slide over the virtual new
 * sequence. A commit costs O((hi - lo) x options), paid only for accepted moves.
 */
import type { Components, Instance } from './model.ts';
import { objectiveWeights } from './model.ts';

export type Incremental = ReturnType<typeof createIncremental>;

const MAX_PIECES = 3;
const MAX_CUTS = 4;

export const createIncremental = (instance: Instance, initial: ArrayLike<number>) => {
  const total = initial.length;
  const m = instance.prevCount;
  const ratioCount = instance.ratios.length;
  const limit = instance.paintBatchLimit;
  const weights = objectiveWeights(instance.objectives);
  const wHigh = weights.hprc;
  const wPcc = weights.pcc;
  const wLow = weights.lprc;

  const seq = Int32Array.from(initial);
  const col = new Int32Array(total);
  const runStart = new Int32Array(total);
  const runEnd = new Int32Array(total);
  const bits: Uint8Array[] = [];
  const pre: Int32Array[] = [];
  const capN = new Int32Array(ratioCount);
  const lenP = new Int32Array(ratioCount);
  const isHigh = new Uint8Array(ratioCount);
  const firstStart = new Int32Array(ratioCount);
  const lastStart = new Int32Array(ratioCount);
  const carOptions = instance.options;
  const skipRatio = new Uint8Array(ratioCount);
  for (let k = 0; k < ratioCount; k++) {
    const r = instance.ratios[k]!;
    capN[k] = r.n;
    lenP[k] = r.p;
    isHigh[k] = r.priority === 'high' ? 1 : 0;
    skipRatio[k] = (isHigh[k] ? wHigh : wLow) === 0 ? 1 : 0;
    // R3: a window counts when it holds at least one day-D car; R4: truncated end windows count.
    firstStart[k] = Math.max(0, m - r.p + 1);
    lastStart[k] = instance.endWindows ? total - 1 : total - r.p;
    bits.push(new Uint8Array(total));
    pre.push(new Int32Array(total + 1));
  }

  // The move being evaluated.
  let lo = 0;
  let hi = -1;
  let pieceCount = 0;
  // Swaps, single-car insertions and reversals have their own fast paths.
  let kind = 0;
  const GENERIC = 0;
  const SWAP = 1;
  const INSERT = 2;
  const REVERSE = 3;
  let insertFrom = -1;
  let insertTo = -1;
  const pieceNew = new Int32Array(MAX_PIECES);
  const pieceOld = new Int32Array(MAX_PIECES);
  const pieceOldEnd = new Int32Array(MAX_PIECES);
  const pieceRev = new Uint8Array(MAX_PIECES);
  const newCuts = new Int32Array(MAX_CUTS);
  const oldCuts = new Int32Array(MAX_CUTS);
  let newCutCount = 0;
  let oldCutCount = 0;
  const scratch = new Int32Array(total);

  let hprc = 0;
  let pcc = 0;
  let lprc = 0;
  let lastHigh = 0;
  let lastPcc = 0;
  let lastLow = 0;

  const rebuildRuns = (from: number, to: number): void => {
    // Start one position outside the range so the neighbouring runs are rebuilt too.
    let a = Math.max(from - 1, m);
    let b = Math.min(to + 1, total - 1);
    while (a > m && col[a - 1] === col[a]) a--;
    while (b < total - 1 && col[b + 1] === col[b]) b++;
    for (let t = a; t <= b; t++) runStart[t] = t > a && col[t] === col[t - 1] ? runStart[t - 1]! : t;
    for (let t = b; t >= a; t--) runEnd[t] = t < b && col[t] === col[t + 1] ? runEnd[t + 1]! : t;
  };

  const rebuild = (): void => {
    for (let t = 0; t < total; t++) {
      col[t] = instance.colours[seq[t]!]!;
      runStart[t] = t;
      runEnd[t] = t;
    }
    for (let k = 0; k < ratioCount; k++) {
      const b = bits[k]!;
      const p = pre[k]!;
      const opt = carOptions[k]!;
      for (let t = 0; t < total; t++) {
        b[t] = opt[seq[t]!]!;
        p[t + 1] = p[t]! + b[t]!;
      }
    }
    if (total > m) rebuildRuns(m, total - 1);
    hprc = 0;
    lprc = 0;
    for (let k = 0; k < ratioCount; k++) {
      const p = pre[k]!;
      const n = capN[k]!;
      const len = lenP[k]!;
      let v = 0;
      for (let s = firstStart[k]!; s <= lastStart[k]!; s++) {
        const c = p[Math.min(s + len, total)]! - p[s]!;
        if (c > n) v += c - n;
      }
      if (isHigh[k]) hprc += v;
      else lprc += v;
    }
    pcc = 0;
    for (let t = Math.max(1, m); t < total; t++) if (col[t] !== col[t - 1]) pcc++;
  };
  rebuild();

  /** Old position of the car that the move puts at new position t. */
  const oldAt = (t: number): number => {
    if (t < lo || t > hi) return t;
    let g = pieceCount - 1;
    while (pieceNew[g]! > t) g--;
    const off = t - pieceNew[g]!;
    return pieceRev[g] ? pieceOldEnd[g]! - off : pieceOld[g]! + off;
  };

  /** Option count of constraint k over new positions [x, y]. */
  const newRangeCount = (k: number, x: number, y: number): number => {
    const p = pre[k]!;
    let c = 0;
    if (x < lo) c += p[Math.min(y, lo - 1) + 1]! - p[x]!;
    if (y > hi) c += p[y + 1]! - p[Math.max(x, hi + 1)]!;
    const a = Math.max(x, lo);
    const b = Math.min(y, hi);
    if (a > b) return c;
    for (let g = 0; g < pieceCount; g++) {
      const ns = pieceNew[g]!;
      const ne = ns + (pieceOldEnd[g]! - pieceOld[g]!);
      const u = Math.max(a, ns);
      const v = Math.min(b, ne);
      if (u > v) continue;
      let os: number;
      let oe: number;
      if (pieceRev[g]) {
        os = pieceOldEnd[g]! - (v - ns);
        oe = pieceOldEnd[g]! - (u - ns);
      } else {
        os = pieceOld[g]! + (u - ns);
        oe = pieceOld[g]! + (v - ns);
      }
      c += p[oe + 1]! - p[os]!;
    }
    return c;
  };

  /** Sum of violations of constraint k over the windows crossing the given cuts (old or new). */
  const crossingViolation = (k: number, cuts: Int32Array, cutCount: number, after: boolean): number => {
    const len = lenP[k]!;
    const n = capN[k]!;
    const sLo = firstStart[k]!;
    const sHi = lastStart[k]!;
    const p = pre[k]!;
    const b = bits[k]!;
    let v = 0;
    let runA = 0;
    let runB = -2;
    for (let ci = 0; ci <= cutCount; ci++) {
      let a = 0;
      let z = -1;
      if (ci < cutCount) {
        const c = cuts[ci]!;
        a = Math.max(c - len + 1, sLo);
        z = Math.min(c - 1, sHi);
        if (a > z) continue;
        if (a <= runB + 1) {
          if (z > runB) runB = z;
          continue;
        }
      }
      // Flush the merged interval [runA, runB] of window starts.
      if (runB >= runA) {
        if (after) {
          let count = newRangeCount(k, runA, Math.min(runA + len - 1, total - 1));
          for (let s = runA; ; s++) {
            if (count > n) v += count - n;
            if (s === runB) break;
            count -= b[oldAt(s)]!;
            if (s + len < total) count += b[oldAt(s + len)]!;
          }
        } else {
          for (let s = runA; s <= runB; s++) {
            const c = p[Math.min(s + len, total)]! - p[s]!;
            if (c > n) v += c - n;
          }
        }
      }
      runA = a;
      runB = z;
    }
    return v;
  };

  /**
   * Swap fast path: only the windows holding exactly one of the two positions change, by +-1,
   * so the change is a count of windows at (or over) capacity, read from the prefix sums.
   */
  const swapDelta = (k: number, dLo: number): number => {
    const len = lenP[k]!;
    const n = capN[k]!;
    const p = pre[k]!;
    const sLo = firstStart[k]!;
    const sHi = lastStart[k]!;
    let v = 0;
    // Windows holding lo but not hi: their count changes by dLo.
    const aEnd = Math.min(lo, sHi, hi - len);
    for (let s = Math.max(sLo, lo - len + 1); s <= aEnd; s++) {
      const c = p[Math.min(s + len, total)]! - p[s]!;
      if (dLo > 0) {
        if (c >= n) v++;
      } else if (c > n) v--;
    }
    // Windows holding hi but not lo: their count changes by -dLo.
    const bEnd = Math.min(hi, sHi);
    for (let s = Math.max(sLo, hi - len + 1, lo + 1); s <= bEnd; s++) {
      const c = p[Math.min(s + len, total)]! - p[s]!;
      if (dLo < 0) {
        if (c >= n) v++;
      } else if (c > n) v--;
    }
    return v;
  };

  /**
   * Insertion fast path. Windows inside the shifted stretch only move by one place, so their
   * total changes just at its two ends; the windows holding `from` or `to` change by one car,
   * read off the prefix sums. One pass, no per-position mapping.
   */
  const insertDelta = (k: number): number => {
    const len = lenP[k]!;
    const n = capN[k]!;
    const p = pre[k]!;
    const b = bits[k]!;
    const sLo = firstStart[k]!;
    const sHi = lastStart[k]!;
    const from = insertFrom;
    const to = insertTo;
    const moved = b[from]!;
    let v = 0;
    if (from < to) {
      // Windows starting before `from` that hold it but not `to`: lose `moved`, gain a[s+P].
      for (let s = Math.max(sLo, from - len + 1); s < from; s++) {
        if (s + len - 1 >= to || s > sHi) continue;
        const gained = b[s + len]!;
        if (gained === moved) continue;
        const c = p[s + len]! - p[s]!;
        v += Math.max(0, c - moved + gained - n) - Math.max(0, c - n);
      }
      // Windows fully inside [from, to-1] are the old windows shifted by one.
      if (to - len >= from) {
        const cOut = p[to + 1]! - p[to - len + 1]!;
        const cIn = p[from + len]! - p[from]!;
        v += Math.max(0, cOut - n) - Math.max(0, cIn - n);
      }
      // Windows from `from` on that hold `to`: lose a[s], gain `moved`.
      const bEnd = Math.min(to, sHi);
      for (let s = Math.max(from, to - len + 1); s <= bEnd; s++) {
        const lost = b[s]!;
        if (lost === moved) continue;
        const c = p[Math.min(s + len, total)]! - p[s]!;
        v += Math.max(0, c - lost + moved - n) - Math.max(0, c - n);
      }
    } else {
      // Windows holding `to` (starting at or before it) but not `from`: gain `moved`, lose their last car.
      const aEnd = Math.min(to, sHi);
      for (let s = Math.max(sLo, to - len + 1); s <= aEnd; s++) {
        const end = s + len - 1;
        if (end >= from) continue;
        const lost = b[end]!;
        if (lost === moved) continue;
        const c = p[end + 1]! - p[s]!;
        v += Math.max(0, c + moved - lost - n) - Math.max(0, c - n);
      }
      // Windows fully inside [to+1, from] are the old windows shifted by one.
      if (from - len + 1 >= to + 1) {
        const cIn = p[to + len]! - p[to]!;
        const cOut = p[from + 1]! - p[from - len + 1]!;
        v += Math.max(0, cIn - n) - Math.max(0, cOut - n);
      }
      // Windows after `to` that hold `from`: gain a[s-1], lose `moved`.
      const bEnd = Math.min(from, sHi);
      for (let s = Math.max(to + 1, from - len + 2); s <= bEnd; s++) {
        const gained = b[s - 1]!;
        if (gained === moved) continue;
        const c = p[Math.min(s + len, total)]! - p[s]!;
        v += Math.max(0, c + gained - moved - n) - Math.max(0, c - n);
      }
    }
    return v;
  };

  /**
   * Reversal fast path: windows inside the block are mirrored (same count) and windows holding
   * the whole block keep theirs, so only windows over one end of it change; the new count swaps
   * the overlapped part for its mirror image, both read off the prefix sums.
   */
  const reverseDelta = (k: number): number => {
    const len = lenP[k]!;
    const n = capN[k]!;
    const p = pre[k]!;
    const sLo = firstStart[k]!;
    const sHi = lastStart[k]!;
    const a = lo;
    const z = hi;
    let v = 0;
    for (let pass = 0; pass < 2; pass++) {
      const from = pass === 0 ? Math.max(sLo, a - len + 1) : Math.max(a + 1, z - len + 2);
      const to = pass === 0 ? Math.min(a - 1, sHi) : Math.min(z, sHi);
      for (let s = from; s <= to; s++) {
        const e = Math.min(s + len - 1, total - 1);
        if (s <= a && e >= z) continue;
        const x = Math.max(s, a);
        const y = Math.min(e, z);
        const c = p[e + 1]! - p[s]!;
        const c2 = c - (p[y + 1]! - p[x]!) + (p[a + z - x + 1]! - p[a + z - y]!);
        v += Math.max(0, c2 - n) - Math.max(0, c - n);
      }
    }
    return v;
  };

  const newColour = (t: number): number => col[oldAt(t)]!;

  /** Length of the same-colour run of the new sequence ending at new position t (day D only). */
  const runLeft = (t: number): number => {
    const c = newColour(t);
    let len = 0;
    let pos = t;
    while (pos >= m) {
      if (pos < lo) return len + pos - runStart[pos]! + 1;
      if (pos > hi) {
        const rs = Math.max(runStart[pos]!, hi + 1);
        len += pos - rs + 1;
        if (rs > hi + 1) return len;
        pos = hi;
      } else {
        let g = pieceCount - 1;
        while (pieceNew[g]! > pos) g--;
        const off = pos - pieceNew[g]!;
        if (pieceRev[g]) {
          const o = pieceOldEnd[g]! - off;
          const re = Math.min(runEnd[o]!, pieceOldEnd[g]!);
          len += re - o + 1;
          if (re < pieceOldEnd[g]!) return len;
        } else {
          const o = pieceOld[g]! + off;
          const rs = Math.max(runStart[o]!, pieceOld[g]!);
          len += o - rs + 1;
          if (rs > pieceOld[g]!) return len;
        }
        pos = pieceNew[g]! - 1;
      }
      if (pos < m || newColour(pos) !== c) return len;
    }
    return len;
  };

  /** Length of the same-colour run of the new sequence starting at new position t. */
  const runRight = (t: number): number => {
    const c = newColour(t);
    let len = 0;
    let pos = t;
    while (pos < total) {
      if (pos > hi) return len + runEnd[pos]! - pos + 1;
      if (pos < lo) {
        const re = Math.min(runEnd[pos]!, lo - 1);
        len += re - pos + 1;
        if (re < lo - 1) return len;
        pos = lo;
      } else {
        let g = pieceCount - 1;
        while (pieceNew[g]! > pos) g--;
        const off = pos - pieceNew[g]!;
        const pieceLen = pieceOldEnd[g]! - pieceOld[g]! + 1;
        if (pieceRev[g]) {
          const o = pieceOldEnd[g]! - off;
          const rs = Math.max(runStart[o]!, pieceOld[g]!);
          len += o - rs + 1;
          if (rs > pieceOld[g]!) return len;
        } else {
          const o = pieceOld[g]! + off;
          const re = Math.min(runEnd[o]!, pieceOldEnd[g]!);
          len += re - o + 1;
          if (re < pieceOldEnd[g]!) return len;
        }
        pos = pieceNew[g]! + pieceLen;
      }
      if (pos >= total || newColour(pos) !== c) return len;
    }
    return len;
  };

  /**
   * Weighted cost change of the prepared move, or +Infinity when it breaks the paint batch
   * limit. Component changes are kept for `commit`.
   */
  const evaluateMove = (): number => {
    // R2 first: it is the cheapest way to reject.
    if (limit < total) {
      for (let ci = 0; ci < newCutCount; ci++) {
        const t = newCuts[ci]!;
        if (t - 1 < m || t >= total) continue;
        if (newColour(t - 1) === newColour(t) && runLeft(t - 1) + runRight(t) > limit) {
          return Number.POSITIVE_INFINITY;
        }
      }
    }
    let dPcc = 0;
    const pairFrom = Math.max(1, m);
    for (let ci = 0; ci < newCutCount; ci++) {
      const t = newCuts[ci]!;
      if (t >= pairFrom && t < total && newColour(t - 1) !== newColour(t)) dPcc++;
    }
    for (let ci = 0; ci < oldCutCount; ci++) {
      const t = oldCuts[ci]!;
      if (t >= pairFrom && t < total && col[t - 1] !== col[t]) dPcc--;
    }
    let dHigh = 0;
    let dLow = 0;
    const width = hi - lo + 1;
    for (let k = 0; k < ratioCount; k++) {
      // A constraint whose objective weighs nothing is not tracked.
      if (skipRatio[k]) continue;
      const b = bits[k]!;
      let d: number;
      if (kind === SWAP) {
        if (b[lo] === b[hi]) continue;
        d = swapDelta(k, b[hi]! - b[lo]!);
      } else {
        const inRange = pre[k]![hi + 1]! - pre[k]![lo]!;
        if (inRange === 0 || inRange === width) continue;
        if (kind === INSERT) d = insertDelta(k);
        else if (kind === REVERSE) d = reverseDelta(k);
        else
          d =
            crossingViolation(k, newCuts, newCutCount, true) -
            crossingViolation(k, oldCuts, oldCutCount, false);
      }
      if (isHigh[k]) dHigh += d;
      else dLow += d;
    }
    lastHigh = dHigh;
    lastPcc = dPcc;
    lastLow = dLow;
    return dHigh * wHigh + dPcc * wPcc + dLow * wLow;
  };

  /** Applies the prepared move (after `evaluateMove`, whose component changes it adds). */
  const commit = (): void => {
    for (let t = lo; t <= hi; t++) scratch[t] = seq[oldAt(t)]!;
    for (let t = lo; t <= hi; t++) {
      const car = scratch[t]!;
      seq[t] = car;
      col[t] = instance.colours[car]!;
    }
    for (let k = 0; k < ratioCount; k++) {
      const b = bits[k]!;
      const p = pre[k]!;
      const opt = carOptions[k]!;
      for (let t = lo; t <= hi; t++) {
        b[t] = opt[seq[t]!]!;
        p[t + 1] = p[t]! + b[t]!;
      }
    }
    rebuildRuns(lo, hi);
    hprc += lastHigh;
    pcc += lastPcc;
    lprc += lastLow;
  };

  const setPieces = (from: number, to: number, swap: boolean): void => {
    lo = from;
    hi = to;
    kind = swap ? SWAP : GENERIC;
  };

  /** Exchange the cars at positions i and j (both in day D). */
  const prepareSwap = (i: number, j: number): void => {
    const a = Math.min(i, j);
    const b = Math.max(i, j);
    setPieces(a, b, true);
    if (b === a + 1) {
      pieceCount = 2;
      pieceNew[0] = a;
      pieceOld[0] = b;
      pieceOldEnd[0] = b;
      pieceRev[0] = 0;
      pieceNew[1] = b;
      pieceOld[1] = a;
      pieceOldEnd[1] = a;
      pieceRev[1] = 0;
      newCuts[0] = a;
      newCuts[1] = b;
      newCuts[2] = b + 1;
      newCutCount = 3;
    } else {
      pieceCount = 3;
      pieceNew[0] = a;
      pieceOld[0] = b;
      pieceOldEnd[0] = b;
      pieceRev[0] = 0;
      pieceNew[1] = a + 1;
      pieceOld[1] = a + 1;
      pieceOldEnd[1] = b - 1;
      pieceRev[1] = 0;
      pieceNew[2] = b;
      pieceOld[2] = a;
      pieceOldEnd[2] = a;
      pieceRev[2] = 0;
      newCuts[0] = a;
      newCuts[1] = a + 1;
      newCuts[2] = b;
      newCuts[3] = b + 1;
      newCutCount = 4;
    }
    oldCuts.set(newCuts);
    oldCutCount = newCutCount;
  };

  /** Rotate [a, z] so that old position x (a < x <= z) comes first: old[x..z] + old[a..x-1]. */
  const prepareRotate = (a: number, x: number, z: number): void => {
    setPieces(a, z, false);
    pieceCount = 2;
    pieceNew[0] = a;
    pieceOld[0] = x;
    pieceOldEnd[0] = z;
    pieceRev[0] = 0;
    pieceNew[1] = a + z - x + 1;
    pieceOld[1] = a;
    pieceOldEnd[1] = x - 1;
    pieceRev[1] = 0;
    newCuts[0] = a;
    newCuts[1] = a + z - x + 1;
    newCuts[2] = z + 1;
    newCutCount = 3;
    oldCuts[0] = a;
    oldCuts[1] = x;
    oldCuts[2] = z + 1;
    oldCutCount = 3;
  };

  /** Move the car at `from` so that it ends at position `to`, shifting the cars between. */
  const prepareInsert = (from: number, to: number): void => {
    if (from < to) prepareRotate(from, from + 1, to);
    else prepareRotate(to, from, from);
    kind = INSERT;
    insertFrom = from;
    insertTo = to;
  };

  /** Move block [a, b] right after old position c (c > b) or right before it (c < a). */
  const prepareBlockMove = (a: number, b: number, c: number): void => {
    if (c > b) prepareRotate(a, b + 1, c);
    else prepareRotate(c, a, b);
  };

  /** Reverse the block [a, b]. */
  const prepareReverse = (a: number, b: number): void => {
    setPieces(a, b, false);
    pieceCount = 1;
    pieceNew[0] = a;
    pieceOld[0] = a;
    pieceOldEnd[0] = b;
    pieceRev[0] = 1;
    newCuts[0] = a;
    newCuts[1] = b + 1;
    newCutCount = 2;
    oldCuts[0] = a;
    oldCuts[1] = b + 1;
    oldCutCount = 2;
    kind = REVERSE;
  };

  /**
   * Whether the car at `pos` has an option of the given priority that is over capacity in a
   * window containing it: such cars are the ones worth moving. Only three windows per option
   * are read (ending at, centred on, starting at `pos`): a cheap sampling filter, not an oracle.
   */
  const inViolation = (pos: number, high: boolean): boolean => {
    const want = high ? 1 : 0;
    for (let k = 0; k < ratioCount; k++) {
      if (isHigh[k] !== want || !bits[k]![pos]) continue;
      const p = pre[k]!;
      const len = lenP[k]!;
      const n = capN[k]!;
      const from = Math.max(firstStart[k]!, pos - len + 1);
      const to = Math.min(pos, lastStart[k]!);
      if (from > to) continue;
      if (p[Math.min(from + len, total)]! - p[from]! > n) return true;
      if (p[Math.min(to + len, total)]! - p[to]! > n) return true;
      const mid = (from + to) >> 1;
      if (p[Math.min(mid + len, total)]! - p[mid]! > n) return true;
    }
    return false;
  };

  const components = (): Components => ({ hprc, pcc, lprc });

  return {
    /** Live arrays: read-only for callers. */
    seq,
    col,
    runStart,
    runEnd,
    total,
    prevCount: m,
    weights,
    components,
    inViolation,
    highViolations: (): number => hprc,
    lowViolations: (): number => lprc,
    score: (): number => hprc * wHigh + pcc * wPcc + lprc * wLow,
    prepareSwap,
    prepareInsert,
    prepareRotate,
    prepareBlockMove,
    prepareReverse,
    evaluateMove,
    commit,
    /** Replace the whole sequence (e.g. restore a best solution). */
    reset: (next: ArrayLike<number>): void => {
      seq.set(next);
      rebuild();
    },
  };
};
