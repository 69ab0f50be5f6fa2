/**
 * Benchmark: every ROADEF 2005 instance in ../shared/benchmarks/sequencing (sets X, A, B) and the
 * CSPLib prob001 instances (split/*.txt and pb_200_400/*). Prints a table, or one JSON line per
 * instance with --json. Numbers are reported, never asserted.
 *
 *   npm run bench:sequencer -- [--seconds S] [--ab-seconds S] [--csplib-seconds S] [--sets X,A,B,csplib]
 *                              [--only SUBSTRING] [--seed N] [--json] [--out-dir DIR]
 *
 * Defaults: 60 s per set-X instance, 30 s per set-A/B instance, 1 s per CSPLib instance.
 * Reference columns come from roadef2005/reference_bounds.csv (see BEST_KNOWN.md there).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCsplib, loadRoadef } from '../cli/load.ts';
import { lowerBound } from '../src/bounds.ts';
import { solveCsplib } from '../src/csplib-solve.ts';
import { withPrevious } from '../src/model.ts';
import { formatSequence } from '../src/roadef.ts';
import { solve } from '../src/solve.ts';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const dataDir = resolve(repo, '../shared/benchmarks/sequencing');

const argv = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const json = argv.includes('--json');
const xSeconds = Number(flag('seconds') ?? 60);
const abSeconds = Number(flag('ab-seconds') ?? flag('seconds') ?? 30);
const cspSeconds = Number(flag('csplib-seconds') ?? 1);
const seed = Number(flag('seed') ?? 1);
const sets = (flag('sets') ?? 'X,A,B,csplib').split(',');
const only = flag('only');
const outDir = flag('out-dir');
const history = flag('history') === undefined ? undefined : Number(flag('history'));

type Reference = { lb: number; lbEnd: number; seqRank: number; best: number; status: string };

const references = (): Map<string, Reference> => {
  const file = join(dataDir, 'roadef2005/reference_bounds.csv');
  const map = new Map<string, Reference>();
  if (!existsSync(file)) return map;
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  const cols = (header ?? '').split(',');
  const at = (cells: string[], name: string): string => cells[cols.indexOf(name)] ?? '';
  for (const line of lines) {
    const cells = line.split(',');
    map.set(`${at(cells, 'set')}/${at(cells, 'instance')}`, {
      lb: Number(at(cells, 'lb_score')),
      lbEnd: Number(at(cells, 'lb_end_score')),
      seqRank: Number(at(cells, 'seqrank_score')),
      best: Number(at(cells, 'best_verified_score')),
      status: '',
    });
  }
  return map;
};

const print = (row: Record<string, unknown>, text: string): void => {
  process.stdout.write(json ? `${JSON.stringify(row)}\n` : `${text}\n`);
};

const pad = (s: unknown, n: number): string => String(s).padStart(n);

const runRoadef = (): void => {
  const refs = references();
  if (!json) {
    console.log(
      `${'set'.padEnd(3)} ${'instance'.padEnd(36)} ${pad('SeqRank', 11)} ${pad('ours', 11)} ${pad('LB', 11)} ${pad('reference', 11)} ${pad('gap ref', 8)} ${pad('gap LB', 8)}  components       s`,
    );
  }
  for (const set of ['X', 'A', 'B']) {
    if (!sets.includes(set)) continue;
    const dir = join(dataDir, 'roadef2005', `set_${set}`);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (only && !name.includes(only)) continue;
      const instance = loadRoadef(join(dir, name));
      const seconds = set === 'X' ? xSeconds : abSeconds;
      const ref = refs.get(`${set}/${name}`);
      // Our own proven bound, and the larger of it and the reference bounds (all proven).
      const bound = lowerBound(instance).score;
      const lb = Math.max(bound, ref?.lb ?? 0, ref?.lbEnd ?? 0);
      const started = performance.now();
      const result = solve(instance, {
        seed,
        now: () => performance.now(),
        deadline: started + seconds * 1000,
        // Stop early only when a proven lower bound is reached: nothing can be better.
        target: lb,
        history,
      });
      if (outDir) {
        mkdirSync(join(outDir, `set_${set}`), { recursive: true });
        writeFileSync(
          join(outDir, `set_${set}`, `${name}.txt`),
          formatSequence(instance, withPrevious(instance, result.order)),
        );
      }
      const gapRef = ref ? (result.score - ref.best) / ref.best : Number.NaN;
      const gapLb = (result.score - lb) / Math.max(1, lb);
      const c = result.components;
      print(
        {
          set,
          instance: name,
          seqRank: result.givenScore,
          ours: result.score,
          hprc: c.hprc,
          pcc: c.pcc,
          lprc: c.lprc,
          lowerBound: bound,
          lb: ref?.lb,
          lbEnd: ref?.lbEnd,
          bestLowerBound: lb,
          optimal: result.score <= lb,
          reference: ref?.best,
          gapToReference: gapRef,
          beatsReference: ref ? result.score < ref.best : undefined,
          feasible: result.feasible,
          start: result.start,
          iterations: result.iterations,
          seconds: Math.round(result.seconds * 10) / 10,
        },
        `${set.padEnd(3)} ${name.padEnd(36)} ${pad(result.givenScore, 11)} ${pad(result.score, 11)} ${pad(lb, 11)} ${pad(ref?.best ?? '-', 11)} ${pad(`${(gapRef * 100).toFixed(2)}%`, 8)} ${pad(`${(gapLb * 100).toFixed(1)}%`, 8)}${result.score <= lb ? ' optimal' : ''}  H${c.hprc}/P${c.pcc}/L${c.lprc}${result.feasible ? '' : ' INFEASIBLE'} ${result.seconds.toFixed(1)}`,
      );
    }
  }
};

const csplibStatus = (): Map<string, string> => {
  const map = new Map<string, string>();
  const file = join(dataDir, 'csplib001/vale1410_sat_encoding_statistics.txt');
  if (!existsSync(file)) return map;
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const m = /^s(\d+)[/-](\d+)\s+(SATISFIABLE|UNSATISFIABLE|UNKNOWN)/.exec(line.trim());
    if (!m) continue;
    const key = line.includes('/') ? `${m[1]}_${m[2]}` : `pb_${m[1]}_${m[2]}`;
    map.set(key, m[3] === 'SATISFIABLE' ? 'sat' : m[3] === 'UNSATISFIABLE' ? 'unsat' : 'open');
  }
  return map;
};

const runCsplib = (): void => {
  const status = csplibStatus();
  const files = ['split', 'pb_200_400'].flatMap((sub) => {
    const dir = join(dataDir, 'csplib001', sub);
    return existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.txt'))
          .sort()
          .map((f) => join(dir, f))
      : [];
  });
  let satisfiable = 0;
  let solved = 0;
  let maxSeconds = 0;
  for (const file of files) {
    const instance = loadCsplib(file);
    if (only && !instance.name.includes(only)) continue;
    // 60-01 ... 90-10 are all satisfiable (CSPLib result1.md); the rest from the SAT statistics.
    const known = /^\d\d-\d\d$/.test(instance.name) ? 'sat' : (status.get(instance.name) ?? 'open');
    const started = performance.now();
    const result = solveCsplib(instance, {
      seed,
      now: () => performance.now(),
      deadline: started + cspSeconds * 1000,
      target: 0,
    });
    const satisfied = result.components.hprc === 0;
    if (known === 'sat') {
      satisfiable++;
      if (satisfied) {
        solved++;
        maxSeconds = Math.max(maxSeconds, result.seconds);
      }
    }
    print(
      {
        set: 'csplib',
        instance: instance.name,
        known,
        satisfied,
        violations: result.components.hprc,
        seconds: Math.round(result.seconds * 1000) / 1000,
      },
      `csplib ${instance.name.padEnd(12)} known=${known.padEnd(5)} ${satisfied ? 'solved' : `violations=${result.components.hprc}`} ${result.seconds.toFixed(3)}s`,
    );
  }
  print(
    {
      set: 'csplib',
      summary: true,
      satisfiable,
      solved,
      maxSecondsSolved: Math.round(maxSeconds * 1000) / 1000,
    },
    `csplib: ${solved}/${satisfiable} known-satisfiable instances solved within ${cspSeconds}s (slowest ${maxSeconds.toFixed(3)}s)`,
  );
};

if (sets.some((s) => s === 'X' || s === 'A' || s === 'B')) runRoadef();
if (sets.includes('csplib')) runCsplib();
