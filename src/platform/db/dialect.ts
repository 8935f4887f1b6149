import { type Kysely, PostgresAdapter } from 'kysely';

/**
 * The few places where SQLite and PostgreSQL differ in what the application sees: which engine
 * a query goes to, and how each reports a broken constraint. Everything else is written once, in
 * portable SQL.
 */

/** Whether `db` speaks to PostgreSQL: for the few statements each engine plans best its own way. */
export function isPostgres<T>(db: Kysely<T>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

interface DriverError {
  code?: unknown;
  constraint?: unknown;
  message?: unknown;
}

function asDriverError(error: unknown): DriverError {
  return typeof error === 'object' && error !== null ? (error as DriverError) : {};
}

export function isUniqueViolation(error: unknown): boolean {
  const { code } = asDriverError(error);
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** A LIKE pattern that matches `text` anywhere, with the pattern characters in it taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}
