import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

export interface EdgeRow {
  enrollment_id: string;
  instructor: string;
  trainee: string;
  country: string;
  end_on: string;
  track: string;
}

const BATCH = 50_000;

/** The cascade's edges are never stored: they are read from who taught and who completed each offering. */
export function cascadeRepository(db: Kysely<DB>) {
  return {
    /** Every edge, in batches (a program may hold millions): instructor → trainee of each completed enrollment. */
    async forEachEdgeBatch(visit: (rows: EdgeRow[]) => void): Promise<void> {
      let after = '';
      for (;;) {
        const rows = await db
          .selectFrom('enrollments as e')
          .innerJoin('offerings as o', 'o.id', 'e.offering_id')
          .innerJoin('offering_instructors as oi', 'oi.offering_id', 'e.offering_id')
          .innerJoin('courses as c', 'c.id', 'o.course_id')
          .select(['e.id as enrollment_id', 'oi.person_id as instructor', 'e.person_id as trainee', 'o.country', 'o.end_on', 'c.track'])
          .where('e.status', '=', 'completed')
          // A cancelled offering trained nobody (the same rule as the people-trained figure).
          .where('o.status', '!=', 'cancelled')
          .where('e.id', '>', after)
          .orderBy('e.id')
          .limit(BATCH)
          .execute();
        if (rows.length === 0) return;
        // An enrollment has several instructors: keep its rows together so the next batch starts after it.
        const last = rows.at(-1)?.enrollment_id as string;
        const complete = rows.length === BATCH ? rows.filter((r) => r.enrollment_id !== last) : rows;
        if (complete.length === 0) throw new Error('An enrollment has more instructor rows than a batch holds.');
        visit(complete);
        after = complete.at(-1)?.enrollment_id as string;
        if (rows.length < BATCH) return;
      }
    },

    /** The people of one agency, for its share of the cascade. */
    async peopleOf(organizationId: string): Promise<Set<string>> {
      const rows = await db.selectFrom('people').select('id').where('organization_id', '=', organizationId).execute();
      return new Set(rows.map((r) => r.id));
    },

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
     * Everyone trained downstream of one instructor, by a recursive query; UNION drops repeats, so
     * a cycle ends. CROSS JOIN fixes the join order in SQLite (from each person found, to the
     * offerings they taught, to who completed them): without statistics its planner may otherwise
     * scan every enrollment at every step. PostgreSQL reads it as a plain join.
     */
    async reach(instructorId: string): Promise<string[]> {
      const result = await sql<{ person_id: string }>`
        WITH RECURSIVE downstream(person_id) AS (
          SELECT e.person_id FROM offering_instructors oi
            CROSS JOIN enrollments e
            WHERE oi.person_id = ${instructorId} AND e.offering_id = oi.offering_id AND e.status = 'completed'
          UNION
          SELECT e.person_id FROM downstream d
            CROSS JOIN offering_instructors oi
            CROSS JOIN enrollments e
            WHERE oi.person_id = d.person_id AND e.offering_id = oi.offering_id AND e.status = 'completed'
        )
        SELECT person_id FROM downstream WHERE person_id <> ${instructorId}`.execute(db);
      return result.rows.map((r) => r.person_id);
    },

    /** The edges among a set of people, for drawing one instructor's tree. */
    async edgesFrom(instructorIds: readonly string[]): Promise<EdgeRow[]> {
      const out: EdgeRow[] = [];
      for (let i = 0; i < instructorIds.length; i += 1000) {
        const chunk = instructorIds.slice(i, i + 1000);
        out.push(
          ...(await db
            .selectFrom('enrollments as e')
            .innerJoin('offerings as o', 'o.id', 'e.offering_id')
            .innerJoin('offering_instructors as oi', 'oi.offering_id', 'e.offering_id')
            .innerJoin('courses as c', 'c.id', 'o.course_id')
            .select(['e.id as enrollment_id', 'oi.person_id as instructor', 'e.person_id as trainee', 'o.country', 'o.end_on', 'c.track'])
            .where('e.status', '=', 'completed')
            .where('oi.person_id', 'in', chunk)
            .orderBy('o.end_on')
            .orderBy('e.id')
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
