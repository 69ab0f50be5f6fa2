/**
 * Per-click answers over a compiled MDD: what is still possible, how many completions remain,
 * price ranges and why an option is blocked. Exact, and linear in the MDD size: one forward and
 * one backward pass restricted by the selection; the per-option answers for family f come from
 * the edges of f's own level, so f's own choice is "left out" for free (f's edge is the one
 * being varied while every other family keeps its choice). Explanations ride along in the same
 * two passes as 0/1 shortest paths (deviating from a chosen option costs 1) over all edges.
 * Counts are float64 in the hot loops; only when they may exceed 2^52 does a modular pass fix
 * them exactly (see exactCounts).
 *
 * The helpers marked "internal" are shared with repair.ts, complete.ts, sample.ts and code.ts;
 * index.ts does not re-export them.
 */
import type { CompiledModel } from './compiled.ts';
import { ConfiguratorError } from './errors.ts';

/** Family code -> option code. Aux levels (price adjustments) never appear in a selection. */
export type Selection = Record<string, string>;

export type BlockedBy = {
  /** Family codes of current choices that must change (a minimum set; level order). */
  choices: string[];
  /** Ids of rules mentioning the option and one of those choices (or the option alone). */
  rules: string[];
};

export type OptionState = {
  code: string;
  /** Some completion has this option with every OTHER family's choice kept. */
  possible: boolean;
  /** Completions with this option, every other family's choice kept. */
  count: bigint;
  /** Cheapest such completion (base, options and adjustments), or null when impossible. */
  minPrice: number | null;
  blockedBy?: BlockedBy;
};

export type FamilyState = {
  code: string;
  selected: string | null;
  /** The only possible option, when exactly one is possible. */
  forced: string | null;
  options: OptionState[];
};

export type ClickResult = {
  /** Some completion of the selection exists. */
  consistent: boolean;
  /** Every non-aux family is chosen and the selection is consistent. */
  complete: boolean;
  /** Exact number of completions of the selection. */
  count: bigint;
  /** Price range over all completions (base, options, adjustments); null when inconsistent. */
  price: { min: number; max: number } | null;
  /** The exact price when complete. */
  current: number | null;
  /** Non-aux families in MDD level order. */
  families: FamilyState[];
};

export type QueryOptions = {
  /** Compute `blockedBy` for impossible options (default true). */
  explain?: boolean;
};

/**
 * Internal: the MDD renumbered so that each level's nodes are contiguous (better locality, no
 * childOffset lookups): level l owns compact ids [levelStart[l], levelStart[l+1]) and node i's
 * child for option o is kids[kidStart[l] + (i - levelStart[l]) * width[l] + o].
 * Compact ids 0 and 1 stay the FALSE and TRUE terminals.
 */
export type Indexed = {
  c: CompiledModel;
  levelCount: number;
  nodeCount: number;
  root: number;
  levelStart: Int32Array;
  width: Int32Array;
  kidStart: Int32Array;
  kids: Int32Array;
  /** Non-FALSE edges of node i: edgeKid/edgeOpt[edgeStart[i] .. edgeStart[i+1]). */
  edgeStart: Int32Array;
  edgeKid: Int32Array;
  edgeOpt: Int32Array;
  /** Offset of level l's options in per-option arrays. */
  optStart: Int32Array;
  optionCount: number;
  prices: Float64Array[];
  aux: boolean[];
  /** Non-aux level indices, in level order. */
  families: number[];
  familyByCode: Map<string, number>;
  optionByCode: Array<Map<string, number>>;
  rulesByOption: Map<string, number[]>;
  /** Level of each compact node (levelCount for the terminals). */
  levelOf: Int32Array;
  /** Bound on the relative rounding error of float counts (see exactCounts). */
  countError: number;
  /** Reused per-node buffers of query() (synchronous, so never shared by two calls at once). */
  scratch?: Scratch;
};

type Scratch = {
  f: Float64Array;
  fmin: Float64Array;
  fmax: Float64Array;
  b: Float64Array;
  bmin: Float64Array;
  df: Int32Array;
  pred: Int32Array;
  anc: Int32Array;
  db: Int32Array;
  succ: Int32Array;
  sanc: Int32Array;
};

const cache = new WeakMap<CompiledModel, Indexed>();

