import { type Kysely, sql } from 'kysely';
import { portable } from './portable.js';

/**
 * Each person's experience by track: one row per offering they completed or taught, with its
 * course's track. "Of this track" (a deployment's candidates rank its people first; the people
 * list filters by it) read enrollments, offerings and courses for every person it was asked of:
 * over 100,000 people, most of a candidate search. The application keeps the rows in step with
 * the cascade's upkeep, which every change to enrollments' statuses, instructors, offerings and
 * courses' tracks already calls; here they are filled from the rows already there.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('track_experience')
    .addColumn('offering_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('track', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('track_experience_pk', ['offering_id', 'person_id'])
    .execute();
  await sql`
    INSERT INTO track_experience (offering_id, person_id, track)
    SELECT e.offering_id, e.person_id, c.track FROM enrollments e JOIN offerings o ON o.id = e.offering_id JOIN courses c ON c.id = o.course_id
    WHERE e.status = 'completed'
    UNION
    SELECT oi.offering_id, oi.person_id, c.track FROM offering_instructors oi JOIN offerings o ON o.id = oi.offering_id JOIN courses c ON c.id = o.course_id`.execute(db);
  // Whether one person is of a track: one probe; and everyone of a track, as a range in person order.
  await db.schema.createIndex('track_experience_track').on('track_experience').columns(['track', 'person_id']).execute();
  if (portable(db).isPostgres) await sql`ANALYZE track_experience`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('track_experience').execute();
}
