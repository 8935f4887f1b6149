import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { migrateToLatest, openDatabase } from '../src/platform/db/database.js';

/**
 * Every migrated test database starts as a copy of one migrated once: running the migrations
 * costs a second or two per database on PostgreSQL, copying its template a tenth of that. The
 * template is named after a hash of the migrations and of the code that runs them, so a changed
 * migration gets a template of its own, and runs of different checkouts on one server never share
 * one that does not match their code. Suites that test the migrations themselves ask for an empty
 * database (`migrate: false`) and never see a template.
 */

const HERE = path.dirname(fileURLToPath(import.meta.url));
const MIGRATION_SOURCES = [path.join(HERE, '../src/platform/db/migrations'), path.join(HERE, '../src/platform/db/database.ts')];

let hashOnce: string | undefined;

/** A short hash of every file the migrated schema follows from. */
export function migrationsHash(): string {
  if (hashOnce) return hashOnce;
  const hash = createHash('sha256');
  const visit = (entry: string) => {
    if (fs.statSync(entry).isDirectory()) {
      for (const name of fs.readdirSync(entry).sort()) visit(path.join(entry, name));
    } else {
      hash.update(path.relative(HERE, entry)).update('\0').update(fs.readFileSync(entry)).update('\0');
    }
  };
  for (const source of MIGRATION_SOURCES) visit(source);
  hashOnce = hash.digest('hex').slice(0, 16);
  return hashOnce;
}

/**
 * A migrated SQLite file to copy. Built beside its final name and renamed into place, so a
 * worker that reads it never sees a half-built one; two workers building at once both write the
 * same schema and the later rename wins.
 */
export async function sqliteTemplate(): Promise<string> {
  const file = path.join(os.tmpdir(), `cadre-template-${migrationsHash()}.db`);
  if (fs.existsSync(file)) return file;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-template-build-'));
  try {
    const building = path.join(dir, 'template.db');
    const database = openDatabase({ engine: 'sqlite', file: building });
    await migrateToLatest(database);
    // Closing the last connection checkpoints the WAL into the file, so the file alone is whole.
    await database.close();
    fs.renameSync(building, file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return file;
}

/** A key of our own for pg_advisory_lock, so parallel workers and runs build a template once. */
const TEMPLATE_LOCK = 0x0cad7e;

/**
 * The name of a migrated PostgreSQL database to copy with CREATE DATABASE … TEMPLATE. The first
 * worker of the first run builds it under an advisory lock (the others wait, then find it); it
 * is built under another name and renamed when complete, so a crash mid-build leaves no template
 * that looks finished. It stays on the server for the next run of the same migrations.
 */
export async function postgresTemplate(adminUrl: string): Promise<string> {
  const name = `cadre_template_${migrationsHash()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = async () => (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
    if (await exists()) return name;
    await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      if (await exists()) return name;
      const building = `${name}_building`;
      await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${building}`);
      const url = new URL(adminUrl);
      url.pathname = `/${building}`;
      const database = openDatabase({ engine: 'postgres', url: url.toString() });
      try {
        await migrateToLatest(database);
      } finally {
        await database.close();
      }
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    } finally {
      await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
    return name;
  } finally {
    await admin.end();
  }
}
