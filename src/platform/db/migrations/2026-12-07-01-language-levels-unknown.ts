import { type Kysely, sql } from 'kysely';
import { portable } from './portable.js';

/**
 * A person's language may be recorded with its level unknown (a roster that wrote "es, en"):
 * `person_languages.speaking` and `reading` may hold null. PostgreSQL drops the NOT NULL; SQLite
 * cannot, so the table is built again with the same rows, key and index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await relax(db, true);
}

/** Back to levels required: a language recorded without a level cannot be kept, and is removed. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DELETE FROM person_languages WHERE speaking IS NULL OR reading IS NULL`.execute(db);
  await relax(db, false);
}

async function relax(db: Kysely<unknown>, isNullable: boolean): Promise<void> {
  if (portable(db).isPostgres) {
    for (const column of ['speaking', 'reading']) {
      await db.schema
        .alterTable('person_languages')
        .alterColumn(column, (c) => (isNullable ? c.dropNotNull() : c.setNotNull()))
        .execute();
    }
    return;
  }
  await db.schema
    .createTable('person_languages_rebuilt')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('speaking', 'integer', (c) => (isNullable ? c : c.notNull()))
    .addColumn('reading', 'integer', (c) => (isNullable ? c : c.notNull()))
    .addPrimaryKeyConstraint('person_languages_pk', ['person_id', 'language'])
    .execute();
  await sql`INSERT INTO person_languages_rebuilt (person_id, language, speaking, reading) SELECT person_id, language, speaking, reading FROM person_languages`.execute(db);
  await db.schema.dropTable('person_languages').execute();
  await db.schema.alterTable('person_languages_rebuilt').renameTo('person_languages').execute();
  await db.schema.createIndex('person_languages_language').on('person_languages').columns(['language', 'speaking']).execute();
}
