import { type Kysely, sql } from 'kysely';
import { portable } from './portable.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = portable(db);
  // Long reports run in the background; the result is kept here to download later.
  await db.schema
    .createTable('report_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('parameters', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('message', 'text')
    .addColumn('content_type', 'text')
    .addColumn('filename', 'text')
    .addColumn('result', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('finished_at', t.instant)
    .addCheckConstraint('report_runs_status', sql`status in ('running', 'done', 'failed')`)
    .addCheckConstraint('report_runs_progress', sql`progress between 0 and 100`)
    .execute();
  await db.schema.createIndex('report_runs_created').on('report_runs').columns(['created_by', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('report_runs').execute();
}
