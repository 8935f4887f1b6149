import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrationUnderTest } from '../../../test/migration-steps.js';

const THIS = '2026-12-07-01-language-levels-unknown';

const step = migrationUnderTest(THIS);

const languages = async () =>
  (await sql<{ language: string; speaking: number | null; reading: number | null }>`SELECT language, speaking, reading FROM person_languages ORDER BY language`.execute(step.db)).rows;

describe('the migration that lets a language level be unknown', () => {
  it('keeps the languages recorded before it, lets a level be null, and keeps one language per person', async () => {
    const now = '2010-07-01T00:00:00.000Z';
    await sql`INSERT INTO organizations (id, name, search_name, kind, country, created_at, updated_at) VALUES ('o1', 'Agency', 'agency', 'police_department', 'US', ${now}, ${now})`.execute(step.db);
    await sql`INSERT INTO people (id, organization_id, given_name, family_name, search_name, sort_name, status, created_at, updated_at)
              VALUES ('p1', 'o1', 'Ana', 'Levels', 'ana levels', 'levels ana', 'active', ${now}, ${now})`.execute(step.db);
    await sql`INSERT INTO person_languages (person_id, language, speaking, reading) VALUES ('p1', 'fr', 6, 4)`.execute(step.db);
    await expect(sql`INSERT INTO person_languages (person_id, language, speaking, reading) VALUES ('p1', 'es', NULL, NULL)`.execute(step.db)).rejects.toThrow();

    expect((await step.migrator.migrateTo(THIS)).error).toBeUndefined();
    expect(await languages()).toEqual([{ language: 'fr', speaking: 6, reading: 4 }]);
    await sql`INSERT INTO person_languages (person_id, language, speaking, reading) VALUES ('p1', 'es', NULL, NULL)`.execute(step.db);
    expect(await languages()).toEqual([
      { language: 'es', speaking: null, reading: null },
      { language: 'fr', speaking: 6, reading: 4 },
    ]);
    await expect(sql`INSERT INTO person_languages (person_id, language, speaking, reading) VALUES ('p1', 'es', 2, 2)`.execute(step.db)).rejects.toThrow();
    // Still removed with its person.
    await sql`INSERT INTO people (id, organization_id, given_name, family_name, search_name, sort_name, status, created_at, updated_at)
              VALUES ('p2', 'o1', 'Gone', 'Soon', 'gone soon', 'soon gone', 'active', ${now}, ${now})`.execute(step.db);
    await sql`INSERT INTO person_languages (person_id, language, speaking, reading) VALUES ('p2', 'ht', NULL, NULL)`.execute(step.db);
    await sql`DELETE FROM people WHERE id = 'p2'`.execute(step.db);
    expect(await languages()).toHaveLength(2);
  });

  it('goes back by removing the languages recorded without a level', async () => {
    expect((await step.migrator.migrateDown()).error).toBeUndefined();
    expect(await languages()).toEqual([{ language: 'fr', speaking: 6, reading: 4 }]);
    await expect(sql`INSERT INTO person_languages (person_id, language, speaking, reading) VALUES ('p1', 'es', NULL, NULL)`.execute(step.db)).rejects.toThrow();
    expect((await step.migrator.migrateToLatest()).error).toBeUndefined();
  });
});
