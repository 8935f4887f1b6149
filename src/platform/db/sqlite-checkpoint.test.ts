import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from './database.js';
import { checkpointInBackground } from './sqlite-checkpoint.js';

/** What the file itself holds, its log left aside: a copy of the file alone, opened on its own. */
function rowsInFileAlone(file: string): number {
  const copy = `${file}.alone`;
  fs.copyFileSync(file, copy);
  const reader = new BetterSqlite3(copy);
  try {
    const table = reader.prepare("SELECT 1 FROM sqlite_master WHERE name = 'bulk'").get();
    return table ? (reader.prepare('SELECT count(*) AS n FROM bulk').get() as { n: number }).n : 0;
  } finally {
    reader.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(copy + suffix, { force: true });
  }
}

/** Enough rows that the log passes SQLite's thousand pages, when a connection checkpoints itself. */
const ROWS = 3000;
const filler = 'x'.repeat(2000);

describe('checkpoints of a long write', () => {
  let dir: string;
  let file: string;
  let database: Database;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-checkpoint-'));
    file = path.join(dir, 'cadre.db');
    database = openDatabase({ engine: 'sqlite', file });
    await database.db.executeQuery(CompiledQuery.raw('CREATE TABLE bulk (n integer primary key, filler text not null)'));
  });
  afterEach(async () => {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function writeLong() {
    const separate = database.separateConnection?.();
    if (!separate) throw new Error('SQLite gives a long write a connection of its own.');
    await separate.db.transaction().execute(async (trx) => {
      for (let n = 0; n < ROWS; n += 500) {
        await sql`INSERT INTO bulk (n, filler) SELECT value, ${filler} FROM json_each(${JSON.stringify(Array.from({ length: 500 }, (_, i) => n + i))})`.execute(trx);
      }
    });
    return separate;
  }

  it('leaves the commit of a long write to a thread of its own, which moves its log into the file', async () => {
    const separate = await writeLong();
    // Committed, read by the main connection, and still only in the log: the commit did not copy it.
    expect(await sql<{ n: number }>`SELECT count(*) AS n FROM bulk`.execute(database.db).then((r) => r.rows[0]?.n)).toBe(ROWS);
    expect(rowsInFileAlone(file)).toBe(0);
    await separate.close();
    await expect.poll(() => rowsInFileAlone(file), { timeout: 4_000 }).toBe(ROWS);
  });

  it('checkpoints while the main connection goes on writing, and says how much it moved', async () => {
    const separate = await writeLong();
    await separate.db.destroy();
    const checkpoint = checkpointInBackground(file);
    await sql`INSERT INTO bulk (n, filler) VALUES (${ROWS + 1}, 'meanwhile')`.execute(database.db);
    const result = await checkpoint;
    expect(result.log).toBeGreaterThan(1000);
    expect(result.checkpointed).toBeGreaterThan(1000);
    expect(await sql<{ n: number }>`SELECT count(*) AS n FROM bulk`.execute(database.db).then((r) => r.rows[0]?.n)).toBe(ROWS + 1);
  });

  it('refuses a file that is not there, without creating it', async () => {
    const missing = path.join(dir, 'missing.db');
    await expect(checkpointInBackground(missing)).rejects.toThrow();
    expect(fs.existsSync(missing)).toBe(false);
  });
});
