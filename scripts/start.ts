/**
 * `npm start`: builds the web app when apps/web/dist is missing or older than its sources,
 * then runs the server (API + web app + worker) in this process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(root, 'apps/web');
const builtIndex = join(web, 'dist/index.html');

// Everything the bundle is made from: the web sources and the configurator it includes.
const SOURCES = [
  join(web, 'src'),
  join(web, 'index.html'),
  join(web, 'vite.config.ts'),
  join(web, 'package.json'),
  join(root, 'packages/configurator/src'),
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function webBuildIsStale(): boolean {
  if (!existsSync(builtIndex)) return true;
  const built = statSync(builtIndex).mtimeMs;
  return SOURCES.some((s) => newestMtime(s) > built);
}

if (webBuildIsStale()) {
  console.log('Building the web app (apps/web/dist is missing or older than its sources)...');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build', '-w', '@openc2b/web'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    if (existsSync(builtIndex)) console.warn('Web build failed; serving the previous build.');
    else console.warn('Web build failed; starting the API without the web app.');
  }
}

await import('../apps/server/src/main.ts');