/** Internal: the compact index of a compiled model (built once, cached per object). */
export const indexCompiled = (c: CompiledModel): Indexed => {
  const hit = cache.get(c);
  if (hit) return hit;
  const L = c.levels.length;
  const n0 = c.nodeLevel.length;
  const perLevel = new Int32Array(L + 1);
  for (let n = 2; n < n0; n++) {
    const l = c.nodeLevel[n]!;
    if (l < 0 || l >= L) throw new Error(`node ${n} has invalid level ${l}`);
    perLevel[l]!++;
  }
  const levelStart = new Int32Array(L + 1);
  levelStart[0] = 2;
  for (let l = 0; l < L; l++) levelStart[l + 1] = levelStart[l]! + perLevel[l]!;
  const compact = new Int32Array(n0);
  compact[1] = 1;
  const next = levelStart.slice(0, L);
  for (let n = 2; n < n0; n++) {
    const l = c.nodeLevel[n]!;
    compact[n] = next[l]!++;
  }
  const width = new Int32Array(L);
  const kidStart = new Int32Array(L);
  const optStart = new Int32Array(L + 1);
  let edges = 0;
  for (let l = 0; l < L; l++) {
    const w = c.levels[l]!.options.length;
    width[l] = w;
    kidStart[l] = edges;
    edges += perLevel[l]! * w;
    optStart[l + 1] = optStart[l]! + w;
  }
  const kids = new Int32Array(edges);
  for (let n = 2; n < n0; n++) {
    const l = c.nodeLevel[n]!;
    const w = width[l]!;
    const dst = kidStart[l]! + (compact[n]! - levelStart[l]!) * w;
    const src = c.childOffset[n]!;
    for (let o = 0; o < w; o++) kids[dst + o] = compact[c.children[src + o]!]!;
  }
  // Non-FALSE edges as per-node lists: most traversals visit every edge, and in real MDDs most
  // child slots are FALSE (57% on Renault "big"), so iterating lists skips them without a test.
  const nodeCount = levelStart[L]!;
  const edgeStart = new Int32Array(nodeCount + 1);
  let live = 0;
  for (let k = 0; k < edges; k++) if (kids[k] !== 0) live++;
  const edgeKid = new Int32Array(live);
  const edgeOpt = new Int32Array(live);
  let e = 0;
  for (let l = 0; l < L; l++) {
    const w = width[l]!;
    for (let i = levelStart[l]!; i < levelStart[l + 1]!; i++) {
      edgeStart[i] = e;
      const base = kidStart[l]! + (i - levelStart[l]!) * w;
      for (let o = 0; o < w; o++) {
        const ch = kids[base + o]!;
        if (ch === 0) continue;
        edgeKid[e] = ch;
        edgeOpt[e] = o;
        e++;
      }
    }
  }
  edgeStart.fill(e, levelStart[L]!);
  edgeStart[0] = 0;
  edgeStart[1] = 0;
  const families: number[] = [];
  const familyByCode = new Map<string, number>();
  const optionByCode: Array<Map<string, number>> = [];
  c.levels.forEach((lv, l) => {
    optionByCode.push(new Map(lv.options.map((o, i) => [o, i])));
    if (!lv.aux) {
      families.push(l);
      familyByCode.set(lv.code, l);
    }
  });
  const rulesByOption = new Map<string, number[]>();
  c.rules.forEach((r, i) => {
    for (const o of r.options) {
      const list = rulesByOption.get(o);
      if (list) list.push(i);
      else rulesByOption.set(o, [i]);
    }
  });
  const levelOf = new Int32Array(levelStart[L]!).fill(L);
  for (let l = 0; l < L; l++) levelOf.fill(l, levelStart[l]!, levelStart[l + 1]!);
  const ix: Indexed = {
    c,
    levelCount: L,
    nodeCount,
    root: compact[c.root] ?? 0,
    levelStart,
    width,
    kidStart,
    kids,
    edgeStart,
    edgeKid,
    edgeOpt,
    optStart,
    optionCount: optStart[L]!,
    prices: c.levels.map((lv) => Float64Array.from(lv.prices)),
    aux: c.levels.map((lv) => lv.aux),
    families,
    familyByCode,
    optionByCode,
    rulesByOption,
    levelOf,
    countError: (2 * edges + levelStart[L]! + 16) * 2 ** -53 * 1.01,
  };
  cache.set(c, ix);
  return ix;
};

