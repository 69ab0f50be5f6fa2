/**
 * Boundary test: the module graph in ARCHITECTURE.md is the one the code has.
 *
 * - A module imports another module only through its public `index.ts`, and only when the
 *   module table in ARCHITECTURE.md lists it under "may use".
 * - `platform/` is domain-free: it imports no module, flow or transport code.
 * - Modules import no transport (`http/`) and no flow (`flows/`) code.
 * - The configurator engine has no runtime dependency and no Node-only import.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../../..');
const serverSrc = join(repo, 'apps/server/src');

const walk = (dir: string): string[] => {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...walk(full));
    else if (/\.(ts|tsx)$/.test(name)) out.push(full);
  }
  return out;
};

const importSpecifiers = (file: string): string[] => {
  const text = readFileSync(file, 'utf8');
  const specs: string[] = [];
  const re =
    /(?:import|export)\s[^'"`;]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;
  for (const m of text.matchAll(re)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (spec) specs.push(spec);
  }
  return specs;
};

/** Reads the module table between the `modules:start` and `modules:end` markers. */
export const readModuleTable = (markdown: string): Map<string, Set<string>> => {
  const start = markdown.indexOf('<!-- modules:start -->');
  const end = markdown.indexOf('<!-- modules:end -->');
  if (start < 0 || end < 0) throw new Error('ARCHITECTURE.md has no module table markers');
  const table = new Map<string, Set<string>>();
  for (const line of markdown.slice(start, end).split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    // | `module` | schema | owns | events | may use |
    const name = cells[1]?.match(/^`([a-z-]+)`$/)?.[1];
    if (!name) continue;
    const deps = (cells[5] ?? '').match(/`([a-z-]+)`/g)?.map((d) => d.replaceAll('`', '')) ?? [];
    table.set(name, new Set(deps));
  }
  return table;
};

const moduleTable = readModuleTable(readFileSync(join(repo, 'ARCHITECTURE.md'), 'utf8'));
const modulesDir = join(serverSrc, 'modules');
const moduleNames = (() => {
  try {
    return readdirSync(modulesDir).filter((n) => statSync(join(modulesDir, n)).isDirectory());
  } catch {
    return [];
  }
})();

/** Which top-level area of apps/server/src a resolved path falls in. */
const areaOf = (abs: string): { area: string; module?: string; rest?: string } => {
  const rel = relative(serverSrc, abs);
  if (rel.startsWith('..')) return { area: 'outside' };
  const [area, second, ...rest] = rel.split(sep);
  if (area === 'modules') return { area, module: second, rest: rest.join('/') };
  return { area: area ?? '' };
};

describe('module boundaries', () => {
  it('every module folder is declared in ARCHITECTURE.md and vice versa', () => {
    expect(new Set(moduleNames)).toEqual(new Set(moduleTable.keys()));
  });

  for (const file of walk(serverSrc)) {
    const from = areaOf(file);
    const relFile = relative(repo, file);
    it(`${relFile} respects the boundaries`, () => {
      const problems: string[] = [];
      for (const spec of importSpecifiers(file)) {
        if (!spec.startsWith('.')) continue;
        const target = areaOf(resolve(dirname(file), spec));
        if (from.area === 'platform' && ['modules', 'flows', 'http', 'seed'].includes(target.area)) {
          problems.push(`platform imports ${spec}`);
        }
        if (from.area === 'modules' && ['flows', 'http', 'seed'].includes(target.area)) {
          problems.push(`module ${from.module} imports ${spec}`);
        }
        if (target.area === 'modules' && target.module !== from.module) {
          if (target.rest !== 'index.ts') problems.push(`${spec} is private to module ${target.module}`);
          if (from.area === 'modules' && !moduleTable.get(from.module ?? '')?.has(target.module ?? '')) {
            problems.push(`module ${from.module} may not use ${target.module} (see ARCHITECTURE.md)`);
          }
        }
      }
      expect(problems).toEqual([]);
    });
  }
});

describe('configurator engine', () => {
  const engineSrc = join(repo, 'packages/configurator/src');
  for (const file of walk(engineSrc)) {
    it(`${relative(repo, file)} imports nothing but its own files`, () => {
      const external = importSpecifiers(file).filter((s) => !s.startsWith('.') && s !== 'vitest');
      const isTest = file.endsWith('.test.ts');
      expect(isTest ? external.filter((s) => !s.startsWith('node:')) : external).toEqual([]);
    });
  }

  it('declares no runtime dependency', () => {
    const pkg = JSON.parse(readFileSync(join(repo, 'packages/configurator/package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    expect(Object.keys(pkg.dependencies ?? {})).toEqual([]);
  });
});
