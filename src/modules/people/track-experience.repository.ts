import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

/** Offerings per statement: their ids twice, well under both engines' bound-parameter limits. */
const CHUNK = 500;

/**
 * Each person's experience by track (`track_experience`): the offerings they completed or
 * taught, with their course's track, which "of this track" reads (person-conditions.repository.ts).
 * Written again by offering, from the sources, in the transaction of every change that moves
 * them: the cascade's upkeep (cascade.upkeep.ts) is called by each of those changes already.
 */
export function trackExperience(db: Kysely<DB>) {
  const sources = (where: (column: string) => ReturnType<typeof sql>) => sql`
    SELECT e.offering_id, e.person_id, c.track FROM enrollments e JOIN offerings o ON o.id = e.offering_id JOIN courses c ON c.id = o.course_id
    WHERE e.status = 'completed' AND ${where('e.offering_id')}
    UNION
    SELECT oi.offering_id, oi.person_id, c.track FROM offering_instructors oi JOIN offerings o ON o.id = oi.offering_id JOIN courses c ON c.id = o.course_id
    WHERE ${where('oi.offering_id')}`;
  return {
    /** These offerings' rows, written again from their enrollments and instructors. */
    async rewrite(offeringIds: readonly string[]): Promise<void> {
      for (let i = 0; i < offeringIds.length; i += CHUNK) {
        const chunk = offeringIds.slice(i, i + CHUNK);
        await db.deleteFrom('track_experience').where('offering_id', 'in', chunk).execute();
        await sql`INSERT INTO track_experience (offering_id, person_id, track) ${sources((column) => sql`${sql.ref(column)} IN (${sql.join(chunk)})`)}`.execute(db);
      }
    },
    /** Every row, written again from the sources. */
    async rebuild(): Promise<void> {
      await db.deleteFrom('track_experience').execute();
      await sql`INSERT INTO track_experience (offering_id, person_id, track) ${sources(() => sql`1 = 1`)}`.execute(db);
    },
  };
}