/** Internal: a selection as one option index per level (-1 = free), codes validated. */
export const selectionVector = (ix: Indexed, selection: Selection): Int32Array => {
  const sel = new Int32Array(ix.levelCount).fill(-1);
  for (const [family, option] of Object.entries(selection)) {
    if (option === undefined || option === null) continue;
    const l = ix.familyByCode.get(family);
    if (l === undefined) {
      throw new ConfiguratorError('unknown_family', `Unknown family "${family}"`, { family });
    }
    const o = ix.optionByCode[l]?.get(option);
    if (o === undefined) {
      throw new ConfiguratorError('unknown_option', `Unknown option "${option}" in family "${family}"`, {
        family,
        option,
      });
    }
    sel[l] = o;
  }
  return sel;
};

/** Internal: level and option index of a (family, option) pair, validated. */
export const familyOption = (
  ix: Indexed,
  family: string,
  option: string,
): { level: number; option: number } => {
  const v = selectionVector(ix, { [family]: option });
  const level = ix.familyByCode.get(family)!;
  return { level, option: v[level]! };
};

/** Internal: selection vector back to codes (non-aux levels with a choice). */
export const selectionFromVector = (ix: Indexed, sel: Int32Array): Selection => {
  const out: Selection = {};
  for (const l of ix.families) {
    const o = sel[l]!;
    if (o >= 0) out[ix.c.levels[l]!.code] = ix.c.levels[l]!.options[o]!;
  }
  return out;
};

export type Forward = { f: Float64Array; fmin: Float64Array; fmax: Float64Array };

/**
 * Internal: restricted forward pass. f[i] = paths root->i respecting `sel` (float; exact below
 * 2^53), fmin/fmax = cheapest/dearest such prefix (without the base price). f[1] is the total.
 */
export const forwardPass = (ix: Indexed, sel: Int32Array): Forward => {
  const { nodeCount, levelStart, width, kidStart, kids, edgeStart, edgeKid, edgeOpt, prices } = ix;
  const f = new Float64Array(nodeCount);
  const fmin = new Float64Array(nodeCount).fill(Number.POSITIVE_INFINITY);
  const fmax = new Float64Array(nodeCount).fill(Number.NEGATIVE_INFINITY);
  if (ix.root === 0) return { f, fmin, fmax };
  f[ix.root] = 1;
  fmin[ix.root] = 0;
  fmax[ix.root] = 0;
  for (let l = 0; l < ix.levelCount; l++) {
    const s = sel[l]!;
    const w = width[l]!;
    const pr = prices[l]!;
    const a = levelStart[l]!;
    const z = levelStart[l + 1]!;
    const ks = kidStart[l]! - a * w + s;
    for (let i = a; i < z; i++) {
      const fi = f[i]!;
      if (fi === 0) continue;
      const mi = fmin[i]!;
      const xi = fmax[i]!;
      if (s >= 0) {
        const ch = kids[ks + i * w]!;
        if (ch === 0) continue;
        f[ch]! += fi;
        const pp = pr[s]!;
        if (mi + pp < fmin[ch]!) fmin[ch] = mi + pp;
        if (xi + pp > fmax[ch]!) fmax[ch] = xi + pp;
        continue;
      }
      for (let e = edgeStart[i]!; e < edgeStart[i + 1]!; e++) {
        const ch = edgeKid[e]!;
        f[ch]! += fi;
        const pp = pr[edgeOpt[e]!]!;
        if (mi + pp < fmin[ch]!) fmin[ch] = mi + pp;
        if (xi + pp > fmax[ch]!) fmax[ch] = xi + pp;
      }
    }
  }
  return { f, fmin, fmax };
};

export type Backward = { b: Float64Array; bmin: Float64Array; bmax: Float64Array };

