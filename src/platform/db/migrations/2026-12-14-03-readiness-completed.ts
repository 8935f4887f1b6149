import type { Kysely } from 'kysely';

/**
 * Readiness records by item and date completed. The candidate finder finds the people ready for a
 * deployment's dates from their medical clearances of its window: a year's worth of one item, the
 * fewest rows of the checks, where starting from everyone's training read each of them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('person_readiness_completed').on('person_readiness').columns(['item', 'completed_on']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('person_readiness_completed').execute();
}
