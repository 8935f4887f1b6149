import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.js';

/**
 * Runs `work` in the caller's transaction when there is one (a bulk import joins every row to
 * its own), else in a new transaction of its own. A caller may pass whatever it was handed (the
 * database itself, or a transaction).
 */
export function inTransaction<T>(db: Kysely<DB>, executor: Kysely<DB> | undefined, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return executor?.isTransaction ? work(executor as Transaction<DB>) : db.transaction().execute(work);
}
