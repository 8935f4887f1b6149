import { type Kysely, Migrator } from 'kysely';
import { afterAll, beforeAll, expect } from 'vitest';
import { migrations } from '../src/platform/db/migrations/index.js';
import { createTestDatabase, type TestDatabase } from './dialects.js';

/**
 * A fresh database migrated up to the migration just before `name`, for a test of what `name`
 * does to the rows that were there: the test writes them, then moves the migrator on.
 */
async function migratedJustBefore(name: string): Promise<{ testDb: TestDatabase; db: Kysely<unknown>; migrator: Migrator }> {
  const before = Object.keys(migrations)
    .sort()
    .filter((other) => other < name)
    .at(-1) as string;
  const testDb = await createTestDatabase({ migrate: false });
  const db = testDb.database.db as unknown as Kysely<unknown>;
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  expect((await migrator.migrateTo(before)).error).toBeUndefined();
  return { testDb, db, migrator };
}

/**
 * `migratedJustBefore` for a whole test file: made before its tests, dropped after them. The
 * fields are filled in once the tests run.
 */
export function migrationUnderTest(name: string): { testDb: TestDatabase; db: Kysely<unknown>; migrator: Migrator } {
  const step = {} as { testDb: TestDatabase; db: Kysely<unknown>; migrator: Migrator };
  beforeAll(async () => {
    Object.assign(step, await migratedJustBefore(name));
  });
  // Made or not (a failed migration leaves nothing to drop, and its own error says why).
  afterAll(() => (step as Partial<typeof step>).testDb?.drop());
  return step;
}
