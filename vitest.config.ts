import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*'],
    // Two cores here; a PGlite instance per integration file is ~100 MB of WASM memory.
    // Set once for all projects (Vitest refuses projects with different worker limits in one run).
    maxWorkers: 2,
  },
});
