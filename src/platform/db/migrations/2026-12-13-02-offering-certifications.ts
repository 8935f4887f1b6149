import type { Kysely } from 'kysely';

/**
 * An offering's certifications, read when it closes (the close's report) and on its page: with
 * 150,000 certifications, without an index on the offering that read was a walk of them all.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('certifications_offering').on('certifications').column('offering_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('certifications_offering').execute();
}
