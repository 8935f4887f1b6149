import { type Kysely, sql } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { isPostgres } from '../platform/db/dialect.js';

/** The program's tables, those that refer to others first: cleared in this order. */
const PROGRAM_TABLES = [
  'badge_credentials', 'endorsements', 'status_lists', 'signing_keys', 'issuer_profiles', 'import_records', 'import_problems', 'import_chunks', 'imports',
  'import_mappings', 'report_runs', 'offering_followups', 'certifications', 'enrollments', 'offering_instructors', 'offerings', 'course_versions', 'courses',
  'credentials', 'vetting_records', 'assignment_events', 'assignments', 'rotations', 'deployment_status_changes', 'deployment_specialties', 'deployment_languages',
  'deployment_purposes', 'deployments', 'person_readiness', 'person_specialties', 'person_heritage_countries', 'person_languages', 'tasks', 'engagement_participants',
  'engagements', 'agreements', 'partnership_stage_changes', 'partnership_countries', 'partnership_tracks', 'partnerships', 'people', 'organizations', 'search_entries',
  'cascade_edges', 'cascade_generations', 'cascade_changes', 'track_experience',
] as const;

type Counted = 'people' | 'organizations' | 'courses' | 'offerings' | 'certifications' | 'deployments';

/** The generator's own reads and its clearing of a program; the rows it writes go through bulk.ts. */
export function generateRepository(db: Kysely<DB>) {
  return {
    async count(table: Counted): Promise<number> {
      return Number((await db.selectFrom(table).select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    },

    /** The next ids of a table after one, in order: a keyset walk over every record. */
    async idsAfter(table: Counted, after: string, limit: number): Promise<string[]> {
      return (await db.selectFrom(table).select('id').where('id', '>', after).orderBy('id').limit(limit).execute()).map((r) => r.id);
    },

    async clearProgram(): Promise<void> {
      await db.transaction().execute(async (trx) => {
        // Accounts stay; what tied them to a person or an agency goes with the program.
        await trx.updateTable('users').set({ organization_id: null, person_id: null }).execute();
        for (const table of PROGRAM_TABLES) await sql`DELETE FROM ${sql.table(table)}`.execute(trx);
      });
    },

    /**
     * Fresh statistics for the query planners, as after a restore or a large import. On
     * PostgreSQL a VACUUM too, as autovacuum would have run in a program that grew over years:
     * rows written at once are not yet marked visible to all, and until they are, an index-only
     * scan still reads the table.
     */
    async analyze(): Promise<void> {
      await (isPostgres(db) ? sql`VACUUM (ANALYZE)` : sql`ANALYZE`).execute(db);
    },
  };
}
