import type { Kysely, Updateable } from 'kysely';
import type { DB } from './schema.js';

type VersionedTable = {
  [T in keyof DB]: DB[T] extends { id: string; version: unknown } ? T : never;
}[keyof DB];

/**
 * Optimistic concurrency: applies the change only if the row is still at `version`, and moves it
 * to the next. False means someone else changed it first (the caller answers 412).
 */
export async function updateVersioned<T extends VersionedTable>(
  db: Kysely<DB>,
  table: T,
  id: string,
  version: number,
  changes: Updateable<DB[T]>,
): Promise<boolean> {
  // Kysely cannot type an update over a union of tables; the signature above keeps callers typed.
  const untyped = db as unknown as Kysely<Record<string, { id: string; version: number }>>;
  const result = await untyped
    .updateTable(table as string)
    .set({ ...(changes as object), version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
