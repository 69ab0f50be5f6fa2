/**
 * A small reduced ordered BDD kernel, internal to the compiler (compile.ts). Not part of the
 * public API: the compiled artefact is the MDD of compiled.ts.
 *
 * Why hand-written and shaped like this: the compiler conjoins hundreds of thousands of table
 * tuples, so node storage lives in typed arrays (no per-node objects for the GC to trace), the
 * unique table is open addressing over those arrays, and the operation cache is direct-mapped.
 * Levels are bit positions 0..nbits-1 (0 = top); terminals 0 (FALSE) and 1 (TRUE) sit at level
 * `nbits`. Garbage collection only runs between top-level operations (`gc(roots)`), so the
 * recursive operations never need to protect their intermediate results.
 */
import { ConfiguratorError } from './errors.ts';

const OP_AND = 1;
const OP_OR = 2;
const OP_NOT = 3;

const FREE_LEVEL = -1;
const MAX_CACHE_BITS = 22;

export type BddStats = {
  /** Largest number of live nodes seen (after the last GC plus allocations since). */
  peakNodes: number;
  gcRuns: number;
};

export class Bdd {
  readonly nbits: number;
  level: Int32Array;
  lo: Int32Array;
  hi: Int32Array;
  /** Next never-used node slot. */
  private top = 2;
  /** Head of the free list (slots freed by gc, linked through `lo`); -1 when empty. */
  private freeHead = -1;
  private freeCount = 0;
  private table: Int32Array;
  private tableMask: number;
  private tableUsed = 0;
  private cA: Int32Array;
  private cB: Int32Array;
  private cR: Int32Array;
  private cMask: number;
  private readonly maxNodes: number;
  readonly stats: BddStats = { peakNodes: 0, gcRuns: 0 };

  constructor(nbits: number, maxNodes = 50_000_000, initialCapacity = 1 << 16) {
    this.nbits = nbits;
    this.maxNodes = maxNodes;
    const cap = Math.max(1024, initialCapacity);
    this.level = new Int32Array(cap);
    this.lo = new Int32Array(cap);
    this.hi = new Int32Array(cap);
    this.level[0] = nbits;
    this.level[1] = nbits;
    this.table = new Int32Array(cap * 2);
    this.tableMask = cap * 2 - 1;
    const cs = 1 << 14;
    this.cA = new Int32Array(cs).fill(-1);
    this.cB = new Int32Array(cs);
    this.cR = new Int32Array(cs);
    this.cMask = cs - 1;
  }

  /** Number of live nodes, terminals included. */
  get liveNodes(): number {
    return this.top - this.freeCount;
  }

  /** The node (v ? hi : lo) on bit `v`, reduced and shared. */
  mk(v: number, l: number, h: number): number {
    if (l === h) return l;
    const level = this.level;
    const lo = this.lo;
    const hi = this.hi;
    const table = this.table;
    const mask = this.tableMask;
    let i = hash3(v, l, h) & mask;
    for (;;) {
      const n = table[i] as number;
      if (n === 0) break;
      if (level[n] === v && lo[n] === l && hi[n] === h) return n;
      i = (i + 1) & mask;
    }
    const n = this.alloc();
    this.level[n] = v;
    this.lo[n] = l;
    this.hi[n] = h;
    this.table[i] = n;
    this.tableUsed++;
    if (this.tableUsed * 2 > this.table.length) this.rehash(this.table.length * 2);
    return n;
  }

  and(a: number, b: number): number {
    return this.apply(OP_AND, a, b);
  }

  or(a: number, b: number): number {
    return this.apply(OP_OR, a, b);
  }

  not(a: number): number {
    if (a < 2) return 1 - a;
    let slot = cacheSlot(OP_NOT, a, 0) & this.cMask;
    if (this.cA[slot] === a && this.cB[slot] === -OP_NOT) return this.cR[slot] as number;
    const v = this.level[a] as number;
    const al = this.lo[a] as number;
    const ah = this.hi[a] as number;
    const l = this.not(al);
    const h = this.not(ah);
    const r = this.mk(v, l, h);
    slot = cacheSlot(OP_NOT, a, 0) & this.cMask;
    this.cA[slot] = a;
    this.cB[slot] = -OP_NOT;
    this.cR[slot] = r;
    return r;
  }

