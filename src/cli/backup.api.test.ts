import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCadre } from '../../test/cli.js';
import { createTestDatabase, type TestDatabase } from '../../test/dialects.js';
import { buildInstructorCourse, buildOrganization, buildPerson } from '../../test/factories.js';
import { agentFor, createTestApp, TEST_SECRET, type TestApp } from '../../test/harness.js';
import { createApp } from '../app.js';
import type { DatabaseTarget } from '../config.js';
import { verifyAuditChain } from '../platform/audit.js';
import { createPasswordHasher } from '../platform/crypto.js';
import { openDatabase } from '../platform/db/database.js';
import { resolveSecretKey, secretKeyFingerprint } from '../platform/secret.js';

/**
 * `cadre backup` as operators run it: a separate process, while the server keeps writing. What it
 * writes must restore, and be one moment of the database: every reference resolves, the audit
 * chain is whole, and nothing acknowledged before the backup began is missing.
 */

let t: TestApp;
let dir: string;

function urlOf(target: DatabaseTarget): string {
  return target.engine === 'postgres' ? target.url : `sqlite:${target.file}`;
}

function backupFileName(target: DatabaseTarget): string {
  return target.engine === 'sqlite' ? 'cadre.db' : 'cadre.jsonl.gz';
}

function spawnBackup(target: DatabaseTarget, file: string): ChildProcess {
  return spawn(process.execPath, ['bin/cadre.js', 'backup', '--output', file], {
    env: { PATH: process.env.PATH, DATABASE_URL: urlOf(target), CADRE_DATA_DIR: dir, CADRE_SECRET_KEY: TEST_SECRET, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** How the child ended; one still running after `limitMs` is killed, and says so. */
function exited(child: ChildProcess, limitMs = 45_000): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> {
  let output = '';
  const limit = setTimeout(() => {
    output += `(still running after ${limitMs} ms: killed)`;
    child.kill('SIGKILL');
  }, limitMs);
  child.once('exit', () => clearTimeout(limit));
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, output })));
}

/** Agencies, people on their rosters and enrollments of those people, one after another until told to stop. */
function startWriter() {
  let stopped = false;
  let acknowledged = 0;
  const done = (async () => {
    const { course } = await buildInstructorCourse(t.services, t.system, { passMark: null, minAttendancePercent: 0 });
    const schedule = () =>
      t.services.offerings.schedule(t.system, {
        courseId: course.id,
        startOn: '2026-06-07',
        endOn: '2026-06-11',
        country: 'SV',
        capacity: 1000,
        isUsFunded: false,
        isRefresher: false,
        deliveringOrganizationId: null,
      });
    let offering = await schedule();
    while (!stopped) {
      const organization = await buildOrganization(t.services, t.system);
      const person = await buildPerson(t.services, t.system, { organizationId: organization.id });
      if (acknowledged % 500 === 499) offering = await schedule();
      await t.services.enrollments.enroll(t.system, offering.id, person.id);
      acknowledged += 1;
      // better-sqlite3 answers synchronously: yield, or timers and the child's exit never run.
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  return {
    acknowledged: () => acknowledged,
    async stop() {
      stopped = true;
      await done;
    },
    async reach(count: number) {
      while (acknowledged < count) await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 10))]);
    },
  };
}

