import type { Kysely } from 'kysely';

/**
 * Every column of an imported file is accounted for: a column that goes to no field is left out
 * only once someone said so. An import keeps the columns confirmed as left out (JSON: their
 * indexes); a saved mapping keeps the headers it leaves out (JSON), to confirm them on the next file.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('imports').addColumn('left_out', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await db.schema.alterTable('import_mappings').addColumn('left_out', 'text', (c) => c.notNull().defaultTo('[]')).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('import_mappings').dropColumn('left_out').execute();
  await db.schema.alterTable('imports').dropColumn('left_out').execute();
}
