/**
 * Exact model counting (#SAT) for CNF feature models, in the style of sharpSAT / d4:
 * DPLL with unit propagation (binary implication lists + two watched literals for longer
 * clauses), decomposition of the residual formula into connected components, a component cache
 * (exact keys: sorted variable ids + ids of the still-open long clauses) and a decision
 * heuristic that takes features top-down (BFS distance from the fixed root, ties by occurrences in
 * the component). Counts are BigInt.
 *
 * Why not a BDD: feature models have 10^200+ models and thousands of variables; a BDD must pick
 * one global variable order, while the component cache only has to recognise that a sub-tree of
 * the feature tree is independent of the rest. See packages/configurator/SHARPSAT.md.
 *
 * The search is iterative (an explicit frame stack): Automotive02 has 14k variables and the
 * search depth is bounded only by that. With `compileDdnnf` the same search records its trace
 * as a decision-DNNF (decision nodes, AND nodes over components, literal leaves; a cache hit
 * reuses the node) so that counting under assumptions and per-literal counts are linear passes.
 */
import { ConfiguratorError } from './errors.ts';
import type { Cnf } from './import-dimacs.ts';

export type CountOptions = {
  /** Wall-clock limit; over it the search throws ConfiguratorError `timeout`. */
  timeoutMs?: number;
  /** DIMACS literals fixed true before counting. */
  assumptions?: number[];
  /**
   * Decision order. `distance` (default): nearest to the top-level fixed variables first, ties
   * by occurrences (see primalDistances). `occurrences`: most open clauses in the component only
   * (plain degree heuristic, far slower on feature models; a second, independent search for
   * cross-checks).
   */
  heuristic?: 'distance' | 'occurrences';
  /**
   * Soft limit on the bytes of cache keys; over it the older half of the cache is dropped
   * (only a speed loss, counts stay exact). Default 1 GiB.
   */
  cacheBytes?: number;
};

export type CountResult = {
  count: bigint;
  /** Component cache entries created (countCnf) or decision-DNNF nodes (compileDdnnf). */
  nodes: number;
  ms: number;
};

/**
 * A decision-DNNF. Node ids are topologically ordered (children before parents), so an upward
 * pass is a loop over ids and a downward pass the same loop reversed. The formula is smooth:
 * both branches of a decision and the root cover exactly the variables of their component,
 * with `free` listing variables that may take either value.
 */
export type Ddnnf = {
  numVars: number;
  /** Per node: 0 false, 1 and, 2 decision. Node 0 is the false node. */
  kind: Uint8Array;
  /** and: offset into `pool`; decision: the variable. */
  a: Int32Array;
  /** decision: node for variable = 1 (its AND holds the literal). */
  hi: Int32Array;
  /** decision: node for variable = 0. */
  lo: Int32Array;
  /** An AND node at offset o: nLits, lits (DIMACS) ..., nFree, free vars ..., nKids, kid ids .... */
  pool: Int32Array;
  root: number;
  size: number;
};

export type LiteralCounts = {
  total: bigint;
  /** Index = variable id: models (under the assumptions) in which the variable is 1. */
  pos: bigint[];
  /** Index = variable id: models in which it is 0. */
  neg: bigint[];
};

type Comp = {
  /** Sorted variable ids. */
  vars: Int32Array;
  key: Uint8Array;
  hash: number;
  /** Decision variable: most occurrences among the component's open clauses. */
  best: number;
};

type CacheEntry = { key: Uint8Array; count: bigint; node: number; next: CacheEntry | undefined };

type Frame = {
  comp: Comp | undefined;
  vars: Int32Array;
  /** Decision variable, 0 for the root frame (one branch, no decision). */
  dvar: number;
  /** 0 or 1: which branch is being counted. */
  branch: number;
  /** Whether the current branch has been propagated and decomposed. */
  open: boolean;
  mark: number;
  sum: bigint;
  children: Comp[];
  idx: number;
  prod: bigint;
  free: number[];
  kids: number[];
  hiNode: number;
};

const NODE_FALSE = 0;
const KIND_AND = 1;
const KIND_DEC = 2;

const invalid = (message: string): never => {
  throw new ConfiguratorError('configurator.cnf_invalid', message);
};

