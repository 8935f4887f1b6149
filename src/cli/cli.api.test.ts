import { readWords } from '../modules/notifications/notices.js';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCadre } from '../../test/cli.js';
import { createTestDatabase, type TestDatabase } from '../../test/dialects.js';
import type { DatabaseTarget } from '../config.js';

/** Seeding the whole demo program (and backing it up) takes most of half a minute on PostgreSQL alone. */
const DEMO_TIMEOUT_MS = 120_000;

let dataDir: string;
let testDb: TestDatabase;

function urlOf(target: DatabaseTarget): string {
  return target.engine === 'postgres' ? target.url : `sqlite:${target.file}`;
}

/** `cadre <args>` in this process, against this file's database. */
function cadre(args: string[], env: Record<string, string> = {}, stdin = '') {
  return runCadre(args, { env: { DATABASE_URL: urlOf(testDb.target), CADRE_DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env }, stdin });
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-cli-'));
  testDb = await createTestDatabase({ migrate: false });
});
afterAll(async () => {
  await testDb.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('cadre CLI', () => {
  it('migrates, and says when there is nothing left to do', async () => {
    expect((await cadre(['migrate', '--status'])).output).toContain('Pending migrations');
    expect((await cadre(['migrate'])).output).toContain('Applied:');
    expect((await cadre(['migrate', '--status'])).output).toBe('The database is up to date.');
  });

  it('seeds the demo program once', { timeout: DEMO_TIMEOUT_MS }, async () => {
    expect((await cadre(['seed', '--demo'])).output).toMatch(/Added the 2010 demo program: 11 organizations, 7 partnerships, 2 engagements, 444 people, 1 deployment, 20 course offerings, 236 certifications/);
    expect((await cadre(['seed', '--demo'])).output).toContain('already in this database');
    const seedWithoutFlag = await cadre(['seed']);
    expect(seedWithoutFlag.exitCode).toBe(1);
    expect(seedWithoutFlag.output).toContain("required option '--demo'");
  });

  it('creates users, with a one-time password or one read from stdin', async () => {
    const created = await cadre(['user', 'create', '--email', 'Officer@Example.test', '--name', 'Pat Officer', '--role', 'program_officer']);
    expect(created.output).toMatch(/Created program_officer officer@example.test/);
    expect(created.output).toMatch(/One-time password .*: [a-z2-9-]{27}/);
    const withStdin = await cadre(['user', 'create', '--email', 'v@example.test', '--name', 'V', '--role', 'viewer', '--password-stdin'], {}, 'a long passphrase from stdin\n');
    expect(withStdin.output).not.toContain('One-time password');
  });

  it('names what is wrong with a user it cannot create', async () => {
    const noOrg = await cadre(['user', 'create', '--email', 'c@example.test', '--name', 'C', '--role', 'coordinator']);
    expect(noOrg.exitCode).toBe(1);
    expect(noOrg.output).toContain('--organization: is required for a coordinator');
    const badRole = await cadre(['user', 'create', '--email', 'c@example.test', '--name', 'C', '--role', 'chief']);
    expect(badRole.output).toContain("Allowed choices are admin, program_officer, coordinator, instructor, viewer");
    const taken = await cadre(['user', 'create', '--email', 'officer@example.test', '--name', 'Again', '--role', 'viewer']);
    expect(taken.output).toContain('already exists');
  });

  it('runs the notices job now, telling the staff of the demo’s overdue follow-ups, and names the jobs there are', async () => {
    const ran = await cadre(['jobs', 'run', 'notices']);
    expect(ran.output).toBe('Ran notices.');
    const told = await testDb.database.db
      .selectFrom('notifications')
      .innerJoin('users', 'users.id', 'notifications.user_id')
      .select(['users.email', 'notifications.title'])
      .where('notifications.kind', '=', 'task.overdue')
      .execute();
    expect(told.filter((n) => n.email === 'officer@example.test').map((n) => readWords(n.title, 'en'))).toContain('Follow-up overdue: Send Richmond PD a draft memorandum of understanding');
    expect(told.some((n) => n.email === 'v@example.test')).toBe(false);
    const unknown = await cadre(['jobs', 'run', 'payroll']);
    expect(unknown.exitCode).toBe(1);
    expect(unknown.output).toContain('No such job: payroll. The jobs are: notices.');
  });

  it('verifies the audit chain, and exits 1 when it was tampered with', async () => {
    const intact = await cadre(['audit', 'verify']);
    expect(intact).toMatchObject({ exitCode: 0 });
    expect(intact.output).toMatch(/The audit log is intact: \d+ events/);

    const db = testDb.database.db;
    const guard = testDb.target.engine === 'postgres' ? sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only` : sql`DROP TRIGGER audit_events_no_delete`;
    await guard.execute(db);
    await sql`DELETE FROM audit_events WHERE seq = 3`.execute(db);
    const broken = await cadre(['audit', 'verify']);
    expect(broken.exitCode).toBe(1);
    expect(broken.output).toContain('event 3: events 3–3 are missing');
  });

  it('answers --help for every command', async () => {
    for (const command of ['serve', 'migrate', 'seed', 'user', 'audit', 'backup', 'restore']) {
      const help = await cadre([command, '--help']);
      expect(help.output, command).toContain(`Usage: cadre ${command}`);
    }
  });
});

describe('backup and restore', () => {
  it('backs up and restores into a new database with every row', { timeout: DEMO_TIMEOUT_MS }, async () => {
    const source = await createTestDatabase();
    const target = await createTestDatabase({ migrate: false });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-backup-'));
    try {
      const env = { DATABASE_URL: urlOf(source.target) };
      await cadre(['seed', '--demo'], env);
      const file = path.join(dir, source.target.engine === 'sqlite' ? 'backup.db' : 'backup.jsonl.gz');
      const written = await cadre(['backup', '--output', file], env);
      expect(written.output).toMatch(source.target.engine === 'sqlite' ? /SQLite backup/ : /logical backup/);

      if (target.target.engine === 'sqlite') {
        await target.database.close();
        fs.rmSync(target.target.file);
      }
      const restored = await cadre(['restore', file], { DATABASE_URL: urlOf(target.target) });
      expect(restored.output).toMatch(/audit log intact/);

      const count = async (t: TestDatabase, table: 'organizations' | 'audit_events' | 'partnership_stage_changes') => {
        const fresh = await createTestDatabaseView(t);
        try {
          const row = await fresh.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
          return Number(row.n);
        } finally {
          await fresh.close();
        }
      };
      for (const table of ['organizations', 'audit_events', 'partnership_stage_changes'] as const) {
        expect(await count(target, table), table).toBe(await count(source, table));
      }
      expect((await cadre(['audit', 'verify'], { DATABASE_URL: urlOf(target.target) })).exitCode).toBe(0);

      const again = await cadre(['restore', file], { DATABASE_URL: urlOf(target.target) });
      expect(again.exitCode).toBe(1);
      expect(again.output).toMatch(/exists|not empty/);
    } finally {
      await source.drop();
      await target.drop().catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('restores a logical backup into SQLite, whatever engine wrote it', { timeout: DEMO_TIMEOUT_MS }, async () => {
    const source = await createTestDatabase();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-logical-'));
    try {
      await cadre(['seed', '--demo'], { DATABASE_URL: urlOf(source.target) });
      const file = path.join(dir, 'logical.jsonl.gz');
      const { backupDatabase } = await import('../platform/db/backup.js');
      const { openDatabase } = await import('../platform/db/database.js');
      // Force the logical format whatever the engine, the way PostgreSQL backups are written.
      const { resolveSecretKey, secretKeyFingerprint } = await import('../platform/secret.js');
      await backupDatabase({ ...source.database, file: null }, file, { now: new Date(), keyFingerprint: secretKeyFingerprint(resolveSecretKey(undefined, dataDir)) });
      const targetFile = path.join(dir, 'restored.db');
      const restored = await cadre(['restore', file], { DATABASE_URL: `sqlite:${targetFile}` });
      expect(restored.output).toMatch(/Restored \d+ rows .* audit log intact/);
      const restoredDb = openDatabase({ engine: 'sqlite', file: targetFile });
      const orgs = await restoredDb.db.selectFrom('organizations').select('name').orderBy('name').execute();
      await restoredDb.close();
      expect(orgs.map((o) => o.name)).toContain("Police Nationale d'Haïti");
    } finally {
      await source.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a file that is not a backup', async () => {
    const file = path.join(dataDir, 'not-a-backup.txt');
    fs.writeFileSync(file, 'hello');
    const result = await cadre(['restore', file]);
    expect(result).toMatchObject({ exitCode: 1 });
    expect(result.output).toContain('is neither a Cadre SQLite backup nor a logical backup');
  });
});

describe('cadre serve', () => {
  it('starts a real process: migrates, prints the one-time admin password, answers health', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-serve-'));
    const fresh = await createTestDatabase({ migrate: false });
    const child = spawn(process.execPath, ['bin/cadre.js', 'serve', '--port', '0'], {
      env: { PATH: process.env.PATH, CADRE_DATA_DIR: dir, DATABASE_URL: urlOf(fresh.target), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const lines: string[] = [];
      // The one-time password is the last line printed at start-up.
      await new Promise<void>((resolve, reject) => {
        child.once('exit', (code) => reject(new Error(`cadre serve exited with ${code}: ${lines.join('\n')}`)));
        readline.createInterface({ input: child.stdout }).on('line', (line) => {
          lines.push(line);
          if (line.startsWith('One-time password')) resolve();
        });
      });
      const url = /running at (http:\/\/\S+) /.exec(lines.join('\n'))?.[1];
      if (!url) throw new Error(`no address in: ${lines.join('\n')}`);
      expect(lines.join('\n')).toMatch(/Sign in at http:\/\/localhost:\d+\/sign-in as admin@cadre\.localhost/);
      const health = await fetch(`${url}/api/health`);
      expect(await health.json()).toEqual({ status: 'ok' });
      const orgs = await fetch(`${url}/api/organizations`);
      expect(orgs.status).toBe(401);
      const demoFilled = lines.some((l) => l.includes('2010 demo program'));
      // The embedded database starts with the demo program; PostgreSQL starts empty.
      expect(demoFilled).toBe(fresh.target.engine === 'sqlite');
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      await fresh.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

async function createTestDatabaseView(t: TestDatabase) {
  const { openDatabase } = await import('../platform/db/database.js');
  return openDatabase(t.target);
}