  private apply(op: number, a: number, b: number): number {
    if (op === OP_AND) {
      if (a === b || b === 1) return a;
      if (a === 0 || b === 0) return 0;
      if (a === 1) return b;
    } else {
      if (a === b || b === 0) return a;
      if (a === 1 || b === 1) return 1;
      if (a === 0) return b;
    }
    if (a > b) {
      const t = a;
      a = b;
      b = t;
    }
    // The cache key packs the operator into the sign of B's slot so one array pair serves all ops.
    const key = op === OP_AND ? b : -b - 8;
    let slot = cacheSlot(op, a, b) & this.cMask;
    if (this.cA[slot] === a && this.cB[slot] === key) return this.cR[slot] as number;
    const la = this.level[a] as number;
    const lb = this.level[b] as number;
    let v: number;
    let l: number;
    let h: number;
    if (la === lb) {
      v = la;
      const al = this.lo[a] as number;
      const ah = this.hi[a] as number;
      const bl = this.lo[b] as number;
      const bh = this.hi[b] as number;
      l = this.apply(op, al, bl);
      h = this.apply(op, ah, bh);
    } else if (la < lb) {
      v = la;
      const ah = this.hi[a] as number;
      l = this.apply(op, this.lo[a] as number, b);
      h = this.apply(op, ah, b);
    } else {
      v = lb;
      const bh = this.hi[b] as number;
      l = this.apply(op, a, this.lo[b] as number);
      h = this.apply(op, a, bh);
    }
    const r = this.mk(v, l, h);
    // The cache may have been resized by the recursive calls: recompute the slot.
    slot = cacheSlot(op, a, b) & this.cMask;
    this.cA[slot] = a;
    this.cB[slot] = key;
    this.cR[slot] = r;
    return r;
  }

  /**
   * Frees every node not reachable from `roots`. Node ids of live nodes do not change.
   * Clears the operation cache (its entries may name freed nodes).
   */
  gc(roots: Iterable<number>): void {
    const mark = new Uint8Array(this.top);
    const stack: number[] = [];
    for (const r of roots) if (r >= 2 && mark[r] === 0) stack.push(r);
    const lo = this.lo;
    const hi = this.hi;
    while (stack.length > 0) {
      const n = stack.pop() as number;
      if (mark[n] === 1) continue;
      mark[n] = 1;
      const l = lo[n] as number;
      const h = hi[n] as number;
      if (l >= 2 && mark[l] === 0) stack.push(l);
      if (h >= 2 && mark[h] === 0) stack.push(h);
    }
    this.freeHead = -1;
    this.freeCount = 0;
    const level = this.level;
    // Build the free list from the top so low ids are reused first (better locality).
    for (let n = this.top - 1; n >= 2; n--) {
      if (mark[n] === 0) {
        level[n] = FREE_LEVEL;
        lo[n] = this.freeHead;
        this.freeHead = n;
        this.freeCount++;
      }
    }
    const live = this.liveNodes;
    let size = this.table.length;
    while (size > 1024 && live * 8 < size) size >>= 1;
    this.rehash(size);
    this.cA.fill(-1);
    this.stats.gcRuns++;
  }

  private alloc(): number {
    let n: number;
    if (this.freeHead !== -1) {
      n = this.freeHead;
      this.freeHead = this.lo[n] as number;
      this.freeCount--;
    } else {
      if (this.top === this.level.length) this.grow();
      n = this.top++;
    }
    const live = this.top - this.freeCount;
    if (live > this.stats.peakNodes) {
      this.stats.peakNodes = live;
      if (live > this.maxNodes) {
        throw new ConfiguratorError(
          'configurator.too_large',
          `The decision diagram needs more than ${this.maxNodes} nodes; raise maxNodes or simplify the rules`,
          { limit: String(this.maxNodes) },
        );
      }
    }
    return n;
  }

  private grow(): void {
    const cap = this.level.length * 2;
    const level = new Int32Array(cap);
    level.set(this.level);
    const lo = new Int32Array(cap);
    lo.set(this.lo);
    const hi = new Int32Array(cap);
    hi.set(this.hi);
    this.level = level;
    this.lo = lo;
    this.hi = hi;
    // Keep the cache proportional to the node store: too small a cache makes apply exponential.
    const want = Math.min(1 << MAX_CACHE_BITS, cap >> 1);
    if (want > this.cA.length) {
      this.cA = new Int32Array(want).fill(-1);
      this.cB = new Int32Array(want);
      this.cR = new Int32Array(want);
      this.cMask = want - 1;
    }
  }

  private rehash(size: number): void {
    const table = new Int32Array(size);
    const mask = size - 1;
    const level = this.level;
    const lo = this.lo;
    const hi = this.hi;
    let used = 0;
    for (let n = 2; n < this.top; n++) {
      const v = level[n] as number;
      if (v === FREE_LEVEL) continue;
      let i = hash3(v, lo[n] as number, hi[n] as number) & mask;
      while (table[i] !== 0) i = (i + 1) & mask;
      table[i] = n;
      used++;
    }
    this.table = table;
    this.tableMask = mask;
    this.tableUsed = used;
  }
}

const hash3 = (v: number, l: number, h: number): number => {
  let x = Math.imul(l, 0x9e3779b1) ^ Math.imul(h, 0x85ebca77) ^ Math.imul(v + 1, 0xc2b2ae3d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x2c1b3c6d);
  x ^= x >>> 13;
  return x >>> 0;
};

const cacheSlot = (op: number, a: number, b: number): number => {
  let x = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + op, 0x85ebca77);
  x ^= x >>> 16;
  return x >>> 0;
};