/** 2^k as a BigInt. */
const pow2 = (k: number): bigint => (k === 0 ? 1n : 1n << BigInt(k));

/**
 * Decision priority: breadth-first distance in the primal graph from the variables fixed at the
 * top level (the root feature and its mandatory consequences), parts not reached start again from
 * their variable of highest degree. In a feature model this is the depth in the feature tree:
 * deciding a feature before its sub-features cuts the tree into independent sub-trees, which is
 * what the component cache feeds on. A dynamic "most occurrences" heuristic alone picks members
 * of large alternative groups (cliques of exclusions) and needs ~25x more decisions on
 * Automotive01 (56k vs 2.3k); with ties broken by occurrences it stays a VSADS-like degree
 * heuristic on formulas without that structure.
 */
const primalDistances = (
  n: number,
  fixed: Int32Array,
  binStart: Int32Array,
  binList: Int32Array,
  occStart: Int32Array,
  occList: Int32Array,
  cStart: Int32Array,
  pool: Int32Array,
): Int32Array => {
  const unreached = 0x3fffffff;
  const dist = new Int32Array(n + 1).fill(unreached);
  const queue = new Int32Array(n + 1);
  let qe = 0;
  const bfs = (qs0: number): void => {
    for (let qs = qs0; qs < qe; qs++) {
      const x = queue[qs] as number;
      const d = (dist[x] as number) + 1;
      for (let k = binStart[2 * x] as number, e = binStart[2 * x + 2] as number; k < e; k++) {
        const y = (binList[k] as number) >> 1;
        if ((dist[y] as number) > d) {
          dist[y] = d;
          queue[qe++] = y;
        }
      }
      for (let k = occStart[x] as number, e = occStart[x + 1] as number; k < e; k++) {
        const c = occList[k] as number;
        for (let t = cStart[c] as number, te = cStart[c + 1] as number; t < te; t++) {
          const y = (pool[t] as number) >> 1;
          if ((dist[y] as number) > d) {
            dist[y] = d;
            queue[qe++] = y;
          }
        }
      }
    }
  };
  for (let t = 0; t < fixed.length; t++) {
    const v = (fixed[t] as number) >> 1;
    if (dist[v] === 0) continue;
    dist[v] = 0;
    queue[qe++] = v;
  }
  bfs(0);
  if (qe < n) {
    const degree = (v: number): number =>
      (binStart[2 * v + 2] as number) -
      (binStart[2 * v] as number) +
      (occStart[v + 1] as number) -
      (occStart[v] as number);
    const rest: number[] = [];
    for (let v = 1; v <= n; v++) if (dist[v] === unreached) rest.push(v);
    rest.sort((x, y) => degree(y) - degree(x) || x - y);
    for (const v of rest) {
      if (dist[v] !== unreached) continue;
      const from = qe;
      dist[v] = 0;
      queue[qe++] = v;
      bfs(from);
    }
  }
  return dist;
};

type SearchResult = { count: bigint; cacheEntries: number; ddnnf: Ddnnf | undefined };

