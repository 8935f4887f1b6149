import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.js';

/**
 * Runs `work` in the caller's transaction when there is one (a bulk import joins every row to
 * its own), else in a new transaction of its own.
 */
export function inTransaction<T>(db: Kysely<DB>, executor: Transaction<DB> | undefined, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return executor ? work(executor) : db.transaction().execute(work);
}
