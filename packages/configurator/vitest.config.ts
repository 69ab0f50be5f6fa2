import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'configurator',
    include: ['src/**/*.test.ts'],
  },
});
