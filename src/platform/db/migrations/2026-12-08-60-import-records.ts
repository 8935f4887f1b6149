import { type Kysely, sql } from 'kysely';

/**
 * The records an import created or changed, so that its page opens exactly them ("the 37 people
 * this import created or changed"). Written in bulk in the import's own write transaction; the
 * key leads with the import, which is how they are read. Deleting an import forgets the links,
 * never the records.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('import_records')
    .addColumn('import_id', 'text', (c) => c.notNull().references('imports.id').onDelete('cascade'))
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('record_type', 'text', (c) => c.notNull().check(sql`record_type in ('person', 'organization')`))
    .addColumn('change', 'text', (c) => c.notNull().check(sql`change in ('created', 'updated')`))
    .addPrimaryKeyConstraint('import_records_pk', ['import_id', 'record_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('import_records').execute();
}
