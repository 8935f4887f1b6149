import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './dialects.js';
import { type ServerProcess, signIn, startServer } from './support/server-process.js';

/**
 * Two `cadre serve` processes on one database, as behind a load balancer: sessions, CSRF
 * tokens, version checks and the audit chain all live in the database, so either process
 * serves any request.
 */

const ADMIN = { email: 'admin@two.test', password: 'two processes, one database' };
let testDb: TestDatabase;
let dataDir: string;
let a: ServerProcess;
let b: ServerProcess;

beforeAll(async () => {
  testDb = await createTestDatabase({ migrate: false });
  await testDb.database.close();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-two-'));
  // Both start at once: migrations and the first admin must not be done twice.
  const start = () => startServer({ target: testDb.target, dataDir, admin: ADMIN });
  [a, b] = await Promise.all([start(), start()]);
}, 60_000);

afterAll(async () => {
  await Promise.all([a, b].map((server) => server.stop()));
  await testDb.drop().catch(() => undefined);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('two server processes on one database', () => {
  it('share sessions, versions and one audit chain', async () => {
    const headers = await signIn(a.url, ADMIN);

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
});
