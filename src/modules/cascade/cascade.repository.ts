import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

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
