import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'sequencer',
    include: ['src/**/*.test.ts'],
  },
});
