import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseTarget } from '../src/config.js';
import { createTestDatabase, type TestDatabase } from './dialects.js';

/**
 * Two `cadre serve` processes on one database, as behind a load balancer: sessions, CSRF
 * tokens, version checks and the audit chain all live in the database, so either process
 * serves any request.
 */

const ADMIN = { email: 'admin@two.test', password: 'two processes, one database' };
let testDb: TestDatabase;
let dataDir: string;
interface Server {
  child: ChildProcess;
  url: string;
}
let a: Server;
let b: Server;

function urlOf(target: DatabaseTarget): string {
  return target.engine === 'postgres' ? target.url : `sqlite:${target.file}`;
}

async function startServer(): Promise<Server> {
  const child = spawn(process.execPath, ['bin/cadre.js', 'serve', '--no-demo', '--port', '0'], {
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: urlOf(testDb.target),
      CADRE_DATA_DIR: dataDir,
      CADRE_SECRET_KEY: 'shared-secret-of-both-processes-0123456789',
      CADRE_ADMIN_EMAIL: ADMIN.email,
      CADRE_ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`cadre serve exited with ${code}`)));
    readline.createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const match = /running at (http:\/\/\S+) /.exec(line);
      if (match?.[1]) resolve(match[1]);
    });
  });
  return { child, url };
}

beforeAll(async () => {
  testDb = await createTestDatabase({ migrate: false });
  await testDb.database.close();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-two-'));
  // Both start at once: migrations and the first admin must not be done twice.
  [a, b] = await Promise.all([startServer(), startServer()]);
}, 60_000);

afterAll(async () => {
  for (const { child } of [a, b]) {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)));
  }
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