beforeAll(async () => {
  t = await createTestApp();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-backup-writes-'));
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function countOf(db: ReturnType<typeof openDatabase>['db'], table: 'people' | 'enrollments' | 'organizations') {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function auditedCreates(db: ReturnType<typeof openDatabase>['db'], action: string) {
  const row = await db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', action).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Settings rows of filler (about 20 MB), so that a backup takes long enough to be written over and killed. */
async function fill(target: TestDatabase) {
  const filler = `'${'x'.repeat(2000)}'`;
  const insert =
    target.target.engine === 'postgres'
      ? sql`INSERT INTO settings (key, value, updated_at) SELECT 'filler.' || n, ${sql.raw(filler)} || n, now() FROM generate_series(1, 10000) AS n`
      : sql`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000) INSERT INTO settings (key, value, updated_at) SELECT 'filler.' || i, ${sql.raw(filler)} || i, '2026-01-01T00:00:00.000Z' FROM n`;
  await insert.execute(target.database.db);
}

describe('cadre backup under steady writes', () => {
  it('writes one consistent moment of the database, which restores whole', { timeout: 90_000 }, async () => {
    await fill(t.testDb);
    const writer = startWriter();
    let restoreTarget: TestDatabase | null = null;
    try {
      await writer.reach(20);
      const file = path.join(dir, `under-writes-${backupFileName(t.testDb.target)}`);
      const child = spawnBackup(t.testDb.target, file);
      const before = writer.acknowledged();
      const result = await exited(child);
      const during = writer.acknowledged() - before;
      await writer.stop();
      expect(result, result.output).toMatchObject({ code: 0 });
      // Writes went on while the backup ran, or the test proves nothing.
      expect(during).toBeGreaterThan(0);

      restoreTarget = await createTestDatabase({ migrate: false });
      if (restoreTarget.target.engine === 'sqlite') {
        await restoreTarget.database.close();
        fs.rmSync(restoreTarget.target.file);
      }
      const restored = await runCadre(['restore', file], {
        env: { DATABASE_URL: urlOf(restoreTarget.target), CADRE_DATA_DIR: dir, CADRE_SECRET_KEY: TEST_SECRET, LOG_LEVEL: 'silent' },
      });
      expect(restored, restored.output).toMatchObject({ exitCode: 0 });
      expect(restored.output).toMatch(/audit log intact/);

      const copy = openDatabase(restoreTarget.target);
      try {
        if (copy.engine === 'sqlite') {
          expect(await sql`PRAGMA foreign_key_check`.execute(copy.db).then((r) => r.rows)).toEqual([]);
        }
        expect(await verifyAuditChain(copy.db)).toMatchObject({ problems: [] });
        const people = await countOf(copy.db, 'people');
        expect(people).toBeGreaterThanOrEqual(before);
        // One moment: each row's audit event is there, and no event without its row.
        expect(await auditedCreates(copy.db, 'person.create')).toBe(people);
        expect(await auditedCreates(copy.db, 'enrollment.create')).toBe(await countOf(copy.db, 'enrollments'));
        expect(await auditedCreates(copy.db, 'organization.create')).toBe(await countOf(copy.db, 'organizations'));
        console.info(`backup under writes (${copy.engine}): ${during} writes acknowledged while it ran; restored ${people} people (${before} acknowledged before it), every reference resolving, audit chain intact, 0 differences`);
      } finally {
        await copy.close();
      }
    } finally {
      await writer.stop();
      await restoreTarget?.drop().catch(() => undefined);
    }
  });

  it('leaves no file at the target name when killed part way', { timeout: 60_000 }, async () => {
    const source = await createTestDatabase();
    const killDir = fs.mkdtempSync(path.join(dir, 'killed-'));
    try {
      await fill(source);
      const file = path.join(killDir, backupFileName(source.target));
      const child = spawnBackup(source.target, file);
      const result = exited(child);
      const watcher = fs.watch(killDir, () => child.kill('SIGKILL'));
      try {
        expect(await result).toMatchObject({ signal: 'SIGKILL' });
      } finally {
        watcher.close();
      }
      expect(fs.existsSync(file)).toBe(false);
    } finally {
      await source.drop();
    }
  });
});

/** A new, empty database of the engine under test, and the URL `cadre restore` reaches it by. */
async function freshTarget(): Promise<TestDatabase> {
  const target = await createTestDatabase({ migrate: false });
  if (target.target.engine === 'sqlite') {
    await target.database.close();
    fs.rmSync(target.target.file);
  }
  return target;
}

/** A logical backup of the given lines, as `cadre backup` writes them. */
function logicalBackup(name: string, lines: unknown[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, gzipSync(lines.map((line) => `${JSON.stringify(line)}\n`).join('')));
  return file;
}

describe('cadre restore and the master secret', () => {
  let file: string;
  const ANOTHER_SECRET = 'not-the-secret-the-data-was-sealed-under-0123456789';

  beforeAll(async () => {
    file = path.join(dir, `keyed-${backupFileName(t.testDb.target)}`);
    const written = await runCadre(['backup', '--output', file], { env: { DATABASE_URL: urlOf(t.testDb.target), CADRE_DATA_DIR: dir, CADRE_SECRET_KEY: TEST_SECRET } });
    expect(written, written.output).toMatchObject({ exitCode: 0 });
    expect(written.output).toMatch(/needs the master secret with fingerprint [0-9a-f]{16}/);
  });

  it('refuses a backup when there is no key, names the one it needs, and makes none', async () => {
    const freshDir = fs.mkdtempSync(path.join(dir, 'fresh-data-'));
    const target = await freshTarget();
    try {
      const fingerprint = secretKeyFingerprint(TEST_SECRET);
      const result = await runCadre(['restore', file], { env: { DATABASE_URL: urlOf(target.target), CADRE_DATA_DIR: freshDir } });
      expect(result.exitCode).toBe(1);
      expect(result.output).toContain(`needs the master secret with fingerprint ${fingerprint}, and there is none here`);
      expect(result.output).toContain('CADRE_SECRET_KEY');
      expect(result.output).toContain(path.join(freshDir, 'secret.key'));
      expect(result.output).not.toMatch(/Unexpected error|\n\s+at /);
      expect(fs.readdirSync(freshDir)).toEqual([]);

      fs.writeFileSync(path.join(freshDir, 'secret.key'), `${TEST_SECRET}\n`, { mode: 0o600 });
      const restored = await runCadre(['restore', file], { env: { DATABASE_URL: urlOf(target.target), CADRE_DATA_DIR: freshDir } });
      expect(restored, restored.output).toMatchObject({ exitCode: 0 });
    } finally {
      await target.drop().catch(() => undefined);
    }
  });

  it('refuses a backup made under another key, naming both', async () => {
    const target = await freshTarget();
    try {
      const result = await runCadre(['restore', file], { env: { DATABASE_URL: urlOf(target.target), CADRE_DATA_DIR: dir, CADRE_SECRET_KEY: ANOTHER_SECRET } });
      expect(result.exitCode).toBe(1);
      expect(result.output).toContain(`fingerprint ${secretKeyFingerprint(TEST_SECRET)}, but the one here has fingerprint ${secretKeyFingerprint(ANOTHER_SECRET)}`);
    } finally {
      await target.drop().catch(() => undefined);
    }
  });

  it('restores a backup that names no key only where there is one, and says it could not check', async () => {
    const older = logicalBackup('older.jsonl.gz', [{ format: 'cadre-logical-backup', version: 1, createdAt: '2026-12-01T00:00:00.000Z', migrations: [] }]);
    const freshDir = fs.mkdtempSync(path.join(dir, 'older-data-'));
    const target = await freshTarget();
    try {
      const refused = await runCadre(['restore', older], { env: { DATABASE_URL: urlOf(target.target), CADRE_DATA_DIR: freshDir } });
      expect(refused.exitCode).toBe(1);
      expect(refused.output).toContain('does not record which master secret it needs, and there is none here');
      expect(fs.readdirSync(freshDir)).toEqual([]);
      const restored = await runCadre(['restore', older], { env: { DATABASE_URL: urlOf(target.target), CADRE_DATA_DIR: freshDir, CADRE_SECRET_KEY: TEST_SECRET } });
      expect(restored, restored.output).toMatchObject({ exitCode: 0 });
      expect(restored.output).toContain('open only if this is the key it was made with');
    } finally {
      await target.drop().catch(() => undefined);
    }
  });

  it('answers a problem, not a 500, when the data was sealed under another key', async () => {
    const officer = await agentFor(t, 'program_officer');
    const person = await buildPerson(t.services, t.system);
    const stored = await officer.put(`/api/people/${person.id}/readiness/passport`, { completedOn: '2008-01-01', expiresOn: '2018-01-01', passportNumber: 'X12345678' }, person.version);
    expect(stored.statusCode, stored.body).toBe(200);
    const office = await buildOrganization(t.services, t.system, { kind: 'program_office' });
    expect((await t.app.inject({ method: 'GET', url: `/api/public/issuers/${office.id}/status/revocation` })).statusCode).toBe(200);

    const { app, services } = await createApp({ config: t.config, database: t.testDb.database, secretKey: ANOTHER_SECRET, clock: t.clock, passwords: createPasswordHasher({ logCost: 10 }), webRoot: null });
    try {
      await app.ready();
      const stranger = await agentFor({ ...t, app, services }, 'program_officer');
      for (const response of [
        await stranger.post(`/api/people/${person.id}/passport-number/reveal`),
        await app.inject({ method: 'GET', url: `/api/public/issuers/${office.id}/status/revocation` }),
      ]) {
        expect(response.statusCode, response.body).toBe(409);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.json()).toMatchObject({ type: 'urn:cadre:rule:secret_key.mismatch', detail: expect.stringContaining('another master secret') });
      }
    } finally {
      await app.close();
    }
  });
});

describe('cadre restore of a damaged backup', () => {
  async function restoreInto(file: string) {
    const target = await freshTarget();
    try {
      return await runCadre(['restore', file], { env: { DATABASE_URL: urlOf(target.target), CADRE_DATA_DIR: dir, CADRE_SECRET_KEY: TEST_SECRET } });
    } finally {
      await target.drop().catch(() => undefined);
    }
  }

  const header = { format: 'cadre-logical-backup', version: 1, createdAt: '2026-12-06T00:00:00.000Z', keyFingerprint: secretKeyFingerprint(TEST_SECRET), migrations: [] };

  it('says which table failed and that nothing was written, without a stack trace', async () => {
    const orphan = { id: '01a22092-0000-7000-8000-0000000000aa', parent_id: '01a22092-0000-7000-8000-0000000000ff', name: 'Orphan PD', search_name: 'orphan pd', kind: 'other', country: 'US' };
    const file = logicalBackup('orphan.jsonl.gz', [header, { table: 'organizations', row: { ...orphan, created_at: header.createdAt, updated_at: header.createdAt } }]);
    const result = await restoreInto(file);
    expect(result.exitCode).toBe(1);
    expect(result.output).toMatch(/^Restoring .*orphan\.jsonl\.gz failed at table organizations, and nothing was written: .*foreign key/i);
    expect(result.output).not.toMatch(/Unexpected error|\n\s+at /);
  });

  it('says a truncated backup is damaged', async () => {
    const whole = fs.readFileSync(logicalBackup('whole.jsonl.gz', [header, ...Array.from({ length: 50 }, (_, i) => ({ table: 'settings', row: { key: `k${i}`, value: 'v'.repeat(100), updated_at: header.createdAt } }))]));
    const file = path.join(dir, 'truncated.jsonl.gz');
    fs.writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 2)));
    const result = await restoreInto(file);
    expect(result.exitCode).toBe(1);
    expect(result.output).toMatch(/truncated\.jsonl\.gz cannot be read as a backup \(.*\): it may be truncated or damaged/);
    expect(result.output).not.toMatch(/Unexpected error|\n\s+at /);
  });
});

