import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { DatabaseTarget } from '../src/config.js';
import { type Database, openDatabase } from '../src/platform/db/database.js';
import { randomToken } from '../src/platform/crypto.js';
import { postgresTemplate, sqliteTemplate } from './template-database.js';

/**
 * The engine a test run uses: SQLite by default, PostgreSQL with CADRE_TEST_DATABASE=postgres
 * (at CADRE_TEST_POSTGRES_URL, by default the local server). Every suite runs on either; a
 * missing PostgreSQL fails the run, it never skips it.
 */
export type TestEngine = 'sqlite' | 'postgres';

export function testEngine(): TestEngine {
  const value = process.env.CADRE_TEST_DATABASE ?? 'sqlite';
  if (value !== 'sqlite' && value !== 'postgres') throw new Error(`CADRE_TEST_DATABASE must be sqlite or postgres, not ${value}`);
  return value;
}

function adminUrl(): string {
  return process.env.CADRE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export interface TestDatabase {
  database: Database;
  target: DatabaseTarget;
  /** Closes the database and removes it. */
  drop(): Promise<void>;
}

/**
 * A fresh database created for the caller alone: migrated (a copy of the migrated template,
 * test/template-database.ts), or empty with `migrate: false` for suites that run migrations.
 */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const engine = testEngine();
  const migrate = options.migrate !== false;
  let target: DatabaseTarget;
  let cleanup: () => Promise<void>;
  if (engine === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-test-'));
    target = { engine: 'sqlite', file: path.join(dir, 'cadre.db') };
    if (migrate) fs.copyFileSync(await sqliteTemplate(), target.file);
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const name = `cadre_test_${randomToken(9).toLowerCase().replace(/[^a-z0-9]/g, '')}`;
    const template = migrate ? await postgresTemplate(adminUrl()) : null;
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    try {
      await admin.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    const url = new URL(adminUrl());
    url.pathname = `/${name}`;
    target = { engine: 'postgres', url: url.toString() };
    cleanup = async () => {
      const client = new pg.Client({ connectionString: adminUrl() });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    };
  }
  const database = openDatabase(target);
  return {
    database,
    target,
    async drop() {
      await database.close();
      await cleanup();
    },
  };
}
