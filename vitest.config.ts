import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // Several suites build the demo workspace in beforeAll: seconds on a quiet machine, more on a
    // loaded CI runner.
    hookTimeout: 120_000,
  },
});
