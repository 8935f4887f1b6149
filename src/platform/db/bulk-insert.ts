import { createHash } from 'node:crypto';
import { CompiledQuery, type Insertable, type Kysely } from 'kysely';
import { isPostgres } from './dialect.js';
import { preparedText } from './prepared-statements.js';
import type { DB } from './schema.js';

/**
 * Many rows into one table, a statement per few hundred rows, each statement's text made once
 * for its shape (engine, table, columns, number of rows) and its values passed as they are.
 *
 * Kysely builds an INSERT as a tree of one node per value and compiles that tree to text on
 * every call. For the bulk writes of an import (a hundred thousand people, with their
 * languages, search entries and audit events: over two million values) building and
 * compiling cost more time than the engine took to store the rows, and most of the memory the
 * import churned through. The rows are typed against their table as Kysely's are; their own keys
 * name the columns, and a name that is not a plain identifier is refused.
 */

/** Values per statement: well under SQLite's 32,766 bound parameters and PostgreSQL's 65,535. */
const MAX_VALUES = 8_000;
/** Rows per statement, whatever their width: a statement's plan is kept, and its size with it. */
const MAX_ROWS = 500;
/** Statement texts kept: a few tables, each with a full batch's shape and a last, shorter one. */
const TEXTS_KEPT = 64;

const texts = new Map<string, string>();

/** A row already there (by the conflict's columns) takes the new row's values of `update`. */
export interface Upsert<Column extends string = string> {
  conflict: readonly Column[];
  update: readonly Column[];
}

/** A statement's text for its shape; a full batch's is marked to be prepared, as it comes back for every batch. */
function statementText(postgres: boolean, table: string, columns: readonly string[], rows: number, isFull: boolean, upsert: Upsert | undefined): string {
  const key = `${postgres ? 'pg' : 'sqlite'}|${table}|${columns.join(',')}|${rows}|${isFull}|${upsert ? `${upsert.conflict.join(',')}|${upsert.update.join(',')}` : ''}`;
  let text = texts.get(key);
  if (text === undefined) {
    let n = 0;
    const tuples: string[] = [];
    for (let r = 0; r < rows; r += 1) tuples.push(`(${columns.map(() => (postgres ? `$${(n += 1)}` : '?')).join(', ')})`);
    text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${tuples.join(', ')}`;
    if (upsert) text += ` on conflict (${upsert.conflict.map((c) => `"${c}"`).join(', ')}) do update set ${upsert.update.map((c) => `"${c}" = excluded."${c}"`).join(', ')}`;
    // Named by its shape, which alone makes the text.
    if (isFull) text = preparedText(`cadre_${createHash('sha256').update(key).digest('hex').slice(0, 32)}`, text);
    if (texts.size >= TEXTS_KEPT) texts.delete(texts.keys().next().value as string);
    texts.set(key, text);
  }
  return text;
}

/** A table's or column's name as the schema spells them: nothing a statement's text could be bent by. */
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function checkedIdentifiers(table: string, names: readonly string[]): void {
  for (const name of [table, ...names]) if (!IDENTIFIER.test(name)) throw new Error(`Not a name of the schema: ${JSON.stringify(name)} (inserting into ${table}).`);
}

/** The columns a row gives a value (undefined is none), its own keys only. */
function columnsOf(row: Record<string, unknown>): string[] {
  return Object.keys(row).filter((key) => row[key] !== undefined);
}

/**
 * Inserts `rows` into `table` (or, with `upsert`, updates those already there). Rows that leave
 * different columns to their defaults are written in groups of the same columns, so each gets its
 * defaults on both engines (SQLite has no DEFAULT within VALUES).
 */
export async function insertRows<T extends keyof DB & string>(db: Kysely<DB>, table: T, rows: readonly Insertable<DB[T]>[], upsert?: Upsert<keyof DB[T] & string>): Promise<void> {
  const groups = new Map<string, { columns: string[]; rows: Record<string, unknown>[] }>();
  if (upsert) checkedIdentifiers(table, [...upsert.conflict, ...upsert.update]);
  for (const row of rows as readonly Record<string, unknown>[]) {
    const columns = columnsOf(row);
    if (columns.length === 0) throw new Error(`A row inserted into ${table} gives no value.`);
    const key = columns.join(',');
    let group = groups.get(key);
    if (!group) {
      checkedIdentifiers(table, columns);
      groups.set(key, (group = { columns, rows: [] }));
    }
    group.rows.push(row);
  }
  const postgres = isPostgres(db);
  for (const { columns, rows: records } of groups.values()) {
    const perStatement = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_VALUES / columns.length)));
    for (let start = 0; start < records.length; start += perStatement) {
      const end = Math.min(records.length, start + perStatement);
      const values: unknown[] = new Array((end - start) * columns.length);
      let at = 0;
      for (let r = start; r < end; r += 1) {
        const row = records[r] as Record<string, unknown>;
        for (const column of columns) values[at++] = row[column];
      }
      await db.executeQuery(CompiledQuery.raw(statementText(postgres, table, columns, end - start, end - start === perStatement, upsert), values));
    }
  }
}