const search = (cnf: Cnf, opts: CountOptions, compile: boolean): SearchResult => {
  const n = cnf.numVars;
  const deadline = opts.timeoutMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + opts.timeoutMs;
  const cacheBudget = opts.cacheBytes ?? 1 << 30;
  // Literal encoding: 2v (v true), 2v+1 (v false); negation is ^1.
  const litVal = new Int8Array(2 * n + 2); // 1 true, -1 false, 0 open
  const trail = new Int32Array(n + 1);
  let trailLen = 0;
  let qhead = 0;

  // --- Clause database -------------------------------------------------------------------
  const units: number[] = [];
  let emptyClause = false;
  const binA: number[] = [];
  const longStarts: number[] = [0];
  const longLits: number[] = [];
  {
    const seen = new Int32Array(n + 1); // stamp per var: +k lit positive, -k negative
    let stamp = 0;
    const tmp: number[] = [];
    for (const clause of cnf.clauses) {
      stamp++;
      tmp.length = 0;
      let tautology = false;
      for (let i = 0; i < clause.length; i++) {
        const d = clause[i] as number;
        const v = d < 0 ? -d : d;
        if (v === 0 || v > n || !Number.isInteger(d)) invalid(`literal ${d} out of range 1..${n}`);
        const sign = d < 0 ? -stamp : stamp;
        const prev = seen[v] as number;
        if (prev === sign) continue;
        if (prev === -sign) {
          tautology = true;
          break;
        }
        seen[v] = sign;
        tmp.push(d < 0 ? 2 * v + 1 : 2 * v);
      }
      if (tautology) continue;
      if (tmp.length === 0) emptyClause = true;
      else if (tmp.length === 1) units.push(tmp[0] as number);
      else if (tmp.length === 2) binA.push(tmp[0] as number, tmp[1] as number);
      else {
        for (const l of tmp) longLits.push(l);
        longStarts.push(longLits.length);
      }
    }
  }
  const numLong = longStarts.length - 1;
  const cStart = Int32Array.from(longStarts);
  const pool = Int32Array.from(longLits);

  // Binary clause (a ∨ b): a false implies b, b false implies a. CSR by the literal made true.
  const binStart = new Int32Array(2 * n + 3);
  for (let i = 0; i < binA.length; i++) (binStart[((binA[i] as number) ^ 1) + 1] as number)++;
  for (let i = 1; i < binStart.length; i++)
    binStart[i] = (binStart[i] as number) + (binStart[i - 1] as number);
  const binList = new Int32Array(binA.length);
  {
    const fill = binStart.slice();
    for (let i = 0; i < binA.length; i += 2) {
      const a = binA[i] as number;
      const b = binA[i + 1] as number;
      binList[(fill[a ^ 1] as number)++] = b;
      binList[(fill[b ^ 1] as number)++] = a;
    }
  }

  // Occurrences of long clauses per variable (either sign), CSR.
  const occStart = new Int32Array(n + 2);
  for (let k = 0; k < pool.length; k++) (occStart[((pool[k] as number) >> 1) + 1] as number)++;
  for (let i = 1; i < occStart.length; i++)
    occStart[i] = (occStart[i] as number) + (occStart[i - 1] as number);
  const occList = new Int32Array(pool.length);
  {
    const fill = occStart.slice();
    for (let c = 0; c < numLong; c++) {
      for (let k = cStart[c] as number; k < (cStart[c + 1] as number); k++) {
        occList[(fill[(pool[k] as number) >> 1] as number)++] = c;
      }
    }
  }

  // Two watched literals: positions 0 and 1 of each long clause.
  const watches: number[][] = [];
  for (let l = 0; l < 2 * n + 2; l++) watches.push([]);
  for (let c = 0; c < numLong; c++) {
    const s = cStart[c] as number;
    (watches[pool[s] as number] as number[]).push(c);
    (watches[pool[s + 1] as number] as number[]).push(c);
  }

  const assign = (l: number): void => {
    litVal[l] = 1;
    litVal[l ^ 1] = -1;
    trail[trailLen++] = l;
  };

  /** Unit propagation from `qhead`; false on conflict. */
  const propagate = (): boolean => {
    while (qhead < trailLen) {
      const p = trail[qhead++] as number;
      for (let k = binStart[p] as number, e = binStart[p + 1] as number; k < e; k++) {
        const q = binList[k] as number;
        const v = litVal[q] as number;
        if (v === 0) assign(q);
        else if (v < 0) return false;
      }
      const f = p ^ 1;
      const ws = watches[f] as number[];
      let i = 0;
      let j = 0;
      const len = ws.length;
      while (i < len) {
        const c = ws[i++] as number;
        const s = cStart[c] as number;
        let first = pool[s] as number;
        if (first === f) {
          first = pool[s + 1] as number;
          pool[s] = first;
          pool[s + 1] = f;
        }
        if (litVal[first] === 1) {
          ws[j++] = c;
          continue;
        }
        let moved = false;
        for (let k = s + 2, e = cStart[c + 1] as number; k < e; k++) {
          const l = pool[k] as number;
          if (litVal[l] !== -1) {
            pool[s + 1] = l;
            pool[k] = f;
            (watches[l] as number[]).push(c);
            moved = true;
            break;
          }
        }
        if (moved) continue;
        ws[j++] = c;
        if (litVal[first] === -1) {
          while (i < len) ws[j++] = ws[i++] as number;
          ws.length = j;
          return false;
        }
        assign(first);
      }
      ws.length = j;
    }
    return true;
  };

  const undo = (mark: number): void => {
    while (trailLen > mark) {
      const l = trail[--trailLen] as number;
      litVal[l] = 0;
      litVal[l ^ 1] = 0;
    }
    qhead = trailLen;
  };

  // --- Component decomposition ------------------------------------------------------------
  const varSeen = new Int32Array(n + 1);
  const clauseSeen = new Int32Array(numLong);
  let stamp = 1;
  const queue = new Int32Array(n + 1);
  const clauseBuf = new Int32Array(numLong + 1);
  let keyBuf = new Uint8Array(1024);

  const putVarint = (pos: number, x: number): number => {
    let p = pos;
    let y = x;
    while (y >= 0x80) {
      keyBuf[p++] = (y & 0x7f) | 0x80;
      y >>>= 7;
    }
    keyBuf[p++] = y;
    return p;
  };

  /**
   * Key of a component: its sorted variables and sorted open long clauses, delta-varint coded.
   * Equal keys mean equal residual formulas: binary clauses among open variables are all open,
   * and an open long clause keeps exactly its literals over the component's variables.
   */
  const makeComp = (vars: Int32Array, cls: Int32Array, best: number): Comp => {
    const nv = vars.length;
    const nc = cls.length;
    const need = 5 * (nv + nc + 1);
    if (keyBuf.length < need) keyBuf = new Uint8Array(Math.max(need, keyBuf.length * 2));
    let h = 0x811c9dc5 ^ nv;
    let p = putVarint(0, nv);
    let prev = 0;
    for (let i = 0; i < nv; i++) {
      const x = vars[i] as number;
      p = putVarint(p, x - prev);
      h = Math.imul(h ^ x, 0x01000193);
      prev = x;
    }
    prev = -1;
    for (let i = 0; i < nc; i++) {
      const x = cls[i] as number;
      p = putVarint(p, x - prev);
      h = Math.imul(h ^ (x + 0x5bd1e995), 0x01000193);
      prev = x;
    }
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    return { vars, key: keyBuf.slice(0, p), hash: h & 0x3fffffff, best };
  };

  // Per component found by one decompose call: size, best variable, clause range in clauseBuf.
  const compOf = new Int32Array(n + 1);
  const compSize = new Int32Array(n + 1);
  const compBest = new Int32Array(n + 1);
  const compClauseEnd = new Int32Array(n + 1);

  /**
   * Splits the open variables among `vars` into connected components of the residual formula.
   * Pushes components with at least one open clause to `out`; returns isolated (free) variables
   * in `free` (compile mode) and their number.
   */
  const decompose = (vars: Int32Array, out: Comp[], free: number[] | undefined): number => {
    stamp += 2;
    const active = stamp;
    const inactive = stamp + 1;
    let freeCount = 0;
    let ncomp = 0;
    let nc = 0;
    for (let i = 0; i < vars.length; i++) {
      const v = vars[i] as number;
      if (litVal[2 * v] !== 0 || varSeen[v] === active) continue;
      varSeen[v] = active;
      queue[0] = v;
      let qs = 0;
      let qe = 1;
      const nc0 = nc;
      let best = v;
      let bestScore = Number.NEGATIVE_INFINITY;
      while (qs < qe) {
        const x = queue[qs++] as number;
        let score = 0;
        let lscore = 0;
        for (let k = binStart[2 * x] as number, e = binStart[2 * x + 2] as number; k < e; k++) {
          const q = binList[k] as number;
          // After full propagation an open variable's binary partner is open or true.
          if (litVal[q] !== 0) continue;
          score++;
          const y = q >> 1;
          if (varSeen[y] !== active) {
            varSeen[y] = active;
            queue[qe++] = y;
          }
        }
        for (let k = occStart[x] as number, e = occStart[x + 1] as number; k < e; k++) {
          const c = occList[k] as number;
          const s = clauseSeen[c] as number;
          if (s === active) {
            lscore++;
            continue;
          }
          if (s === inactive) continue;
          const cs = cStart[c] as number;
          const ce = cStart[c + 1] as number;
          let sat = false;
          for (let t = cs; t < ce; t++) {
            if (litVal[pool[t] as number] === 1) {
              sat = true;
              break;
            }
          }
          if (sat) {
            clauseSeen[c] = inactive;
            continue;
          }
          clauseSeen[c] = active;
          clauseBuf[nc++] = c;
          lscore++;
          for (let t = cs; t < ce; t++) {
            const l = pool[t] as number;
            if (litVal[l] !== 0) continue;
            const y = l >> 1;
            if (varSeen[y] !== active) {
              varSeen[y] = active;
              queue[qe++] = y;
            }
          }
        }
        // Nearest to the already fixed part first, then most open clauses (see `distance`).
        score = (score + lscore) * 0.5 ** 20 - (distance[x] as number);
        if (score > bestScore) {
          bestScore = score;
          best = x;
        }
      }
      if (qe === 1 && nc === nc0) {
        compOf[v] = -1;
        freeCount++;
        free?.push(v);
        continue;
      }
      for (let t = 0; t < qe; t++) compOf[queue[t] as number] = ncomp;
      compSize[ncomp] = qe;
      compBest[ncomp] = best;
      compClauseEnd[ncomp] = nc;
      ncomp++;
    }
    if (ncomp === 0) return freeCount;
    // Sorted variable lists without sorting: `vars` is sorted, so scatter it by component.
    const lists: Int32Array[] = [];
    const fill = new Int32Array(ncomp);
    for (let k = 0; k < ncomp; k++) lists.push(new Int32Array(compSize[k] as number));
    for (let i = 0; i < vars.length; i++) {
      const v = vars[i] as number;
      if (varSeen[v] !== active) continue;
      const k = compOf[v] as number;
      if (k >= 0) (lists[k] as Int32Array)[(fill[k] as number)++] = v;
    }
    let c0 = 0;
    for (let k = 0; k < ncomp; k++) {
      const c1 = compClauseEnd[k] as number;
      out.push(makeComp(lists[k] as Int32Array, clauseBuf.subarray(c0, c1).sort(), compBest[k] as number));
      c0 = c1;
    }
    return freeCount;
  };

  // --- Cache -----------------------------------------------------------------------------
  const cache = new Map<number, CacheEntry>();
  let cacheBytes = 0;
  let cacheEntries = 0;
  const sameKey = (a: Uint8Array, b: Uint8Array): boolean => {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  };
  const cacheGet = (c: Comp): CacheEntry | undefined => {
    for (let e = cache.get(c.hash); e !== undefined; e = e.next) if (sameKey(e.key, c.key)) return e;
    return undefined;
  };
  const cachePut = (c: Comp, count: bigint, node: number): void => {
    cache.set(c.hash, { key: c.key, count, node, next: cache.get(c.hash) });
    cacheBytes += c.key.length + 64;
    cacheEntries++;
    if (cacheBytes > cacheBudget) {
      // Drop the older half (Map iterates in insertion order of the buckets).
      let drop = cache.size >> 1;
      for (const [h, e] of cache) {
        if (drop-- <= 0) break;
        for (let x: CacheEntry | undefined = e; x !== undefined; x = x.next) cacheBytes -= x.key.length + 64;
        cache.delete(h);
      }
    }
  };

  // --- Decision-DNNF store (compile mode) --------------------------------------------------
  let nodeCap = compile ? 1024 : 1;
  let kind = new Uint8Array(nodeCap);
  let na = new Int32Array(nodeCap);
  let nhi = new Int32Array(nodeCap);
  let nlo = new Int32Array(nodeCap);
  let nodeCount = 1; // node 0: false
  let dpool = new Int32Array(compile ? 4096 : 1);
  let dpoolLen = 0;
  const newNode = (k: number, a: number, hi: number, lo: number): number => {
    if (nodeCount === nodeCap) {
      nodeCap *= 2;
      const k2 = new Uint8Array(nodeCap);
      k2.set(kind);
      kind = k2;
      const a2 = new Int32Array(nodeCap);
      a2.set(na);
      na = a2;
      const h2 = new Int32Array(nodeCap);
      h2.set(nhi);
      nhi = h2;
      const l2 = new Int32Array(nodeCap);
      l2.set(nlo);
      nlo = l2;
    }
    kind[nodeCount] = k;
    na[nodeCount] = a;
    nhi[nodeCount] = hi;
    nlo[nodeCount] = lo;
    return nodeCount++;
  };
  const poolPush = (x: number): void => {
    if (dpoolLen === dpool.length) {
      const p2 = new Int32Array(dpool.length * 2);
      p2.set(dpool);
      dpool = p2;
    }
    dpool[dpoolLen++] = x;
  };
  /** AND node over trail[mark..trailLen), the free variables and the child nodes. */
  const andNode = (mark: number, free: number[], kids: number[]): number => {
    const at = dpoolLen;
    poolPush(trailLen - mark);
    for (let t = mark; t < trailLen; t++) {
      const l = trail[t] as number;
      poolPush(l & 1 ? -(l >> 1) : l >> 1);
    }
    poolPush(free.length);
    for (const v of free) poolPush(v);
    poolPush(kids.length);
    for (const k of kids) poolPush(k);
    return newNode(KIND_AND, at, 0, 0);
  };

  // --- Search ----------------------------------------------------------------------------
  const finish = (count: bigint, root: number): SearchResult => ({
    count,
    cacheEntries,
    ddnnf: compile
      ? {
          numVars: n,
          kind: kind.slice(0, nodeCount),
          a: na.slice(0, nodeCount),
          hi: nhi.slice(0, nodeCount),
          lo: nlo.slice(0, nodeCount),
          pool: dpool.slice(0, dpoolLen),
          root,
          size: nodeCount,
        }
      : undefined,
  });

  if (emptyClause) return finish(0n, NODE_FALSE);
  for (const l of units) {
    const v = litVal[l] as number;
    if (v < 0) return finish(0n, NODE_FALSE);
    if (v === 0) assign(l);
  }
  if (!propagate()) return finish(0n, NODE_FALSE);
  // The decision order is a property of the formula: assumptions (a configurator's clicks) must
  // not move the BFS centre, or every click would search in a different, often worse, order.
  const distance =
    opts.heuristic === 'occurrences'
      ? new Int32Array(n + 1)
      : primalDistances(n, trail.subarray(0, trailLen), binStart, binList, occStart, occList, cStart, pool);
  for (const d of opts.assumptions ?? []) {
    const v = d < 0 ? -d : d;
    if (v === 0 || v > n || !Number.isInteger(d)) invalid(`assumption ${d} out of range 1..${n}`);
    const l = d < 0 ? 2 * v + 1 : 2 * v;
    const x = litVal[l] as number;
    if (x < 0) return finish(0n, NODE_FALSE);
    if (x === 0) assign(l);
  }
  if (!propagate()) return finish(0n, NODE_FALSE);

  const allVars = new Int32Array(n);
  for (let v = 1; v <= n; v++) allVars[v - 1] = v;
  const newFrame = (comp: Comp | undefined, vars: Int32Array, dvar: number): Frame => ({
    comp,
    vars,
    dvar,
    branch: 0,
    open: false,
    mark: trailLen,
    sum: 0n,
    children: [],
    idx: 0,
    prod: 1n,
    free: [],
    kids: [],
    hiNode: NODE_FALSE,
  });
  const stack: Frame[] = [newFrame(undefined, allVars, 0)];
  let steps = 0;
  const bySize = (x: Comp, y: Comp): number => x.vars.length - y.vars.length;

  for (;;) {
    const f = stack[stack.length - 1] as Frame;
    if ((steps++ & 1023) === 0 && Date.now() >= deadline) {
      throw new ConfiguratorError('timeout', `model counting exceeded ${opts.timeoutMs} ms`, {
        timeoutMs: String(opts.timeoutMs),
      });
    }
    let value: bigint | undefined;
    if (!f.open) {
      f.open = true;
      // The root's AND also holds the top-level units and their consequences.
      f.mark = f.dvar === 0 ? 0 : trailLen;
      f.children.length = 0;
      f.free.length = 0;
      f.kids.length = 0;
      f.idx = 0;
      if (f.dvar !== 0) assign(f.branch === 0 ? 2 * f.dvar : 2 * f.dvar + 1);
      if (!propagate()) value = 0n;
      else {
        const nfree = decompose(f.vars, f.children, compile ? f.free : undefined);
        f.children.sort(bySize);
        f.prod = pow2(nfree);
      }
    }
    if (value === undefined) {
      let descended = false;
      while (f.idx < f.children.length && f.prod !== 0n) {
        const c = f.children[f.idx] as Comp;
        const hit = cacheGet(c);
        if (hit === undefined) {
          stack.push(newFrame(c, c.vars, c.best));
          descended = true;
          break;
        }
        f.prod *= hit.count;
        if (compile) f.kids.push(hit.node);
        f.idx++;
      }
      if (descended) continue;
      value = f.prod;
    }
    // The current branch of `f` is counted.
    let branchNode = NODE_FALSE;
    if (compile && value !== 0n) branchNode = andNode(f.mark, f.free, f.kids);
    undo(f.mark);
    f.sum += value;
    f.open = false;
    if (f.dvar !== 0 && f.branch === 0) {
      f.branch = 1;
      f.hiNode = branchNode;
      continue;
    }
    // `f` is complete.
    stack.pop();
    let node = branchNode;
    if (f.dvar !== 0) {
      node = compile ? (f.sum === 0n ? NODE_FALSE : newNode(KIND_DEC, f.dvar, f.hiNode, branchNode)) : 0;
      cachePut(f.comp as Comp, f.sum, node);
    }
    const parent = stack[stack.length - 1];
    if (parent === undefined) return finish(f.sum, node);
    parent.prod *= f.sum;
    if (compile) parent.kids.push(node);
    parent.idx++;
  }
};

