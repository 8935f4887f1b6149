import { type Kysely, sql } from 'kysely';
import type { DB } from '../src/platform/db/schema.js';

/**
 * The limit a reach is measured against: everyone downstream of one instructor by the database's
 * own recursive query over cascade_edges (each step one lookup in the (instructor_id, trainee_id)
 * index; UNION drops repeats, so a cycle ends).
 */
export async function recursiveReach(db: Kysely<DB>, instructorId: string): Promise<string[]> {
  const result = await sql<{ person_id: string }>`
    WITH RECURSIVE downstream(person_id) AS (
      SELECT trainee_id FROM cascade_edges WHERE instructor_id = ${instructorId}
      UNION
      SELECT ce.trainee_id FROM downstream d CROSS JOIN cascade_edges ce WHERE ce.instructor_id = d.person_id
    )
    SELECT person_id FROM downstream WHERE person_id <> ${instructorId}`.execute(db);
  return result.rows.map((r) => r.person_id);
}
