import type { Kysely } from 'kysely';
import { portable } from './portable.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = portable(db);

  await db.schema
    .createTable('people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('given_name', 'text', (c) => c.notNull())
    .addColumn('family_name', 'text', (c) => c.notNull())
    .addColumn('search_name', 'text', (c) => c.notNull())
    .addColumn('sort_name', 'text', (c) => c.notNull())
    .addColumn('rank_title', 'text')
    .addColumn('email', 'text', (c) => c.unique())
    .addColumn('phone', 'text')
    .addColumn('sex', 'text')
    .addColumn('date_of_birth', t.date)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('people_organization').on('people').columns(['organization_id', 'sort_name']).execute();
  await db.schema.createIndex('people_sort').on('people').columns(['sort_name', 'id']).execute();

  await db.schema
    .createTable('person_languages')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('speaking', 'integer', (c) => c.notNull())
    .addColumn('reading', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_languages_pk', ['person_id', 'language'])
    .execute();
  await db.schema.createIndex('person_languages_language').on('person_languages').columns(['language', 'speaking']).execute();

  await db.schema
    .createTable('person_heritage_countries')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('country', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_heritage_countries_pk', ['person_id', 'country'])
    .execute();

  await db.schema
    .createTable('person_specialties')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('specialty', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_specialties_pk', ['person_id', 'specialty'])
    .execute();
  await db.schema.createIndex('person_specialties_specialty').on('person_specialties').column('specialty').execute();

  // One current record per readiness item and person; its history is in the audit log.
  await db.schema
    .createTable('person_readiness')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('completed_on', t.date, (c) => c.notNull())
    .addColumn('expires_on', t.date)
    .addColumn('reference', 'text')
    .addColumn('secret', 'text')
    .addColumn('secret_hint', 'text')
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('person_readiness_pk', ['person_id', 'item'])
    .execute();
  await db.schema.createIndex('person_readiness_item').on('person_readiness').columns(['item', 'expires_on']).execute();

  await db.schema
    .createTable('deployments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('host_country', 'text', (c) => c.notNull())
    .addColumn('host_organization_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('track', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('start_on', t.date, (c) => c.notNull())
    .addColumn('end_on', t.date, (c) => c.notNull())
    .addColumn('is_high_threat', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('summary', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('deployments_start').on('deployments').columns(['start_on', 'id']).execute();
  await db.schema.createIndex('deployments_country').on('deployments').columns(['host_country', 'start_on']).execute();

  await db.schema
    .createTable('deployment_purposes')
    .addColumn('deployment_id', 'text', (c) => c.notNull().references('deployments.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('deployment_purposes_pk', ['deployment_id', 'purpose'])
    .execute();

  await db.schema
    .createTable('deployment_languages')
    .addColumn('deployment_id', 'text', (c) => c.notNull().references('deployments.id').onDelete('cascade'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('min_speaking', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('deployment_languages_pk', ['deployment_id', 'language'])
    .execute();

  await db.schema
    .createTable('deployment_specialties')
    .addColumn('deployment_id', 'text', (c) => c.notNull().references('deployments.id').onDelete('cascade'))
    .addColumn('specialty', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('deployment_specialties_pk', ['deployment_id', 'specialty'])
    .execute();

  await db.schema
    .createTable('deployment_status_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('deployment_id', 'text', (c) => c.notNull().references('deployments.id').onDelete('cascade'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('changed_at', t.instant, (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.references('users.id'))
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('deployment_status_changes_deployment')
    .on('deployment_status_changes')
    .columns(['deployment_id', 'changed_at'])
    .execute();

  await db.schema
    .createTable('rotations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('deployment_id', 'text', (c) => c.notNull().references('deployments.id').onDelete('cascade'))
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('start_on', t.date, (c) => c.notNull())
    .addColumn('end_on', t.date, (c) => c.notNull())
    .addColumn('authorized_headcount', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('rotations_sequence_unique', ['deployment_id', 'sequence'])
    .execute();

  await db.schema
    .createTable('assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('deployment_id', 'text', (c) => c.notNull().references('deployments.id').onDelete('cascade'))
    .addColumn('rotation_id', 'text', (c) => c.notNull().references('rotations.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('start_on', t.date, (c) => c.notNull())
    .addColumn('end_on', t.date, (c) => c.notNull())
    .addColumn('deployed_on', t.date)
    .addColumn('returned_on', t.date)
    .addColumn('withdrawn_reason', 'text')
    .addColumn('nominated_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('assignments_person').on('assignments').columns(['person_id', 'start_on']).execute();
  await db.schema.createIndex('assignments_rotation').on('assignments').columns(['rotation_id', 'status']).execute();
  await db.schema.createIndex('assignments_deployment').on('assignments').columns(['deployment_id', 'status']).execute();

  await db.schema
    .createTable('assignment_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('assignment_id', 'text', (c) => c.notNull().references('assignments.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('from_end_on', t.date)
    .addColumn('to_end_on', t.date)
    .addColumn('note', 'text')
    .addColumn('recorded_at', t.instant, (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('assignment_events_assignment').on('assignment_events').columns(['assignment_id', 'recorded_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'assignment_events',
    'assignments',
    'rotations',
    'deployment_status_changes',
    'deployment_specialties',
    'deployment_languages',
    'deployment_purposes',
    'deployments',
    'person_readiness',
    'person_specialties',
    'person_heritage_countries',
    'person_languages',
    'people',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
