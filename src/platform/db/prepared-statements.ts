import { createHash } from 'node:crypto';
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';

/**
 * Statements PostgreSQL prepares once per connection.
 *
 * A statement sent without a name is parsed and planned on every call. For a bulk insert's full
 * batch (500 rows, up to 8,000 values: `bulk-insert.ts`) that was two thirds of its time, 5 ms
 * of 8, and a roster's import sends a thousand of them. A statement whose text begins with
 * `PREPARED` is sent with a name made from its text, so each connection parses it once and then
 * only binds and runs it. Only texts of a bounded number of shapes carry the mark (a table's full
 * batch, not the shorter last one): a connection keeps every statement it prepared.
 */
export const PREPARED = '/* prepared */ ';

/** Statement names by text: the texts are long, and the same few come back for every batch. */
const names = new Map<string, string>();
const NAMES_KEPT = 256;

function nameOf(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `cadre_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
    if (names.size >= NAMES_KEPT) names.delete(names.keys().next().value as string);
    names.set(text, name);
  }
  return name;
}

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
        const config = what.startsWith(PREPARED) ? { name: nameOf(what), text: what, values } : { text: what, values };
        return client.query(config) as unknown as Promise<PostgresQueryResult<R>>;
      }
      return { query, release: (destroy?: boolean) => client.release(destroy) };
    },
    end: () => pool.end(),
  };
}
