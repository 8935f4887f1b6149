import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Reports count the people trained in offerings that ended in a period. Without this, SQLite
  // walks every enrollment of every year to find the offerings of one; with it, it starts from
  // the period's offerings and reaches their enrollments through enrollments_offering_status.
  await db.schema.createIndex('offerings_end').on('offerings').columns(['end_on', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('offerings_end').execute();
}
