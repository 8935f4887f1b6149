import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/** Runs with nothing beside the clone; the conformance suite has its own config (vitest.conformance.config.ts). */
const CONFORMANCE = '**/*.conformance.test.ts';

export default defineConfig({
  test: {
    // Most of the API suites' time is spent waiting on child processes, servers and databases:
    // two workers keep both cores busy on a 2-core machine, where the default is one.
    maxWorkers: 2,
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
        // The web app's components, rendered in jsdom with Testing Library.
        plugins: [react()],
        test: {
          name: 'web',
          include: ['web/src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['web/src/test/setup.ts'],
        },
      },
      {
        test: {
          name: 'api',
          include: ['src/**/*.api.test.ts', 'test/**/*.api.test.ts'],
          exclude: [CONFORMANCE],
          environment: 'node',
          // Each file builds its own app on its own database and leaves no global state behind, so
          // the files of a worker share one module graph: importing the application (Fastify, the
          // schemas, the catalogs) once per worker instead of once per file halves the run.
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
