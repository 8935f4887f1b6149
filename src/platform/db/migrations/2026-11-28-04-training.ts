import type { Kysely } from 'kysely';
import { portable } from './portable.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = portable(db);

  await db.schema
    .createTable('credentials')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text')
    .addColumn('criteria', 'text', (c) => c.notNull())
    .addColumn('track', 'text', (c) => c.notNull())
    .addColumn('validity_months', 'integer')
    .addColumn('pass_mark', 'integer')
    .addColumn('min_attendance_percent', 'integer', (c) => c.notNull())
    .addColumn('co_teachings_before_lead', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('courses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('track', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('grants_credential_id', 'text', (c) => c.references('credentials.id'))
    .addColumn('requires_credential_id', 'text', (c) => c.references('credentials.id'))
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('archived_at', t.instant)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('course_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('hours', 'integer', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addUniqueConstraint('course_versions_number_unique', ['course_id', 'number'])
    .execute();

  await db.schema
    .createTable('offerings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id'))
    .addColumn('course_version_id', 'text', (c) => c.notNull().references('course_versions.id'))
    .addColumn('start_on', t.date, (c) => c.notNull())
    .addColumn('end_on', t.date, (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('city', 'text')
    .addColumn('host_organization_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('delivering_organization_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('is_us_funded', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('is_refresher', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('closed_at', t.instant)
    .addColumn('notes', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('offerings_start').on('offerings').columns(['start_on', 'id']).execute();
  await db.schema.createIndex('offerings_course').on('offerings').columns(['course_id', 'start_on']).execute();
  await db.schema.createIndex('offerings_country').on('offerings').columns(['country', 'start_on']).execute();

  await db.schema
    .createTable('offering_instructors')
    .addColumn('offering_id', 'text', (c) => c.notNull().references('offerings.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('offering_instructors_pk', ['offering_id', 'person_id'])
    .execute();
  await db.schema.createIndex('offering_instructors_person').on('offering_instructors').column('person_id').execute();

  await db.schema
    .createTable('enrollments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('offering_id', 'text', (c) => c.notNull().references('offerings.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attendance_percent', 'integer')
    .addColumn('score', 'integer')
    .addColumn('outcome', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('enrollments_person_unique', ['offering_id', 'person_id'])
    .execute();
  await db.schema.createIndex('enrollments_person').on('enrollments').columns(['person_id', 'status']).execute();
  await db.schema.createIndex('enrollments_offering_status').on('enrollments').columns(['offering_id', 'status']).execute();

  await db.schema
    .createTable('certifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('credential_id', 'text', (c) => c.notNull().references('credentials.id'))
    .addColumn('offering_id', 'text', (c) => c.references('offerings.id'))
    .addColumn('issued_on', t.date, (c) => c.notNull())
    .addColumn('expires_on', t.date)
    .addColumn('renews_id', 'text', (c) => c.references('certifications.id'))
    .addColumn('revoked_at', t.instant)
    .addColumn('revoked_reason', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('certifications_person').on('certifications').columns(['person_id', 'credential_id']).execute();
  await db.schema.createIndex('certifications_expiry').on('certifications').columns(['expires_on', 'id']).execute();
  await db.schema.createIndex('certifications_issued').on('certifications').columns(['issued_on', 'id']).execute();

  await db.schema
    .createTable('vetting_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('case_reference', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('submitted_on', t.date, (c) => c.notNull())
    .addColumn('result_on', t.date)
    .addColumn('valid_until', t.date)
    .addColumn('notes', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('vetting_records_person').on('vetting_records').columns(['person_id', 'submitted_on']).execute();
  await db.schema.createIndex('vetting_records_status').on('vetting_records').columns(['status', 'valid_until']).execute();

  await db.schema
    .createTable('offering_followups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('offering_id', 'text', (c) => c.notNull().references('offerings.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('recorded_on', t.date, (c) => c.notNull())
    .addColumn('has_taught', 'integer', (c) => c.notNull())
    .addColumn('offerings_taught', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('people_trained', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('agency_report', 'text')
    .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('offering_followups_unique', ['offering_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('read_at', t.instant)
    .execute();
  await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'created_at']).execute();

  // One row per reminder threshold and certification, so each reminder goes out once.
  await db.schema
    .createTable('certification_reminders')
    .addColumn('certification_id', 'text', (c) => c.notNull().references('certifications.id').onDelete('cascade'))
    .addColumn('days_before', 'integer', (c) => c.notNull())
    .addColumn('sent_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('certification_reminders_pk', ['certification_id', 'days_before'])
    .execute();

  // Background work that must run once across all server processes.
  await db.schema
    .createTable('jobs')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('next_run_at', t.instant, (c) => c.notNull())
    .addColumn('locked_until', t.instant)
    .addColumn('last_run_at', t.instant)
    .addColumn('last_result', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'jobs',
    'certification_reminders',
    'notifications',
    'offering_followups',
    'vetting_records',
    'certifications',
    'enrollments',
    'offering_instructors',
    'offerings',
    'course_versions',
    'courses',
    'credentials',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
