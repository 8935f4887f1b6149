import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { Readable, pipeline as streamPipeline } from 'node:stream';
import BetterSqlite3 from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import { restrictToOwner, writeWhole } from '../private-files.js';
import type { Database } from './database.js';
import { migrations } from './migrations/index.js';
import type { DB } from './schema.js';
import { ORDER_COLUMNS, RETIRED_TABLES, TABLES_IN_DEPENDENCY_ORDER } from './tables.js';

const LOGICAL_FORMAT = 'cadre-logical-backup';
const BATCH = 1000;
/** The table a SQLite backup carries its header in; a restore reads it and drops it. */
const SQLITE_HEADER_TABLE = 'cadre_backup';

export class BackupError extends Error {
  override readonly name = 'BackupError';
}

/** What a backup says of itself. Backups made before fingerprints were recorded have none. */
export interface BackupHeader {
  createdAt: string | null;
  /** The fingerprint of the master secret its sealed fields were written under (see secret.ts). */
  keyFingerprint: string | null;
}

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

/** Every row of one table in primary-key order, a batch at a time, each batch starting after the last key seen. */
async function* tableRows(db: AnyDb, table: string): AsyncGenerator<Record<string, unknown>> {
  const keys = ORDER_COLUMNS[table as keyof typeof ORDER_COLUMNS] ?? ['id'];
  let after: unknown[] | null = null;
  for (;;) {
    let query = db.selectFrom(table).selectAll();
    if (after) query = query.where(sql<boolean>`(${sql.join(keys.map((key) => sql.ref(key)))}) > (${sql.join(after)})`);
    for (const key of keys) query = query.orderBy(sql.ref(key));
    const rows = await query.limit(BATCH).execute();
    yield* rows;
    const lastRow = rows.at(-1);
    if (!lastRow || rows.length < BATCH) return;
    after = keys.map((key) => lastRow[key]);
  }
}

async function* logicalLines(db: AnyDb, header: Required<BackupHeader>): AsyncGenerator<string> {
  yield `${JSON.stringify({ format: LOGICAL_FORMAT, version: 1, ...header, migrations: Object.keys(migrations).sort() })}\n`;
  for (const table of TABLES_IN_DEPENDENCY_ORDER) {
    for await (const row of tableRows(db, table)) yield `${JSON.stringify({ table, row })}\n`;
  }
}

/**
 * Runs `body` on one connection inside a read-only transaction, so that every table it reads is
 * the same moment of the database. PostgreSQL: REPEATABLE READ, the snapshot pg_dump takes
 * (DEFERRABLE would change nothing at this level). SQLite in WAL mode: a read transaction sees
 * one snapshot, and writers carry on beside it.
 */
async function inSnapshot(database: Database, body: (db: AnyDb) => Promise<void>): Promise<void> {
  await database.db.connection().execute(async (connection) => {
    const begin = database.engine === 'postgres' ? 'BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY' : 'BEGIN DEFERRED';
    await sql.raw(begin).execute(connection);
    try {
      await body(connection as unknown as AnyDb);
    } finally {
      // Nothing was written: ending it either way is the same.
      await sql.raw('ROLLBACK').execute(connection);
    }
  });
}

/**
 * Copies a SQLite database in one step: VACUUM INTO reads one snapshot and writes a compact copy,
 * so it finishes however busy the writers are (the page-by-page backup API starts over whenever
 * another connection writes). The header goes into a table of the copy.
 */
function copySqlite(source: string, into: string, header: Required<BackupHeader>): void {
  const reader = new BetterSqlite3(source, { readonly: true, fileMustExist: true });
  try {
    reader.pragma('busy_timeout = 5000');
    reader.prepare('VACUUM INTO ?').run(into);
  } finally {
    reader.close();
  }
  const copy = new BetterSqlite3(into);
  try {
    copy.exec(`CREATE TABLE ${SQLITE_HEADER_TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL)`);
    const insert = copy.prepare(`INSERT INTO ${SQLITE_HEADER_TABLE} (key, value) VALUES (?, ?)`);
    for (const [key, value] of Object.entries(header)) insert.run(key, value);
  } finally {
    copy.close();
  }
}

/**
 * Writes a backup, whole or not at all (see writeWhole). SQLite: a copy of the file taken while
 * the server runs. PostgreSQL: a logical export, gzipped JSON lines of every table read from one
 * snapshot, which restores into an empty database of either engine.
 */
