import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';

/**
 * Statements PostgreSQL prepares once per connection.
 *
 * A statement sent without a name is parsed and planned on every call. For a bulk insert's full
 * batch (500 rows, up to 8,000 values: `bulk-insert.ts`) that was two thirds of its time, 5 ms
 * of 8, and a roster's import sends a thousand of them. A statement marked by `preparedText` is
 * sent under its name, so each connection parses it once and then only binds and runs it. Only
 * texts of a bounded number of shapes are to be marked: a connection keeps every statement it
 * prepared.
 */

/** A statement to be prepared under `name`, which must be a plain identifier and stand for this text alone. */
export function preparedText(name: string, text: string): string {
  return `/* prepared ${name} */ ${text}`;
}

const MARK = /^\/\* prepared ([a-z0-9_]+) \*\/ /;

/** `pool` as Kysely's PostgreSQL dialect takes it, its clients sending marked statements by name. */
export function preparingPool(pool: pg.Pool): PostgresPool {
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      function query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
      function query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
      function query<R>(what: string | PostgresCursor<R>, parameters?: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
        if (typeof what !== 'string') return client.query(what as never) as unknown as PostgresCursor<R>;
        const values = [...(parameters ?? [])];
        const name = MARK.exec(what)?.[1];
        const config = name ? { name, text: what, values } : { text: what, values };
        return client.query(config) as unknown as Promise<PostgresQueryResult<R>>;
      }
      return { query, release: (destroy?: boolean) => client.release(destroy) };
    },
    end: () => pool.end(),
  };
}
