import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Column types and statements that differ between the two engines. Migrations import only this
 * and Kysely, never application code, so an old migration keeps meaning what it meant.
 */
export function portable(db: Kysely<unknown>) {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return {
    isPostgres,
    /** An instant, stored as timestamptz in PostgreSQL and as ISO-8601 UTC text in SQLite. */
    instant: isPostgres ? sql`timestamptz` : sql`text`,
    /** A calendar date, `YYYY-MM-DD`. */
    date: isPostgres ? sql`date` : sql`text`,
    /** A JSON document. */
    json: isPostgres ? sql`jsonb` : sql`text`,
    /** Whole numbers that may pass 2^31 (money in cents, sequence numbers). */
    bigint: isPostgres ? sql`bigint` : sql`integer`,
    /** Makes a table refuse UPDATE and DELETE, whoever asks. */
    async makeAppendOnly(table: string): Promise<void> {
      if (isPostgres) {
        await sql
          .raw(
            `CREATE FUNCTION ${table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN RAISE EXCEPTION '${table} is append-only'; END $$`,
          )
          .execute(db);
        await sql
          .raw(
            `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
             FOR EACH ROW EXECUTE FUNCTION ${table}_append_only()`,
          )
          .execute(db);
        return;
      }
      for (const event of ['UPDATE', 'DELETE']) {
        await sql
          .raw(
            `CREATE TRIGGER ${table}_no_${event.toLowerCase()} BEFORE ${event} ON ${table}
             BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
          )
          .execute(db);
      }
    },
  };
}
