import { type Kysely, sql } from 'kysely';
import { portable } from './portable.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = portable(db);
  // Long work (a report, an import) keeps its state, progress and sign of life here, so any
  // server process can show it and one process alone runs it.
  await db.schema
    .createTable('work_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('message', 'text')
    .addColumn('claimed_by', 'text')
    .addColumn('heartbeat_at', t.instant)
    .addColumn('outcome', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('started_at', t.instant)
    .addColumn('finished_at', t.instant)
    .addCheckConstraint('work_runs_status', sql`status in ('queued', 'running', 'succeeded', 'failed')`)
    .addCheckConstraint('work_runs_progress', sql`progress between 0 and 100`)
    .execute();
  await db.schema.createIndex('work_runs_subject').on('work_runs').columns(['subject_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('work_runs').execute();
}
