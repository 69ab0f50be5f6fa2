/**
 * Command line for the configurator (Node only; the library under src/ stays I/O-free).
 *
 *   npm run configurator -- count <file>   .xml (XCSP 2.1), .dimacs/.cnf, or a model .json
 *       prints one JSON line {"count":"<exact decimal>","nodes":N,"compileMs":N}
 *   npm run configurator -- check <model.json>
 *       prints one JSON line with the validation issues and the analysis findings
 *
 * Errors: exit code 1 and one JSON line {"error":"<code>","message":"..."} on stderr.
 */
import { readFileSync } from 'node:fs';
import { analyzeModel } from '../src/analyze.ts';
import { compile, compileCspWithStats } from '../src/compile.ts';
import { countSolutions, nodeCount } from '../src/count.ts';
import { ConfiguratorError } from '../src/errors.ts';
import { parseDimacs } from '../src/import-dimacs.ts';
import { importXcsp } from '../src/import-xcsp.ts';
import { countCnf } from '../src/sharp-sat.ts';
import { validateModel } from '../src/validate.ts';

class UsageError extends Error {}

const readText = (file: string): string => {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfiguratorError('cli.unreadable_file', `Cannot read ${file}: ${(e as Error).message}`, {
      file,
    });
  }
};

const readJson = (file: string): unknown => {
  const text = readText(file);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ConfiguratorError('cli.bad_json', `${file} is not JSON: ${(e as Error).message}`, { file });
  }
};

const countFile = async (file: string): Promise<{ count: string; nodes: number; compileMs: number }> => {
  const lower = file.toLowerCase();
  if (lower.endsWith('.xml')) {
    const t0 = performance.now();
    const csp = importXcsp(readText(file));
    const { compiled } = compileCspWithStats(csp);
    const compileMs = Math.round(performance.now() - t0);
    return { count: countSolutions(compiled).toString(), nodes: nodeCount(compiled), compileMs };
  }
  if (lower.endsWith('.dimacs') || lower.endsWith('.cnf')) {
    const r = countCnf(parseDimacs(readText(file)));
    return { count: r.count.toString(), nodes: r.nodes, compileMs: Math.round(r.ms) };
  }
  if (lower.endsWith('.json')) {
    const t0 = performance.now();
    const compiled = compile(readJson(file) as never);
    const compileMs = Math.round(performance.now() - t0);
    return { count: countSolutions(compiled).toString(), nodes: nodeCount(compiled), compileMs };
  }
  throw new ConfiguratorError(
    'cli.unknown_file_type',
    `Unknown file type: ${file} (expected .xml, .dimacs, .cnf or .json)`,
    {
      file,
    },
  );
};

const check = (file: string): { exitCode: number; report: unknown } => {
  const v = validateModel(readJson(file));
  if (!v.ok) return { exitCode: 2, report: { valid: false, issues: v.errors } };
  const compiled = compile(v.model);
  const a = analyzeModel(v.model, compiled);
  return {
    exitCode: a.satisfiable ? 0 : 2,
    report: {
      valid: true,
      issues: [],
      satisfiable: a.satisfiable,
      count: a.count.toString(),
      nodes: nodeCount(compiled),
      findings: a.findings,
    },
  };
};

const main = async (argv: string[]): Promise<number> => {
  const [cmd, file, ...rest] = argv;
  if (!file || rest.length > 0) throw new UsageError('usage: configurator count <file> | check <model.json>');
  if (cmd === 'count') {
    process.stdout.write(`${JSON.stringify(await countFile(file))}\n`);
    return 0;
  }
  if (cmd === 'check') {
    const { exitCode, report } = check(file);
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return exitCode;
  }
  throw new UsageError(`unknown command ${cmd ?? ''}; usage: configurator count <file> | check <model.json>`);
};

main(process.argv.slice(2).filter((a) => a !== '--')).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const error =
      e instanceof ConfiguratorError
        ? e.code
        : e instanceof UsageError
          ? 'cli.usage'
          : 'configurator.internal';
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`${JSON.stringify({ error, message })}\n`);
    process.exitCode = 1;
  },
);
