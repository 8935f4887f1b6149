import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import { isPostgres } from './dialect.js';
import type { DB } from './schema.js';

/**
 * Row locks for rules that span records (no two overlapping enrollments of a person, no more
 * enrollments than seats, never no admin): lock the rows the rule reads, in the transaction that
 * then writes, before reading them.
 *
 * On PostgreSQL that is `SELECT … FOR NO KEY UPDATE`, held until the transaction ends; every
 * later statement of the transaction (READ COMMITTED) then sees what the previous holder
 * committed. It queues behind another such lock or an update of the row, but not behind a row
 * elsewhere that merely refers to it (a foreign key takes KEY SHARE), so it serializes the rule
 * and nothing else.
 * On SQLite every transaction begins IMMEDIATE and so already holds the one write lock: these
 * are no-ops there.
 */

type LockableTable = { [T in keyof DB]: DB[T] extends { id: string } ? T : never }[keyof DB];

/**
 * Locks these rows of `table` by id, in id order, so two transactions locking overlapping sets
 * queue rather than deadlock. Ids of no row are ignored.
 */
export async function lockRows(db: Kysely<DB>, table: LockableTable, ids: readonly string[]): Promise<void> {
  if (ids.length === 0 || !isPostgres(db)) return;
  const sorted = [...new Set(ids)].sort();
  const untyped = db as unknown as Kysely<Record<string, { id: string }>>;
  await untyped.selectFrom(table).select('id').where('id', 'in', sorted).orderBy('id').forNoKeyUpdate().execute();
}

/**
 * Runs a read that a rule counts on, locking the rows it returns (in the order the query gives:
 * order it by id). A row that stops matching while this waits for it is left out, so a count of
 * what is returned can only be lower than the truth, never higher: what a "never fewer than one"
 * rule needs.
 */
export function lockingRead<DBT, TB extends keyof DBT, O>(db: Kysely<DB>, query: SelectQueryBuilder<DBT, TB, O>): Promise<O[]> {
  return (isPostgres(db) ? query.forNoKeyUpdate() : query).execute();
}

/**
 * Runs a read whose rows must not change until the transaction ends, while others may read them
 * the same way: on PostgreSQL `FOR SHARE`, which an update of those rows waits behind (and which
 * waits behind one). A row updated meanwhile so that it no longer matches is left out. For what
 * many write under and few change (an issuer's endorsement, under which credentials are signed).
 */
export function sharedRead<DBT, TB extends keyof DBT, O>(db: Kysely<DB>, query: SelectQueryBuilder<DBT, TB, O>): Promise<O | undefined> {
  return (isPostgres(db) ? query.forShare() : query).executeTakeFirst();
}

/**
 * A lock on a name rather than a row, for a rule about rows that may not exist yet (the first
 * admin of an empty database). Held until the transaction ends.
 */
export async function lockName(db: Kysely<DB>, name: string): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`SELECT pg_advisory_xact_lock(hashtext(${name}))`.execute(db);
}
