import type { Kysely } from 'kysely';
import { portable } from './portable.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = portable(db);

  await db.schema
    .createTable('partnerships')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().unique().references('organizations.id'))
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('stage_changed_on', t.date, (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('summary', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('partnerships_stage').on('partnerships').columns(['stage', 'stage_changed_on']).execute();

  await db.schema
    .createTable('partnership_tracks')
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('track', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('partnership_tracks_pk', ['partnership_id', 'track'])
    .execute();

  await db.schema
    .createTable('partnership_countries')
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('country', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('partnership_countries_pk', ['partnership_id', 'country'])
    .execute();
  await db.schema.createIndex('partnership_countries_country').on('partnership_countries').column('country').execute();

  await db.schema
    .createTable('partnership_stage_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('from_stage', 'text')
    .addColumn('to_stage', 'text', (c) => c.notNull())
    .addColumn('changed_on', t.date, (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.references('users.id'))
    .addColumn('note', 'text')
    .addColumn('recorded_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('partnership_stage_changes_partnership')
    .on('partnership_stage_changes')
    .columns(['partnership_id', 'changed_on'])
    .execute();

  await db.schema
    .createTable('agreements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text')
    .addColumn('terms', 'text')
    .addColumn('signed_on', t.date)
    .addColumn('expires_on', t.date)
    .addColumn('renewal_due_on', t.date)
    .addColumn('reimbursement_ceiling_cents', t.bigint)
    .addColumn('currency', 'text', (c) => c.notNull().defaultTo('USD'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('agreements_partnership').on('agreements').columns(['partnership_id', 'signed_on']).execute();
  await db.schema.createIndex('agreements_renewal').on('agreements').column('renewal_due_on').execute();

  await db.schema
    .createTable('engagements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('occurred_on', t.date, (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('location', 'text')
    .addColumn('summary', 'text')
    .addColumn('outcome', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('engagements_organization')
    .on('engagements')
    .columns(['organization_id', 'occurred_on'])
    .execute();
  await db.schema.createIndex('engagements_occurred').on('engagements').columns(['occurred_on', 'id']).execute();

  await db.schema
    .createTable('engagement_participants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('organization_id', 'text', (c) => c.references('organizations.id'))
    .execute();
  await db.schema
    .createIndex('engagement_participants_engagement')
    .on('engagement_participants')
    .columns(['engagement_id', 'position'])
    .execute();

  await db.schema
    .createTable('tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('engagement_id', 'text', (c) => c.references('engagements.id'))
    .addColumn('organization_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('due_on', t.date, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('completed_at', t.instant)
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('tasks_status_due').on('tasks').columns(['status', 'due_on']).execute();
  await db.schema.createIndex('tasks_engagement').on('tasks').column('engagement_id').execute();
  await db.schema.createIndex('tasks_owner').on('tasks').columns(['owner_id', 'status']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'tasks',
    'engagement_participants',
    'engagements',
    'agreements',
    'partnership_stage_changes',
    'partnership_countries',
    'partnership_tracks',
    'partnerships',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
