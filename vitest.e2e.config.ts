import { defineConfig } from 'vitest/config';

// Browser journeys: the real server (fresh PGlite data dir) and Debian's Chromium. One file at a
// time in one fork, because every journey drives the same server and the machine is small.
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['apps/web/e2e/**/*.e2e.ts'],
    globalSetup: ['apps/web/e2e/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
    teardownTimeout: 30_000,
  },
});
