import { defineConfig } from 'vitest/config';

/** Runs with nothing beside the clone; the conformance suite has its own config (vitest.conformance.config.ts). */
const CONFORMANCE = '**/*.conformance.test.ts';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['src/**/*.api.test.ts', CONFORMANCE],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'api',
          include: ['src/**/*.api.test.ts', 'test/**/*.api.test.ts'],
          exclude: [CONFORMANCE],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
