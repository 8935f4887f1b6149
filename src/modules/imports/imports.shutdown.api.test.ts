import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/dialects.js';
import { type Server, signIn, type Session, startServer, stopServer } from '../../../test/support/servers.js';
import { verifyAuditChain } from '../../platform/audit.js';
import { openDatabase } from '../../platform/db/database.js';

/**
 * A server asked to stop (SIGTERM) while it writes a roster it imports in the background: the
 * import stops at its next batch, rolled back, and says it was cut off; the database closes after
 * it, and the roster imports whole once a server runs it again.
 */

const ROWS = 20_000;
const SECRET = 'shutdown-test-secret-shutdown-test-secret-0123';
const PASSWORD = 'stopping while importing';
const ADMIN_EMAIL = 'admin@shutdown.test';

let testDb: TestDatabase;
let dataDir: string;
let env: Record<string, string>;
let server: Server | undefined;

beforeAll(async () => {
  testDb = await createTestDatabase({ migrate: false });
  await testDb.database.close();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-shutdown-'));
  env = { CADRE_DATA_DIR: dataDir, CADRE_SECRET_KEY: SECRET, CADRE_ADMIN_EMAIL: ADMIN_EMAIL, CADRE_ADMIN_PASSWORD: PASSWORD };
}, 60_000);

afterAll(async () => {
  if (server) await stopServer(server);
  await testDb.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function roster(): string {
  const lines = ['Given name,Family name,Email,Date of birth'];
  for (let i = 0; i < ROWS; i += 1) lines.push(`Nadège,Pierre-Louis ${i},stopped.${i}@example.test,1984-02-${String(1 + (i % 28)).padStart(2, '0')}`);
  return lines.join('\r\n');
}

interface ImportView {
  id: string;
  status: string;
  progress: number;
  message: string | null;
  summary: { created: number } | null;
}

const importOf = async (session: Session, id: string) => (await (await session.send('GET', `/api/imports/${id}`)).json()) as ImportView;

describe('a server stopped while it imports', () => {
  it('stops the import at its next batch written, keeps nothing of it, and lets it be run again', { timeout: 120_000 }, async () => {
    server = await startServer(testDb.target, env);
    let admin = await signIn(server, ADMIN_EMAIL, PASSWORD);
    const agency = (await (await admin.send('POST', '/api/organizations', { name: 'Stopped Import Police', kind: 'foreign_police', country: 'HT' })).json()) as { id: string };
    const uploaded = await fetch(`${server.url}/api/imports?kind=people&filename=roster.csv&organizationId=${agency.id}`, {
      method: 'POST',
      headers: { ...admin.headers, 'content-type': 'text/csv' },
      body: roster(),
    });
    expect(uploaded.status).toBe(201);
    const { id } = (await uploaded.json()) as ImportView;
    expect((await admin.send('POST', `/api/imports/${id}/commit`, { mode: 'all' })).status).toBe(202);
    // Every row checked, the people being written in one transaction (on SQLite, on a connection of its own).
    await expect.poll(async () => (await importOf(admin, id)).message ?? '', { timeout: 30_000, interval: 10 }).toMatch(/^writing \d+ checked rows/);
    expect((await importOf(admin, id)).status).toBe('committing');

    await stopServer(server);
    expect(server.child.exitCode).toBe(0);
    const database = openDatabase(testDb.target);
    try {
      const stopped = await database.db.selectFrom('imports').select(['status', 'message']).where('id', '=', id).executeTakeFirstOrThrow();
      expect(stopped.status).toBe('failed');
      expect(stopped.message).toMatch(/run\.cutOff/);
      const people = await database.db.selectFrom('people').select('id').where('organization_id', '=', agency.id).execute();
      expect(people).toHaveLength(0);
      const runs = await database.db.selectFrom('work_runs').select('status').where('subject_id', '=', id).execute();
      expect(runs.map((r) => r.status)).toEqual(['failed']);
      expect((await verifyAuditChain(database.db)).problems).toEqual([]);
    } finally {
      await database.close();
    }

    server = await startServer(testDb.target, env);
    admin = await signIn(server, ADMIN_EMAIL, PASSWORD);
    const cutOff = await importOf(admin, id);
    expect(cutOff.status).toBe('failed');
    expect(cutOff.message).toBe('The run was cut off (the server stopped); nothing of it was written. Run it again.');
    expect((await admin.send('POST', `/api/imports/${id}/commit`, { mode: 'all' })).status).toBe(202);
    await expect.poll(async () => (await importOf(admin, id)).status, { timeout: 90_000, interval: 200 }).toBe('committed');
    expect((await importOf(admin, id)).summary?.created).toBe(ROWS);
  });
});
