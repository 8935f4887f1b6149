import { createRequire } from 'node:module';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  type DialectAdapter,
  type Driver,
  Kysely,
  type Migration,
  type MigrationResult,
  Migrator,
  PostgresDialect,
  SqliteAdapter,
  SqliteDialect,
} from 'kysely';
import type pg from 'pg';
import type { DatabaseTarget } from '../../config.js';
import { makePrivateDir, restrictToOwner, touchPrivateFile } from '../private-files.js';
import { migrations } from './migrations/index.js';
import { preparingPool } from './prepared-statements.js';
import { createCheckpointer } from './sqlite-checkpoint.js';
import { TakingTurnsSqliteDriver, writerTurnsOf } from './sqlite-writers.js';
import type { DB } from './schema.js';

export type Engine = DatabaseTarget['engine'];

export interface Database {
  readonly db: Kysely<DB>;
  readonly engine: Engine;
  /** Where the data lives, without credentials: safe to print. */
  readonly description: string;
  /** The SQLite file, or null on PostgreSQL. */
  readonly file: string | null;
  close(): Promise<void>;
  /**
   * On SQLite, a connection of its own for a long write, so the main one goes on serving reads
   * meanwhile (their writers take turns: sqlite-writers.ts). PostgreSQL's pool has no need of it.
   */
  separateConnection?: () => { db: Kysely<DB>; close(): Promise<void> };
}

/** The PostgreSQL driver, loaded when a PostgreSQL database is opened: a SQLite server never holds it. */
const postgresDriver = () => createRequire(import.meta.url)('pg') as typeof pg;

const PG_DATE = 1082;
const PG_TIMESTAMPTZ = 1184;
const PG_INT8 = 20;

/**
 * PostgreSQL hands back calendar dates and instants as the same strings SQLite stores, and
 * bigints as numbers (every bigint in Cadre is far below 2^53), so rows look alike on both.
 */