/** Internal: restricted backward pass. b[i] = paths i->TRUE respecting `sel`; bmin/bmax prices. */
export const backwardPass = (ix: Indexed, sel: Int32Array): Backward => {
  const { nodeCount, levelStart, width, kidStart, kids, edgeStart, edgeKid, edgeOpt, prices } = ix;
  const b = new Float64Array(nodeCount);
  const bmin = new Float64Array(nodeCount).fill(Number.POSITIVE_INFINITY);
  const bmax = new Float64Array(nodeCount).fill(Number.NEGATIVE_INFINITY);
  b[1] = 1;
  bmin[1] = 0;
  bmax[1] = 0;
  for (let l = ix.levelCount - 1; l >= 0; l--) {
    const s = sel[l]!;
    const w = width[l]!;
    const pr = prices[l]!;
    const a = levelStart[l]!;
    const z = levelStart[l + 1]!;
    const ks = kidStart[l]! - a * w + s;
    for (let i = a; i < z; i++) {
      if (s >= 0) {
        const ch = kids[ks + i * w]!;
        const bc = b[ch]!;
        if (bc === 0) continue;
        b[i] = bc;
        bmin[i] = pr[s]! + bmin[ch]!;
        bmax[i] = pr[s]! + bmax[ch]!;
        continue;
      }
      let bi = 0;
      let mn = Number.POSITIVE_INFINITY;
      let mx = Number.NEGATIVE_INFINITY;
      for (let e = edgeStart[i]!; e < edgeStart[i + 1]!; e++) {
        const ch = edgeKid[e]!;
        const bc = b[ch]!;
        if (bc === 0) continue;
        bi += bc;
        const pp = pr[edgeOpt[e]!]!;
        if (pp + bmin[ch]! < mn) mn = pp + bmin[ch]!;
        if (pp + bmax[ch]! > mx) mx = pp + bmax[ch]!;
      }
      b[i] = bi;
      bmin[i] = mn;
      bmax[i] = mx;
    }
  }
  return { b, bmin, bmax };
};

export const UNREACHABLE = 0x3fffffff;

export type Distances = {
  /** Fewest deviations from `sel` on a path root->i. */
  df: Int32Array;
  /** Fewest deviations on a path i->TRUE. */
  db: Int32Array;
};

/**
 * Internal: 0/1 shortest paths where taking an option other than the selected one at a selected
 * level costs 1 (free levels cost 0). At `forcedLevel` only `forcedOpt` is allowed, at cost 0.
 */
export const deviationDistances = (
  ix: Indexed,
  sel: Int32Array,
  forcedLevel = -1,
  forcedOpt = -1,
): Distances => {
  const { nodeCount, levelStart, width, kidStart, kids } = ix;
  const df = new Int32Array(nodeCount).fill(UNREACHABLE);
  const db = new Int32Array(nodeCount).fill(UNREACHABLE);
  if (ix.root !== 0) df[ix.root] = 0;
  for (let l = 0; l < ix.levelCount; l++) {
    const s = l === forcedLevel ? -1 : sel[l]!;
    const w = width[l]!;
    const a = levelStart[l]!;
    const z = levelStart[l + 1]!;
    const ks = kidStart[l]! - a * w;
    const lo = l === forcedLevel ? forcedOpt : 0;
    const hi = l === forcedLevel ? forcedOpt + 1 : w;
    for (let i = a; i < z; i++) {
      const d = df[i]!;
      if (d === UNREACHABLE) continue;
      const base = ks + i * w;
      for (let o = lo; o < hi; o++) {
        const c = kids[base + o]!;
        const nd = s >= 0 && o !== s ? d + 1 : d;
        if (nd < df[c]!) df[c] = nd;
      }
    }
  }
  db[1] = 0;
  for (let l = ix.levelCount - 1; l >= 0; l--) {
    const s = l === forcedLevel ? -1 : sel[l]!;
    const w = width[l]!;
    const a = levelStart[l]!;
    const z = levelStart[l + 1]!;
    const ks = kidStart[l]! - a * w;
    const lo = l === forcedLevel ? forcedOpt : 0;
    const hi = l === forcedLevel ? forcedOpt + 1 : w;
    for (let i = a; i < z; i++) {
      const base = ks + i * w;
      let best = UNREACHABLE;
      for (let o = lo; o < hi; o++) {
        const v = db[kids[base + o]!]! + (s >= 0 && o !== s ? 1 : 0);
        if (v < best) best = v;
      }
      db[i] = best;
    }
  }
  return { df, db };
};

