import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { ADMIN, DEMO_SERVER_URL, E2E_PORT, SECOND_FACTOR_SERVER_URL } from './test/e2e/support.js';

/**
 * Browser tests against the built app (`npm run build` first), served by `cadre serve` on a fresh
 * database. Chromium is Debian's, never a downloaded one; without it the run fails.
 */
const CHROMIUM = '/usr/bin/chromium';
if (!fs.existsSync(CHROMIUM)) {
  throw new Error(`Chromium was not found at ${CHROMIUM}. Install Debian's chromium package; the browser tests never download a browser.`);
}

const PORT = E2E_PORT;
const serverUrl = `http://127.0.0.1:${PORT}`;
const DEMO_PORT = Number(new URL(DEMO_SERVER_URL).port);
const SECOND_FACTOR_PORT = Number(new URL(SECOND_FACTOR_SERVER_URL).port);

// A new data directory per run. Workers load this file too: the environment carries the main
// process's choice to them, so only the main process creates it and tidies older ones away.
const isWorker = process.env.TEST_WORKER_INDEX !== undefined;
if (!process.env.CADRE_E2E_DATA_DIR) {
  const resultsDir = path.resolve('test-results');
  if (!isWorker && fs.existsSync(resultsDir)) {
    for (const entry of fs.readdirSync(resultsDir)) {
      if (entry.startsWith('e2e-data-')) fs.rmSync(path.join(resultsDir, entry), { recursive: true, force: true });
    }
  }
  process.env.CADRE_E2E_DATA_DIR = path.join(resultsDir, `e2e-data-${Date.now()}`);
}
const dataDir = process.env.CADRE_E2E_DATA_DIR;
const demoDataDir = `${dataDir}-demo`;
const secondFactorDataDir = `${dataDir}-second-factor`;
if (!isWorker) {
  for (const directory of [dataDir, demoDataDir, secondFactorDataDir]) fs.mkdirSync(directory, { recursive: true });
}

// The journeys sign in as an admin with the password alone, except on the server that requires a second factor.
const serverEnv = (directory: string, requireSecondFactor = '') => ({
  CADRE_DATA_DIR: directory,
  CADRE_ADMIN_EMAIL: ADMIN.email,
  CADRE_ADMIN_PASSWORD: ADMIN.password,
  CADRE_REQUIRE_SECOND_FACTOR: requireSecondFactor,
  LOG_LEVEL: 'warn',
});

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '*.e2e.ts',
  outputDir: 'test-results/e2e',
  workers: 1,
  retries: 0,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: process.env.CADRE_E2E_URL ?? serverUrl,
    browserName: 'chromium',
    launchOptions: {
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    locale: 'en-US',
    timezoneId: 'UTC',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: [
    {
      command: `node bin/cadre.js serve --no-demo --port ${PORT}`,
      url: `${serverUrl}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      stderr: 'pipe',
      env: {
        ...serverEnv(dataDir),
        // CI runs these on SQLite; a DATABASE_URL in the environment is used as it stands.
        ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
      },
    },
    {
      // The reports are read on the 2010 demo program, on a server of their own: the journeys
      // above start from an empty database, and the demo's figures stay the demo's.
      command: `node bin/cadre.js serve --port ${DEMO_PORT}`,
      url: `${DEMO_SERVER_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'pipe',
      stderr: 'pipe',
      env: serverEnv(demoDataDir),
    },
    {
      command: `node bin/cadre.js serve --no-demo --port ${SECOND_FACTOR_PORT}`,
      url: `${SECOND_FACTOR_SERVER_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      stderr: 'pipe',
      env: { ...serverEnv(secondFactorDataDir, 'admin,program_officer'), CADRE_PUBLIC_URL: SECOND_FACTOR_SERVER_URL },
    },
  ],
});
