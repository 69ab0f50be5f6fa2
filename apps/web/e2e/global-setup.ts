import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  // Module augmentation needs an interface.
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const root = resolve(import.meta.dirname, '../../..');
const web = join(root, 'apps/web');

let server: ChildProcess | undefined;
let dataDir: string | undefined;

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** Builds apps/web/dist unless it is newer than every source the build reads. */
function buildWebIfNeeded(): void {
  const built = join(web, 'dist/index.html');
  const sources = ['src', 'index.html', 'vite.config.ts', 'package.json'].map((p) => join(web, p));
  if (existsSync(built) && statSync(built).mtimeMs > Math.max(...sources.map(newestMtime))) return;
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const env = { ...process.env, NODE_ENV: 'production' };
  const result = spawnSync('npm', ['run', 'build', '-w', '@openc2b/web'], {
    cwd: root,
    stdio: 'inherit',
    env,
  });
  if (result.status !== 0) throw new Error('web build failed');
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

async function waitUntilReady(baseUrl: string, logFile: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server?.exitCode !== null) break;
    try {
      const response = await fetch(`${baseUrl}/readyz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-4000) : '';
  throw new Error(`server did not become ready at ${baseUrl}/readyz\n${log}`);
}

/**
 * Cars for factory.e2e.ts (factory-fixtures.ts): registered as production's own tests do until
 * placing an order with a delivery date registers them (branch build-flows). Migrates and seeds
 * the demo data itself, so the server finds everything in place.
 */
function planFactoryCars(env: NodeJS.ProcessEnv, log: NodeJS.WritableStream): void {
  const result = spawnSync(process.execPath, ['apps/web/e2e/factory-fixtures.ts'], { cwd: root, env });
  log.write(result.stdout ?? '');
  log.write(result.stderr ?? '');
  if (result.status !== 0) throw new Error(`factory fixtures failed:\n${String(result.stderr).slice(-4000)}`);
}

export async function setup(project: TestProject): Promise<void> {
  // E2E_BASE_URL runs the journeys against a server that is already running (e.g. `npm start`).
  const { E2E_BASE_URL } = process.env;
  if (E2E_BASE_URL) {
    project.provide('baseUrl', E2E_BASE_URL.replace(/\/$/, ''));
    return;
  }
  buildWebIfNeeded();
  dataDir = mkdtempSync(join(tmpdir(), 'c2b-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const logFile = join(dataDir, 'server.log');
  const log = createWriteStream(logFile);
  // A fresh embedded database every run, whatever the caller's shell points at; NODE_ENV as
  // `npm start` has it (Vitest sets "test" in its own process).
  const { DATABASE_URL: _database, NATS_URL: _nats, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    NODE_ENV: 'development',
    PORT: String(port),
    DATA_DIR: join(dataDir, 'data'),
  };
  // ---- factory journey: cars on a production day, written before the server opens the data dir
  planFactoryCars(env, log);
  // ----
  server = spawn(process.execPath, ['apps/server/src/main.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);
  await waitUntilReady(baseUrl, logFile, 180_000);
  project.provide('baseUrl', baseUrl);
}

export async function teardown(): Promise<void> {
  const child = server;
  if (child && child.exitCode === null) {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