// Exact counts beyond 2^53: the same passes modulo a few primes below 2^26 (products stay
// below 2^52, exact in float64), then Chinese remaindering in BigInt per answer only.
const PRIMES: number[] = [];
const primeList = (k: number): number[] => {
  let n = PRIMES.length ? PRIMES[PRIMES.length - 1]! - 2 : 2 ** 26 - 1;
  while (PRIMES.length < k) {
    let prime = true;
    for (let d = 3; d * d <= n; d += 2) {
      if (n % d === 0) {
        prime = false;
        break;
      }
    }
    if (prime) PRIMES.push(n);
    n -= 2;
  }
  return PRIMES.slice(0, k);
};

const modInverse = (a: number, m: number): number => {
  let [r0, r1] = [a % m, m];
  let [s0, s1] = [1, 0];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return ((s0 % m) + m) % m;
};

type Crt = { primes: number[]; modulus: bigint; coeffs: bigint[] };
const crts: Crt[] = [];

/** Chinese remaindering for the first k primes: x = sum(r_j * coeffs_j) mod modulus. */
const crtFor = (k: number): Crt => {
  const hit = crts[k];
  if (hit) return hit;
  const primes = primeList(k);
  let modulus = 1n;
  for (const p of primes) modulus *= BigInt(p);
  const coeffs = primes.map((p) => {
    const m = modulus / BigInt(p);
    return m * BigInt(modInverse(Number(m % BigInt(p)), p));
  });
  const crt = { primes, modulus, coeffs };
  crts[k] = crt;
  return crt;
};

const fromResidues = (crt: Crt, residues: ArrayLike<number>): bigint => {
  let x = 0n;
  for (let j = 0; j < crt.primes.length; j++) x += BigInt(residues[j]!) * crt.coeffs[j]!;
  return x % crt.modulus;
};

/**
 * Internal: total and per-option counts modulo each of `primes`, in one traversal (residues
 * interleaved per node). The float forward/backward counts are used only to skip nodes that no
 * consistent prefix reaches or that reach TRUE by no consistent suffix.
 */
const modularCounts = (
  ix: Indexed,
  sel: Int32Array,
  reach: Float64Array,
  back: Float64Array,
  primes: number[],
): { total: number[]; perOption: Float64Array } => {
  const { nodeCount, levelStart, edgeStart, edgeKid, edgeOpt, optStart } = ix;
  const K = primes.length;
  const fm = new Float64Array(nodeCount * K);
  const bm = new Float64Array(nodeCount * K);
  const perOption = new Float64Array(ix.optionCount * K);
  if (ix.root === 0) return { total: primes.map(() => 0), perOption };
  for (let j = 0; j < K; j++) fm[ix.root * K + j] = 1;
  for (let l = 0; l < ix.levelCount; l++) {
    const s = sel[l]!;
    for (let i = levelStart[l]!; i < levelStart[l + 1]!; i++) {
      if (reach[i] === 0) continue;
      for (let e = edgeStart[i]!; e < edgeStart[i + 1]!; e++) {
        if (s >= 0 && edgeOpt[e] !== s) continue;
        const c = edgeKid[e]!;
        for (let j = 0; j < K; j++) {
          const v = fm[c * K + j]! + fm[i * K + j]!;
          const p = primes[j]!;
          fm[c * K + j] = v >= p ? v - p : v;
        }
      }
    }
  }
  for (let j = 0; j < K; j++) bm[K + j] = 1;
  for (let l = ix.levelCount - 1; l >= 0; l--) {
    const s = sel[l]!;
    const os = optStart[l]!;
    const perOpt = !ix.aux[l];
    for (let i = levelStart[l]!; i < levelStart[l + 1]!; i++) {
      const reached = perOpt && reach[i] !== 0;
      if (!reached && back[i] === 0) continue;
      for (let e = edgeStart[i]!; e < edgeStart[i + 1]!; e++) {
        const c = edgeKid[e]!;
        if (back[c] === 0) continue;
        const o = edgeOpt[e]!;
        const free = s < 0 || o === s;
        for (let j = 0; j < K; j++) {
          const p = primes[j]!;
          const bc = bm[c * K + j]!;
          if (free) {
            const v = bm[i * K + j]! + bc;
            bm[i * K + j] = v >= p ? v - p : v;
          }
          if (reached) {
            const v = perOption[(os + o) * K + j]! + ((fm[i * K + j]! * bc) % p);
            perOption[(os + o) * K + j] = v >= p ? v - p : v;
          }
        }
      }
    }
  }
  return { total: primes.map((_, j) => fm[K + j]!), perOption };
};