const now = (): number => (typeof performance === 'undefined' ? Date.now() : performance.now());

/** Exact number of models of `cnf` (over all `numVars` variables) under the assumptions. */
export const countCnf = (cnf: Cnf, opts: CountOptions = {}): CountResult => {
  const t0 = now();
  const r = search(cnf, opts, false);
  return { count: r.count, nodes: r.cacheEntries, ms: now() - t0 };
};

/**
 * Compiles `cnf` (conditioned on `opts.assumptions`, usually none) to a decision-DNNF by
 * recording the counting search.
 */
export const compileDdnnf = (cnf: Cnf, opts: CountOptions = {}): Ddnnf => {
  const r = search(cnf, opts, true);
  return r.ddnnf as Ddnnf;
};

/** Per variable: 1 fixed true, -1 fixed false, 0 open; from DIMACS literals. */
const assumptionSigns = (d: Ddnnf, assumptions: Int32Array | undefined): Int8Array => {
  const sign = new Int8Array(d.numVars + 1);
  if (assumptions === undefined) return sign;
  for (let i = 0; i < assumptions.length; i++) {
    const x = assumptions[i] as number;
    const v = x < 0 ? -x : x;
    if (v === 0 || v > d.numVars) invalid(`assumption ${x} out of range 1..${d.numVars}`);
    const s = x < 0 ? -1 : 1;
    // Contradicting assumptions: mark the variable impossible (2), no model survives.
    sign[v] = sign[v] === 0 || sign[v] === s ? s : 2;
  }
  return sign;
};

