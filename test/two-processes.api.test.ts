import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './dialects.js';
import { type Server, startServer, stopServer } from './support/servers.js';

/**
 * Two `cadre serve` processes on one database, as behind a load balancer: sessions, CSRF
 * tokens, version checks and the audit chain all live in the database, so either process
 * serves any request.
 */

const ADMIN = { email: 'admin@two.test', password: 'two processes, one database' };
const STARTS = 3;
const AT_ONCE = 4;
let testDb: TestDatabase;
let dataDir: string;
let a: Server;
let b: Server;

function serverEnv() {
  return { CADRE_DATA_DIR: dataDir, CADRE_SECRET_KEY: 'shared-secret-of-both-processes-0123456789', CADRE_ADMIN_EMAIL: ADMIN.email, CADRE_ADMIN_PASSWORD: ADMIN.password };
}

beforeAll(async () => {
  testDb = await createTestDatabase({ migrate: false });
  await testDb.database.close();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-two-'));
  // Both start at once: migrations and the first admin must not be done twice.
  [a, b] = await Promise.all([startServer(testDb.target, serverEnv()), startServer(testDb.target, serverEnv())]);
}, 60_000);

afterAll(async () => {
  await Promise.all([a, b].filter(Boolean).map(stopServer));
  await testDb.drop().catch(() => undefined);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('two server processes on one database', () => {
  it('share sessions, versions and one audit chain', async () => {
    const login = await fetch(`${a.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };

    const me = await fetch(`${b.url}/api/auth/me`, { headers });
    expect(me.status).toBe(200);

    const creates = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        fetch(`${[a, b][i % 2]?.url}/api/organizations`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ name: `Side by Side PD ${i}`, kind: 'municipal_police', country: 'US' }),
        }),
      ),
    );
    expect(creates.map((r) => r.status)).toEqual(Array(16).fill(201));

    const org = (await creates[0]?.json()) as { id: string };
    const [first, second] = await Promise.all(
      [a, b].map((server, i) =>
        fetch(`${server.url}/api/organizations/${org.id}`, {
          method: 'PATCH',
          headers: { ...headers, 'if-match': '"1"' },
          body: JSON.stringify({ city: `City ${i}` }),
        }),
      ),
    );
    expect([first?.status, second?.status].sort()).toEqual([200, 412]);

    const verification = await fetch(`${b.url}/api/audit/verification`, { headers });
    expect(await verification.json()).toMatchObject({ isIntact: true, problems: [] });

    const users = (await (await fetch(`${a.url}/api/users`, { headers })).json()) as { items: unknown[] };
    expect(users.items).toHaveLength(1);

    expect((await fetch(`${b.url}/api/auth/logout`, { method: 'POST', headers })).status).toBe(204);
    expect((await fetch(`${a.url}/api/auth/me`, { headers })).status).toBe(401);
  });

  it('count sign-in attempts together: of 32 wrong passwords sent to both at once, only the free ones are checked', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 32 }, (_, i) =>
        fetch(`${(i % 2 === 0 ? a : b).url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'guessed@two.test', password: `wrong password ${i}` }),
        }),
      ),
    );
    const statuses = attempts.map((response) => response.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(27);
  });
});

describe('processes starting at once on a fresh database', () => {
  it('all start: one migrates and makes the first admin, the others wait for it and find it done', async () => {
    for (let round = 0; round < STARTS; round += 1) {
      // Left open and idle here, to read what the processes made.
      const fresh = await createTestDatabase({ migrate: false });
      const started = await Promise.allSettled(Array.from({ length: AT_ONCE }, () => startServer(fresh.target, serverEnv())));
      await Promise.all(started.map((s) => (s.status === 'fulfilled' ? stopServer(s.value) : undefined)));
      const admins = await fresh.database.db.selectFrom('users').select('email').execute();
      await fresh.drop();
      expect({ round, failures: started.flatMap((s) => (s.status === 'rejected' ? [String(s.reason)] : [])), admins }).toEqual({ round, failures: [], admins: [{ email: ADMIN.email }] });
    }
  }, 240_000);
});
