import { type Kysely, sql } from 'kysely';
import { portable } from './portable.js';

/**
 * Notices that work: each one is told once per subject, condition and occurrence (a follow-up's
 * due date, a certification's reminder threshold, a report run), which a unique index keeps
 * however often the job runs; a notice remembers when a digest mailed it. Each user's digest
 * setting and the day it was last sent live in `notification_settings`. The reminders of
 * certifications are such notices now, so their table of their own goes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = portable(db);
  await db.schema.alterTable('notifications').addColumn('occurrence', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('notifications').addColumn('digested_at', t.instant).execute();
  // Notices written before each carried their occurrence stay apart from one another.
  await sql`UPDATE notifications SET occurrence = id`.execute(db);
  await db.schema.createIndex('notifications_once').on('notifications').columns(['user_id', 'kind', 'subject_id', 'occurrence']).unique().execute();

  await db.schema
    .createTable('notification_settings')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('is_digest_on', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('digest_sent_on', t.date)
    .addColumn('digest_sent_at', t.instant)
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema.dropTable('certification_reminders').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const t = portable(db);
  await db.schema
    .createTable('certification_reminders')
    .addColumn('certification_id', 'text', (c) => c.notNull().references('certifications.id').onDelete('cascade'))
    .addColumn('days_before', 'integer', (c) => c.notNull())
    .addColumn('sent_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('certification_reminders_pk', ['certification_id', 'days_before'])
    .execute();
  await db.schema.dropTable('notification_settings').execute();
  await db.schema.dropIndex('notifications_once').execute();
  await db.schema.alterTable('notifications').dropColumn('digested_at').execute();
  await db.schema.alterTable('notifications').dropColumn('occurrence').execute();
}
