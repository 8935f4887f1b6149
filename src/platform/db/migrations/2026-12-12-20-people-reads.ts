import type { Kysely } from 'kysely';

/**
 * An agency's roster in its order, read from the index alone: (agency, sort name, id) is the
 * keyset of the people list filtered by agency, so a page walks the index and stops after its
 * rows, and the page's total counts index entries without reading a person's row. It takes the
 * place of (agency, sort name), whose lookups by agency it answers as well.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('people_organization_sort').on('people').columns(['organization_id', 'sort_name', 'id']).execute();
  await db.schema.dropIndex('people_organization').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('people_organization').on('people').columns(['organization_id', 'sort_name']).execute();
  await db.schema.dropIndex('people_organization_sort').execute();
}