/**
 * Internal: exact BigInt total and per-option counts when floats may have rounded. The float
 * results are accurate to a relative error below `ix.countError` (first-order bound for sums and
 * products of non-negative numbers along the passes), so the exact value is the one integer
 * congruent to the residues within half the modulus of the float: a modulus four times the
 * absolute error bound is enough, usually one or two primes.
 */
export const exactCounts = (
  ix: Indexed,
  sel: Int32Array,
  reach: Float64Array,
  back: Float64Array,
  approx: { total: number; perOption: Float64Array },
  maxValue: number,
): { total: bigint; perOption: bigint[] } => {
  const bits = Math.log2(Math.max(maxValue * ix.countError * 4, 1)) + 1;
  const crt = crtFor(Math.max(1, Math.ceil(bits / 25.9)));
  const { primes, modulus } = crt;
  const half = modulus / 2n;
  const mod = modularCounts(ix, sel, reach, back, primes);
  const K = primes.length;
  const fix = (a: number, residues: ArrayLike<number>): bigint => {
    if (a < FLOAT_EXACT) return BigInt(a);
    const r = fromResidues(crt, residues);
    const d = BigInt(a) - r;
    // Nearest multiple of the modulus to d (d may be negative).
    const t = d >= 0n ? (d + half) / modulus : -((-d + half) / modulus);
    return r + t * modulus;
  };
  const total = fix(approx.total, mod.total);
  const perOption: bigint[] = [];
  for (let k = 0; k < ix.optionCount; k++) {
    perOption.push(fix(approx.perOption[k]!, mod.perOption.subarray(k * K, k * K + K)));
  }
  return { total, perOption };
};

// Float64 sums of integers are exact below 2^53; a computed value below 2^52 leaves a wide
// margin for accumulated rounding, so every contributing term was exact.
const FLOAT_EXACT = 2 ** 52;

const scratchOf = (ix: Indexed): Scratch => {
  if (ix.scratch) return ix.scratch;
  const n = ix.nodeCount;
  const f64 = () => new Float64Array(n);
  const i32 = () => new Int32Array(n);
  ix.scratch = {
    f: f64(),
    fmin: f64(),
    fmax: f64(),
    b: f64(),
    bmin: f64(),
    df: i32(),
    pred: i32(),
    anc: i32(),
    db: i32(),
    succ: i32(),
    sanc: i32(),
  };
  return ix.scratch;
};

