import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import readline from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { Readable } from 'node:stream';
import BetterSqlite3 from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import type { Database } from './database.js';
import { migrations } from './migrations/index.js';
import type { DB } from './schema.js';
import { ORDER_COLUMNS, RETIRED_TABLES, TABLES_IN_DEPENDENCY_ORDER } from './tables.js';

const LOGICAL_FORMAT = 'cadre-logical-backup';
const BATCH = 1000;

export class BackupError extends Error {
  override readonly name = 'BackupError';
}

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

async function* logicalLines(db: Kysely<DB>, createdAt: string): AsyncGenerator<string> {
  yield `${JSON.stringify({ format: LOGICAL_FORMAT, version: 1, createdAt, migrations: Object.keys(migrations).sort() })}\n`;
  const anyDb = db as unknown as AnyDb;
  for (const table of TABLES_IN_DEPENDENCY_ORDER) {
    const orderBy = ORDER_COLUMNS[table] ?? ['id'];
    for (let offset = 0; ; offset += BATCH) {
      let query = anyDb.selectFrom(table).selectAll();
      for (const column of orderBy) query = query.orderBy(sql.ref(column));
      const rows = await query.limit(BATCH).offset(offset).execute();
      for (const row of rows) yield `${JSON.stringify({ table, row })}\n`;
      if (rows.length < BATCH) break;
    }
  }
}

/**
 * Writes a backup. SQLite: an online backup (a consistent copy of the file, taken while the
 * server runs). PostgreSQL: a logical export, gzipped JSON lines of every table, which
 * restores into an empty database of either engine.
 */
export async function backupDatabase(database: Database, file: string, now: Date): Promise<{ kind: 'sqlite' | 'logical' }> {
  if (database.file) {
    const source = new BetterSqlite3(database.file, { readonly: true, fileMustExist: true });
    try {
      await source.backup(file);
    } finally {
      source.close();
    }
    return { kind: 'sqlite' };
  }
  await pipeline(Readable.from(logicalLines(database.db, now.toISOString())), createGzip(), fs.createWriteStream(file, { mode: 0o600 }));
  return { kind: 'logical' };
}

export function backupKind(file: string): 'sqlite' | 'logical' {
  const header = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (header.toString('latin1', 0, 15) === 'SQLite format 3') return 'sqlite';
  if (header[0] === 0x1f && header[1] === 0x8b) return 'logical';
  throw new BackupError(`${file} is neither a Cadre SQLite backup nor a logical backup.`);
}

async function isEmpty(db: Kysely<DB>): Promise<boolean> {
  const anyDb = db as unknown as AnyDb;
  for (const table of TABLES_IN_DEPENDENCY_ORDER) {
    if (table === 'audit_head') continue;
    const row = await anyDb.selectFrom(table).select(sql`1`.as('one')).limit(1).executeTakeFirst();
    if (row) return false;
  }
  return true;
}

/** Loads a logical backup into a migrated, empty database, in one transaction. */
export async function restoreLogical(database: Database, file: string): Promise<{ rows: number }> {
  if (!(await isEmpty(database.db))) {
    throw new BackupError('The database is not empty: restore into a new database (create it, point DATABASE_URL at it).');
  }
  const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  let rows = 0;
  await database.db.transaction().execute(async (trx) => {
    const anyTrx = trx as unknown as AnyDb;
    let header: { format?: string; migrations?: string[] } | null = null;
    let batch: { table: string; rows: Record<string, unknown>[] } = { table: '', rows: [] };
    const flush = async () => {
      if (batch.rows.length === 0) return;
      if (batch.table === 'audit_head') {
        const head = batch.rows[0] as Record<string, unknown>;
        await anyTrx.updateTable('audit_head').set({ last_seq: head.last_seq, last_hash: head.last_hash }).where('id', '=', 1).execute();
      } else {
        await anyTrx.insertInto(batch.table).values(batch.rows).execute();
      }
      rows += batch.rows.length;
      batch = { table: '', rows: [] };
    };
    for await (const line of lines) {
      if (!line.trim()) continue;
      const entry = JSON.parse(line) as { table?: string; row?: Record<string, unknown>; format?: string; migrations?: string[] };
      if (!header) {
        header = entry;
        if (header.format !== LOGICAL_FORMAT) throw new BackupError(`${file} is not a Cadre logical backup.`);
        const known = Object.keys(migrations).sort();
        const missing = (header.migrations ?? []).filter((name) => !known.includes(name));
        if (missing.length > 0) throw new BackupError(`The backup comes from a newer Cadre (migrations ${missing.join(', ')}); upgrade first.`);
        continue;
      }
      if (entry.table && RETIRED_TABLES.includes(entry.table)) continue;
      if (!entry.table || !entry.row || !(TABLES_IN_DEPENDENCY_ORDER as readonly string[]).includes(entry.table)) {
        throw new BackupError(`The backup holds an unknown table: ${String(entry.table)}.`);
      }
      if (entry.table !== batch.table || batch.rows.length >= 200) await flush();
      batch.table = entry.table;
      batch.rows.push(entry.row);
    }
    await flush();
    if (!header) throw new BackupError(`${file} is empty.`);
  });
  return { rows };
}