/** λ of a DIMACS literal under the assumptions: 1 if it may be true, 0 if not. */
const litWeight = (sign: Int8Array, x: number): number => {
  const s = sign[x < 0 ? -x : x] as number;
  if (s === 0) return 1;
  if (s === 2) return 0;
  return (x < 0 ? -1 : 1) === s ? 1 : 0;
};

/** Upward pass: models of every node under the assumptions. */
const upward = (d: Ddnnf, sign: Int8Array): bigint[] => {
  const val: bigint[] = new Array<bigint>(d.size).fill(0n);
  const p = d.pool;
  for (let id = 1; id < d.size; id++) {
    if (d.kind[id] === KIND_DEC) {
      val[id] = (val[d.hi[id] as number] as bigint) + (val[d.lo[id] as number] as bigint);
      continue;
    }
    let o = d.a[id] as number;
    let ok = true;
    const nl = p[o++] as number;
    for (let t = 0; t < nl; t++) if (litWeight(sign, p[o++] as number) === 0) ok = false;
    if (!ok) continue;
    let twos = 0;
    const nf = p[o++] as number;
    for (let t = 0; t < nf; t++) {
      const v = p[o++] as number;
      const w = litWeight(sign, v) + litWeight(sign, -v);
      if (w === 0) ok = false;
      else if (w === 2) twos++;
    }
    if (!ok) continue;
    let prod = pow2(twos);
    const nk = p[o++] as number;
    for (let t = 0; t < nk && prod !== 0n; t++) prod *= val[p[o++] as number] as bigint;
    val[id] = prod;
  }
  return val;
};

