import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from './database.js';
import type { DB } from './schema.js';
import { keepStatisticsCurrent } from './statistics.js';

let dir: string;
let database: Database;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-statistics-'));
});

afterEach(async () => {
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function insertItems(db: Kysely<DB>, from: number, count: number) {
  for (let i = from; i < from + count; i += 500) {
    const values = Array.from({ length: Math.min(500, from + count - i) }, (_, n) => sql`(${`item-${i + n}`}, ${`body ${i + n}`})`);
    await sql`INSERT INTO items (id, body) VALUES ${sql.join(values)}`.execute(db);
  }
}

/** How SQLite would read 500 items by id: searching the primary key, or scanning the table. */
async function planOfLookup(db: Kysely<DB>): Promise<string> {
  const ids = Array.from({ length: 500 }, (_, n) => `item-${n * 7}`);
  const plan = await sql<{ detail: string }>`EXPLAIN QUERY PLAN SELECT * FROM items WHERE id IN (${sql.join(ids)})`.execute(db);
  return plan.rows.map((row) => row.detail).join('; ');
}

describe('statistics kept current through a bulk write (SQLite)', () => {
  it('has a table grown a hundredfold in one transaction read by its key, not scanned', async () => {
    const file = path.join(dir, 'cadre.db');
    database = openDatabase({ engine: 'sqlite', file });
    await sql`CREATE TABLE items (id TEXT PRIMARY KEY, body TEXT NOT NULL)`.execute(database.db);
    await insertItems(database.db, 0, 300);
    await database.close();
    // A connection analyses what needs it as it opens: here, a table of 300 rows.
    database = openDatabase({ engine: 'sqlite', file });

    await database.db.transaction().execute(async (trx) => {
      await insertItems(trx, 300, 30_000);
      expect(await planOfLookup(trx)).toMatch(/^SCAN items/);
      await keepStatisticsCurrent(trx);
      expect(await planOfLookup(trx)).toMatch(/^SEARCH items USING (COVERING )?INDEX sqlite_autoindex_items_1 \(id=\?\)/);
    });
  });
});
