import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { chunks } from './cascade.tables.repository.js';

export interface EdgeRow {
  enrollment_id: string;
  instructor: string;
  trainee: string;
  country: string;
  end_on: string;
  track: string;
}

/** The cascade's edges, read from the maintained table (kept by cascade.upkeep.ts). */
export function cascadeRepository(db: Kysely<DB>) {
  return {
    /** Generation 0: the program office's own instructors. */
    async roots(): Promise<string[]> {
      const rows = await db
        .selectFrom('people')
        .innerJoin('organizations', 'organizations.id', 'people.organization_id')
        .select('people.id')
        .where('organizations.kind', '=', 'program_office')
        .execute();
      return rows.map((r) => r.id);
    },

    /**
     * Everyone trained downstream of one instructor, by a recursive query over the maintained
     * edges (each step one lookup in the (instructor_id, trainee_id) index); UNION drops repeats,
     * so a cycle ends.
     */
    async reach(instructorId: string): Promise<string[]> {
      const result = await sql<{ person_id: string }>`
        WITH RECURSIVE downstream(person_id) AS (
          SELECT trainee_id FROM cascade_edges WHERE instructor_id = ${instructorId}
          UNION
          SELECT ce.trainee_id FROM downstream d CROSS JOIN cascade_edges ce WHERE ce.instructor_id = d.person_id
        )
        SELECT person_id FROM downstream WHERE person_id <> ${instructorId}`.execute(db);
      return result.rows.map((r) => r.person_id);
    },

    /** The edges from a set of people, for drawing one instructor's tree. */
    async edgesFrom(instructorIds: readonly string[]): Promise<EdgeRow[]> {
      const out: EdgeRow[] = [];
      for (const chunk of chunks(instructorIds, 1000)) {
        out.push(
          ...(await db
            .selectFrom('cascade_edges')
            .select(['enrollment_id', 'instructor_id as instructor', 'trainee_id as trainee', 'country', 'end_on', 'track'])
            .where('instructor_id', 'in', chunk)
            .orderBy('end_on')
            .orderBy('enrollment_id')
            .execute()),
        );
      }
      return out;
    },

    /** Follow-up evidence per person: did they go on to teach? */
    async followUps(personIds: readonly string[]) {
      if (personIds.length === 0) return [];
      const out: { person_id: string; has_taught: number; people_trained: number }[] = [];
      for (let i = 0; i < personIds.length; i += 1000) {
        out.push(
          ...(await db
            .selectFrom('offering_followups')
            .select(['person_id', 'has_taught', 'people_trained'])
            .where('person_id', 'in', personIds.slice(i, i + 1000))
            .execute()),
        );
      }
      return out;
    },
  };
}