export async function backupDatabase(
  database: Database,
  file: string,
  options: { now: Date; keyFingerprint: string },
): Promise<{ kind: 'sqlite' | 'logical' }> {
  const header = { createdAt: options.now.toISOString(), keyFingerprint: options.keyFingerprint };
  const source = database.file;
  if (source) {
    await writeWhole(file, (temporary) => copySqlite(source, temporary, header));
    return { kind: 'sqlite' };
  }
  await writeWhole(file, (temporary) =>
    inSnapshot(database, (db) => pipeline(Readable.from(logicalLines(db, header)), createGzip(), fs.createWriteStream(temporary))),
  );
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

/**
 * The lines of a logical backup. Reading the stream itself (rather than through readline) makes
 * a damaged or truncated file fail the loop with zlib's reason, and leaving the loop early stops reading.
 */
async function* logicalLinesOf(file: string): AsyncGenerator<string> {
  const input = streamPipeline(fs.createReadStream(file), createGunzip(), () => undefined);
  input.setEncoding('utf8');
  let pending = '';
  for await (const chunk of input as AsyncIterable<string>) {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    yield* lines;
  }
  if (pending) yield pending;
}

function isDamaged(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('Z_');
}

function headerFrom(entry: { createdAt?: unknown; keyFingerprint?: unknown }): BackupHeader {
  return {
    createdAt: typeof entry.createdAt === 'string' ? entry.createdAt : null,
    keyFingerprint: typeof entry.keyFingerprint === 'string' ? entry.keyFingerprint : null,
  };
}

/** Reads what a backup says of itself, without restoring it. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  if (backupKind(file) === 'sqlite') {
    const backup = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    try {
      const hasHeader = backup.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(SQLITE_HEADER_TABLE);
      if (!hasHeader) return { createdAt: null, keyFingerprint: null };
      const rows = backup.prepare(`SELECT key, value FROM ${SQLITE_HEADER_TABLE}`).all() as { key: string; value: string }[];
      return headerFrom(Object.fromEntries(rows.map((row) => [row.key, row.value])));
    } finally {
      backup.close();
    }
  }
  try {
    for await (const line of logicalLinesOf(file)) {
      if (!line.trim()) continue;
      return headerFrom(parseLine(file, line));
    }
  } catch (error) {
    throw unreadable(file, error);
  }
  throw new BackupError(`${file} is empty.`);
}

/** Copies a SQLite backup to `into` (a new, private file) as a database, without its header. */
export function copySqliteBackup(file: string, into: string): void {
  fs.copyFileSync(file, into);
  restrictToOwner(into);
  const copy = new BetterSqlite3(into);
  try {
    copy.exec(`DROP TABLE IF EXISTS ${SQLITE_HEADER_TABLE}`);
  } finally {
    copy.close();
  }
}

function unreadable(file: string, error: unknown): BackupError {
  if (error instanceof BackupError) return error;
  return new BackupError(`${file} cannot be read as a backup (${error instanceof Error ? error.message : String(error)}): it may be truncated or damaged.`);
}

interface LogicalLine {
  table?: string;
  row?: Record<string, unknown>;
  format?: string;
  migrations?: string[];
  createdAt?: unknown;
  keyFingerprint?: unknown;
}

function parseLine(file: string, line: string): LogicalLine {
  try {
    return JSON.parse(line) as LogicalLine;
  } catch {
    throw new BackupError(`${file} holds a line that is not JSON: it is damaged, or not a Cadre backup.`);
  }
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

/** Loads a logical backup into a migrated, empty database, in one transaction: all of it, or nothing. */
export async function restoreLogical(database: Database, file: string): Promise<{ rows: number }> {
  if (!(await isEmpty(database.db))) {
    throw new BackupError('The database is not empty: restore into a new database (create it, point DATABASE_URL at it).');
  }
  let rows = 0;
  let table = '';
  try {
    await database.db.transaction().execute(async (trx) => {
      const anyTrx = trx as unknown as AnyDb;
      let header: { format?: string; migrations?: string[] } | null = null;
      let batch: { table: string; rows: Record<string, unknown>[] } = { table: '', rows: [] };
      const flush = async () => {
        if (batch.rows.length === 0) return;
        table = batch.table;
        if (batch.table === 'audit_head') {
          const head = batch.rows[0] as Record<string, unknown>;
          await anyTrx.updateTable('audit_head').set({ last_seq: head.last_seq, last_hash: head.last_hash }).where('id', '=', 1).execute();
        } else {
          await anyTrx.insertInto(batch.table).values(batch.rows).execute();
        }
        rows += batch.rows.length;
        batch = { table: '', rows: [] };
      };
      for await (const line of logicalLinesOf(file)) {
        if (!line.trim()) continue;
        const entry = parseLine(file, line);
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
  } catch (error) {
    if (error instanceof BackupError) throw error;
    if (isDamaged(error)) throw unreadable(file, error);
    const reason = error instanceof Error ? error.message : String(error);
    throw new BackupError(`Restoring ${file} failed${table ? ` at table ${table}` : ''}, and nothing was written: ${reason}`);
  }
  return { rows };
}
