import type { Kysely } from 'kysely';

/**
 * Two reads that walked a whole table:
 * - an offering's certifications, read when it closes (the close's report) and on its page: with
 *   150,000 certifications, without an index on the offering that read was a walk of them all;
 * - the people trained in a year by sex (the dashboard, the year report): each trained person's
 *   sex was a look-up of their row; (id, sex) answers it from the index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('certifications_offering').on('certifications').column('offering_id').execute();
  await db.schema.createIndex('people_sex').on('people').columns(['id', 'sex']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('people_sex').execute();
  await db.schema.dropIndex('certifications_offering').execute();
}
