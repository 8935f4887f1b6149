import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/dialects.js';
import { type Server, type Session, signIn, startServer, stopServer } from '../../test/support/servers.js';

/**
 * A long roster import holds nobody up: its rows are read and checked outside any transaction,
 * so while it runs other users read and write (in the process that runs it and in others); its
 * rows are then written in one transaction, on SQLite on a connection of its own, so reads are
 * still answered and writes wait their turn; and its progress is in the database, where any
 * process (or one restarted) shows it moving.
 */

const ROWS = 100_000;
/**
 * The roster the server imports itself. A write sent while its rows are written waits for that
 * one transaction, at most a minute (then it is answered 409, to be sent again): half the roster
 * keeps the wait well inside that minute on a loaded 2-core machine, and the window for reads
 * and writes while it checks is still seconds long.
 */
const SERVER_ROWS = 50_000;
const ADMIN = { email: 'admin@others.test', password: 'an import holds nobody up' };
let testDb: TestDatabase;
let dataDir: string;
let env: Record<string, string>;
let server: Server;
let session: Session;
let roster: string;

type ImportView = { id: string; status: string; progress: number; summary: { created: number } | null };

beforeAll(async () => {
  testDb = await createTestDatabase({ migrate: false });
  await testDb.database.close();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-others-'));
  env = { CADRE_DATA_DIR: dataDir, CADRE_SECRET_KEY: 'others-test-secret-others-test-secret-0123', CADRE_ADMIN_EMAIL: ADMIN.email, CADRE_ADMIN_PASSWORD: ADMIN.password };
  server = await startServer(testDb.target, env);
  session = await signIn(server, ADMIN.email, ADMIN.password);
  const lines = ['Given name,Family name,Email,Date of birth,Languages'];
  for (let i = 0; i < ROWS; i += 1) lines.push(`Marie-Lourdes,Pierre-Louis ${i},ml.${i}@others.example,1981-02-${String(1 + (i % 28)).padStart(2, '0')},fr:3/3`);
  roster = lines.join('\n');
}, 60_000);

afterAll(async () => {
  if (server) await stopServer(server);
  await testDb.drop().catch(() => undefined);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function agency(name: string): Promise<string> {
  const created = await session.send('POST', '/api/organizations', { name, kind: 'foreign_police', country: 'HT' });
  expect(created.status).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

async function view(id: string): Promise<ImportView> {
  const response = await session.send('GET', `/api/imports/${id}`);
  expect(response.status).toBe(200);
  return (await response.json()) as ImportView;
}

/** Waits for the import to be checking its rows (past the start, short of writing) and answers its progress. */
async function whileChecking(id: string): Promise<number> {
  let progress = 0;
  await vi.waitFor(
    async () => {
      const current = await view(id);
      expect(current.status).toBe('committing');
      expect(current.progress).toBeGreaterThan(0);
      progress = current.progress;
    },
    { timeout: 60_000, interval: 25 },
  );
  expect(progress).toBeLessThan(80);
  return progress;
}

/** Another user's write and read, answered while the import is still running. */
async function othersAreServed(importId: string) {
  const write = await session.send('POST', '/api/organizations', { name: `Served meanwhile ${Date.now()}`, kind: 'academy', country: 'SV' });
  expect(write.status).toBe(201);
  const read = await session.send('GET', '/api/organizations?limit=5');
  expect(read.status).toBe(200);
  expect((await view(importId)).status).toBe('committing');
}

describe('a long import', () => {
  it('run from the command line: the server serves others meanwhile and shows its progress, even once restarted', { timeout: 240_000 }, async () => {
    const agencyName = 'Command Line Roster Agency';
    await agency(agencyName);
    const file = path.join(dataDir, 'roster.csv');
    fs.writeFileSync(file, roster);
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, '..', 'main.ts'), 'import', 'people', file, '--organization', agencyName], {
      env: { ...process.env, DATABASE_URL: testDb.target.engine === 'postgres' ? testDb.target.url : `sqlite:${testDb.target.file}`, LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));

    let id = '';
    await vi.waitFor(
      async () => {
        const list = (await (await session.send('GET', '/api/imports?limit=1')).json()) as { items: ImportView[] };
        id = list.items[0]?.id ?? '';
        expect(id).not.toBe('');
      },
      { timeout: 60_000, interval: 50 },
    );
    const seen = await whileChecking(id);
    await othersAreServed(id);

    await stopServer(server);
    server = await startServer(testDb.target, env);
    // Signing in writes a session: while the other process writes its rows, SQLite makes it wait
    // its turn and, past a few seconds, answer 409 to be sent again, as a browser would.
    await vi.waitFor(async () => (session = await signIn(server, ADMIN.email, ADMIN.password)), { timeout: 60_000, interval: 500 });
    const after = await view(id);
    if (after.status === 'committing') expect(after.progress).toBeGreaterThanOrEqual(seen);
    else expect(after.status).toBe('committed');

    expect(await exited, output).toBe(0);
    expect(await view(id)).toMatchObject({ status: 'committed', progress: 100, summary: { created: ROWS } });
  });

  it('run by the server itself: the same server answers other users while it checks the rows', { timeout: 240_000 }, async () => {
    const organizationId = await agency('Web Roster Agency');
    const uploaded = await fetch(`${server.url}/api/imports?kind=people&filename=roster.csv&organizationId=${organizationId}`, {
      method: 'POST',
      headers: { ...session.headers, 'content-type': 'text/csv' },
      body: roster
        .split('\n', SERVER_ROWS + 1)
        .join('\n')
        .replaceAll('@others.example', '@web.others.example'),
    });
    expect(uploaded.status, await uploaded.clone().text()).toBe(201);
    const { id } = (await uploaded.json()) as ImportView;
    expect((await session.send('POST', `/api/imports/${id}/commit`, { mode: 'all' })).status).toBe(202);
    await whileChecking(id);
    await othersAreServed(id);

    // Writing the checked rows, on a connection of its own: reads are answered meanwhile, and a
    // write waits its turn rather than failing.
    await vi.waitFor(
      async () => {
        const current = await view(id);
        expect(current.status).toBe('committing');
        expect(current.progress).toBeGreaterThanOrEqual(80);
      },
      { timeout: 120_000, interval: 25 },
    );
    const read = await session.send('GET', '/api/organizations?limit=5');
    expect(read.status).toBe(200);
    expect((await view(id)).status).toBe('committing');
    const write = await session.send('POST', '/api/organizations', { name: 'Waited its turn', kind: 'academy', country: 'BR' });
    expect(write.status).toBe(201);

    await vi.waitFor(async () => expect((await view(id)).status).toBe('committed'), { timeout: 180_000, interval: 100 });
    expect((await view(id)).summary).toMatchObject({ created: SERVER_ROWS });
  });
});
