import { defineProject } from 'vitest/config';

// Unit tests (*.test.ts) and integration tests (*.int.test.ts, on a PGlite snapshot per file
// or a fresh PostgreSQL database per file when DATABASE_URL is set).
export default defineProject({
  test: {
    name: 'server',
    environment: 'node',
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    globalSetup: ['./src/testing/global-setup.ts'],
    // Limits, not timings: a PGlite start can take several seconds on a busy machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
