import { type Kysely, sql } from 'kysely';
import { portable } from './portable.js';

/**
 * Partner records that can be corrected:
 * - an agreement's effective date (it may take effect after it is signed);
 * - a meeting logged in error is withdrawn, never deleted: who, when and why stay on record;
 * - a follow-up keeps the day it was done, which may be long before it was recorded as done.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = portable(db);
  await db.schema.alterTable('agreements').addColumn('effective_on', t.date).execute();
  await db.schema.alterTable('engagements').addColumn('withdrawn_at', t.instant).execute();
  await db.schema.alterTable('engagements').addColumn('withdrawn_by', 'text', (c) => c.references('users.id')).execute();
  await db.schema.alterTable('engagements').addColumn('withdrawn_reason', 'text').execute();
  await db.schema.alterTable('tasks').addColumn('done_on', t.date).execute();
  // Until now the day a follow-up was marked done was the only day known.
  if (t.isPostgres) {
    await sql`UPDATE tasks SET done_on = (completed_at AT TIME ZONE 'UTC')::date WHERE status = 'done' AND completed_at IS NOT NULL`.execute(db);
  } else {
    await sql`UPDATE tasks SET done_on = substr(completed_at, 1, 10) WHERE status = 'done' AND completed_at IS NOT NULL`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('tasks').dropColumn('done_on').execute();
  await db.schema.alterTable('engagements').dropColumn('withdrawn_reason').execute();
  await db.schema.alterTable('engagements').dropColumn('withdrawn_by').execute();
  await db.schema.alterTable('engagements').dropColumn('withdrawn_at').execute();
  await db.schema.alterTable('agreements').dropColumn('effective_on').execute();
}