function postgresTypes(types: typeof pg.types): pg.CustomTypesConfig {
  return {
    getTypeParser: ((oid: number, format?: string) => {
      if (oid === PG_DATE) return (value: string) => value;
      if (oid === PG_TIMESTAMPTZ) return (value: string) => new Date(value).toISOString();
      if (oid === PG_INT8) return (value: string) => Number(value);
      return types.getTypeParser(oid, format as 'text');
    }) as pg.CustomTypesConfig['getTypeParser'],
  };
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

/** How long a process waits for another process's SQLite write lock before giving up as contention. */
const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * SQLite runs DDL inside a transaction, so migrations run in one: two processes starting on a
 * fresh file queue for its write lock, and the second finds the first's work done, instead of
 * both creating the same tables (Kysely takes no migration lock on SQLite otherwise). The
 * transaction begins IMMEDIATE (the driver above) and Kysely reads the applied migrations inside
 * it, so what it finds applied cannot change before it runs the rest. On PostgreSQL Kysely holds
 * an advisory lock around the same read and run. test/two-processes.api.test.ts starts four
 * processes at once on a fresh database of either engine.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class TakingTurnsSqliteDialect extends SqliteDialect {
  constructor(
    private readonly database: BetterSqlite3.Database,
    private readonly file: string,
    private readonly onWrite: () => void,
  ) {
    super({ database });
  }
  override createDriver(): Driver {
    return new TakingTurnsSqliteDriver(this.database, writerTurnsOf(this.file), this.onWrite);
  }
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

export function openDatabase(target: DatabaseTarget, options: { poolSize?: number } = {}): Database {
  if (target.engine === 'postgres') {
    const driver = postgresDriver();
    const pool = new driver.Pool({ connectionString: target.url, max: options.poolSize ?? 10, types: postgresTypes(driver.types) });
    // An idle connection the server closed (a restart, a failover) is dropped and replaced on next
    // use; without a listener, node-postgres would crash the process over it.
    pool.on('error', () => undefined);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
    return { db, engine: 'postgres', description: redact(target.url), file: null, close: () => db.destroy() };
  }
  const file = path.resolve(target.file);
  makePrivateDir(path.dirname(file));
  // SQLite gives the -wal and -shm files the database file's mode, so all three stay private.
  touchPrivateFile(file);
  for (const suffix of ['-wal', '-shm']) restrictToOwner(file + suffix);
  // Every connection leaves its checkpoints to a thread of its own (sqlite-checkpoint.ts); should
  // that thread fail, they go back to checkpointing themselves.
  const connections = new Set<BetterSqlite3.Database>();
  let checkpointsThemselves = false;
  const checkpointItself = (sqlite: BetterSqlite3.Database) => {
    try {
      sqlite.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
    } catch {
      // A connection busy streaming rows takes no pragma: its next opening checkpoints by itself.
    }
  };
  const checkpointer = createCheckpointer(
    file,
    () => writerTurnsOf(file).takeWhenIdle(),
    () => {
      checkpointsThemselves = true;
      for (const sqlite of connections) if (sqlite.open) checkpointItself(sqlite);
    },
  );
  const connect = () => {
    const sqlite = openSqlite(file);
    if (checkpointsThemselves) checkpointItself(sqlite);
    connections.add(sqlite);
    const db = new Kysely<DB>({ dialect: new TakingTurnsSqliteDialect(sqlite, file, checkpointer.wrote) });
    return {
      db,
      close: async () => {
        await db.destroy();
        connections.delete(sqlite);
      },
    };
  };
  const main = connect();
  return {
    db: main.db,
    engine: 'sqlite',
    description: file,
    file,
    close: async () => {
      await checkpointer.close();
      await main.close();
    },
    separateConnection: connect,
  };
}

/** SQLite's own threshold for a connection's automatic checkpoint, in pages of the log. */
const SQLITE_AUTOCHECKPOINT_PAGES = 1000;

function openSqlite(file: string): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  sqlite.pragma('wal_autocheckpoint = 0');
  // A program's busiest tables run to a million rows: a 32 MiB page cache in place of the 2 MiB
  // default keeps their indexes' inner pages in memory. The rest is read from the operating
  // system's file cache, which costs a copy, not a disk read; a larger cache only held the
  // server's idle memory above its limit.
  sqlite.pragma('cache_size = -32768');
  // The planner needs statistics to choose between indexes (a list by agency, a year's enrollments).
  // SQLite's advice for a long-lived connection: analyse what needs it when opening, with a bounded
  // sample so that opening a large file stays quick.
  sqlite.pragma('analysis_limit = 1000');
  sqlite.pragma('optimize = 0x10002');
  return sqlite;
}

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

export interface MigrationReport {
  applied: string[];
  /** True when this run created the schema from nothing: a first start. */
  isFreshDatabase: boolean;
}

function migrator(database: Database): Migrator {
  return new Migrator({
    db: database.db,
    provider: { getMigrations: async (): Promise<Record<string, Migration>> => migrations },
  });
}

/** Brings the schema up to date. Safe to run from several processes at once (Kysely locks). */
export async function migrateToLatest(database: Database): Promise<MigrationReport> {
  // Another process migrating the same SQLite file holds its write lock for as long as that takes.
  if (database.engine === 'sqlite') await database.db.executeQuery(CompiledQuery.raw('PRAGMA busy_timeout = 120000'));
  const { error, results } = await migrator(database)
    .migrateToLatest()
    .finally(() => (database.engine === 'sqlite' ? database.db.executeQuery(CompiledQuery.raw(`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`)) : undefined));
  const applied = (results ?? []).filter((r: MigrationResult) => r.status === 'Success').map((r) => r.migrationName);
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(`Migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const first = Object.keys(migrations).sort()[0];
  return { applied, isFreshDatabase: first !== undefined && applied.includes(first) };
}

export async function pendingMigrations(database: Database): Promise<string[]> {
  const all = await migrator(database).getMigrations();
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
}

/** True when the database answers and has every migration applied: what a health check asks. */
export async function isReady(database: Database): Promise<boolean> {
  try {
    await database.db.executeQuery(CompiledQuery.raw('SELECT 1'));
    return (await pendingMigrations(database)).length === 0;
  } catch {
    return false;
  }
}
