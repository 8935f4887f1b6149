/**
 * Whether a database error means another transaction held what this one needed at that moment
 * (a deadlock, a serialization failure, a lock it could not wait for, SQLite's busy file): the
 * transaction was rolled back whole, and the same request may simply be sent again.
 */
const POSTGRES_CONTENTION = new Set(['40P01', '40001', '55P03']);
const SQLITE_CONTENTION = new Set(['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED']);

export function isContention(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (POSTGRES_CONTENTION.has(code) || SQLITE_CONTENTION.has(code));
}
