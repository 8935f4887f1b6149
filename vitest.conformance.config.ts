import { defineConfig } from 'vitest/config';

/**
 * The conformance suite: Cadre's output checked against the standards' own artefacts, which may
 * not be redistributed and so live outside the repository (test/conformance/standards.ts). Kept out
 * of vitest.config.ts so that `npm test` passes on a clone with nothing beside it; `.ci/run` runs
 * both, and this one fails when the standards are missing rather than skipping.
 */
export default defineConfig({
  test: {
    name: 'conformance',
    include: ['src/**/*.conformance.test.ts', 'test/**/*.conformance.test.ts'],
    globalSetup: ['test/conformance/setup.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
