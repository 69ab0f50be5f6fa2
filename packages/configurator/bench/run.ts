/**
 * Configurator benchmark: every instance under ../shared/benchmarks/configuration (relative to
 * the repo's parent directory), each in its own child process with a time limit so one slow
 * instance cannot hang the run.
 *
 *   npm run bench:configurator                      readable table
 *   npm run bench:configurator -- --json            one JSON line per instance
 *   options: --sessions N (default 1000)  --time-limit S (per instance, default 120)
 *            --only <substring>  --seed N
 *
 * A "click" is one random possible option chosen in a random unset family, followed by the
 * full per-click query (query.ts: possible options with counts, prices and explanations). A
 * session clicks until the configuration is complete. Sessions stop early when the click
 * budget (80 % of the time limit, minus compile time) runs out; the output then says how many
 * sessions ran. DIMACS instances are counted with sharp-sat.ts; their clicks are
 * `literalCounts` on the compiled decision-DNNF.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, compileCspWithStats } from '../src/compile.ts';
import type { CompiledModel } from '../src/compiled.ts';
import { countSolutions, nodeCount } from '../src/count.ts';
import { parseDimacs } from '../src/import-dimacs.ts';
import { importXcsp } from '../src/import-xcsp.ts';
import type { Model } from '../src/model.ts';
import { query } from '../src/query.ts';
import { deserializeCompiled, serializeCompiled } from '../src/serialize.ts';
import { compileDdnnf, countCnf, literalCounts } from '../src/sharp-sat.ts';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');
const dataDir = resolve(repoRoot, '../shared/benchmarks/configuration');

type Args = {
  json: boolean;
  sessions: number;
  timeLimitS: number;
  only?: string;
  seed: number;
  child?: string;
};

const parseArgs = (argv: string[]): Args => {
  const a: Args = { json: false, sessions: 1000, timeLimitS: 120, seed: 1 };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    const next = () => argv[++i] ?? '';
    if (x === '--json') a.json = true;
    else if (x === '--sessions') a.sessions = Number(next());
    else if (x === '--time-limit') a.timeLimitS = Number(next());
    else if (x === '--only') a.only = next();
    else if (x === '--seed') a.seed = Number(next());
    else if (x === '--child') a.child = next();
  }
  return a;
};

/** Seeded PRNG (mulberry32): the same sessions on every run. */
const rngOf = (seed: number): (() => number) => {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const percentile = (sorted: number[], p: number): number | null => {
  if (sorted.length === 0) return null;
  const i = Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length));
  return Math.round((sorted[i] as number) * 1000) / 1000;
};

type Result = Record<string, unknown> & { instance: string };

let heapPeak = 0;
const sampleHeap = () => {
  heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
};

/** Clicks on a compiled MDD until `sessions` sessions are done or the budget runs out. */
const mddSessions = (c: CompiledModel, args: Args, budgetMs: number) => {
  const rng = rngOf(args.seed);
  const times: number[] = [];
  const start = performance.now();
  let sessions = 0;
  if (c.root === 0) return { times, sessions };
  while (sessions < args.sessions && performance.now() - start < budgetMs) {
    const sel: Record<string, string> = {};
    let r = query(c, sel);
    while (!r.complete) {
      const unset = r.families.filter((f) => sel[f.code] === undefined);
      const f = unset[Math.floor(rng() * unset.length)];
      if (!f) break;
      const possible = f.options.filter((o) => o.possible);
      const o = possible[Math.floor(rng() * possible.length)];
      if (!o) throw new Error(`no possible option in ${f.code}: the query contradicts itself`);
      sel[f.code] = o.code;
      const t = performance.now();
      r = query(c, sel);
      times.push(performance.now() - t);
      if (performance.now() - start > budgetMs) break;
    }
    if (r.complete) sessions++;
    sampleHeap();
  }
  return { times, sessions };
};

const runMdd = (file: string, args: Args, t0: number): Result => {
  const text = readFileSync(file, 'utf8');
  const tc = performance.now();
  let compiled: CompiledModel;
  let extra: Record<string, unknown> = {};
  if (file.endsWith('.xml')) {
    const { compiled: c, stats } = compileCspWithStats(importXcsp(text));
    compiled = c;
    extra = { bddPeakNodes: stats.bddPeakNodes, bddFinalNodes: stats.bddFinalNodes };
  } else {
    compiled = compile(JSON.parse(text) as Model);
  }
  const compileMs = Math.round(performance.now() - tc);
  sampleHeap();
  const count = countSolutions(compiled);
  const bytes = serializeCompiled(compiled);
  const tl = performance.now();
  deserializeCompiled(bytes);
  const loadMs = Math.round((performance.now() - tl) * 10) / 10;
  const budget = args.timeLimitS * 1000 * 0.8 - (performance.now() - t0);
  const { times, sessions } = mddSessions(compiled, args, budget);
  times.sort((a, b) => a - b);
  sampleHeap();
  return {
    instance: relative(dataDir, file),
    count: count.toString(),
    compileMs,
    nodes: nodeCount(compiled),
    edges: compiled.children.length,
    serializedBytes: bytes.length,
    loadMs,
    clickP50Ms: percentile(times, 50),
    clickP95Ms: percentile(times, 95),
    clickP99Ms: percentile(times, 99),
    clicks: times.length,
    sessions,
    sessionsTarget: args.sessions,
    heapMB: Math.round(heapPeak / 1e6),
    ...extra,
  };
};

