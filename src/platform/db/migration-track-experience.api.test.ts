import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrationUnderTest } from '../../../test/migration-steps.js';

const THIS = '2026-12-14-02-track-experience';

const step = migrationUnderTest(THIS);

const now = '2010-07-01T00:00:00.000Z';

describe('the migration that keeps each person’s experience by track', () => {
  it('fills it from the offerings people completed or taught, whatever became of the offering', async () => {
    await sql`INSERT INTO organizations (id, name, search_name, kind, country, created_at, updated_at)
              VALUES ('o1', 'Agence Exemple', 'agence exemple', 'foreign_police', 'HT', ${now}, ${now})`.execute(step.db);
    for (const id of ['p1', 'p2', 'p3', 'p4']) {
      await sql`INSERT INTO people (id, organization_id, given_name, family_name, search_name, sort_name, status, created_at, updated_at)
                VALUES (${id}, 'o1', 'Test', ${id}, ${`test ${id}`}, ${`${id} test`}, 'active', ${now}, ${now})`.execute(step.db);
    }
    for (const [course, track] of [['c1', 'policing'], ['c2', 'corrections']]) {
      await sql`INSERT INTO courses (id, code, track, level, language, current_version, created_at, updated_at)
                VALUES (${course}, ${course}, ${track}, 'basic', 'fr', 1, ${now}, ${now})`.execute(step.db);
      await sql`INSERT INTO course_versions (id, course_id, number, title, hours, created_at) VALUES (${`v${course}`}, ${course}, 1, 'Cours', 40, ${now})`.execute(step.db);
    }
    for (const [offering, course, status] of [['f1', 'c1', 'completed'], ['f2', 'c2', 'cancelled']]) {
      await sql`INSERT INTO offerings (id, course_id, course_version_id, start_on, end_on, country, capacity, status, created_at, updated_at)
                VALUES (${offering}, ${course}, ${`v${course}`}, '2010-03-01', '2010-03-05', 'HT', 20, ${status}, ${now}, ${now})`.execute(step.db);
    }
    // p1 completed f1 and taught f2 (cancelled since); p2 failed f1; p3 was only enrolled in f2; p4 taught f1 and completed it too.
    for (const [id, offering, person, status] of [['e1', 'f1', 'p1', 'completed'], ['e2', 'f1', 'p2', 'failed'], ['e3', 'f2', 'p3', 'enrolled'], ['e4', 'f1', 'p4', 'completed']]) {
      await sql`INSERT INTO enrollments (id, offering_id, person_id, status, created_at, updated_at) VALUES (${id}, ${offering}, ${person}, ${status}, ${now}, ${now})`.execute(step.db);
    }
    await sql`INSERT INTO offering_instructors (offering_id, person_id, role) VALUES ('f2', 'p1', 'lead'), ('f1', 'p4', 'lead')`.execute(step.db);

    expect((await step.migrator.migrateTo(THIS)).error).toBeUndefined();
    const rows = await sql<{ offering_id: string; person_id: string; track: string }>`SELECT offering_id, person_id, track FROM track_experience ORDER BY offering_id, person_id`.execute(step.db);
    expect(rows.rows).toEqual([
      { offering_id: 'f1', person_id: 'p1', track: 'policing' },
      { offering_id: 'f1', person_id: 'p4', track: 'policing' },
      { offering_id: 'f2', person_id: 'p1', track: 'corrections' },
    ]);
  });

  it('goes back by removing the table, and comes again', async () => {
    expect((await step.migrator.migrateDown()).error).toBeUndefined();
    const tables = (await step.testDb.database.db.introspection.getTables()).map((table) => table.name);
    expect(tables).not.toContain('track_experience');
    expect((await step.migrator.migrateToLatest()).error).toBeUndefined();
  });
});
