import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/platform/db/database.js';
import { createTestDatabase, type TestDatabase } from './dialects.js';
import { killServer, type Server, type Session, signIn, startServer, stopServer } from './support/servers.js';

/**
 * A server killed mid-write (SIGKILL: no shutdown work runs) loses nothing it acknowledged: every
 * organization and person answered 201 is there after a restart, and the audit chain is whole.
 */

const ADMIN = { email: 'admin@crash.test', password: 'killed while writing, nothing lost' };
const KILLS = 4;
const WRITERS = 4;

let testDb: TestDatabase;
let dataDir: string;
let server: Server | null = null;

function start(): Promise<Server> {
  return startServer(testDb.target, { CADRE_DATA_DIR: dataDir, CADRE_SECRET_KEY: 'secret-of-the-killed-server-0123456789', CADRE_ADMIN_EMAIL: ADMIN.email, CADRE_ADMIN_PASSWORD: ADMIN.password });
}

beforeAll(async () => {
  testDb = await createTestDatabase({ migrate: false });
  await testDb.database.close();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-crash-'));
});

afterAll(async () => {
  if (server) await stopServer(server);
  await testDb.drop().catch(() => undefined);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** What the server answered 201 to, with a way to wait until enough has been written. */
class Acknowledged {
  readonly organizations = new Set<string>();
  readonly people = new Set<string>();
  private waiting: { count: number; resolve: () => void } | null = null;

  addOrganization(id: string) {
    this.organizations.add(id);
    if (this.waiting && this.organizations.size >= this.waiting.count) {
      this.waiting.resolve();
      this.waiting = null;
    }
  }

  organizationsReach(count: number): Promise<void> {
    if (this.organizations.size >= count) return Promise.resolve();
    return new Promise((resolve) => (this.waiting = { count, resolve }));
  }
}

/** Creates an agency and one of its officers, again and again, until the server stops answering. */
async function writeUntilKilled(session: Session, label: string, acknowledged: Acknowledged) {
  for (let i = 0; ; i++) {
    try {
      const organization = await session.send('POST', '/api/organizations', { name: `Crash Test PD ${label}-${i}`, kind: 'municipal_police', country: 'US' });
      if (organization.status !== 201) throw new Error(`create organization answered ${organization.status}`);
      const { id } = (await organization.json()) as { id: string };
      acknowledged.addOrganization(id);
      const person = await session.send('POST', '/api/people', { organizationId: id, givenName: 'Testa', familyName: `Crashworth ${label}-${i}` });
      if (person.status !== 201) throw new Error(`create person answered ${person.status}`);
      acknowledged.people.add(((await person.json()) as { id: string }).id);
    } catch (error) {
      // The kill cuts the connection; anything else is a real failure.
      if (error instanceof TypeError) return;
      throw error;
    }
  }
}

describe('a server killed while writing', () => {
  it('keeps every write it acknowledged, and the audit chain verifies', async () => {
    const acknowledged = new Acknowledged();
    for (let round = 0; round < KILLS; round++) {
      server = await start();
      const session = await signIn(server, ADMIN.email, ADMIN.password);
      const before = acknowledged.organizations.size;
      const writers = Array.from({ length: WRITERS }, (_, w) => writeUntilKilled(session, `${round}.${w}`, acknowledged));
      // Kill once writes are flowing, at a different point of the stream each round.
      await acknowledged.organizationsReach(before + 10 + round * 7);
      await killServer(server);
      server = null;
      await Promise.all(writers);
    }

    server = await start();
    const verification = await (await signIn(server, ADMIN.email, ADMIN.password)).send('GET', '/api/audit/verification');
    expect(await verification.json()).toMatchObject({ isIntact: true, problems: [] });
    await stopServer(server);
    server = null;

    const database = openDatabase(testDb.target);
    try {
      const organizations = new Set((await database.db.selectFrom('organizations').select('id').execute()).map((r) => r.id));
      const people = new Set((await database.db.selectFrom('people').select('id').execute()).map((r) => r.id));
      const lost = [...acknowledged.organizations].filter((id) => !organizations.has(id)).length + [...acknowledged.people].filter((id) => !people.has(id)).length;
      const writes = acknowledged.organizations.size + acknowledged.people.size;
      console.info(`crash: ${KILLS} kills, ${writes} acknowledged writes, ${lost} lost`);
      expect(writes).toBeGreaterThan(KILLS * 20);
      expect(lost).toBe(0);
    } finally {
      await database.close();
    }
  }, 120_000);
});
