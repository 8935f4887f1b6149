import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/dialects.js';
import { type Server, startServer, stopServer } from '../../../test/support/servers.js';

/** A server reads the cascade's graph once it listens, not at the first reach someone asks for. */

let testDb: TestDatabase;
let dataDir: string;
let server: Server | undefined;

beforeAll(async () => {
  testDb = await createTestDatabase({ migrate: false });
  await testDb.database.close();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-warm-'));
}, 60_000);

afterAll(async () => {
  if (server) await stopServer(server);
  await testDb.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('a server starting', () => {
  it('reads the cascade’s graph ahead, and says how many pairs it holds', async () => {
    server = await startServer(testDb.target, { CADRE_DATA_DIR: dataDir, CADRE_SECRET_KEY: 'warm-test-secret-warm-test-secret-0123456789', LOG_LEVEL: 'info' });
    const said = () => server?.output.map((line) => (line.startsWith('{') ? (JSON.parse(line) as { msg?: string; pairs?: number; ms?: number }) : {})).find((entry) => entry.msg === 'cascade graph read ahead');
    await expect.poll(said, { timeout: 10_000 }).toBeDefined();
    expect(said()?.pairs).toBe(0);
  });
});