describe('files of the data directory', () => {
  it('are readable by their owner only, whatever the umask', async () => {
    const previous = process.umask(0o022);
    try {
      const dataDir = path.join(fs.mkdtempSync(path.join(dir, 'modes-')), 'data');
      const env = { CADRE_DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...(t.testDb.target.engine === 'postgres' && { DATABASE_URL: urlOf(t.testDb.target) }) };
      // The server makes the key on first start, then the database.
      resolveSecretKey(undefined, dataDir);
      expect(await runCadre(['migrate'], { env })).toMatchObject({ exitCode: 0 });
      const backedUp = await runCadre(['backup'], { env });
      expect(backedUp, backedUp.output).toMatchObject({ exitCode: 0 });

      const modeOf = (file: string) => (fs.statSync(file).mode & 0o777).toString(8);
      const backups = path.join(dataDir, 'backups');
      const expected: Record<string, string> = { [dataDir]: '700', [path.join(dataDir, 'secret.key')]: '600', [backups]: '700' };
      for (const name of fs.readdirSync(backups)) expected[path.join(backups, name)] = '600';
      if (t.testDb.target.engine === 'sqlite') {
        const file = path.join(dataDir, 'cadre.db');
        const database = openDatabase({ engine: 'sqlite', file });
        try {
          await database.db.insertInto('settings').values({ key: 'modes', value: 'checked', updated_at: '2026-12-06T00:00:00.000Z' }).execute();
          for (const name of [file, `${file}-wal`, `${file}-shm`]) expected[name] = '600';
          expect(Object.fromEntries(Object.keys(expected).map((name) => [name, modeOf(name)]))).toEqual(expected);
        } finally {
          await database.close();
        }
      } else {
        expect(Object.fromEntries(Object.keys(expected).map((name) => [name, modeOf(name)]))).toEqual(expected);
      }
      expect(Object.keys(expected).length).toBeGreaterThanOrEqual(4);
    } finally {
      process.umask(previous);
    }
  });
});