/** The state of every family and option after the customer's selection. */
export const query = (c: CompiledModel, selection: Selection, opts: QueryOptions = {}): ClickResult => {
  const ix = indexCompiled(c);
  const sel = selectionVector(ix, selection);
  const explain = opts.explain !== false;
  const { levelStart, width, edgeStart, edgeKid, edgeOpt, prices, optStart } = ix;
  const { f, fmin, fmax, b, bmin, df, pred, anc, db, succ, sanc } = scratchOf(ix);
  const POS = Number.POSITIVE_INFINITY;
  const NEG = Number.NEGATIVE_INFINITY;

  // Forward: completions counts f and price bounds over the restricted edges; with explain,
  // fused with the 0/1 deviation distance df over all edges (pred: predecessor on one shortest
  // path; anc: nearest node on that path entered by a deviating edge, so a path's deviations are
  // walked in O(deviations) rather than O(levels)).
  f.fill(0);
  fmin.fill(POS);
  fmax.fill(NEG);
  if (explain) df.fill(UNREACHABLE);
  if (ix.root !== 0) {
    f[ix.root] = 1;
    fmin[ix.root] = 0;
    fmax[ix.root] = 0;
    df[ix.root] = 0;
    anc[ix.root] = -1;
  }
  for (let l = 0; l < ix.levelCount; l++) {
    const s = sel[l]!;
    const pr = prices[l]!;
    const a = levelStart[l]!;
    const z = levelStart[l + 1]!;
    for (let i = a; i < z; i++) {
      const fi = f[i]!;
      if (explain) {
        const d = df[i]!;
        if (d === UNREACHABLE) continue;
        const ai = anc[i]!;
        const d1 = d + 1;
        for (let e = edgeStart[i]!; e < edgeStart[i + 1]!; e++) {
          const ch = edgeKid[e]!;
          const o = edgeOpt[e]!;
          if (s < 0 || o === s) {
            if (fi !== 0) {
              f[ch]! += fi;
              const pp = pr[o]!;
              if (fmin[i]! + pp < fmin[ch]!) fmin[ch] = fmin[i]! + pp;
              if (fmax[i]! + pp > fmax[ch]!) fmax[ch] = fmax[i]! + pp;
            }
            if (d < df[ch]!) {
              df[ch] = d;
              pred[ch] = i;
              anc[ch] = ai;
            }
          } else if (d1 < df[ch]!) {
            df[ch] = d1;
            pred[ch] = i;
            anc[ch] = ch;
          }
        }
      } else {
        if (fi === 0) continue;
        const mi = fmin[i]!;
        const xi = fmax[i]!;
        for (let e = edgeStart[i]!; e < edgeStart[i + 1]!; e++) {
          const o = edgeOpt[e]!;
          if (s >= 0 && o !== s) continue;
          const ch = edgeKid[e]!;
          f[ch]! += fi;
          const pp = pr[o]!;
          if (mi + pp < fmin[ch]!) fmin[ch] = mi + pp;
          if (xi + pp > fmax[ch]!) fmax[ch] = xi + pp;
        }
      }
    }
  }

  // Backward pass fused with the per-option sums: when level l is processed, b at level l+1 is
  // final, and f at level l (which only depends on levels above) is already known. With explain,
  // also the deviation distance to TRUE (db, succ: first best option, sanc: like anc) and per
  // option the fewest deviations of a path through it (df above + db below) and its node.
  const cnt = new Float64Array(ix.optionCount);
  const minP = new Float64Array(ix.optionCount).fill(POS);
  const optDev = new Int32Array(explain ? ix.optionCount : 0).fill(UNREACHABLE);
  const optAt = new Int32Array(explain ? ix.optionCount : 0);
  b[0] = 0;
  b[1] = 1;
  bmin[1] = 0;
  db[0] = UNREACHABLE;
  db[1] = 0;
  sanc[1] = -1;
  for (let l = ix.levelCount - 1; l >= 0; l--) {
    const s = sel[l]!;
    const pr = prices[l]!;
    const a = levelStart[l]!;
    const z = levelStart[l + 1]!;
    const os = optStart[l]!;
    const perOpt = !ix.aux[l];
    for (let i = a; i < z; i++) {
      const fi = perOpt ? f[i]! : 0;
      const fmi = fmin[i]!;
      const di = explain && perOpt ? df[i]! : UNREACHABLE;
      let bi = 0;
      let mn = POS;
      let best = UNREACHABLE;
      let bo = -1;
      let bch = 0;
      for (let e = edgeStart[i]!; e < edgeStart[i + 1]!; e++) {
        const ch = edgeKid[e]!;
        const o = edgeOpt[e]!;
        const free = s < 0 || o === s;
        if (explain) {
          const dc = db[ch]!;
          const v = free ? dc : dc + 1;
          if (v < best) {
            best = v;
            bo = o;
            bch = ch;
          }
          if (di + dc < optDev[os + o]!) {
            optDev[os + o] = di + dc;
            optAt[os + o] = i;
          }
        }
        const bc = b[ch]!;
        if (bc === 0) continue;
        const m = pr[o]! + bmin[ch]!;
        if (free) {
          bi += bc;
          if (m < mn) mn = m;
        }
        if (fi !== 0) {
          cnt[os + o]! += fi * bc;
          if (fmi + m < minP[os + o]!) minP[os + o] = fmi + m;
        }
      }
      b[i] = bi;
      bmin[i] = mn;
      if (explain) {
        db[i] = best;
        succ[i] = bo;
        sanc[i] = s >= 0 && bo !== s ? i : sanc[bch]!;
      }
    }
  }

  const totalF = f[1]!;
  let maxF = totalF;
  for (let k = 0; k < ix.optionCount; k++) if (cnt[k]! > maxF) maxF = cnt[k]!;
  let total: bigint;
  let counts: (k: number) => bigint;
  if (maxF < FLOAT_EXACT) {
    total = BigInt(totalF);
    counts = (k) => BigInt(cnt[k]!);
  } else {
    const exact = exactCounts(ix, sel, f, b, { total: totalF, perOption: cnt }, maxF);
    total = exact.total;
    counts = (k) => exact.perOption[k]!;
  }

  const consistent = totalF > 0;
  const basePrice = c.basePrice;
  const paths: Paths = { df, pred, anc, db, succ, sanc };
  const families: FamilyState[] = [];
  let complete = consistent;
  for (const l of ix.families) {
    const lv = c.levels[l]!;
    const s = sel[l]!;
    if (s < 0) complete = false;
    const os = optStart[l]!;
    const blocked: number[] = [];
    for (let o = 0; o < width[l]!; o++) if (!(cnt[os + o]! > 0)) blocked.push(o);
    const why = explain
      ? blocked.map((o) => explainOption(ix, sel, paths, l, o, optDev[os + o]!, optAt[os + o]!))
      : [];
    const options: OptionState[] = [];
    let possibleCount = 0;
    let forced: string | null = null;
    for (let o = 0, k = 0; o < width[l]!; o++) {
      const code = lv.options[o]!;
      if (cnt[os + o]! > 0) {
        possibleCount++;
        forced = code;
        options.push({ code, possible: true, count: counts(os + o), minPrice: basePrice + minP[os + o]! });
      } else {
        const blockedBy = why[k++];
        options.push(
          blockedBy
            ? { code, possible: false, count: 0n, minPrice: null, blockedBy }
            : { code, possible: false, count: 0n, minPrice: null },
        );
      }
    }
    families.push({
      code: lv.code,
      selected: s >= 0 ? lv.options[s]! : null,
      forced: possibleCount === 1 ? forced : null,
      options,
    });
  }
  return {
    consistent,
    complete,
    count: total,
    price: consistent ? { min: basePrice + fmin[1]!, max: basePrice + fmax[1]! } : null,
    current: complete ? basePrice + fmin[1]! : null,
    families,
  };
};

