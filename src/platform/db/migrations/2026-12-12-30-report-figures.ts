import type { Kysely } from 'kysely';

/**
 * The figures of a year read a quarter of a million enrollments: from the period's offerings to
 * the people they trained. With the person in the index, that walk never opens an enrollment row.
 * It replaces enrollments_offering_status, of which it is an extension (same leading columns).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('enrollments_offering_person').on('enrollments').columns(['offering_id', 'status', 'person_id']).execute();
  await db.schema.dropIndex('enrollments_offering_status').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('enrollments_offering_status').on('enrollments').columns(['offering_id', 'status']).execute();
  await db.schema.dropIndex('enrollments_offering_person').execute();
}
