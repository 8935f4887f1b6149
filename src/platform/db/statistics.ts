import { type Kysely, sql } from 'kysely';
import { isPostgres } from './dialect.js';
import type { DB } from './schema.js';

/**
 * Keeps SQLite's planner statistics in step with a bulk write, between its batches.
 *
 * SQLite plans from the statistics it read when the connection opened. A write that grows a
 * table many times over within one transaction (an agency's first roster: from a few hundred
 * people to 100,000) leaves them stale, and a batch's lookup of 500 ids then reads as larger
 * than the table: the planner scans the growing table for every batch, and the import slows
 * as it goes. `PRAGMA optimize` analyses only the tables whose size moved by far since their
 * last analysis, sampling a bounded number of rows (`analysis_limit`), and costs next to nothing
 * otherwise; the mask 0x10000 has it look at every table, as a write reaches tables its
 * connection may never have read. PostgreSQL scales its estimates by a table's current size.
 */
export async function keepStatisticsCurrent(db: Kysely<DB>): Promise<void> {
  if (isPostgres(db)) return;
  await sql`PRAGMA optimize = 0x10002`.execute(db);
}
