import type { Kysely } from 'kysely';

/**
 * The cascade's change log: after each change that moves cascade_edges, the instructor–trainee
 * pairs whose edges it wrote, under one number per change (the next after the highest, taken
 * under the cascade's lock, so numbers follow the order changes commit in). A server holds the
 * cascade's graph in memory and catches up by reading the changes after the last it applied;
 * a row with neither person says the whole cascade was written again. Old changes are pruned.
 *
 * Reading the graph whole walks the edges instructor by instructor: the index on
 * (instructor_id, trainee_id) gains the first edge's date and country, so that walk never opens
 * an edge row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cascade_changes')
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('instructor_id', 'text')
    .addColumn('trainee_id', 'text')
    .execute();
  await db.schema.createIndex('cascade_changes_seq').on('cascade_changes').column('seq').execute();
  await db.schema.createIndex('cascade_edges_from').on('cascade_edges').columns(['instructor_id', 'trainee_id', 'end_on', 'country']).execute();
  await db.schema.dropIndex('cascade_edges_instructor').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('cascade_edges_instructor').on('cascade_edges').columns(['instructor_id', 'trainee_id']).execute();
  await db.schema.dropIndex('cascade_edges_from').execute();
  await db.schema.dropTable('cascade_changes').execute();
}
