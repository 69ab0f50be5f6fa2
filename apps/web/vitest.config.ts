import { defineProject } from 'vitest/config';

// Unit tests of the web app's pure logic; browser journeys run from ../../vitest.e2e.config.ts.
export default defineProject({
  test: {
    name: 'web',
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
