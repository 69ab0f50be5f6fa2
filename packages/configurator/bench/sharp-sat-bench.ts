/**
 * Counts the feature-model benchmarks exactly with the #SAT solver, then compiles each to a
 * decision-DNNF and takes one full configurator click (literalCounts). Prints exact counts,
 * times and memory. Figures are tracked in SHARPSAT.md, never asserted in tests.
 *
 *   cd /work/main && npx node --max-old-space-size=8192 packages/configurator/bench/sharp-sat-bench.ts \
 *     [name-filter] [timeoutMs=120000]
 *
 * Peak RSS covers the whole process; run one instance at a time (name filter) for per-instance
 * figures.
 */
import { existsSync, readFileSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { parseDimacs } from '../src/import-dimacs.ts';
import { compileDdnnf, countCnf, literalCounts } from '../src/sharp-sat.ts';

const dir = '/work/shared/benchmarks/configuration/feature-models';
const files = [
  'busybox-1.18.0_Knueppel2017.dimacs',
  'automotive01_Kowal2016.dimacs',
  'automotive02_v1_Knueppel2017-2_1.dimacs',
];
const filter = process.argv[2] ?? '';
const timeoutMs = Number(process.argv[3] ?? 120_000);
const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

for (const file of files) {
  if (!file.includes(filter)) continue;
  const path = `${dir}/${file}`;
  if (!existsSync(path)) {
    console.log(`${file}: missing`);
    continue;
  }
  const t0 = performance.now();
  const cnf = parseDimacs(readFileSync(path, 'utf8'));
  const parseMs = performance.now() - t0;
  console.log(
    `${file}: ${cnf.numVars} vars, ${cnf.clauses.length} clauses, parsed in ${parseMs.toFixed(0)} ms`,
  );
  try {
    const cpu0 = process.cpuUsage();
    const r = countCnf(cnf, { timeoutMs });
    const cpu = process.cpuUsage(cpu0);
    const s = r.count.toString();
    const cpuMs = (cpu.user + cpu.system) / 1000;
    console.log(
      `  countCnf: ${r.ms.toFixed(0)} ms wall (${cpuMs.toFixed(0)} ms CPU), ${r.nodes} cache entries, ${s.length} digits\n  ${s}`,
    );
    const t1 = performance.now();
    const d = compileDdnnf(cnf, { timeoutMs });
    const t2 = performance.now();
    const lc = literalCounts(d);
    const t3 = performance.now();
    let dead = 0;
    let core = 0;
    for (let v = 1; v <= cnf.numVars; v++) {
      if (lc.pos[v] === 0n) dead++;
      if (lc.neg[v] === 0n) core++;
    }
    console.log(
      `  compileDdnnf: ${(t2 - t1).toFixed(0)} ms, ${d.size} nodes, ${d.pool.length} pool entries;` +
        ` literalCounts: ${(t3 - t2).toFixed(0)} ms (${dead} dead, ${core} core variables);` +
        ` same total: ${lc.total === r.count}`,
    );
  } catch (e) {
    console.log(`  ${(e as Error).message}`);
  }
  // The committed heap only grows during a synchronous run, so it bounds the peak heap use.
  const heap = getHeapStatistics();
  console.log(
    `  heap used now ${mib(heap.used_heap_size)}, committed heap ${mib(heap.total_heap_size)},` +
      ` peak RSS ${mib(process.resourceUsage().maxRSS * 1024)}`,
  );
}
