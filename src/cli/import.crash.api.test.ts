import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/dialects.js';
import { buildServices } from '../app.js';
import { loadConfig } from '../config.js';
import { systemContext } from '../platform/access.js';
import { verifyAudit } from './audit.js';

/**
 * `cadre import` killed with SIGKILL in the middle of writing a 100,000-row roster (its rows
 * checked, half of them written): the database holds nothing of it (the writing is one
 * transaction) and the audit chain still verifies.
 */

const ROWS = 100_000;
const SECRET = 'crash-test-secret-crash-test-secret-0123456789';
let testDb: TestDatabase;
let dir: string;
let env: Record<string, string>;
let organizationId: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-crash-'));
  const url = testDb.target.engine === 'postgres' ? testDb.target.url : `sqlite:${testDb.target.file}`;
  env = { DATABASE_URL: url, CADRE_DATA_DIR: dir, CADRE_SECRET_KEY: SECRET, LOG_LEVEL: 'silent' };
  const services = buildServices({ config: loadConfig(env), database: testDb.database, secretKey: SECRET });
  organizationId = (await services.organizations.create(systemContext('test'), { name: 'Crash Test Agency', kind: 'foreign_police', country: 'HT' })).id;
  const lines = ['Given name,Family name,Email,Date of birth'];
  for (let i = 0; i < ROWS; i += 1) lines.push(`Wilnès,Saint-Fleur ${i},crash.${i}@example.test,1980-01-${String(1 + (i % 28)).padStart(2, '0')}`);
  fs.writeFileSync(path.join(dir, 'roster.csv'), lines.join('\n'));
});
afterAll(async () => {
  await testDb.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function peopleOfAgency(): Promise<number> {
  const row = await testDb.database.db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organization_id', '=', organizationId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Runs the real `cadre` process to its end: exit code, standard output and standard error. */
function cadre(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, '..', 'main.ts'), ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('cadre import', () => {
  it('lists the problems and exits 1 without writing; maps columns; then imports and exits 0', { timeout: 120_000 }, async () => {
    const file = path.join(dir, 'small.csv');
    fs.writeFileSync(file, ['Prénom;Apellido paterno;Courriel;Nacimiento', 'Nadège;Jean;n.jean@example.test;03/04/1990', 'Wilnès;Paul;not-an-email;05/06/1991'].join('\r\n'));
    const bad = await cadre(['import', 'people', file, '--organization', 'Crash Test Agency', '--map', 'Apellido paterno=familyName', '--date-format', 'DMY']);
    expect(bad.code, bad.stderr).toBe(1);
    expect(bad.stdout).toMatch(/Nothing was written: 1 of 2 rows have problems/);
    expect(bad.stdout).toMatch(/row 3, Courriel: “not-an-email” must be an email address/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    const fixed = fs.readFileSync(file, 'utf8').replace('not-an-email', 'w.paul@example.test');
    fs.writeFileSync(file, fixed);
    const dry = await cadre(['import', 'people', file, '--organization', 'Crash Test Agency', '--map', 'Apellido paterno=familyName', '--date-format', 'DMY', '--dry-run']);
    expect(dry.code, dry.stdout + dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/Checked 2 rows \(nothing written\): 2 valid/);
    const good = await cadre(['import', 'people', file, '--organization', 'Crash Test Agency', '--map', 'Apellido paterno=familyName', '--date-format', 'DMY']);
    expect(good.code, good.stdout + good.stderr).toBe(0);
    expect(good.stdout).toMatch(/Imported 2 rows: 2 created, 0 updated, 0 unchanged/);
    expect(await peopleOfAgency()).toBe(2);
    const wrong = await cadre(['import', 'people', path.join(dir, 'missing.csv')]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^cadre: Cannot read .*missing.csv: there is no such file\./);
    const twoDigit = await cadre(['import', 'people', file, '--date-format', 'XYZ']);
    expect(twoDigit.stderr).toMatch(/--date-format XYZ is not a date order/);
  });
});

describe('an import killed halfway', () => {
  it('leaves all or nothing of the file, and an audit chain that verifies', { timeout: 120_000 }, async () => {
    const before = await peopleOfAgency();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, '..', 'main.ts'), 'import', 'people', path.join(dir, 'roster.csv'), '--organization', organizationId], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: string[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk.toString()));
    let killedAt = -1;
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    for await (const line of readline.createInterface({ input: child.stderr })) {
      const percent = Number(/^\s*(\d+)%/.exec(line)?.[1] ?? -1);
      // Reading and checking take the run to 80 %, writing the rest: 90 % is half written.
      if (percent >= 90 && killedAt < 0) {
        killedAt = percent;
        child.kill('SIGKILL');
      }
    }
    const { signal } = await exited;
    expect(signal, stdout.join('')).toBe('SIGKILL');
    expect(killedAt).toBeGreaterThanOrEqual(90);
    expect(killedAt).toBeLessThan(100);
    expect([before, before + ROWS]).toContain(await peopleOfAgency());
    expect(await peopleOfAgency()).toBe(before);

    const verified: string[] = [];
    expect(await verifyAudit(env, (line) => verified.push(line))).toBe(0);
  });
});