type Paths = {
  df: Int32Array;
  pred: Int32Array;
  anc: Int32Array;
  db: Int32Array;
  succ: Int32Array;
  sanc: Int32Array;
};

/** A minimum set of choices to change so that option o of level l becomes possible, and rules. */
const explainOption = (
  ix: Indexed,
  sel: Int32Array,
  paths: Paths,
  l: number,
  o: number,
  dev: number,
  at: number,
): BlockedBy => {
  // UNREACHABLE: no configuration at all has this option, whatever the other choices.
  const changed = dev >= UNREACHABLE ? [] : deviationsThrough(ix, paths, at, o);
  return { choices: changed.map((x) => ix.c.levels[x]!.code), rules: relatedRules(ix, sel, l, o, changed) };
};

/** Levels (sorted) where the best path root -> i, then option o, then the best suffix deviates. */
const deviationsThrough = (ix: Indexed, paths: Paths, i: number, o: number): number[] => {
  const { pred, anc, succ, sanc } = paths;
  const out: number[] = [];
  // Prefix: jump between the nodes entered by deviating edges (the edge's level is one above).
  for (let n = anc[i]!; n >= 0; n = anc[pred[n]!]!) out.push(ix.levelOf[n]! - 1);
  out.reverse();
  const kidOf = (m: number, opt: number) => {
    const lm = ix.levelOf[m]!;
    return ix.kids[ix.kidStart[lm]! + (m - ix.levelStart[lm]!) * ix.width[lm]! + opt]!;
  };
  for (let n = sanc[kidOf(i, o)]!; n >= 0; n = sanc[kidOf(n, succ[n]!)]!) out.push(ix.levelOf[n]!);
  return out;
};

/**
 * Rules mentioning option o of level l and one of the changed choices; when none mentions both
 * (the conflict goes through a chain of rules), the rules mentioning o or any of those choices.
 */
const relatedRules = (ix: Indexed, sel: Int32Array, l: number, o: number, changed: number[]): string[] => {
  const code = ix.c.levels[l]!.options[o]!;
  const mine = ix.rulesByOption.get(code) ?? [];
  const theirs = new Set<number>();
  for (const k of changed) {
    const s = sel[k]!;
    for (const r of ix.rulesByOption.get(ix.c.levels[k]!.options[s]!) ?? []) theirs.add(r);
  }
  let ids = mine.filter((r) => theirs.has(r));
  if (ids.length === 0) ids = [...new Set([...mine, ...theirs])].sort((x, y) => x - y);
  return ids.map((r) => ix.c.rules[r]!.id);
};