/** Models of the compiled formula with the DIMACS literals in `assumptions` fixed true. */
export const ddnnfCount = (d: Ddnnf, assumptions?: Int32Array): bigint => {
  const val = upward(d, assumptionSigns(d, assumptions));
  return d.root === NODE_FALSE ? 0n : (val[d.root] as bigint);
};

/**
 * Models with each literal, under the assumptions, in one upward and one downward pass:
 * the count with literal l is λ_l · ∂f/∂λ_l of the (smooth) circuit. This is a full
 * configurator click: the possible values of every variable and the exact count.
 */
export const literalCounts = (d: Ddnnf, assumptions?: Int32Array): LiteralCounts => {
  const sign = assumptionSigns(d, assumptions);
  const val = upward(d, sign);
  const pos: bigint[] = new Array<bigint>(d.numVars + 1).fill(0n);
  const neg: bigint[] = new Array<bigint>(d.numVars + 1).fill(0n);
  const total = d.root === NODE_FALSE ? 0n : (val[d.root] as bigint);
  if (total === 0n) return { total, pos, neg };
  const outer: bigint[] = new Array<bigint>(d.size).fill(0n);
  outer[d.root] = 1n;
  const p = d.pool;
  for (let id = d.size - 1; id >= 1; id--) {
    const out = outer[id] as bigint;
    if (out === 0n) continue;
    if (d.kind[id] === KIND_DEC) {
      const hi = d.hi[id] as number;
      const lo = d.lo[id] as number;
      outer[hi] = (outer[hi] as bigint) + out;
      outer[lo] = (outer[lo] as bigint) + out;
      continue;
    }
    // The factors of this AND: literals (λ ∈ {0,1}), free variables (λv + λ¬v), children
    // (their values). ∂/∂factor is the product of the other factors: with no zero factor that
    // is all / factor; with one zero factor only that factor's derivative is non-zero.
    const o0 = d.a[id] as number;
    let o = o0;
    let zeros = 0;
    const nl = p[o++] as number;
    for (let t = 0; t < nl; t++) if (litWeight(sign, p[o++] as number) === 0) zeros++;
    let twos = 0;
    const nf = p[o++] as number;
    for (let t = 0; t < nf; t++) {
      const v = p[o++] as number;
      const w = litWeight(sign, v) + litWeight(sign, -v);
      if (w === 0) zeros++;
      else if (w === 2) twos++;
    }
    const nk = p[o++] as number;
    let nonZero = pow2(twos);
    for (let t = 0; t < nk; t++) {
      const x = val[p[o++] as number] as bigint;
      if (x === 0n) zeros++;
      else nonZero *= x;
    }
    if (zeros > 1) continue;
    // out · (product of the non-zero factors): one big multiplication per node.
    const g = out * nonZero;
    o = o0 + 1;
    for (let t = 0; t < nl; t++) {
      const x = p[o++] as number;
      // λ_l · ∂f/∂λ_l: zero for an excluded literal, and zero when another factor is zero.
      if (zeros > 0 || litWeight(sign, x) === 0) continue;
      if (x > 0) pos[x] = (pos[x] as bigint) + g;
      else neg[-x] = (neg[-x] as bigint) + g;
    }
    o++;
    for (let t = 0; t < nf; t++) {
      const v = p[o++] as number;
      const wp = litWeight(sign, v);
      const wn = litWeight(sign, -v);
      if (zeros > 0 || wp + wn === 0) continue;
      const gv = wp + wn === 2 ? g >> 1n : g;
      if (wp) pos[v] = (pos[v] as bigint) + gv;
      if (wn) neg[v] = (neg[v] as bigint) + gv;
    }
    o++;
    for (let t = 0; t < nk; t++) {
      const k = p[o++] as number;
      const x = val[k] as bigint;
      const gk = zeros === 0 ? g / x : x === 0n ? g : 0n;
      if (gk !== 0n) outer[k] = (outer[k] as bigint) + gk;
    }
  }
  return { total, pos, neg };
};
