/**
 * Command line for the sequencer (Node only; the library under src/ stays I/O-free).
 *
 *   npm run sequencer -- solve <instance dir | CSPLib file> [--seconds S] [--seed N] [--iterations N] [--out FILE] [--json]
 *       ROADEF: one JSON line {"instance","objective","hprc","pcc","lprc","initialObjective","lowerBound","optimal","seconds"}
 *       (initialObjective = Renault's given order, SeqRank; lowerBound = `lowerBound` of src/bounds.ts,
 *       the search stops when it reaches it; optimal = objective equals it); --out writes one day-D Ident per line.
 *       CSPLib: one JSON line {"instance","satisfied","violations","seconds"}.
 *   npm run sequencer -- score <instance dir> <sequence file>
 *       re-scores a sequence file: one JSON line {"instance","objective","hprc","pcc","lprc","feasible","longestRun"}
 *
 * Errors: exit code 1 (2 for usage) and one JSON line {"error":"<code>","message":"..."} on stderr.
 */
import { writeFileSync } from 'node:fs';
import { lowerBound } from '../src/bounds.ts';
import { solveCsplib } from '../src/csplib-solve.ts';
import { evaluate } from '../src/evaluate.ts';
import { SequencerError, withPrevious } from '../src/model.ts';
import { formatSequence, parseSequence } from '../src/roadef.ts';
import { solve } from '../src/solve.ts';
import { isCsplibPath, loadInstance, readText } from './load.ts';

class UsageError extends Error {}

const usage = `usage:
  sequencer solve <instance dir | csplib file> [--seconds S] [--seed N] [--iterations N] [--out FILE] [--json]
  sequencer score <instance dir> <sequence file>`;

const parseArgs = (argv: string[]): { positional: string[]; flags: Map<string, string | true> } => {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const name = a.slice(2);
      const value = argv[i + 1];
      if (name === 'json' || value === undefined || value.startsWith('--')) flags.set(name, true);
      else {
        flags.set(name, value);
        i++;
      }
    } else positional.push(a);
  }
  return { positional, flags };
};

const numberFlag = (flags: Map<string, string | true>, name: string, fallback: number): number => {
  const v = flags.get(name);
  if (v === undefined) return fallback;
  const x = Number(v);
  if (v === true || !Number.isFinite(x) || x < 0)
    throw new UsageError(`--${name} needs a non-negative number`);
  return x;
};

const round = (x: number): number => Math.round(x * 1000) / 1000;

const main = (argv: string[]): void => {
  const { positional, flags } = parseArgs(argv);
  const [command, path, second] = positional;
  if (command === 'solve' && path) {
    const seconds = numberFlag(flags, 'seconds', 10);
    const seed = numberFlag(flags, 'seed', 1);
    const iterations = numberFlag(flags, 'iterations', Number.POSITIVE_INFINITY);
    const instance = loadInstance(path);
    const csplib = isCsplibPath(path);
    // ROADEF: stop at a proven lower bound (then the result is optimal).
    const bound = csplib ? undefined : lowerBound(instance);
    const started = performance.now();
    // CSPLib: the dedicated satisfaction search (src/csplib-solve.ts).
    const result = (csplib ? solveCsplib : solve)(instance, {
      seed,
      now: () => performance.now(),
      deadline: started + seconds * 1000,
      maxIterations: iterations,
      history: flags.has('history') ? numberFlag(flags, 'history', 0) : undefined,
      // CSPLib is satisfaction: stop at the first sequence without violation.
      target: csplib ? 0 : bound?.score,
      onProgress: flags.has('json')
        ? undefined
        : (p) =>
            process.stderr.write(
              `${p.seconds.toFixed(1)}s it=${p.iterations} score=${p.score} hprc=${p.components.hprc} pcc=${p.components.pcc} lprc=${p.components.lprc}\n`,
            ),
    });
    const out = flags.get('out');
    if (typeof out === 'string')
      writeFileSync(out, formatSequence(instance, withPrevious(instance, result.order)));
    const line = csplib
      ? {
          instance: instance.name,
          satisfied: result.components.hprc === 0,
          violations: result.components.hprc,
          seconds: round(result.seconds),
        }
      : {
          instance: instance.name,
          objective: result.score,
          hprc: result.components.hprc,
          pcc: result.components.pcc,
          lprc: result.components.lprc,
          initialObjective: result.givenScore,
          lowerBound: bound?.score,
          optimal: bound !== undefined && result.score <= bound.score,
          rounds: result.rounds,
          seconds: round(result.seconds),
        };
    process.stdout.write(`${JSON.stringify(line)}\n`);
    return;
  }
  if (command === 'score' && path && second) {
    const instance = loadInstance(path);
    const order = parseSequence(instance, readText(second));
    const e = evaluate(instance, withPrevious(instance, order));
    process.stdout.write(
      `${JSON.stringify({ instance: instance.name, objective: e.score, hprc: e.hprc, pcc: e.pcc, lprc: e.lprc, feasible: e.feasible, longestRun: e.longestRun })}\n`,
    );
    return;
  }
  throw new UsageError(usage);
};

try {
  main(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError) {
    process.stderr.write(`${JSON.stringify({ error: 'cli.usage', message: e.message })}\n`);
    process.exit(2);
  }
  const code = e instanceof SequencerError ? e.code : 'cli.failed';
  process.stderr.write(`${JSON.stringify({ error: code, message: (e as Error).message })}\n`);
  process.exit(1);
}