const runDimacs = (file: string, args: Args, t0: number): Result => {
  const cnf = parseDimacs(readFileSync(file, 'utf8'));
  const limitMs = args.timeLimitS * 1000 * 0.8;
  const r = countCnf(cnf, { timeoutMs: limitMs });
  sampleHeap();
  // Clicks: literal counts on the decision-DNNF under the growing set of assumptions.
  const d = compileDdnnf(cnf, { timeoutMs: Math.max(1, limitMs - (performance.now() - t0)) });
  const rng = rngOf(args.seed);
  const times: number[] = [];
  let sessions = 0;
  const budget = limitMs - (performance.now() - t0);
  const start = performance.now();
  while (sessions < args.sessions && performance.now() - start < budget) {
    const lits: number[] = [];
    const set = new Uint8Array(cnf.numVars + 1);
    let lc = literalCounts(d);
    let open = cnf.numVars;
    while (open > 0 && performance.now() - start < budget) {
      let v = 1 + Math.floor(rng() * cnf.numVars);
      while (set[v] === 1) v = (v % cnf.numVars) + 1;
      const canPos = (lc.pos[v] ?? 0n) > 0n;
      const canNeg = (lc.neg[v] ?? 0n) > 0n;
      const lit = canPos && canNeg ? (rng() < 0.5 ? v : -v) : canPos ? v : -v;
      lits.push(lit);
      set[v] = 1;
      open--;
      const t = performance.now();
      lc = literalCounts(d, Int32Array.from(lits));
      times.push(performance.now() - t);
    }
    if (open === 0) sessions++;
    sampleHeap();
  }
  times.sort((a, b) => a - b);
  return {
    instance: relative(dataDir, file),
    count: r.count.toString(),
    compileMs: Math.round(r.ms),
    nodes: r.nodes,
    ddnnfNodes: d.size,
    serializedBytes: null,
    clickP50Ms: percentile(times, 50),
    clickP95Ms: percentile(times, 95),
    clickP99Ms: percentile(times, 99),
    clicks: times.length,
    sessions,
    sessionsTarget: args.sessions,
    heapMB: Math.round(heapPeak / 1e6),
  };
};

const runChild = (file: string, args: Args): void => {
  const t0 = performance.now();
  let out: Result;
  try {
    out = /\.(dimacs|cnf)$/i.test(file) ? runDimacs(file, args, t0) : runMdd(file, args, t0);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    out = {
      instance: relative(dataDir, file),
      error: typeof code === 'string' ? code : 'internal',
      message: (e as Error).message,
      heapMB: Math.round(heapPeak / 1e6),
    };
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
};

const listInstances = (dir: string): string[] => {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) {
        if (name !== 'sales') walk(p);
      } else if (/\.(xml|dimacs|cnf|json)$/i.test(name)) out.push(p);
    }
  };
  walk(dir);
  return out;
};

const runInstance = (file: string, args: Args): Promise<Result> =>
  new Promise((done) => {
    const childArgs = [
      ...process.execArgv,
      fileURLToPath(import.meta.url),
      '--child',
      file,
      '--sessions',
      String(args.sessions),
      '--time-limit',
      String(args.timeLimitS),
      '--seed',
      String(args.seed),
    ];
    const child = spawn(process.execPath, childArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (b: Buffer) => {
      stdout += b.toString();
    });
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, args.timeLimitS * 1000);
    child.on('close', (code) => {
      clearTimeout(timer);
      const instance = relative(dataDir, file);
      if (timedOut) return done({ instance, timeout: `${args.timeLimitS}s` });
      const line = stdout.trim().split('\n').pop() ?? '';
      try {
        done(JSON.parse(line) as Result);
      } catch {
        done({ instance, error: `exit ${code}`, message: stderr.trim().split('\n').slice(-3).join(' | ') });
      }
    });
  });

const fmt = (x: unknown): string => (x === null || x === undefined ? '-' : String(x));

const printTable = (rows: Result[]): void => {
  const cols = [
    'instance',
    'count',
    'compileMs',
    'nodes',
    'serializedBytes',
    'clickP50Ms',
    'clickP95Ms',
    'clickP99Ms',
    'sessions',
    'heapMB',
  ];
  const cells = rows.map((r) =>
    cols.map((c) => {
      if (c === 'count' && (r['timeout'] || r['error']))
        return r['timeout'] ? `timeout ${r['timeout']}` : `error ${r['error']}`;
      const v = fmt(r[c]);
      return c === 'count' && v.length > 24 ? `${v.slice(0, 10)}…(${v.length} digits)` : v;
    }),
  );
  const widths = cols.map((c, i) => Math.max(c.length, ...cells.map((row) => (row[i] ?? '').length)));
  const line = (xs: string[]) => xs.map((x, i) => x.padEnd(widths[i] ?? 0)).join('  ');
  console.log(line(cols));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of cells) console.log(line(row));
};

const main = async (): Promise<void> => {
  const args = parseArgs(process.argv.slice(2));
  if (args.child) return runChild(args.child, args);
  if (!existsSync(dataDir)) {
    console.error(JSON.stringify({ error: 'bench.no_data', message: `No benchmark data at ${dataDir}` }));
    process.exitCode = 1;
    return;
  }
  const files = listInstances(dataDir).filter((f) => !args.only || basename(f).includes(args.only));
  const rows: Result[] = [];
  for (const f of files) {
    if (!args.json) process.stderr.write(`running ${relative(dataDir, f)} ...\n`);
    const r = await runInstance(f, args);
    rows.push(r);
    if (args.json) console.log(JSON.stringify(r));
  }
  if (!args.json) printTable(rows);
};

await main();
