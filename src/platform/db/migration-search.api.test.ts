import { type Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrationUnderTest } from '../../../test/migration-steps.js';
import { entryOf } from '../../modules/search/search.index.js';
import { searchRepository } from '../../modules/search/search.repository.js';
import type { DB, SearchKind } from './schema.js';

const THIS = '2026-12-08-40-search';

const step = migrationUnderTest(THIS);

const now = '2010-07-01T00:00:00.000Z';

/** One record of each kind, written as the tables stood before the search came. */
async function seed(): Promise<Record<SearchKind, string>> {
  await sql`INSERT INTO organizations (id, name, search_name, acronym, kind, country, city, created_at, updated_at)
            VALUES ('o1', 'Police Nationale d''Haïti', 'police nationale d''haiti', 'PNH', 'foreign_police', 'HT', 'Port-au-Prince', ${now}, ${now})`.execute(step.db);
  await sql`INSERT INTO people (id, organization_id, given_name, family_name, search_name, sort_name, email, status, created_at, updated_at)
            VALUES ('p1', 'o1', 'José', 'Pierre-Louis', 'jose pierre-louis', 'pierre-louis jose', 'j.pl@pnh.test', 'active', ${now}, ${now})`.execute(step.db);
  await sql`INSERT INTO credentials (id, name, criteria, track, min_attendance_percent, created_at, updated_at)
            VALUES ('cr1', 'Instructeur certifié', 'Pass.', 'policing', 90, ${now}, ${now})`.execute(step.db);
  await sql`INSERT INTO courses (id, code, track, level, language, current_version, created_at, updated_at)
            VALUES ('c1', 'POL-101', 'policing', 'basic', 'fr', 2, ${now}, ${now})`.execute(step.db);
  await sql`INSERT INTO course_versions (id, course_id, number, title, hours, created_at) VALUES ('v1', 'c1', 1, 'Patrouille', 40, ${now}), ('v2', 'c1', 2, 'Patrouille de base', 40, ${now})`.execute(step.db);
  await sql`INSERT INTO offerings (id, course_id, course_version_id, start_on, end_on, country, city, capacity, status, created_at, updated_at)
            VALUES ('f1', 'c1', 'v1', '2010-03-01', '2010-03-05', 'HT', 'Jacmel', 20, 'cancelled', ${now}, ${now})`.execute(step.db);
  await sql`INSERT INTO certifications (id, person_id, credential_id, offering_id, issued_on, created_at, updated_at)
            VALUES ('0193a7b2-1c2d-7e3f-8a4b-5c6d7e8f9a0b', 'p1', 'cr1', 'f1', '2010-03-05', ${now}, ${now})`.execute(step.db);
  await sql`INSERT INTO deployments (id, title, host_country, host_organization_id, track, status, start_on, end_on, created_at, updated_at)
            VALUES ('d1', 'Mission d''appui', 'HT', 'o1', 'policing', 'planning', '2010-05-01', '2010-11-30', ${now}, ${now})`.execute(step.db);
  return { organization: 'o1', person: 'p1', course: 'c1', offering: 'f1', certification: '0193a7b2-1c2d-7e3f-8a4b-5c6d7e8f9a0b', deployment: 'd1' };
}

describe('the migration that builds the search index', () => {
  it('indexes the records already there, with the text the application writes for them', async () => {
    const ids = await seed();
    expect((await step.migrator.migrateTo(THIS)).error).toBeUndefined();
    const typed = step.testDb.database.db as unknown as Kysely<DB>;
    const stored = await typed.selectFrom('search_entries').select(['kind', 'record_id', 'title', 'detail', 'names', 'terms', 'archived']).orderBy('kind').execute();
    expect(stored.map((row) => row.kind)).toEqual(['certification', 'course', 'deployment', 'offering', 'organization', 'person']);

    const repo = searchRepository(typed);
    for (const [kind, id] of Object.entries(ids) as [SearchKind, string][]) {
      const written = (await repo.sources({ kind, ids: [id] })).map((source) => entryOf(kind, source));
      expect(stored.filter((row) => row.kind === kind).map((row) => ({ ...row, archived: Number(row.archived) }))).toEqual(written);
    }
    expect(stored.find((row) => row.kind === 'person')).toMatchObject({ title: 'José Pierre-Louis', names: 'jose pierre louis', terms: 'jose pierre louis j pl pnh test' });
    expect(stored.find((row) => row.kind === 'offering')).toMatchObject({ title: 'Patrouille', archived: 1 });

    // Found through the indexes of every later version, which take over these rows (on SQLite, a full-text table per kind since 2026-12-14-01).
    expect((await step.migrator.migrateToLatest()).error).toBeUndefined();
    const all = { kind: 'all' } as const;
    const hits = await repo.find({ kind: 'person', prefixes: ['jose', 'pierre', 'l'], scope: all, withPrivateWords: false, limit: 5 });
    expect(hits.map((hit) => hit.record_id)).toEqual(['p1']);
    const byAcronym = await repo.find({ kind: 'deployment', prefixes: ['pnh'], scope: all, withPrivateWords: false, limit: 5 });
    expect(byAcronym.map((hit) => hit.record_id)).toEqual(['d1']);
  });

  it('goes back by removing the index, and comes again', async () => {
    expect((await step.migrator.migrateTo(THIS)).error).toBeUndefined();
    if (step.testDb.database.engine === 'sqlite') {
      // Back at this version, the one full-text table holds every kind's words again.
      const found = await sql<{ rowid: number }>`SELECT rowid FROM search_fts WHERE search_fts MATCH 'names : ("pnh")'`.execute(step.db);
      expect(found.rows).toHaveLength(2);
    }
    expect((await step.migrator.migrateDown()).error).toBeUndefined();
    const tables = (await step.testDb.database.db.introspection.getTables()).map((table) => table.name);
    expect(tables.filter((name) => name.startsWith('search_'))).toEqual([]);
    expect((await step.migrator.migrateToLatest()).error).toBeUndefined();
  });
});
